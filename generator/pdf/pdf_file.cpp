#include "pdf/pdf_file.hpp"

#include <charconv>
#include <cmath>
#include <memory>
#include <stdexcept>

#include <libdeflate.h>

#include "support/utf8.hpp"

namespace bulletin::pdf {

namespace {

// Level 6: the writing thread hides its cost behind the typesetting, and
// lower levels make the file 3-7 % larger (measured: docs/architecture.md, PDF).
constexpr int kDeflateLevel = 6;

struct CompressorDeleter {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

libdeflate_compressor* compressor() {
    // One per thread: pages and fonts may be compressed on several.
    thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> c(libdeflate_alloc_compressor(kDeflateLevel));
    if (!c) throw std::bad_alloc();
    return c.get();
}

void append_uint(std::string& out, std::uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

}  // namespace

PdfFile::PdfFile(ByteSink& out) : out_(out) {
    // The binary comment tells transfer programs the file is not text.
    put("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

void PdfFile::put(std::string_view bytes) {
    out_.write(bytes);
    offset_ += bytes.size();
}

int PdfFile::reserve() { return ++reserved_; }

void PdfFile::object(int num, std::string body) { jobs_.push({num, false, false, std::move(body), {}}); }

int PdfFile::object(std::string body) {
    int num = reserve();
    object(num, std::move(body));
    return num;
}

void PdfFile::stream(int num, std::string dict, std::string data, bool compress) {
    jobs_.push({num, true, compress, std::move(dict), std::move(data)});
}

int PdfFile::stream(std::string dict, std::string data, bool compress) {
    int num = reserve();
    stream(num, std::move(dict), std::move(data), compress);
    return num;
}

void PdfFile::write(Job& job) {
    if (offsets_.size() < static_cast<std::size_t>(job.num)) offsets_.resize(static_cast<std::size_t>(job.num), 0);
    std::string head;
    append_uint(head, static_cast<std::uint64_t>(job.num));
    head += " 0 obj\n";
    if (!job.is_stream) {
        offsets_[static_cast<std::size_t>(job.num - 1)] = offset_;
        put(head);
        put(job.dict);
        put("\nendobj\n");
        return;
    }
    if (job.compress) job.data = deflate(job.data);
    head += "<<";
    head += job.dict;
    if (job.compress) head += "/Filter/FlateDecode";
    head += "/Length ";
    append_uint(head, job.data.size());
    head += ">>\nstream\n";
    offsets_[static_cast<std::size_t>(job.num - 1)] = offset_;
    put(head);
    put(job.data);
    put("\nendstream\nendobj\n");
}

void PdfFile::write_trailer(int root, int info, const std::string& id) {
    const std::uint64_t xref = offset_;
    offsets_.resize(static_cast<std::size_t>(reserved_), 0);
    std::string out = "xref\n0 ";
    append_uint(out, offsets_.size() + 1);
    out += "\n0000000000 65535 f\r\n";
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
        if (offsets_[i] == 0) throw std::logic_error("PDF: object " + std::to_string(i + 1) + " never written");
        // Twenty bytes each: a ten-digit offset, generation, "n", CR LF.
        std::string digits;
        append_uint(digits, offsets_[i]);
        if (digits.size() > 10) throw std::runtime_error("PDF: the file is larger than a PDF's cross-reference table can address");
        out.append(10 - digits.size(), '0');
        out += digits;
        out += " 00000 n\r\n";
    }
    out += "trailer\n<</Size ";
    append_uint(out, offsets_.size() + 1);
    out += "/Root " + ref(root);
    if (info) out += "/Info " + ref(info);
    out += "/ID[<" + id + "><" + id + ">]>>\nstartxref\n";
    append_uint(out, xref);
    out += "\n%%EOF\n";
    put(out);
}

std::string ref(int num) { return std::to_string(num) + " 0 R"; }

void append_hex4(std::string& out, unsigned value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += kHex[(value >> 12) & 15];
    out += kHex[(value >> 8) & 15];
    out += kHex[(value >> 4) & 15];
    out += kHex[value & 15];
}

void append_utf16_hex(std::string& out, std::u32string_view text) {
    for (char32_t c : text) {
        if (c >= 0x10000) {
            append_hex4(out, 0xD800 + ((c - 0x10000) >> 10));
            append_hex4(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            append_hex4(out, static_cast<unsigned>(c));
        }
    }
}

std::string text_string(std::string_view utf8_text) {
    std::string out = "<FEFF";
    append_utf16_hex(out, utf8::decode(std::string(utf8_text)));
    out += '>';
    return out;
}

std::string name(std::string_view raw) {
    static constexpr std::string_view kDelimiters = "()<>[]{}/%#";
    std::string out = "/";
    for (unsigned char c : raw) {
        if (c < '!' || c > '~' || kDelimiters.find(static_cast<char>(c)) != std::string_view::npos) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "#%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string deflate(std::string_view data) {
    libdeflate_compressor* c = compressor();
    std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
    std::size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
    if (n == 0) throw std::runtime_error("PDF: deflate failed");
    out.resize(n);
    return out;
}

}  // namespace bulletin::pdf
