// Owning pointers for HarfBuzz's objects (and hb-subset's), for the writers
// that subset faces.
#pragma once

#include <memory>

#include <hb-subset.h>

namespace bulletin {

struct HbDeleter {
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
    void operator()(hb_set_t* p) const { hb_set_destroy(p); }
};
template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

}  // namespace bulletin
