// One loaded font face (a file, or one face of a .ttc collection), with
// what shaping, measuring and the PDF writer need from it.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include <hb.h>

namespace bulletin {

class FontFace {
public:
    // Loads `path` (face `index` of a collection). Throws std::runtime_error
    // when the file cannot be read as a font.
    FontFace(std::string path, unsigned index, std::string family, std::string style);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    const std::string& path() const { return path_; }
    unsigned index() const { return index_; }
    const std::string& family() const { return family_; }
    const std::string& style() const { return style_; }
    const std::string& postscript_name() const { return postscript_name_; }

    hb_face_t* hb_face() const { return face_; }
    hb_font_t* hb_font() const { return font_; }
    unsigned units_per_em() const { return upem_; }
    // True when the outlines are CFF (OpenType/CFF): embedded as
    // CIDFontType0C; otherwise TrueType outlines, embedded as CIDFontType2.
    bool is_cff() const { return cff_; }

    bool has_glyph(char32_t c) const;
    // The glyph the character map gives `c` (0 when it has none).
    std::uint32_t nominal_glyph(char32_t c) const;
    // Vertical metrics as fractions of the em.
    double ascender() const { return ascender_; }
    double descender() const { return descender_; }  // negative: below the baseline
    // Bottom of the ideographic em box relative to the baseline (about -0.12).
    double embox_bottom() const { return embox_bottom_; }
    // Horizontal ink extent of a glyph, as fractions of the em. Remembered
    // per glyph: HarfBuzz walks the outline each time it is asked.
    void ink_extent(std::uint32_t glyph, double& left, double& right) const;
    double advance(std::uint32_t glyph) const;  // fraction of the em

private:
    std::string path_;
    unsigned index_;
    std::string family_;
    std::string style_;
    std::string postscript_name_;
    hb_blob_t* blob_ = nullptr;
    hb_face_t* face_ = nullptr;
    hb_font_t* font_ = nullptr;
    unsigned upem_ = 1000;
    bool cff_ = false;
    double ascender_ = 0.88, descender_ = -0.12, embox_bottom_ = -0.12;
    mutable std::mutex ink_mutex_;  // a const face may be used from several threads
    mutable std::unordered_map<std::uint32_t, std::pair<double, double>> ink_;
};

}  // namespace bulletin
