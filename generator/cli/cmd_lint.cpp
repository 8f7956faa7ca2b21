// bulletin lint: what is valid but probably not meant — half-width
// punctuation between Chinese characters (,:;?!() and ASCII quotes), which
// extraction from PDFs and typing on English keyboards leave behind.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "compose/text.hpp"
#include "model/load.hpp"
#include "support/input_file.hpp"
#include "support/output_set.hpp"
#include "support/utf8.hpp"
#include "typeset/shaper.hpp"

namespace bulletin::cli {

namespace {

// The full-width mark for each half-width one lint reports: quotes have an
// opening and a closing form, the others one.
struct FullWidth {
    const char* open;
    const char* close;
};
const FullWidth* full_width(char32_t c) {
    static const FullWidth comma{"，", "，"}, colon{"：", "："}, semicolon{"；", "；"}, question{"？", "？"},
        bang{"！", "！"}, left{"（", "（"}, right{"）", "）"}, dquote{"“", "”"}, squote{"‘", "’"};
    switch (c) {
        case ',': return &comma;
        case ':': return &colon;
        case ';': return &semicolon;
        case '?': return &question;
        case '!': return &bang;
        case '(': return &left;
        case ')': return &right;
        case '"': return &dquote;
        case '\'': return &squote;
        default: return nullptr;
    }
}

bool ideograph(char32_t c) { return is_cjk(c) && c != ' '; }

// One finding: where, what, and the full-width character that replaces it.
struct Finding {
    SourcePos at;
    bool exact = false;  // `at` is the character itself (else where its value starts)
    char32_t found = 0;
    std::string replacement;
    std::string message;
};

// The file with every exact finding replaced; `fixed` counts them. A
// finding whose character is not where it says (it cannot be, but the file
// is the user's) is left alone.
std::string with_fixes(const std::string& bytes, const std::vector<Finding>& findings, std::size_t& fixed) {
    std::u32string text = utf8::decode(bytes);
    std::vector<std::size_t> line_start = {0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == U'\n') line_start.push_back(i + 1);
    std::map<std::size_t, std::string> at;  // code point index -> replacement
    for (const Finding& f : findings) {
        if (!f.exact || f.at.line < 1 || static_cast<std::size_t>(f.at.line) > line_start.size() || f.at.column < 1)
            continue;
        const std::size_t i = line_start[static_cast<std::size_t>(f.at.line - 1)] + static_cast<std::size_t>(f.at.column - 1);
        if (i < text.size() && text[i] == f.found) at[i] = f.replacement;
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto it = at.find(i);
        out += it == at.end() ? utf8::encode(text[i]) : it->second;
    }
    fixed = at.size();
    return out;
}

}  // namespace

int run_lint(const std::vector<std::string>& files, Encoding encoding, bool fix) {
    int status = kOk;
    for (const auto& path : files) {
        Diagnostics diags(path);
        auto b = load_bulletin(path, diags, encoding);
        if (!b) {
            diags.print(std::cerr);
            status = kInputError;
            continue;
        }
        std::vector<Finding> findings;
        for_each_text(*b, [&](const Text& t, const std::string& where) {
            for (const auto& para : text_paragraphs(t, where)) {
                std::u32string u = utf8::decode(para.text);
                std::size_t double_quotes = 0, single_quotes = 0;
                for (std::size_t i = 0; i < u.size(); ++i) {
                    std::size_t& quotes = u[i] == '\'' ? single_quotes : double_quotes;
                    const FullWidth* mark = full_width(u[i]);
                    if (!mark) continue;
                    bool before = i > 0 && ideograph(u[i - 1]);
                    bool after = i + 1 < u.size() && ideograph(u[i + 1]);
                    // Quotes alternate “ ” within a paragraph.
                    const std::string replacement = quotes % 2 == 0 ? mark->open : mark->close;
                    const std::string use = std::string(mark->open) == mark->close
                                                ? std::string(mark->open)
                                                : std::string(mark->open) + " or " + mark->close;
                    if (u[i] == '"' || u[i] == '\'') ++quotes;
                    if (!before && !after) continue;
                    Finding f;
                    f.at = para.origin.pos;
                    f.exact = para.origin.exact;
                    if (para.origin.exact) f.at.column += static_cast<int>(i);
                    f.found = u[i];
                    f.replacement = replacement;
                    f.message = fmt::format("{}:{}:{}: warning: half-width '{}' next to Chinese text in {}; use {}", path,
                                            f.at.line, f.at.column, utf8::encode(u[i]), where, use);
                    findings.push_back(std::move(f));
                }
            }
        });
        std::stable_sort(findings.begin(), findings.end(), [](const auto& x, const auto& y) { return x.at < y.at; });
        if (!fix) {
            for (const auto& f : findings) std::cout << f.message << "\n";
            if (!findings.empty()) status = std::max(status, static_cast<int>(kInputError));
            std::cerr << fmt::format("{}: {} warning{}\n", path, findings.size(), findings.size() == 1 ? "" : "s");
            continue;
        }
        // --fix: in place, all or nothing, and only a file that still loads.
        if (encoding != Encoding::kUtf8) {
            std::cerr << fmt::format("{}: error: --fix rewrites UTF-8 files only; convert it first\n", path);
            status = kInputError;
            continue;
        }
        std::string error;
        auto bytes = read_input_file(path, kMaxBulletinBytes, error);
        if (!bytes) {
            std::cerr << fmt::format("{}: error: {}\n", path, error);
            status = kInputError;
            continue;
        }
        std::size_t fixed = 0;
        std::string result = with_fixes(*bytes, findings, fixed);
        for (const auto& f : findings)
            if (!f.exact) std::cout << f.message << " (not fixed: its place in the file is not known exactly)\n";
        if (fixed > 0) {
            Diagnostics check(path);
            if (!load_bulletin_text(result, check, std::filesystem::path(path).parent_path().string())) {
                std::cerr << fmt::format("{}: error: the fixed file would not load; nothing written\n", path);
                check.print(std::cerr);
                status = kInputError;
                continue;
            }
            try {
                OutputSet out;
                out.add(path).write(result);
                out.commit();
            } catch (const OutputError& e) {
                std::cerr << "bulletin lint: " << e.what() << "\n";
                status = kInputError;
                continue;
            }
        }
        const std::size_t left = findings.size() - fixed;
        if (left > 0) status = std::max(status, static_cast<int>(kInputError));
        std::cerr << fmt::format("{}: {} fixed, {} left\n", path, fixed, left);
    }
    return status;
}

}  // namespace bulletin::cli
