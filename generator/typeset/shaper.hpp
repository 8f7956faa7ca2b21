// Paragraph text -> pieces: the clusters that line breaking moves around,
// each shaped by HarfBuzz in the face that has its characters, with the
// facts the breaker needs (width, compressible punctuation, where a line
// may start).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "support/located.hpp"
#include "typeset/font_set.hpp"

namespace bulletin {

// A stretch of paragraph text with one appearance.
struct TextRun {
    std::string text;  // UTF-8; U+2028 forces a line break
    const FontRole* role = nullptr;
    double size = 12;
    Color color;
    double tracking = 0;  // extra space after each character
    Origin origin;        // for "character not in any font" messages
    int fit_chars = 0;    // spaced out to this many characters' width (Span::fit_chars)
};

// A glyph of a piece, placed from the piece's origin (pt).
struct PieceGlyph {
    std::uint32_t id = 0;
    double x = 0, y = 0;
};

// One cluster (usually one character).
struct Piece {
    std::u32string text;
    const FontFace* face = nullptr;
    double size = 12;
    Color color;
    std::vector<PieceGlyph> glyphs;  // one allocation per piece, not one per field
    double advance = 0;           // natural width including tracking (pt)
    double trim_left_max = 0;     // blank half of full-width opening punctuation (pt)
    double trim_right_max = 0;    // blank half of full-width closing punctuation (pt)
    double trim_left = 0, trim_right = 0;  // compression applied
    bool break_before = false;    // a line may start with this piece
    bool glue_before = false;     // justification may widen the gap before it
    bool is_space = false;        // dropped at the end and start of a line
    bool forced_break = false;    // U+2028: the line ends after this piece
    bool no_line_start = false;   // closing punctuation (行首禁则)
    // Space before this piece where Han meets a Latin letter or digit (中西
    //间距, clreq 3.2.2: a quarter em; what Word, WPS and LibreOffice add
    // too); not at the start of a line.
    double autospace = 0;
    // Part of a run spaced out to a width (a name aligned to three
    // characters): kept on one line, not justified, and its text given to
    // PDF readers as written (the space is not a character).
    bool fitted = false;
    // Inside a web address or an e-mail address, a line may start here only
    // at a cost (after / . - ? & = _): such an address is kept whole where
    // it fits.
    bool url_break = false;
    std::uint32_t run = 0;  // the TextRun (the paragraph's span) it comes from
    // Tagged PDF: its span's rank among the paragraph's strong spans that
    // are tagged on their own (a label: 主办单位：), or -1 (set_paragraph).
    std::int32_t strong_rank = -1;
    double width() const { return advance - trim_left - trim_right; }
};

// A character no configured font has, and where it came from.
struct MissingChar {
    char32_t c;
    Origin origin;
};

// Shapes the runs of one paragraph. Characters no font has are reported in
// `missing` and left out. Adjacent full-width punctuation is compressed
// (the pair takes 1.5 em) here, once.
std::vector<Piece> shape_paragraph(const std::vector<TextRun>& runs, const FontSet& fonts,
                                   std::vector<MissingChar>& missing);

// Character classes of the Chinese line-breaking rules (禁则).
bool is_no_line_start(char32_t c);  // closing punctuation: never begins a line
bool is_no_line_end(char32_t c);    // opening punctuation: never ends a line
bool is_cjk(char32_t c);            // ideographs, kana, full-width forms and CJK punctuation

}  // namespace bulletin
