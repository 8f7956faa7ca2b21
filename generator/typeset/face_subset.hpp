// A face cut down to the glyphs a document shows (hb-subset), for the
// writers that embed fonts (PDF, OFD). Hinting and the layout tables go —
// an embedded font is never shaped again — and CFF charstrings are
// desubroutinized (measured faster, and no larger once deflated).
//
// Contract: the subset holds .notdef and every glyph in `glyphs`;
// `unicodes`, when given, keeps a character map for those characters (a
// reader that maps text through the font's cmap needs one), else cmap and
// post are dropped too. With `retain_gids` every glyph keeps its id. Throws
// std::runtime_error when hb-subset fails. Safe to call for different
// faces on different threads.
#pragma once

#include "typeset/font_face.hpp"
#include "typeset/hb_ptr.hpp"

namespace bulletin {

struct FaceSubset {
    HbPtr<hb_subset_plan_t> plan;  // its old-to-new glyph mapping
    HbPtr<hb_face_t> face;
};

FaceSubset subset_face(const FontFace& face, const hb_set_t* glyphs, const hb_set_t* unicodes, bool retain_gids);

}  // namespace bulletin
