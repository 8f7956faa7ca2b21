#include "ofd/ofd_font.hpp"

#include <stdexcept>

#include "typeset/face_subset.hpp"

namespace bulletin::ofd {

OfdFont::OfdFont(const FontFace& face, std::uint32_t id)
    : face_(face), id_(id), glyphs_(hb_set_create()), unicodes_(hb_set_create()) {
    if (!hb_set_allocation_successful(glyphs_.get()) || !hb_set_allocation_successful(unicodes_.get()))
        throw std::bad_alloc();
}

void OfdFont::use(std::uint32_t glyph, std::u32string_view text) {
    hb_set_add(glyphs_.get(), glyph);
    for (char32_t c : text) hb_set_add(unicodes_.get(), c);
}

std::string OfdFont::file_name() const {
    return "font_" + std::to_string(id_) + (face_.is_cff() ? ".otf" : ".ttf");
}

void OfdFont::subset() {
    const FaceSubset subset = subset_face(face_, glyphs_.get(), unicodes_.get(), true);
    // Every id a page names must still be that glyph.
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(subset.plan.get());
    for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(glyphs_.get(), &g);)
        if (hb_map_get(old_to_new, g) != g)
            throw std::runtime_error("OFD: the subset of " + face_.path() + " renumbered glyph " + std::to_string(g));
    HbPtr<hb_blob_t> blob(hb_face_reference_blob(subset.face.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (length == 0) throw std::runtime_error("hb-subset produced an empty font for " + face_.path());
    program_.assign(data, length);
}

}  // namespace bulletin::ofd
