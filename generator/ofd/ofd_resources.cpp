#include "ofd/ofd_resources.hpp"

namespace bulletin::ofd {

std::string OfdImage::file_name() const {
    return "image_" + std::to_string(id) + (data->kind == ImageData::Kind::kJpeg ? ".jpg" : ".png");
}

const char* OfdImage::format() const { return data->kind == ImageData::Kind::kJpeg ? "JPEG" : "PNG"; }

OfdFont& Resources::font(const FontFace& face) {
    auto [it, fresh] = font_of_.emplace(&face, nullptr);
    if (fresh) {
        fonts_.push_back(std::make_unique<OfdFont>(face, new_id()));
        it->second = fonts_.back().get();
    }
    return *it->second;
}

OfdImage& Resources::image(const std::shared_ptr<const ImageData>& data) {
    auto [it, fresh] = image_of_.emplace(data.get(), images_.size());
    if (fresh) images_.push_back(OfdImage{data, new_id()});
    return images_[it->second];
}

}  // namespace bulletin::ofd
