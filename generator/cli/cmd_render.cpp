#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "model/load.hpp"

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
        if (!format_of(out)) {
            std::cerr << fmt::format("bulletin render: cannot tell the format of '{}': name it .pdf or .docx\n", out);
            return kUsageError;
        }
    }
    Diagnostics diags(options.input);
    auto b = load_bulletin(options.input, diags);
    if (!b) {
        diags.print(std::cerr);
        return kInputError;
    }
    for (const auto& out : options.outputs) {
        const char* what = *format_of(out) == Format::kPdf ? "PDF" : "DOCX";
        std::cerr << fmt::format("bulletin render: {} output is not available yet; nothing was written ({})\n",
                                 what, out);
    }
    return kInputError;
}

}  // namespace bulletin::cli
