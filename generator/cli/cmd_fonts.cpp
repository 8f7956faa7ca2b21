#include <iostream>

#include "cli/commands.hpp"
#include "support/paths.hpp"
#include "typeset/font_set.hpp"

namespace bulletin::cli {

int run_fonts(const std::string& manifest, bool fontconfig) {
    std::string path = manifest.empty() ? default_font_manifest() : manifest;
    Diagnostics diags(path);
    auto fonts = FontSet::load(path, diags);
    if (!fonts) {
        diags.print(std::cerr);
        return kInputError;
    }
    if (fontconfig) {
        fonts->write_fontconfig(std::cout);
        return kOk;
    }
    std::cout << "font manifest: " << path << "\n";
    fonts->describe(std::cout);
    return kOk;
}

}  // namespace bulletin::cli
