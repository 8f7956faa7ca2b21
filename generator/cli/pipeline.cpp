#include "cli/pipeline.hpp"

#include <filesystem>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <optional>
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

// Word and WPS get the manifest's office names of each role.
FontTable docx_fonts(const FontSet& fonts) {
    FontTable table;
    for (const auto& name : fonts.role_names()) {
        const OfficeFonts& o = fonts.role(name)->office;
        table[name] = FontNames{o.cjk, o.windows, o.latin, o.bold};
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
    if (ext == ".ofd") return Format::kOfd;
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

std::shared_ptr<const FontSet> Render::load_fonts(Report& report) {
    const std::string manifest = default_font_manifest();
    Diagnostics diags(manifest);
    std::shared_ptr<const FontSet> fonts = FontSet::load(manifest, diags);
    report.add(diags);
    return diags.ok() ? fonts : nullptr;
}

std::unique_ptr<Render> Render::load(const RenderRequest& request, Report& report,
                                     std::shared_ptr<const FontSet> fonts) {
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
#ifdef __GLIBC__
    // The YAML tree, several times the file's size, is gone: its pages go
    // back to the system, so the typesetting's peak does not stack on the
    // loader's.
    malloc_trim(0);
#endif
    if (!b) {
        report.add(diags);
        return nullptr;
    }
    return from_bulletin(std::move(*b), request.input, layout_path, report, std::move(fonts));
}

std::unique_ptr<Render> Render::from_bulletin(Bulletin bulletin, const std::string& input,
                                              const std::string& layout_path, Report& report,
                                              std::shared_ptr<const FontSet> fonts) {
    std::string path = layout_path;
    if (path.empty()) {
        const Text& named = bulletin.meta.layout;
        std::string message;
        auto found = find_layout(named.empty() ? "official" : named.value, message);
        if (!found) {
            report.add(Diagnostic{input, named.pos, message});
            return nullptr;
        }
        path = *found;
    }
    Diagnostics layout_diags(path);
    auto layout = load_layout(path, layout_diags);
    report.add(layout_diags);
    if (!layout) return nullptr;
    return with_layout(std::move(bulletin), input, std::move(*layout), report, std::move(fonts));
}

std::unique_ptr<Render> Render::with_layout(Bulletin bulletin, const std::string& input, Layout layout,
                                            Report& report, std::shared_ptr<const FontSet> fonts) {
    std::unique_ptr<Render> r(new Render());
    r->input_ = input;
    r->counts_ = {bulletin.has_explicit_groups() ? bulletin.groups.size() : 0, bulletin.item_count(),
                  bulletin.sections.size()};
    r->bulletin_ = std::move(bulletin);
    r->fonts_ = fonts ? std::move(fonts) : load_fonts(report);
    if (!r->fonts_) return nullptr;
    Diagnostics layout_diags(layout.path);
    check_font_roles(layout, *r->fonts_, default_font_manifest(), layout_diags);
    report.add(layout_diags);
    if (!layout_diags.ok()) return nullptr;
    r->layout_ = std::move(layout);
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

bool Render::typeset(Report& report, const PageOutputs& outputs, const Progress& progress) {
    try {
        doc_ = compose(bulletin_, layout_);
        bulletin_ = Bulletin();  // tens of megabytes for a long bulletin, and no longer needed
        // Typeset even for DOCX alone: a character no font has, or text
        // the layout has no room for, is an error in every format.
        TeeSink pdf_bytes(outputs.pdf), ofd_bytes(outputs.ofd);
        std::optional<PdfWriter> pdf;
        std::optional<OfdWriter> ofd;
        std::vector<PageSink*> writers;
        if (!outputs.pdf.empty())
            writers.push_back(&pdf.emplace(pdf_bytes, outputs.pdf_standard.value_or(layout_.pdf_standard)));
        if (!outputs.ofd.empty()) writers.push_back(&ofd.emplace(ofd_bytes, outputs.ofd_options));
        PageTee to_writers(writers);
        PageChecker checker(layout_, writers.empty() ? nullptr : &to_writers);
        if (progress) {
            const double total = static_cast<double>(std::max<std::size_t>(1, printed_characters(doc_)));
            checker.after_page = [&progress, total](std::size_t pages, std::size_t characters) {
                progress(pages, std::min(1.0, static_cast<double>(characters) / total));
            };
        }
        pages_ = Typesetter(layout_, *fonts_, input_).typeset(doc_, &checker);
        checker.verify(doc_, input_);
#ifdef __GLIBC__
        // What the pages and paragraphs freed goes back before the fonts
        // are subset, which takes its own share for a moment.
        malloc_trim(0);
#endif
        if (pdf) pdf->finish(pages_);
        if (ofd) ofd->finish(pages_);
        if (progress) progress(pages_.page_count, -1);
    } catch (const InputError& e) {
        if (progress) progress(0, -1);
        for (const auto& d : e.diagnostics()) report.add(d);
        return false;
    }
    return true;
}

void Render::write_docx(ByteSink& out) const {
    // As the PDF was set: tighter, headlines smaller, rare characters in the
    // font the PDF found for them (Word can do none of it by itself).
    const Layout layout = pages_.tightening < 1 ? tightened_layout(layout_, pages_.tightening) : layout_;
    TypesetFacts facts;
    facts.shrunk = pages_.shrunk;
    facts.fallback = [fonts = fonts_.get()](const std::string& role_name, char32_t c) -> std::string {
        const FontRole* role = fonts->role(role_name);
        if (!role) return {};
        const FontFace* face = fonts->face_for(*role, c);
        if (!face || face == role->cjk || face == role->latin) return {};
        // The office name of a role whose own face it is (宋体 for Noto Serif CJK).
        for (const auto& name : fonts->role_names())
            if (fonts->role(name)->cjk == face) return fonts->role(name)->office.cjk;
        return {};
    };
    bulletin::write_docx(doc_, layout, docx_fonts(*fonts_), out, facts);
}

}  // namespace bulletin::cli
