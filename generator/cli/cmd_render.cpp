#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "compose/compose.hpp"
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
    for (const auto& out : options.outputs)
        if (*format_of(out) == Format::kDocx) {
            std::cerr << fmt::format("bulletin render: DOCX output is not available yet; nothing was written ({})\n", out);
            return kInputError;
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
        TypesetDocument pages = Typesetter(*layout, *fonts, options.input).typeset(doc);
        // Every output is written to a temporary file first; only when all
        // succeeded are they renamed into place.
        std::vector<std::unique_ptr<PendingFile>> pending;
        for (const auto& out : options.outputs) {
            pending.push_back(std::make_unique<PendingFile>(out));
            write_pdf(pages, pending.back()->temp_path());
        }
        for (auto& p : pending) {
            p->commit();
            std::cout << fmt::format("{}: {} pages\n", p->target(), pages.pages.size());
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
