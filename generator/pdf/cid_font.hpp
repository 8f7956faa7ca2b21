// One face embedded in the PDF as a subset CID font (hb-subset): Type0
// font, Identity-H, a `W` width array and a ToUnicode CMap (with UTF-16
// surrogates beyond U+FFFF).
//   CFF outlines      -> CIDFontType0 + FontFile3 /CIDFontType0C
//   TrueType outlines -> CIDFontType2 + FontFile2 + CIDToGIDMap
//
// Contract: the code a glyph is written with in a content stream is known
// at its first use, before the subset exists — pages are written as they
// are finished and fonts only at the end. The code is the glyph's CID in a
// CID-keyed CFF (hb-subset keeps CIDs; checked when subsetting), else its
// glyph id in the original font: a name-keyed CFF is subset with its glyph
// ids kept, a TrueType subset is renumbered and CIDToGIDMap maps back.
// ToUnicode maps each glyph to the first text it was shown for; use() says
// when a later use means something else, and the writer then gives that
// run /ActualText. subset() may run on its own thread (one per face).
// A closing mark set half width (compressed) is shown through a second
// Type0 font over the same descendant program, whose width for it is half
// (halved_font()): the PDF's widths say what the page shows.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/pdf_file.hpp"
#include "typeset/font_face.hpp"

namespace bulletin::pdf {

class CidFont {
public:
    // `type0` is the object number the pages refer to the font by.
    CidFont(const FontFace& face, int type0);
    ~CidFont();
    CidFont(const CidFont&) = delete;
    CidFont& operator=(const CidFont&) = delete;

    // Records that `glyph` is shown for `text` and returns its code.
    // `mapped` is false when ToUnicode cannot say that this use means
    // `text`. A second or later glyph of a cluster gives `text` empty and
    // `cluster` the cluster's text: it is never mapped (the run's
    // /ActualText tells), yet ToUnicode still names it — with the cluster's
    // text, if nothing else — so that every glyph shown has an entry (PDF/A
    // level U, ISO 19005-2 6.2.11.7.2).
    std::uint16_t use(std::uint32_t glyph, const std::u32string& text, bool& mapped,
                      const std::u32string& cluster = {});
    // The width the PDF viewer uses for that glyph, in 1/1000 em.
    int width(std::uint32_t glyph) const;

    // A glyph (already use()d) shown set half width, its blank right half
    // cut: drawn through a second font of the same program whose widths
    // are halved for such glyphs, so its box ends where its ink does.
    // `reserve` gives that font's object number the first time.
    template <class Reserve>
    int halved_font(std::uint32_t glyph, Reserve reserve) {
        if (halved_type0_ == 0) halved_type0_ = reserve();
        halved_.insert(code_of(glyph));
        return halved_type0_;
    }

    int type0() const { return type0_; }
    bool used() const { return !codes_.empty(); }

    // Subsets the face (no PDF involved). Throws std::runtime_error.
    void subset();
    // Writes the font's objects (the Type0 font under the number given).
    void embed(PdfFile& pdf) const;

private:
    std::string subset_tag() const;
    std::string to_unicode_cmap() const;
    std::uint16_t code_of(std::uint32_t glyph);
    std::string width_array(bool halved) const;

    const FontFace& face_;
    int type0_;
    int halved_type0_ = 0;             // the second font, once a glyph is shown half width
    std::set<std::uint16_t> halved_;   // the codes it halves
    struct FreeTypeFace;
    bool cid_keyed_ = false;               // a CID-keyed CFF: codes are CIDs
    std::unique_ptr<FreeTypeFace> cids_;   // the original face, to read them
    std::map<std::uint32_t, std::uint16_t> codes_;            // original glyph -> code, every glyph used
    std::vector<std::int32_t> seen_;                          // the same by glyph id (-1: not used yet)
    std::unordered_map<std::uint32_t, std::u32string> text_;  // glyph -> the text ToUnicode gives it
    std::map<std::uint16_t, std::uint16_t> cid_to_gid_;       // TrueType: code -> glyph in the subset
    std::string program_;  // the subset font program (CFF table, or the whole TrueType font), deflated
    std::size_t program_length_ = 0;  // before deflating
};

}  // namespace bulletin::pdf
