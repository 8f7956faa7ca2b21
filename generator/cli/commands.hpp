// The subcommands of the `bulletin` program. Each returns the exit status:
// 0 done, 1 the input (or the layout, a font, an output file) is at fault,
// 2 the command line is wrong.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/pipeline.hpp"

namespace bulletin::cli {

enum Exit { kOk = 0, kInputError = 1, kUsageError = 2 };

struct RenderOptions {
    RenderRequest request;
    std::vector<std::string> outputs;
    OfdOptions ofd;
    std::optional<PdfStandard> pdf_standard;  // --pdf-standard; else the layout's
};

// A dry run of render for each file: everything but writing the outputs.
int run_validate(const std::vector<std::string>& files, const RenderRequest& options);
// `fontconfig`: print the rules that map the office names to these fonts.
int run_fonts(const std::string& manifest, bool fontconfig);
// `fix`: rewrite the half-width marks in place (UTF-8 files; every other
// byte kept), all or nothing per file.
int run_lint(const std::vector<std::string>& files, Encoding encoding, bool fix = false);
int run_render(const RenderOptions& options);
// A commented starting file with every key: to `output` (never over an
// existing file), or to standard output when it is empty.
int run_init(const std::string& output);
// The JSON Schema of the input: to `output` (replaced), or to standard
// output when it is empty.
int run_schema(const std::string& output);
// A ledger (.xlsx, its sheet `sheet` or the first; or .csv) -> `output`,
// a bulletin YAML file.
int run_import(const std::string& ledger, const std::string& output, const std::string& sheet);

}  // namespace bulletin::cli
