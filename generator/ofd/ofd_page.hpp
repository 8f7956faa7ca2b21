// One typeset page -> the XML of its OFD page (Content.xml): every glyph
// run, rule, box and picture of the page as a text, path or image object of
// one layer, in the page's reading order, in millimetres from the top-left
// corner (the page's points converted, nothing placed anew).
//
// Text: an object per glyph run (one face, size and colour on one
// baseline), holding one TextCode — the run's characters, with DeltaX for
// every advance, so justification and compressed punctuation land where
// the PDF has them — and one CGTransform giving each character the glyph
// HarfBuzz chose (locl forms, compressed punctuation, a fallback face's
// glyph). Readers disagree on how CGTransform counts characters across
// several TextCodes, beyond U+FFFF and in clusters that are not one
// character to one glyph, so such a cluster (a ligature, a character drawn
// with two glyphs, one beyond U+FFFF) is an object of its own, and a run is
// never split into several TextCodes. Spaces (U+0020) at either end of an
// object are left out: they draw nothing, and XML readers may trim them
// (an ideographic space, U+3000, is text like any other and stays).
//
// Contract: page_content() records every glyph it writes in its font and
// every picture in `resources`, and takes its IDs from there; `area` adds
// the page's own size (pages whose size differs from the document's).
#pragma once

#include <string>

#include "ofd/ofd_resources.hpp"
#include "typeset/page.hpp"

namespace bulletin::ofd {

inline constexpr double kMmPerPt = 25.4 / 72;

std::string page_content(const Page& page, Resources& resources, bool area);

// "x y w h" of a box given in points, in millimetres.
std::string box_mm(double x, double y, double w, double h);

}  // namespace bulletin::ofd
