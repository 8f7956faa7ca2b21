// The subcommands of the `bulletin` program. Each returns the exit status:
// 0 done, 1 the input (or a font) is at fault, 2 the command line is wrong.
#pragma once

#include <string>
#include <vector>

namespace bulletin::cli {

enum Exit { kOk = 0, kInputError = 1, kUsageError = 2 };

struct RenderOptions {
    std::string input;
    std::vector<std::string> outputs;
    std::string layout;  // name of a builtin layout or a path; empty = the file's or the default
};

std::string default_font_manifest();

int run_validate(const std::vector<std::string>& files);
int run_fonts(const std::string& manifest);
int run_lint(const std::vector<std::string>& files);
int run_render(const RenderOptions& options);

}  // namespace bulletin::cli
