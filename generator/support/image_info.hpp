// The kind and pixel size of a PNG or JPEG file, read from its header
// (layout needs the aspect ratio long before the PDF writer loads it).
#pragma once

#include <optional>
#include <string>

namespace bulletin {

struct ImageInfo {
    enum class Kind { kPng, kJpeg } kind = Kind::kPng;
    int width = 0, height = 0;  // pixels
};

// nullopt, with `error` set, when the file is not a readable PNG or JPEG.
std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error);

}  // namespace bulletin
