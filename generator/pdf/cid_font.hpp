// One face embedded in the PDF as a subset CID font (hb-subset), the route
// libharu's own font API cannot take: Type0 font, Identity-H, a `W` width
// array and a ToUnicode CMap (with UTF-16 surrogates beyond U+FFFF).
//   CFF outlines      -> CIDFontType0 + FontFile3 /CIDFontType0C
//   TrueType outlines -> CIDFontType2 + FontFile2, /CIDToGIDMap /Identity
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include <hpdf.h>

#include "typeset/font_face.hpp"

namespace bulletin {

class CidFont {
public:
    explicit CidFont(const FontFace& face) : face_(face) {}

    // Records that `glyph` is shown for `text` (empty for the second and
    // later glyphs of a cluster). Call for every glyph before embed().
    void use(std::uint32_t glyph, const std::u32string& text);

    // True when the ToUnicode map can say what `glyph` means: it always
    // stood for the same non-empty text. Otherwise the writer marks the run
    // with /ActualText so no character is lost in text extraction.
    bool maps_uniquely(std::uint32_t glyph) const;

    // Subsets the face (no PDF involved: may run on its own thread, one
    // thread per face). Throws std::runtime_error.
    void subset();
    // Creates the PDF objects from the subset. Call after subset().
    void embed(HPDF_Doc doc);

    HPDF_Dict type0() const { return type0_; }
    // The code to write in the content stream for an original glyph.
    std::uint16_t code(std::uint32_t glyph) const { return codes_.at(glyph); }
    // The width the PDF viewer uses for that code, in 1/1000 em.
    int width(std::uint32_t glyph) const { return widths_.at(glyph); }

private:
    std::string subset_tag() const;
    std::string to_unicode_cmap() const;

    const FontFace& face_;
    std::set<std::uint32_t> glyphs_;
    std::map<std::uint32_t, std::u32string> text_of_;
    std::set<std::uint32_t> ambiguous_;
    std::map<std::uint32_t, std::uint16_t> codes_;
    std::map<std::uint32_t, int> widths_;
    std::string program_;  // the subset font program to embed (CFF table, or the whole TrueType font)
    HPDF_Dict type0_ = nullptr;
};

}  // namespace bulletin
