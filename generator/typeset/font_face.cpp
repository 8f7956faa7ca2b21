#include "typeset/font_face.hpp"

#include <stdexcept>

#include <hb-ot.h>

namespace bulletin {

FontFace::FontFace(std::string path, unsigned index, std::string family, std::string style)
    : path_(std::move(path)), index_(index), family_(std::move(family)), style_(std::move(style)) {
    blob_ = hb_blob_create_from_file_or_fail(path_.c_str());
    if (!blob_) throw std::runtime_error("cannot read font file " + path_);
    face_ = hb_face_create(blob_, index_);
    upem_ = hb_face_get_upem(face_);
    if (hb_face_get_glyph_count(face_) == 0 || upem_ == 0) {
        hb_face_destroy(face_);
        hb_blob_destroy(blob_);
        throw std::runtime_error("not a usable font: " + path_);
    }
    font_ = hb_font_create(face_);
    hb_font_set_scale(font_, static_cast<int>(upem_), static_cast<int>(upem_));

    hb_blob_t* cff = hb_face_reference_table(face_, HB_TAG('C', 'F', 'F', ' '));
    cff_ = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);

    char name[256];
    unsigned size = sizeof name;
    if (hb_ot_name_get_utf8(face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name) > 0)
        postscript_name_.assign(name, size);
    if (postscript_name_.empty()) postscript_name_ = "Font";

    hb_font_extents_t ext;
    if (hb_font_get_h_extents(font_, &ext)) {
        ascender_ = ext.ascender / static_cast<double>(upem_);
        descender_ = ext.descender / static_cast<double>(upem_);
    }
    hb_position_t bottom = 0;
    hb_ot_layout_get_baseline_with_fallback(font_, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                            HB_DIRECTION_LTR, HB_TAG('h', 'a', 'n', 'i'), HB_TAG('Z', 'H', 'S', ' '),
                                            &bottom);
    embox_bottom_ = bottom / static_cast<double>(upem_);
}

FontFace::~FontFace() {
    hb_font_destroy(font_);
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
}

bool FontFace::has_glyph(char32_t c) const { return nominal_glyph(c) != 0; }

std::uint32_t FontFace::nominal_glyph(char32_t c) const {
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(font_, c, &g) ? g : 0;
}

void FontFace::ink_extent(std::uint32_t glyph, double& left, double& right) const {
    std::lock_guard<std::mutex> lock(ink_mutex_);
    auto [it, added] = ink_.try_emplace(glyph);
    if (added) {
        hb_glyph_extents_t e{};
        if (hb_font_get_glyph_extents(font_, glyph, &e))
            it->second = {e.x_bearing / static_cast<double>(upem_), (e.x_bearing + e.width) / static_cast<double>(upem_)};
        else
            it->second = {0, advance(glyph)};
    }
    left = it->second.first;
    right = it->second.second;
}

double FontFace::advance(std::uint32_t glyph) const {
    return hb_font_get_glyph_h_advance(font_, glyph) / static_cast<double>(upem_);
}

}  // namespace bulletin
