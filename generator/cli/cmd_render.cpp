#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "compose/compose.hpp"
#include "docx/docx_writer.hpp"
#include "layout/layout.hpp"
#include "model/load.hpp"
#include "pdf/pdf_writer.hpp"
#include "support/atomic_file.hpp"
#include "typeset/typesetter.hpp"

namespace bulletin::cli {

namespace {

enum class Format { kPdf, kDocx };

std::optional<Format> format_of(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf") return Format::kPdf;
    if (ext == ".docx") return Format::kDocx;
    return std::nullopt;
}

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

}  // namespace

int run_render(const RenderOptions& options) {
    for (const auto& out : options.outputs) {
        auto format = format_of(out);
        if (!format) {
            std::cerr << fmt::format("bulletin render: cannot tell the format of '{}': name it .pdf or .docx\n", out);
            return kUsageError;
        }
    }
    // The layout named on the command line is checked before the input.
    std::string layout_path;
    if (!options.layout.empty()) {
        std::string message;
        auto found = find_layout(options.layout, message);
        if (!found) {
            std::cerr << "bulletin render: " << message << "\n";
            return kUsageError;
        }
        layout_path = *found;
    }

    Diagnostics diags(options.input);
    auto b = load_bulletin(options.input, diags);
    if (!b) {
        diags.print(std::cerr);
        return kInputError;
    }
    if (layout_path.empty()) {
        std::string name = b->meta.layout.empty() ? "official" : b->meta.layout.value;
        std::string message;
        auto found = find_layout(name, message);
        if (!found) {
            diags.error(b->meta.layout.pos, message);
            diags.print(std::cerr);
            return kInputError;
        }
        layout_path = *found;
    }
    Diagnostics layout_diags(layout_path);
    auto layout = load_layout(layout_path, layout_diags);
    if (!layout) {
        layout_diags.print(std::cerr);
        return kInputError;
    }

    try {
        Document doc = compose(*b, *layout);
        Diagnostics font_diags(default_font_manifest());
        auto fonts = FontSet::load(default_font_manifest(), font_diags);
        if (!fonts) {
            font_diags.print(std::cerr);
            return kInputError;
        }
        // Typeset even for DOCX alone: a character no font has is an error
        // in every format.
        TypesetDocument pages = Typesetter(*layout, *fonts, options.input).typeset(doc);
        // Every output is written to a temporary file first; only when all
        // succeeded are they renamed into place.
        std::vector<std::unique_ptr<PendingFile>> pending;
        for (const auto& out : options.outputs) {
            pending.push_back(std::make_unique<PendingFile>(out));
            if (*format_of(out) == Format::kPdf) write_pdf(pages, pending.back()->temp_path());
            else write_docx(doc, *layout, docx_fonts(*fonts), pending.back()->temp_path());
        }
        for (auto& p : pending) {
            p->commit();
            if (*format_of(p->target()) == Format::kPdf)
                std::cout << fmt::format("{}: {} pages\n", p->target(), pages.pages.size());
            else
                std::cout << fmt::format("{}: written\n", p->target());
        }
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << "\n";
        return kInputError;
    } catch (const std::exception& e) {
        std::cerr << "bulletin render: error: " << e.what() << "\n";
        return kInputError;
    }
    return kOk;
}

}  // namespace bulletin::cli
