#include "support/srgb_profile.hpp"

#include <stdexcept>

#include <lcms2.h>

namespace bulletin {

namespace {

std::string make_profile() {
    cmsHPROFILE profile = cmsCreate_sRGBProfile();
    if (!profile) throw std::runtime_error("Little CMS could not make an sRGB profile");
    cmsUInt32Number size = 0;
    std::string bytes;
    bool ok = cmsSaveProfileToMem(profile, nullptr, &size) && size > 128;
    if (ok) {
        bytes.resize(size);
        ok = cmsSaveProfileToMem(profile, bytes.data(), &size);
    }
    cmsCloseProfile(profile);
    if (!ok) throw std::runtime_error("Little CMS could not write an sRGB profile");
    // The header's creation date (bytes 24-35: year, month, day, hour,
    // minute, second, big-endian) is when Little CMS ran: fixed to
    // 2000-01-01, so the same input gives the same bytes. The profile ID
    // (bytes 84-99) is left zero, "not computed".
    const unsigned char date[12] = {0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 12; ++i) bytes[24 + i] = static_cast<char>(date[i]);
    for (int i = 84; i < 100; ++i) bytes[i] = 0;
    return bytes;
}

}  // namespace

const std::string& srgb_icc_profile() {
    static const std::string profile = make_profile();
    return profile;
}

}  // namespace bulletin
