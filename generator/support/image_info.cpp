#include "support/image_info.hpp"

#include <fstream>
#include <iterator>
#include <vector>

namespace bulletin {

namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned long be32(const unsigned char* p) {
    return (static_cast<unsigned long>(p[0]) << 24) | (static_cast<unsigned long>(p[1]) << 16) | (p[2] << 8) | p[3];
}

}  // namespace

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot be read";
        return std::nullopt;
    }
    std::vector<unsigned char> d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (d.size() >= 24 && std::equal(png, png + 8, d.begin())) {
        ImageInfo info{ImageInfo::Kind::kPng, static_cast<int>(be32(&d[16])), static_cast<int>(be32(&d[20]))};
        if (info.width > 0 && info.height > 0) return info;
        error = "is a PNG without a size";
        return std::nullopt;
    }
    if (d.size() >= 4 && d[0] == 0xFF && d[1] == 0xD8) {
        // Walk the JPEG markers to the frame header (SOFn), which holds the size.
        std::size_t i = 2;
        while (i + 9 < d.size()) {
            if (d[i] != 0xFF) break;
            unsigned marker = d[i + 1];
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            unsigned length = be16(&d[i + 2]);
            bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                ImageInfo info{ImageInfo::Kind::kJpeg, static_cast<int>(be16(&d[i + 7])), static_cast<int>(be16(&d[i + 5]))};
                if (info.width > 0 && info.height > 0) return info;
                break;
            }
            i += 2 + length;
        }
        error = "is a JPEG without a readable size";
        return std::nullopt;
    }
    error = "is neither a PNG nor a JPEG file";
    return std::nullopt;
}

}  // namespace bulletin
