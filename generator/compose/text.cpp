#include "compose/text.hpp"

#include <fmt/format.h>

#include "support/utf8.hpp"

namespace bulletin {

std::string chinese_numeral(long long n) {
    static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 0) return "负" + chinese_numeral(-n);
    if (n < 10) return digits[n];
    if (n < 20) return std::string("十") + (n % 10 ? digits[n % 10] : "");
    if (n < 100) return std::string(digits[n / 10]) + "十" + (n % 10 ? digits[n % 10] : "");
    if (n < 1000) {
        std::string out = std::string(digits[n / 100]) + "百";
        long long rest = n % 100;
        if (rest == 0) return out;
        if (rest < 10) return out + "零" + digits[rest];
        if (rest < 20) return out + "一" + chinese_numeral(rest);  // 一百一十二
        return out + chinese_numeral(rest);
    }
    return std::to_string(n);
}

std::string format_number(const std::string& format, long long n) {
    std::string out = format;
    auto replace = [&](const std::string& key, const std::string& value) {
        for (std::size_t p = out.find(key); p != std::string::npos; p = out.find(key, p + value.size()))
            out.replace(p, key.size(), value);
    };
    replace("{cn}", chinese_numeral(n));
    replace("{n}", std::to_string(n));
    return out;
}

Span name_span(const std::string& name, Origin origin) {
    Span s{utf8::trim(name), false, std::move(origin)};
    std::u32string u = utf8::decode(s.text);
    if (u.size() == 2 && u[0] >= 0x3400 && u[1] >= 0x3400) s.fit_chars = 3;
    return s;
}

std::string chinese_date(const std::string& iso_date) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso_date.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return iso_date;
    return fmt::format("{}年{}月{}日", y, m, d);
}

Origin text_origin(const Text& text, SharedString where) {
    bool one_line = text.value.find('\n') == std::string::npos || text.value.find('\n') + 1 == text.value.size();
    if (text.content.known() && one_line) {
        auto ls = utf8::lines(text.value);
        std::size_t lead = ls.empty() ? 0 : ls.front().leading;
        return {{text.content.line, text.content.column + static_cast<int>(lead)}, where, true};
    }
    return {text.pos, where, false};
}

std::vector<TextParagraph> text_paragraphs(const Text& text, SharedString where) {
    std::vector<TextParagraph> out;
    for (auto& line : utf8::lines(text.value)) {
        Origin o{text.pos, where, false};
        if (text.content.known())
            o = {{text.content.line + static_cast<int>(line.index), text.content.column + static_cast<int>(line.leading)},
                 where, true};
        out.push_back({std::move(line.text), o});
    }
    return out;
}

std::vector<Span> inline_spans(const std::string& paragraph, const Origin& origin, bool strong) {
    std::vector<Span> out;
    bool bold = false;
    std::size_t start = 0;
    Origin at = origin;
    while (true) {
        std::size_t mark = paragraph.find("**", start);
        std::string piece = paragraph.substr(start, mark == std::string::npos ? std::string::npos : mark - start);
        if (!piece.empty()) out.push_back({piece, strong || bold, at});
        if (mark == std::string::npos) break;
        // The next span starts after this one and the two-character mark.
        if (at.exact) at.pos.column += static_cast<int>(utf8::length(piece)) + 2;
        bold = !bold;
        start = mark + 2;
    }
    return out;
}

Paragraph make_paragraph(const std::string& style, const std::string& text, const Origin& origin) {
    Paragraph p;
    p.style = style;
    p.spans = inline_spans(text, origin);
    return p;
}

std::string title_lines(const std::string& title) {
    // The spec: a space or a newline in a title is a line break.
    std::string out;
    bool pending_break = false;
    for (char ch : utf8::trim(title)) {
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            pending_break = true;
            continue;
        }
        if (pending_break) out += "\u2028";
        pending_break = false;
        out += ch;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

}  // namespace bulletin
