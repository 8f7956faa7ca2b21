// The PDF file format's lowest layer: numbered objects written one after
// the other into a ByteSink as soon as each is complete, then the
// cross-reference table and the trailer. A page's content therefore never
// waits in memory for the rest of the document; what stays is 8 bytes per
// object (its offset).
//
// Contract: object numbers come from reserve() (1, 2, …); every reserved
// number must be written exactly once before finish(), in any order.
// Objects are compressed and written by a thread of their own
// (support/job_thread), in the order they were given, so deflating a page
// overlaps setting the next one; at most a few dozen objects wait. An error of the sink (a full disk) is
// thrown by the next call after it happened, or by finish(). Call from one
// thread only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/byte_sink.hpp"
#include "support/job_thread.hpp"
#include "support/number_text.hpp"

namespace bulletin::pdf {

class PdfFile {
public:
    explicit PdfFile(ByteSink& out);
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    // A number for an object written later (it may be referenced first).
    int reserve();
    // `num 0 obj <body> endobj`.
    void object(int num, std::string body);
    int object(std::string body);
    // A stream: `dict` holds its entries without << >> and without /Length
    // (and /Filter: added here when `compress`, or given in `dict` for data
    // already compressed).
    void stream(int num, std::string dict, std::string data, bool compress = true);
    int stream(std::string dict, std::string data, bool compress = true);

    // Everything given so far written; then the cross-reference table and
    // the trailer. `info` 0 for none. `id(size)` gives the document's /ID
    // (both halves, 32 hex digits) from the file's size before the table.
    template <class IdFn>
    void finish(int root, int info, IdFn id) {
        jobs_.drain();
        write_trailer(root, info, id(offset_));
    }

private:
    struct Job {
        int num = 0;
        bool is_stream = false;
        bool compress = false;
        std::string dict;  // the object's body, or the stream's dictionary entries
        std::string data;  // the stream's data
    };
    void write(Job& job);  // on the job thread
    void put(std::string_view bytes);
    void write_trailer(int root, int info, const std::string& id);

    ByteSink& out_;
    int reserved_ = 0;
    // Touched by the job thread only (until drain() returns).
    std::uint64_t offset_ = 0;
    std::vector<std::uint64_t> offsets_;  // by object number - 1; 0 = not yet written
    JobThread<Job> jobs_{[this](Job& job) { write(job); }};
};

// Pieces of PDF syntax.
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
