// What an OFD's pages refer to, gathered while they are written: the IDs
// (one counter for the whole document, as the standard's MaxUnitID wants),
// a font per face and a multimedia resource per picture, each given its ID
// at its first use.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ofd/ofd_font.hpp"
#include "support/image_file.hpp"

namespace bulletin::ofd {

struct OfdImage {
    std::shared_ptr<const ImageData> data;
    std::uint32_t id = 0;
    bool packed = false;  // its file is in the package already
    std::string file_name() const;  // image_ID.png / .jpg
    const char* format() const;     // "PNG" / "JPEG"
};

class Resources {
public:
    std::uint32_t new_id() { return ++max_id_; }
    std::uint32_t max_id() const { return max_id_; }

    OfdFont& font(const FontFace& face);
    OfdImage& image(const std::shared_ptr<const ImageData>& data);

    // In order of first use.
    const std::vector<std::unique_ptr<OfdFont>>& fonts() const { return fonts_; }
    std::vector<OfdImage>& images() { return images_; }

private:
    std::uint32_t max_id_ = 0;
    std::vector<std::unique_ptr<OfdFont>> fonts_;
    std::map<const FontFace*, OfdFont*> font_of_;
    std::vector<OfdImage> images_;
    std::map<const ImageData*, std::size_t> image_of_;
};

}  // namespace bulletin::ofd
