// UTF-8 <-> code points, and the few character classes the pipeline asks about.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bulletin::utf8 {

// Decodes UTF-8; an invalid byte becomes U+FFFD (yaml-cpp has already
// rejected invalid input, so this only guards against programming errors).
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);
std::string encode(char32_t c);

// Number of code points.
std::size_t length(std::string_view s);

// "U+4DAE" style name of a code point.
std::string codepoint_name(char32_t c);

// A non-blank line of a block of text, trimmed, with where it was.
struct Line {
    std::size_t index = 0;    // line number within the block, from 0
    std::size_t leading = 0;  // characters trimmed at its start
    std::string text;
};
std::vector<Line> lines(std::string_view block);

// Splits a block of text into paragraphs: one non-blank line = one paragraph,
// surrounding whitespace trimmed.
std::vector<std::string> paragraphs(std::string_view block);

// Trims ASCII and ideographic (U+3000) whitespace at both ends.
std::string trim(std::string_view s);

}  // namespace bulletin::utf8
