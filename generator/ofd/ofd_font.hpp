// One face embedded in an OFD as a subset (hb-subset) with the glyph ids
// of the original face kept: pages are written as they are set, before the
// subset exists, and their CGTransforms name glyphs by id. The subset keeps
// a Unicode character map for every character shown, since a reader maps
// text without a CGTransform through it (and search and copy rely on the
// text, not the glyphs).
//
// Contract: use() while pages are written, subset() once after the last
// (on any thread; one font per thread), then program() is the font file.
// The subset holds every glyph passed to use(), at the id it had.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "typeset/font_face.hpp"
#include "typeset/hb_ptr.hpp"

namespace bulletin::ofd {

class OfdFont {
public:
    OfdFont(const FontFace& face, std::uint32_t id);

    // `glyph` is shown for `text` (the characters of its cluster; empty
    // for a cluster's second glyph).
    void use(std::uint32_t glyph, std::u32string_view text);
    void subset();  // throws std::runtime_error

    const FontFace& face() const { return face_; }
    std::uint32_t id() const { return id_; }
    // Its name in the package's resource folder: font_ID.otf (CFF
    // outlines) or font_ID.ttf.
    std::string file_name() const;
    const std::string& program() const { return program_; }

private:
    const FontFace& face_;
    std::uint32_t id_;
    HbPtr<hb_set_t> glyphs_, unicodes_;
    std::string program_;
};

}  // namespace bulletin::ofd
