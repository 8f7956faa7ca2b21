// Small text rules shared by all composers: Chinese numerals, heading
// numbers, name spacing, dates, inline bold marks.
#pragma once

#include <string>
#include <vector>

#include "compose/document.hpp"

namespace bulletin {

// 1 -> 一, 10 -> 十, 11 -> 十一, 21 -> 二十一, 105 -> 一百零五.
std::string chinese_numeral(long long n);

// Fills a numbering format: {cn} = Chinese numeral, {n} = Arabic.
std::string format_number(const std::string& format, long long n);

// A person's name as a span: a two-character one is spaced out to the
// width of three (杨 献) by Span::fit_chars.
Span name_span(const std::string& name, Origin origin);

// 2025-01-20 -> 2025年1月20日.
std::string chinese_date(const std::string& iso_date);

// Where a one-line value came from; exact when the file maps it 1:1.
Origin text_origin(const Text& text, SharedString where);

// The paragraphs (non-blank lines) of a text value, each with its origin.
struct TextParagraph {
    std::string text;
    Origin origin;
};
std::vector<TextParagraph> text_paragraphs(const Text& text, SharedString where);

// One paragraph of input text -> spans, honouring **bold** marks.
std::vector<Span> inline_spans(const std::string& paragraph, const Origin& origin, bool strong = false);

// Paragraph in `style` from one input paragraph.
Paragraph make_paragraph(const std::string& style, const std::string& text, const Origin& origin);

// Replaces spaces and newlines in a title by forced line breaks (U+2028).
std::string title_lines(const std::string& title);

// Joins texts with a separator (、 by default).
std::string join(const std::vector<std::string>& parts, const std::string& separator = "、");

}  // namespace bulletin
