// One paragraph of the document set at a given width: shaped, broken into
// lines, ready to be placed line by line by the page builder.
#pragma once

#include <string>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "typeset/line_breaker.hpp"
#include "typeset/page.hpp"

namespace bulletin {

struct SetParagraph {
    const Style* style = nullptr;
    std::vector<Piece> pieces;
    std::vector<SetLine> lines;
    double width = 0;            // the measure it was set to (before left/right indents)
    double size = 0;             // type size used (a headline may be shrunk to fit)
    double baseline = 0;         // from the top of a line box to its baseline
    int outline_level = 0;
    std::string outline_title;
    bool keep_with_next = false;

    double leading() const { return style->leading; }
    double height() const { return style->leading * static_cast<double>(lines.size()); }
};

// Tagged PDF: for each span, its rank among the strong spans that are
// tagged as Spans of their own (-1: none) — every strong span of a
// paragraph of several spans (a label before its text, bold words).
std::vector<std::int32_t> strong_span_ranks(const Paragraph& p);
std::size_t strong_span_count(const Paragraph& p);

// Sets `paragraph` in its style at `width`. Characters no font has are added
// to `missing` (the caller reports them all at once).
SetParagraph set_paragraph(const Paragraph& paragraph, const Layout& layout, const FontSet& fonts, double width,
                           std::vector<MissingChar>& missing);

// Draws line `index` with its line box's top-left corner at (x, y): the
// background bar (if the style has one), then the glyph runs.
// `tag`: the runs' structure node (0: furniture).
void draw_line(const SetParagraph& p, std::size_t index, double x, double y, Page& page,
               std::uint32_t tag = StructureTree::kArtifact);

// Widest natural line of a set paragraph (for shrink-wrapped boxes).
double widest_line(const SetParagraph& p);

}  // namespace bulletin
