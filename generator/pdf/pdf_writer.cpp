#include "pdf/pdf_writer.hpp"

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf/cid_font.hpp"
#include "support/document_time.hpp"
#include "support/utf8.hpp"

namespace bulletin {

namespace {

// Short decimal numbers for the content stream: "12.5", not "12.500000".
std::string num(double v) {
    if (std::abs(v) < 0.0005) return "0";
    std::string s = fmt::format("{:.3f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string color_op(const Color& c, const char* op) {
    return fmt::format("{} {} {} {}\n", num(c.r), num(c.g), num(c.b), op);
}

// UTF-16BE with a byte-order mark: how PDF text strings hold Chinese.
std::vector<HPDF_BYTE> pdf_text(const std::string& utf8_text) {
    std::vector<HPDF_BYTE> out = {0xFE, 0xFF};
    auto put = [&](unsigned unit) {
        out.push_back(static_cast<HPDF_BYTE>(unit >> 8));
        out.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
    };
    for (char32_t c : utf8::decode(utf8_text)) {
        if (c >= 0x10000) {
            put(0xD800 + ((c - 0x10000) >> 10));
            put(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            put(static_cast<unsigned>(c));
        }
    }
    return out;
}

std::string hex_utf16(const std::u32string& text) {
    std::string out = "FEFF";
    for (char32_t c : text) {
        if (c >= 0x10000)
            out += fmt::format("{:04X}{:04X}", 0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
        else
            out += fmt::format("{:04X}", static_cast<unsigned>(c));
    }
    return out;
}

struct ErrorState {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* state = static_cast<ErrorState*>(user);
    if (state->code == HPDF_OK) {
        state->code = code;
        state->detail = detail;
    }
}

class PdfWriter {
public:
    explicit PdfWriter(const TypesetDocument& doc) : doc_(doc) {
        pdf_ = HPDF_New(on_error, &errors_);
        if (!pdf_) throw std::runtime_error("PDF: libharu could not start");
    }
    ~PdfWriter() { HPDF_Free(pdf_); }
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    void save(ByteSink& out) {
        HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
        collect_glyphs();
        subset_fonts();
        for (auto& font : fonts_) font->embed(pdf_);
        std::vector<HPDF_Page> pages;
        for (const Page& page : doc_.pages) pages.push_back(write_page(page));
        write_outline(pages);
        HPDF_AddPageLabel(pdf_, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
        if (!doc_.bookmarks.empty()) HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
        write_info();
        fail_if_error("building the document");
        // Into libharu's memory stream, then to the sink, whose writes are
        // checked (libharu's own file writer ignores a failing close).
        if (HPDF_SaveToStream(pdf_) != HPDF_OK) fail_if_error("saving");
        fail_if_error("saving");
        std::string chunk(1 << 16, '\0');
        for (;;) {
            auto size = static_cast<HPDF_UINT32>(chunk.size());
            HPDF_STATUS status = HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(chunk.data()), &size);
            if (status != HPDF_OK && status != HPDF_STREAM_EOF) {
                errors_.code = status;
                fail_if_error("reading the saved document");
            }
            out.write(std::string_view(chunk.data(), size));
            if (status == HPDF_STREAM_EOF || size == 0) break;
        }
    }

private:
    void fail_if_error(const char* what) {
        if (errors_.code != HPDF_OK)
            throw std::runtime_error(fmt::format("PDF: {} failed (libharu error {:#x}, detail {})", what,
                                                 errors_.code, errors_.detail));
    }

    // Pass 1: which glyphs of which face are used, and for what text.
    void collect_glyphs() {
        for (const Page& page : doc_.pages)
            for (const PageElement& el : page.elements)
                if (const auto* run = std::get_if<GlyphRun>(&el)) {
                    auto [it, fresh] = font_index_.emplace(run->face, fonts_.size());
                    if (fresh) fonts_.push_back(std::make_unique<CidFont>(*run->face));
                    CidFont& font = *fonts_[it->second];
                    for (std::size_t i = 0; i < run->glyphs.size(); ++i) font.use(run->glyphs[i], run->texts[i]);
                }
    }

    // Subsetting dominates a small render and faces are independent: one
    // thread per face. (libharu is not thread-safe; embed() stays serial.)
    void subset_fonts() {
        std::vector<std::exception_ptr> errors(fonts_.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < fonts_.size(); ++i)
            threads.emplace_back([this, i, &errors] {
                try {
                    fonts_[i]->subset();
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            });
        for (auto& t : threads) t.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
    }

    HPDF_Page write_page(const Page& page) {
        HPDF_Page p = HPDF_AddPage(pdf_);
        HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(page.width));
        HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(page.height));
        auto* attr = static_cast<HPDF_PageAttr>(static_cast<HPDF_Dict>(p)->attr);
        std::string content;
        for (const PageElement& el : page.elements) {
            if (const auto* run = std::get_if<GlyphRun>(&el)) {
                register_font(p, run->face);
                content += glyph_run(*run, page.height);
            } else if (const auto* rule = std::get_if<Rule>(&el)) {
                content += fmt::format("{} w\n", num(rule->width)) + color_op(rule->color, "RG") +
                           fmt::format("{} {} m {} {} l S\n", num(rule->x1), num(page.height - rule->y1),
                                       num(rule->x2), num(page.height - rule->y2));
            } else if (const auto* box = std::get_if<Box>(&el)) {
                content += color_op(box->fill, "rg") +
                           fmt::format("{} {} {} {} re f\n", num(box->x), num(page.height - box->y - box->height),
                                       num(box->width), num(box->height));
            } else if (const auto* image = std::get_if<PlacedImage>(&el)) {
                flush(attr, content);
                draw_image(p, *image, page.height);
            }
        }
        flush(attr, content);
        return p;
    }

    static void flush(HPDF_PageAttr attr, std::string& content) {
        if (content.empty()) return;
        HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                          static_cast<HPDF_UINT>(content.size()));
        content.clear();
    }

    // A JPEG is embedded as it is (DCTDecode); a PNG as its pixels, decoded
    // by support/image_file (never by libharu's PNG loader, which aborts the
    // program on a PNG error), with its transparency as a soft mask.
    HPDF_Image embed_image(const ImageData& data) {
        const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(data.bytes.data());
        if (data.kind == ImageData::Kind::kJpeg) {
            HPDF_Image img = HPDF_LoadJpegImageFromMem(pdf_, bytes, static_cast<HPDF_UINT>(data.bytes.size()));
            if (!img) fail_if_error("embedding a JPEG");
            return img;
        }
        const Pixels px = decode_png(data);
        auto raw = [&](const std::vector<std::uint8_t>& plane, HPDF_ColorSpace space) {
            HPDF_Image img = HPDF_LoadRawImageFromMem(pdf_, plane.data(), static_cast<HPDF_UINT>(px.width),
                                                      static_cast<HPDF_UINT>(px.height), space, 8);
            if (!img) fail_if_error("embedding a PNG");
            return img;
        };
        HPDF_Image img = raw(px.color, px.channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB);
        if (!px.alpha.empty() && HPDF_Image_AddSMask(img, raw(px.alpha, HPDF_CS_DEVICE_GRAY)) != HPDF_OK)
            fail_if_error("embedding a PNG's transparency");
        return img;
    }

    void draw_image(HPDF_Page page, const PlacedImage& image, double page_height) {
        // Each file is embedded once, however often it is shown.
        HPDF_Image& img = images_[image.data.get()];
        if (!img) img = embed_image(*image.data);
        HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(image.x),
                            static_cast<HPDF_REAL>(page_height - image.y - image.height),
                            static_cast<HPDF_REAL>(image.width), static_cast<HPDF_REAL>(image.height));
    }

    void register_font(HPDF_Page page, const FontFace* face) {
        auto* dict = static_cast<HPDF_Dict>(page);
        HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(dict, "Resources", HPDF_OCLASS_DICT));
        if (!resources) throw std::runtime_error("PDF: page without resources");
        HPDF_Dict fonts = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(resources, "Font", HPDF_OCLASS_DICT));
        if (!fonts) {
            fonts = HPDF_Dict_New(dict->mmgr);
            if (!fonts || HPDF_Dict_Add(resources, "Font", fonts) != HPDF_OK)
                throw std::runtime_error("PDF: cannot add fonts to a page");
        }
        std::string name = font_name(face);
        if (!HPDF_Dict_GetItem(fonts, name.c_str(), HPDF_OCLASS_DICT))
            HPDF_Dict_Add(fonts, name.c_str(), fonts_[font_index_.at(face)]->type0());
    }

    std::string glyph_run(const GlyphRun& run, double page_height) {
        const CidFont& font = *fonts_[font_index_.at(run.face)];
        std::string out;
        bool actual_text = run.actual_text;
        std::u32string text;
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
            if (!font.maps_uniquely(run.glyphs[i])) actual_text = true;
            text += run.texts[i];
        }
        // Where a glyph cannot tell its text through ToUnicode (one character
        // drawn with two glyphs, one glyph used for two characters), the run
        // carries its text as /ActualText, so extraction still gets it right.
        if (actual_text) out += fmt::format("/Span <</ActualText <{}>>> BDC\n", hex_utf16(text));
        out += fmt::format("BT\n/{} {} Tf\n", font_name(run.face), num(run.size));
        out += color_op(run.color, "rg");
        double scale = run.size / 1000.0;
        std::size_t i = 0;
        while (i < run.glyphs.size()) {
            // One Tm + TJ per stretch of glyphs on the same baseline offset.
            double y_offset = run.ys.empty() ? 0 : run.ys[i];
            out += fmt::format("1 0 0 1 {} {} Tm\n[", num(run.x + run.xs[i]), num(page_height - run.y + y_offset));
            double pen = run.xs[i];
            std::string hex;
            const std::size_t first = i;
            for (; i < run.glyphs.size() && (i == first || (run.ys.empty() ? 0 : run.ys[i]) == y_offset); ++i) {
                double gap = run.xs[i] - pen;
                if (std::abs(gap) > 0.001) {
                    out += "<" + hex + ">" + num(-gap / scale);
                    hex.clear();
                }
                hex += fmt::format("{:04X}", font.code(run.glyphs[i]));
                pen = run.xs[i] + font.width(run.glyphs[i]) * scale;
            }
            out += "<" + hex + ">] TJ\n";
        }
        out += "ET\n";
        if (actual_text) out += "EMC\n";
        return out;
    }

    void write_outline(const std::vector<HPDF_Page>& pages) {
        std::vector<std::pair<int, HPDF_Outline>> stack;  // open parents by level
        for (const Bookmark& bm : doc_.bookmarks) {
            while (!stack.empty() && stack.back().first >= bm.level) stack.pop_back();
            HPDF_Outline parent = stack.empty() ? nullptr : stack.back().second;
            HPDF_Outline outline = HPDF_CreateOutline(pdf_, parent, "", nullptr);
            if (!outline) fail_if_error("creating a bookmark");
            set_text(static_cast<HPDF_Dict>(outline), "Title", bm.title);
            HPDF_Outline_SetOpened(outline, bm.level == 1 ? HPDF_TRUE : HPDF_FALSE);
            std::size_t index = std::min(bm.page, pages.size() - 1);
            set_destination(static_cast<HPDF_Dict>(outline), pages[index], doc_.pages[index].height - bm.y);
            stack.emplace_back(bm.level, outline);
        }
    }

    // [page /XYZ null top null]: jump to the heading, keep the reader's zoom
    // (libharu's own XYZ destination insists on a zoom factor).
    void set_destination(HPDF_Dict outline, HPDF_Page page, double top) {
        HPDF_MMgr mmgr = outline->mmgr;
        HPDF_Array dest = HPDF_Array_New(mmgr);
        if (!dest) fail_if_error("creating a destination");
        HPDF_Array_Add(dest, page);
        HPDF_Array_AddName(dest, "XYZ");
        HPDF_Array_Add(dest, HPDF_Null_New(mmgr));
        HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(top));
        HPDF_Array_Add(dest, HPDF_Null_New(mmgr));
        if (HPDF_Dict_Add(outline, "Dest", dest) != HPDF_OK) fail_if_error("setting a destination");
    }

    std::string font_name(const FontFace* face) const { return fmt::format("F{}", font_index_.at(face) + 1); }

    // A text string entry (Title, Author …) as UTF-16BE.
    void set_text(HPDF_Dict dict, const char* key, const std::string& value) {
        auto bytes = pdf_text(value);
        HPDF_Binary b = HPDF_Binary_New(dict->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
        if (!b || HPDF_Dict_Add(dict, key, b) != HPDF_OK) fail_if_error("writing a text entry");
    }

    void write_info() {
        const DocumentInfo& info = doc_.info;
        // libharu creates the Info dictionary on first use; its own string
        // encoding cannot hold Chinese, so the values are replaced by UTF-16.
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_CREATOR, "bulletin");
        HPDF_Dict dict = static_cast<HPDF_Doc_Rec*>(pdf_)->info;
        if (!dict) throw std::runtime_error("PDF: no Info dictionary");
        auto put = [&](const char* key, const std::string& value) {
            if (!value.empty()) set_text(dict, key, value);
        };
        put("Title", info.title);
        put("Author", info.author);
        put("Subject", info.subject);
        put("Keywords", info.keywords);
        put("Creator", info.creator);

        std::time_t when = document_time();
        std::tm utc{};
        gmtime_r(&when, &utc);
        HPDF_Date date{};
        date.year = utc.tm_year + 1900;
        date.month = utc.tm_mon + 1;
        date.day = utc.tm_mday;
        date.hour = utc.tm_hour;
        date.minutes = utc.tm_min;
        date.seconds = utc.tm_sec;
        date.ind = 'Z';
        HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, date);
    }

    const TypesetDocument& doc_;
    ErrorState errors_;
    HPDF_Doc pdf_ = nullptr;
    // In order of first use, so object numbers do not depend on addresses.
    std::vector<std::unique_ptr<CidFont>> fonts_;
    std::map<const FontFace*, std::size_t> font_index_;
    std::map<const ImageData*, HPDF_Image> images_;
};

}  // namespace

void write_pdf(const TypesetDocument& doc, ByteSink& out) { PdfWriter(doc).save(out); }

}  // namespace bulletin
