// A PNG or JPEG shown with an item: read once, checked to its last pixel,
// and then handed to every writer as the same bytes, so that what
// `validate` accepted is exactly what `render` embeds.
//
// Contract: load_image() / check_image() succeed only for a regular file
// (support/input_file.hpp) that libpng or libjpeg decode without an error,
// whose kind is taken from its content (a JPEG named .png is a JPEG), and
// whose size is within the limits below; otherwise they return null with
// `error` set to a phrase completing "image 'photo.png' …". decode_png()
// never fails on data that check_image() accepted.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bulletin {

// Larger pictures are refused (a decompression bomb, or a camera's full
// resolution that no printed bulletin needs): scale them down first.
inline constexpr int kMaxImageSide = 20000;                   // pixels
inline constexpr std::int64_t kMaxImagePixels = 64'000'000;  // width × height
inline constexpr std::uint64_t kMaxImagesTotalBytes = 256u << 20;  // all the pictures of one bulletin

struct ImageData {
    enum class Kind { kPng, kJpeg } kind = Kind::kPng;
    int width = 0, height = 0;  // pixels
    int components = 0;         // JPEG: 1 gray, 3 colour (YCbCr/RGB), 4 CMYK
    bool adobe_cmyk = false;    // JPEG: CMYK stored inverted, as Adobe's programs write it
    std::string bytes;          // the file, as read
};

std::shared_ptr<const ImageData> load_image(const std::string& path, std::string& error);
std::shared_ptr<const ImageData> check_image(std::string bytes, std::string& error);

// A PNG's pixels at 8 bits per channel: gray (1) or RGB (3) channels, row
// after row, and its transparency as a separate gray plane (empty when opaque).
struct Pixels {
    int width = 0, height = 0, channels = 0;
    std::vector<std::uint8_t> color;
    std::vector<std::uint8_t> alpha;
};
Pixels decode_png(const ImageData& png);  // throws std::runtime_error

}  // namespace bulletin
