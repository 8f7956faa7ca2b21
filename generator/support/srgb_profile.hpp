// An ICC profile of sRGB (IEC 61966-2-1), made by Little CMS: the colour
// space archival formats ask colours to be given in (OFD-A's colour space
// profile; a PDF/A output intent).
//
// Contract: the same bytes on every call and every run (the profile's
// creation date is fixed, not the time it was made).
#pragma once

#include <string>

namespace bulletin {

const std::string& srgb_icc_profile();  // throws std::runtime_error if Little CMS fails

}  // namespace bulletin
