// bulletin lint: what is valid but probably not meant — half-width
// punctuation between Chinese characters (,:;?!() and ASCII quotes), which
// extraction from PDFs and typing on English keyboards leave behind.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "compose/text.hpp"
#include "model/load.hpp"
#include "support/utf8.hpp"
#include "typeset/shaper.hpp"

namespace bulletin::cli {

namespace {

std::string full_width(char32_t c) {
    switch (c) {
        case ',': return "，";
        case ':': return "：";
        case ';': return "；";
        case '?': return "？";
        case '!': return "！";
        case '(': return "（";
        case ')': return "）";
        case '"': return "“ or ”";
        case '\'': return "‘ or ’";
        default: return {};
    }
}

bool ideograph(char32_t c) { return is_cjk(c) && c != ' '; }

}  // namespace

int run_lint(const std::vector<std::string>& files, Encoding encoding) {
    int status = kOk;
    for (const auto& path : files) {
        Diagnostics diags(path);
        auto b = load_bulletin(path, diags, encoding);
        if (!b) {
            diags.print(std::cerr);
            status = kInputError;
            continue;
        }
        std::vector<std::pair<SourcePos, std::string>> warnings;
        for_each_text(*b, [&](const Text& t, const std::string& where) {
            for (const auto& para : text_paragraphs(t, where)) {
                std::u32string u = utf8::decode(para.text);
                for (std::size_t i = 0; i < u.size(); ++i) {
                    std::string fix = full_width(u[i]);
                    if (fix.empty()) continue;
                    bool before = i > 0 && ideograph(u[i - 1]);
                    bool after = i + 1 < u.size() && ideograph(u[i + 1]);
                    if (!before && !after) continue;
                    SourcePos at = para.origin.pos;
                    if (para.origin.exact) at.column += static_cast<int>(i);
                    warnings.emplace_back(at, fmt::format("{}:{}:{}: warning: half-width '{}' next to Chinese text "
                                                          "in {}; use {}",
                                                          path, at.line, at.column, utf8::encode(u[i]), where, fix));
                }
            }
        });
        std::stable_sort(warnings.begin(), warnings.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        for (const auto& [at, message] : warnings) std::cout << message << "\n";
        if (!warnings.empty()) status = std::max(status, static_cast<int>(kInputError));
        std::cerr << fmt::format("{}: {} warning{}\n", path, warnings.size(), warnings.size() == 1 ? "" : "s");
    }
    return status;
}

}  // namespace bulletin::cli
