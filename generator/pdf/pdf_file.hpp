// The PDF file format's lowest layer: numbered objects written one after
// the other into a ByteSink as soon as each is complete, then the
// cross-reference table and the trailer. A page's content therefore never
// waits in memory for the rest of the document; what stays is 8 bytes per
// object (its offset).
//
// Contract: object numbers come from reserve() (1, 2, …); every reserved
// number must be written exactly once before finish(), in any order.
// Writes go straight to the sink (whose errors propagate). Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/byte_sink.hpp"

namespace bulletin::pdf {

class PdfFile {
public:
    explicit PdfFile(ByteSink& out);

    // A number for an object written later (it may be referenced first).
    int reserve();
    // `num 0 obj <body> endobj`.
    void object(int num, std::string_view body);
    int object(std::string_view body);
    // A stream: `dict` holds its entries without << >> and without /Length
    // (and /Filter, added here when `compress`).
    void stream(int num, std::string_view dict, std::string_view data, bool compress = true);
    int stream(std::string_view dict, std::string_view data, bool compress = true);

    // The cross-reference table and the trailer; `info` 0 for none. `id`
    // is the document's /ID (both halves), 32 hex digits.
    void finish(int root, int info, const std::string& id);

    std::uint64_t size() const { return offset_; }

private:
    void put(std::string_view bytes);

    ByteSink& out_;
    std::uint64_t offset_ = 0;
    std::vector<std::uint64_t> offsets_;  // by object number - 1; 0 = reserved, not yet written
};

// Pieces of PDF syntax.
// A number as short as it can be written: 12.5, not 12.500000; three decimals.
void append_num(std::string& out, double v);
std::string num(double v);
std::string ref(int num);  // "12 0 R"
// A text string (Title, bookmark titles …): UTF-16BE with a byte-order mark, in hex.
std::string text_string(std::string_view utf8);
// A name (/Name): characters outside ! … ~ and the delimiters written as #XX.
std::string name(std::string_view raw);
// Hex digits of UTF-16BE code units for `text` (no BOM), for ToUnicode and ActualText.
void append_utf16_hex(std::string& out, std::u32string_view text);
// Four upper-case hex digits.
void append_hex4(std::string& out, unsigned value);

// Deflate (zlib format, as FlateDecode wants). libdeflate: a whole buffer at
// once is what a page or a font is, and it is several times faster than zlib.
std::string deflate(std::string_view data);

}  // namespace bulletin::pdf
