#include "support/image_file.hpp"

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>
#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

#include "support/input_file.hpp"

namespace bulletin {

namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

std::string size_error(std::int64_t w, std::int64_t h) {
    if (w <= 0 || h <= 0) return fmt::format("says it is {} × {} pixels, which is no picture", w, h);
    if (w > kMaxImageSide || h > kMaxImageSide || w * h > kMaxImagePixels)
        return fmt::format("is {} × {} pixels, more than the {} pixels a side and {} megapixels allowed: scale "
                           "it down",
                           w, h, kMaxImageSide, kMaxImagePixels / 1'000'000);
    return {};
}

// ------------------------------------------------------------------ PNG
//
// libpng reports errors by longjmp. Everything the jump crosses is C, and
// every C++ object lives in the heap-allocated PngRead, so nothing with a
// destructor is skipped.

struct PngRead {
    const ImageData* image = nullptr;
    std::size_t pos = 0;
    char message[256] = {};
    Pixels* out = nullptr;                  // null: check only
    std::vector<std::uint8_t> row, pixels;  // one row (check) or the whole image (decode)
};

void png_fail(png_structp png, png_const_charp message) {
    auto* r = static_cast<PngRead*>(png_get_error_ptr(png));
    std::snprintf(r->message, sizeof r->message, "%s", message);
    png_longjmp(png, 1);
}

void png_warn(png_structp, png_const_charp) {}  // harmless: an odd ancillary chunk

void png_read_memory(png_structp png, png_bytep out, png_size_t length) {
    auto* r = static_cast<PngRead*>(png_get_io_ptr(png));
    const std::string& bytes = r->image->bytes;
    if (length > bytes.size() - r->pos) png_error(png, "the file ends in the middle of the picture");
    std::memcpy(out, bytes.data() + r->pos, length);
    r->pos += length;
}

// Reads every row (and the chunks after them); into r->pixels when decoding.
// Returns false with r->message set on failure.
// Owns libpng's structures, whichever way run_png() leaves (a return after
// longjmp, or a bad_alloc from a vector): declared before the setjmp, in
// the frame the jump returns to, so the jump itself skips no destructor.
struct PngStructs {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngStructs() {
        if (png) png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    }
};

bool run_png(PngRead* r) {
    PngStructs s;
    s.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, r, png_fail, png_warn);
    if (s.png) s.info = png_create_info_struct(s.png);
    if (!s.png || !s.info) {
        std::snprintf(r->message, sizeof r->message, "out of memory");
        return false;
    }
    png_structp png = s.png;
    png_infop info = s.info;
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_read_fn(png, r, png_read_memory);
    png_set_user_limits(png, kMaxImageSide, kMaxImageSide);
    png_read_info(png, info);
    png_set_expand(png);  // palette -> RGB, gray < 8 bits -> 8, tRNS -> alpha
    png_set_strip_16(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    const std::size_t rowbytes = png_get_rowbytes(png, info);
    const png_uint_32 height = png_get_image_height(png, info);
    if (r->out) {
        r->pixels.resize(rowbytes * height);
        r->out->width = static_cast<int>(png_get_image_width(png, info));
        r->out->height = static_cast<int>(height);
        r->out->channels = png_get_channels(png, info);
    } else {
        r->row.resize(rowbytes);
    }
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y)
            png_read_row(png, r->out ? r->pixels.data() + y * rowbytes : r->row.data(), nullptr);
    png_read_end(png, nullptr);  // the chunks after the pixels, and their checksums
    return true;
}

std::string check_png(ImageData& img) {
    const auto* d = reinterpret_cast<const unsigned char*>(img.bytes.data());
    if (img.bytes.size() < 33 || std::memcmp(d + 12, "IHDR", 4) != 0) return "is a PNG cut short before its size";
    img.width = static_cast<int>(std::min<std::uint32_t>(be32(d + 16), 0x7FFFFFFF));
    img.height = static_cast<int>(std::min<std::uint32_t>(be32(d + 20), 0x7FFFFFFF));
    if (auto e = size_error(img.width, img.height); !e.empty()) return e;
    auto r = std::make_unique<PngRead>();
    r->image = &img;
    if (!run_png(r.get())) return fmt::format("is a damaged PNG ({})", r->message);
    return {};
}

// ------------------------------------------------------------------ JPEG
//
// The same discipline for libjpeg: its error_exit longjmps out of C frames.

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX] = {};
};

void jpeg_fail(j_common_ptr cinfo) {
    auto* e = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, e->message);
    std::longjmp(e->jump, 1);
}

// Warnings that mean the picture is damaged (cut short, bad entropy data)
// are errors here: a reader would show a grey or garbled part.
void jpeg_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;  // trace messages
    switch (cinfo->err->msg_code) {
        case JWRN_JPEG_EOF:
        case JWRN_HIT_MARKER:
        case JWRN_MUST_RESYNC:
        case JWRN_HUFF_BAD_CODE:
        case JWRN_NOT_SEQUENTIAL:
        case JWRN_BOGUS_PROGRESSION:
        case JWRN_TOO_MUCH_DATA: jpeg_fail(cinfo); break;
        default: break;  // e.g. extraneous bytes before a marker: harmless
    }
}

// Destroys libjpeg's state however run_jpeg() leaves (see PngStructs).
struct JpegRead {
    jpeg_decompress_struct cinfo;
    bool created = false;
    JpegError error;
    std::vector<unsigned char> row;
    char problem[128] = {};  // a refusal that is not a libjpeg error
    int components = 0;
    bool adobe_cmyk = false;
    ~JpegRead() {
        if (created) jpeg_destroy_decompress(&cinfo);
    }
};

bool run_jpeg(JpegRead* r, const ImageData& img) {
    r->cinfo.err = jpeg_std_error(&r->error.mgr);
    r->error.mgr.error_exit = jpeg_fail;
    r->error.mgr.emit_message = jpeg_message;
    if (setjmp(r->error.jump)) return false;
    jpeg_create_decompress(&r->cinfo);
    r->created = true;
    jpeg_mem_src(&r->cinfo, reinterpret_cast<const unsigned char*>(img.bytes.data()),
                 static_cast<unsigned long>(img.bytes.size()));
    jpeg_read_header(&r->cinfo, TRUE);
    if (r->cinfo.arith_code) {
        std::snprintf(r->problem, sizeof r->problem, "uses arithmetic coding, which PDF readers cannot show: save it "
                                                     "again as an ordinary JPEG");
        return false;
    }
    if (r->cinfo.image_width != static_cast<JDIMENSION>(img.width) ||
        r->cinfo.image_height != static_cast<JDIMENSION>(img.height)) {
        std::snprintf(r->problem, sizeof r->problem, "is a damaged JPEG (two different sizes)");
        return false;
    }
    // Every coefficient is still decoded at 1/8 scale, which is what finds
    // damage; only the inverse transforms get cheaper.
    r->cinfo.scale_num = 1;
    r->cinfo.scale_denom = 8;
    r->cinfo.dct_method = JDCT_IFAST;
    jpeg_start_decompress(&r->cinfo);
    r->row.resize(static_cast<std::size_t>(r->cinfo.output_width) * static_cast<std::size_t>(r->cinfo.output_components));
    JSAMPROW rows[1] = {r->row.data()};
    while (r->cinfo.output_scanline < r->cinfo.output_height) jpeg_read_scanlines(&r->cinfo, rows, 1);
    jpeg_finish_decompress(&r->cinfo);
    r->components = r->cinfo.num_components;
    r->adobe_cmyk = r->cinfo.num_components == 4 && r->cinfo.saw_Adobe_marker;
    return true;
}

// The size from the frame header (SOFn), found by walking the markers;
// libjpeg then checks everything else.
std::string check_jpeg(ImageData& img) {
    const auto* d = reinterpret_cast<const unsigned char*>(img.bytes.data());
    const std::size_t n = img.bytes.size();
    bool found = false;
    for (std::size_t i = 2; i + 9 < n && d[i] == 0xFF;) {
        const unsigned marker = d[i + 1];
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            img.width = static_cast<int>(be16(d + i + 7));
            img.height = static_cast<int>(be16(d + i + 5));
            found = true;
            break;
        }
        i += 2 + be16(d + i + 2);
    }
    if (!found) return "is a JPEG without a readable size (damaged or cut short)";
    if (auto e = size_error(img.width, img.height); !e.empty()) return e;
    auto r = std::make_unique<JpegRead>();
    if (!run_jpeg(r.get(), img))
        return r->problem[0] ? std::string(r->problem) : fmt::format("is a damaged JPEG ({})", r->error.message);
    if (r->components != 1 && r->components != 3 && r->components != 4)
        return fmt::format("is a JPEG with {} colour channels, which PDF cannot show: save it as RGB", r->components);
    img.components = r->components;
    img.adobe_cmyk = r->adobe_cmyk;
    return {};
}

}  // namespace

std::shared_ptr<const ImageData> check_image(std::string bytes, std::string& error) {
    auto img = std::make_shared<ImageData>();
    img->bytes = std::move(bytes);
    const auto* d = reinterpret_cast<const unsigned char*>(img->bytes.data());
    static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (img->bytes.empty()) {
        error = "is an empty file";
        return nullptr;
    }
    if (img->bytes.size() >= 8 && std::memcmp(d, kPng, 8) == 0) {
        img->kind = ImageData::Kind::kPng;
        error = check_png(*img);
    } else if (img->bytes.size() >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        img->kind = ImageData::Kind::kJpeg;
        error = check_jpeg(*img);
    } else {
        error = "is neither a PNG nor a JPEG file (the kinds of picture a bulletin can show)";
    }
    if (!error.empty()) return nullptr;
    return img;
}

std::shared_ptr<const ImageData> load_image(const std::string& path, std::string& error) {
    auto bytes = read_input_file(path, kMaxImageBytes, error);
    if (!bytes) return nullptr;
    return check_image(std::move(*bytes), error);
}

Pixels decode_png(const ImageData& png) {
    Pixels px;
    auto r = std::make_unique<PngRead>();
    r->image = &png;
    r->out = &px;
    if (png.kind != ImageData::Kind::kPng || !run_png(r.get()))
        throw std::runtime_error(fmt::format("cannot decode a PNG: {}", r->message));
    // libpng gives gray+alpha or RGBA interleaved: split off the alpha plane.
    const bool has_alpha = px.channels == 2 || px.channels == 4;
    const int color_channels = has_alpha ? px.channels - 1 : px.channels;
    const std::size_t count = static_cast<std::size_t>(px.width) * static_cast<std::size_t>(px.height);
    if (!has_alpha) {
        px.color = std::move(r->pixels);
        return px;
    }
    px.color.resize(count * static_cast<std::size_t>(color_channels));
    px.alpha.resize(count);
    const std::uint8_t* in = r->pixels.data();
    std::uint8_t* out = px.color.data();
    for (std::size_t i = 0; i < count; ++i) {
        for (int c = 0; c < color_channels; ++c) *out++ = *in++;
        px.alpha[i] = *in++;
    }
    px.channels = color_channels;
    return px;
}

}  // namespace bulletin
