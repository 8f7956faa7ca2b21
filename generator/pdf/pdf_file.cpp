#include "pdf/pdf_file.hpp"

#include <charconv>
#include <cmath>
#include <memory>
#include <stdexcept>

#include <libdeflate.h>

#include "support/utf8.hpp"

namespace bulletin::pdf {

namespace {

// Chosen by measurement (bench/): see kDeflateLevel's note in docs/architecture.md.
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

int PdfFile::reserve() {
    offsets_.push_back(0);
    return static_cast<int>(offsets_.size());
}

void PdfFile::object(int num, std::string_view body) {
    std::string head;
    append_uint(head, static_cast<std::uint64_t>(num));
    head += " 0 obj\n";
    offsets_.at(static_cast<std::size_t>(num - 1)) = offset_;
    put(head);
    put(body);
    put("\nendobj\n");
}

int PdfFile::object(std::string_view body) {
    int num = reserve();
    object(num, body);
    return num;
}

void PdfFile::stream(int num, std::string_view dict, std::string_view data, bool compress) {
    std::string packed;
    if (compress) packed = deflate(data);
    std::string_view bytes = compress ? std::string_view(packed) : data;
    std::string head;
    append_uint(head, static_cast<std::uint64_t>(num));
    head += " 0 obj\n<<";
    head += dict;
    if (compress) head += "/Filter/FlateDecode";
    head += "/Length ";
    append_uint(head, bytes.size());
    head += ">>\nstream\n";
    offsets_.at(static_cast<std::size_t>(num - 1)) = offset_;
    put(head);
    put(bytes);
    put("\nendstream\nendobj\n");
}

int PdfFile::stream(std::string_view dict, std::string_view data, bool compress) {
    int num = reserve();
    stream(num, dict, data, compress);
    return num;
}

void PdfFile::finish(int root, int info, const std::string& id) {
    const std::uint64_t xref = offset_;
    std::string out = "xref\n0 ";
    append_uint(out, offsets_.size() + 1);
    out += "\n0000000000 65535 f\r\n";
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
        if (offsets_[i] == 0) throw std::logic_error("PDF: object " + std::to_string(i + 1) + " never written");
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010llu 00000 n\r\n", static_cast<unsigned long long>(offsets_[i]));
        out.append(entry, 20);
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

void append_num(std::string& out, double v) {
    // Three decimals, trailing zeros dropped; -0 and tiny values are 0.
    const double rounded = std::round(v * 1000) / 1000;
    if (rounded == 0 || !std::isfinite(rounded)) {
        out += '0';
        return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 3);
    char* end = r.ptr;
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    out.append(buf, end);
}

std::string num(double v) {
    std::string s;
    append_num(s, v);
    return s;
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
