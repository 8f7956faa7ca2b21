// fuzz_image: the bytes of a picture through check_image (PNG or JPEG,
// checked to the last pixel with libpng/libjpeg) and, for an accepted PNG,
// decode_png, which must then succeed with pixels of the size it says.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.hpp"
#include "support/image_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string error;
    auto image = bulletin::check_image(std::string(reinterpret_cast<const char*>(data), size), error);
    fuzz::require((image != nullptr) == error.empty(), "check_image: refused exactly when there is an error");
    if (!image) {
        fuzz::diag_stream() << "image " << error << "\n";
        return 0;
    }
    fuzz::require(image->width > 0 && image->height > 0 && image->width <= bulletin::kMaxImageSide &&
                      image->height <= bulletin::kMaxImageSide,
                  "check_image: an accepted picture has a size within the limits");
    if (image->kind != bulletin::ImageData::Kind::kPng) return 0;
    bulletin::Pixels px = bulletin::decode_png(*image);  // throws (a crash here) only if the contract is broken
    const auto count = static_cast<std::size_t>(px.width) * static_cast<std::size_t>(px.height);
    fuzz::require(px.width == image->width && px.height == image->height, "decode_png: the size check_image read");
    fuzz::require((px.channels == 1 || px.channels == 3) && px.color.size() == count * static_cast<std::size_t>(px.channels) &&
                      (px.alpha.empty() || px.alpha.size() == count),
                  "decode_png: planes as large as the picture");
    return 0;
}
