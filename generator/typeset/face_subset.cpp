#include "typeset/face_subset.hpp"

#include <stdexcept>

namespace bulletin {

FaceSubset subset_face(const FontFace& face, const hb_set_t* glyphs, const hb_set_t* unicodes, bool retain_gids) {
    HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("hb-subset: out of memory");
    hb_set_t* gids = hb_subset_input_glyph_set(input.get());
    hb_set_add(gids, 0);
    hb_set_union(gids, glyphs);
    if (unicodes) hb_set_union(hb_subset_input_unicode_set(input.get()), unicodes);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
                       HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n')})
        hb_set_add(drop, t);
    if (!unicodes) {
        hb_set_add(drop, HB_TAG('c', 'm', 'a', 'p'));
        hb_set_add(drop, HB_TAG('p', 'o', 's', 't'));
    }
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE |
                                               (retain_gids ? unsigned{HB_SUBSET_FLAGS_RETAIN_GIDS} : 0u));
    FaceSubset out;
    out.plan.reset(hb_subset_plan_create_or_fail(face.hb_face(), input.get()));
    if (!out.plan) throw std::runtime_error("hb-subset could not plan a subset of " + face.path());
    out.face.reset(hb_subset_plan_execute_or_fail(out.plan.get()));
    if (!out.face) throw std::runtime_error("hb-subset could not subset " + face.path());
    return out;
}

}  // namespace bulletin
