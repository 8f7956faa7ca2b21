// What the typesetter produces: pages of positioned glyph runs, rules, boxes
// and images, in reading order. Pure data; the PDF writer draws it.
// Coordinates are points from the top-left corner of the page, y downwards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "support/image_file.hpp"
#include "typeset/font_face.hpp"

namespace bulletin {

// Glyphs of one face, size and colour on one baseline.
struct GlyphRun {
    const FontFace* face = nullptr;
    double size = 12;
    Color color;
    double x = 0, y = 0;             // origin of the run on the baseline
    std::vector<std::uint32_t> glyphs;
    std::vector<double> xs;          // x of each glyph, relative to the run origin
    std::vector<double> ys;          // vertical offset of each glyph (up is positive)
    // Text of each glyph's cluster, on its first glyph ("" for the others):
    // the PDF writer builds ToUnicode (or ActualText) from it.
    std::vector<std::u32string> texts;
    // Page furniture the typesetter repeats (page numbers, running heads, a
    // table's header on later pages): not text of the document, which
    // typeset/verify counts.
    bool repeated = false;
    // Its text must reach PDF readers through /ActualText: spacing between
    // its glyphs (a name spaced out) must not become a space when copied.
    bool actual_text = false;
};

struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
};

struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    Color fill;
};

struct PlacedImage {
    std::shared_ptr<const ImageData> data;
    double x = 0, y = 0, width = 0, height = 0;
};

using PageElement = std::variant<GlyphRun, Rule, Box, PlacedImage>;

struct Page {
    double width = 0, height = 0;
    std::vector<PageElement> elements;  // in reading order (boxes before the text on them)

    // Marks the glyph runs from element `first` on as repeated furniture.
    void mark_repeated(std::size_t first) {
        for (std::size_t i = first; i < elements.size(); ++i)
            if (auto* run = std::get_if<GlyphRun>(&elements[i])) run->repeated = true;
    }
};

struct Bookmark {
    int level = 1;  // 1 = top
    std::string title;
    std::size_t page = 0;
    double y = 0;
};

struct DocumentInfo {
    std::string title, author, subject, creator, keywords;
};

struct TypesetDocument {
    std::vector<Page> pages;
    // The share of the layout's leading and spacing the pages were set at
    // (below 1 when a newspaper was set tighter to save its last page;
    // see tightened_layout() in typeset/typesetter.hpp).
    double tightening = 1;
    // The paragraphs of the Document set smaller than their style, to fit
    // (shrink_to_fit), and the size they were set at: a DOCX gives them
    // that size too, since Word cannot shrink a paragraph by itself.
    ParagraphSizes shrunk;
    std::vector<Bookmark> bookmarks;
    DocumentInfo info;
};

}  // namespace bulletin
