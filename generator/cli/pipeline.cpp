#include "cli/pipeline.hpp"

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "compose/compose.hpp"
#include "docx/docx_writer.hpp"
#include "model/load.hpp"
#include "pdf/pdf_writer.hpp"
#include "support/paths.hpp"
#include "typeset/typesetter.hpp"
#include "typeset/verify.hpp"

namespace bulletin::cli {

namespace {

// Word gets the manifest's first (official) family of each role, with the
// family this machine resolved as its alternative.
FontTable docx_fonts(const FontSet& fonts) {
    auto family = [](const std::string& candidate) { return candidate.substr(0, candidate.find(':')); };
    FontTable table;
    for (const auto& name : fonts.role_names()) {
        const FontRole& role = *fonts.role(name);
        FontNames f;
        if (!role.cjk_candidates.empty()) {
            f.east_asia = family(role.cjk_candidates.front());
            f.bold = role.cjk_candidates.front().find("style=Bold") != std::string::npos;
        }
        if (role.cjk) f.east_asia_alt = role.cjk->family();
        if (!role.latin_candidates.empty()) f.latin = family(role.latin_candidates.front());
        if (role.latin) f.latin_alt = role.latin->family();
        if (f.latin.empty()) f.latin = f.east_asia;
        table[name] = f;
    }
    return table;
}

// Every font role the layout's styles name must be one the manifest has.
void check_font_roles(const Layout& layout, const FontSet& fonts, const std::string& manifest, Diagnostics& diags) {
    for (const auto& [name, st] : layout.styles)
        for (const std::string* role : {&st.font, &st.strong})
            if (!role->empty() && !fonts.role(*role)) {
                diags.error(st.pos, fmt::format("style '{}' uses font role '{}', which {} does not define (its "
                                                "roles: {})",
                                                name, *role, manifest, fmt::join(fonts.role_names(), ", ")));
                break;
            }
}

}  // namespace

std::string default_font_manifest() { return (data_dir() / "fonts" / "fonts.yaml").string(); }

std::optional<Format> format_of(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf") return Format::kPdf;
    if (ext == ".docx") return Format::kDocx;
    return std::nullopt;
}

void Report::add(const Diagnostic& d) {
    err << format_diagnostic(d) << '\n';
    ++problems;
    status = std::max(status, 1);
}

void Report::add(const Diagnostics& ds) {
    for (const auto& d : ds.sorted()) add(d);
}

std::unique_ptr<Render> Render::load(const RenderRequest& request, Report& report) {
    std::unique_ptr<Render> r(new Render());
    r->input_ = request.input;

    // The layout named on the command line is found before the input is read.
    std::string layout_path;
    if (!request.layout.empty()) {
        std::string message;
        auto found = find_layout(request.layout, message);
        if (!found) {
            report.err << "bulletin: " << message << "\n";
            ++report.problems;
            report.status = 2;
            return nullptr;
        }
        layout_path = *found;
    }

    Diagnostics diags(request.input);
    auto b = load_bulletin(request.input, diags, request.encoding);
    if (!b) {
        report.add(diags);
        return nullptr;
    }
    r->bulletin_ = std::move(*b);
    if (layout_path.empty()) {
        const Text& named = r->bulletin_.meta.layout;
        std::string message;
        auto found = find_layout(named.empty() ? "official" : named.value, message);
        if (!found) {
            diags.error(named.pos, message);
            report.add(diags);
            return nullptr;
        }
        layout_path = *found;
    }

    Diagnostics layout_diags(layout_path);
    auto layout = load_layout(layout_path, layout_diags);
    const std::string manifest = default_font_manifest();
    Diagnostics font_diags(manifest);
    r->fonts_ = FontSet::load(manifest, font_diags);
    if (layout && r->fonts_) check_font_roles(*layout, *r->fonts_, manifest, layout_diags);
    report.add(layout_diags);
    report.add(font_diags);
    if (!layout || !layout_diags.ok() || !r->fonts_) return nullptr;
    r->layout_ = std::move(*layout);
    return r;
}

std::vector<std::string> Render::files_read() const {
    std::vector<std::string> files = {input_, layout_.path};
    for (const Group& g : bulletin_.groups)
        for (const Item& it : g.items) {
            for (const ImageRef& img : it.images) files.push_back(img.path);
            for (const Item& rel : it.related)
                for (const ImageRef& img : rel.images) files.push_back(img.path);
        }
    return files;
}

bool Render::typeset(Report& report) {
    try {
        doc_ = compose(bulletin_, layout_);
        // Typeset even for DOCX alone: a character no font has, or text
        // the layout has no room for, is an error in every format.
        pages_ = Typesetter(layout_, *fonts_, input_).typeset(doc_);
        verify_typeset(doc_, pages_, layout_, input_);
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics()) report.add(d);
        return false;
    }
    return true;
}

void Render::write(Format format, ByteSink& out) const {
    if (format == Format::kPdf) write_pdf(pages_, out);
    else write_docx(doc_, layout_, docx_fonts(*fonts_), out);
}

}  // namespace bulletin::cli
