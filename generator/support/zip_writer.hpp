// A zip archive (PKWARE APPNOTE 6.3) written as its entries come: each
// entry's local header and deflated bytes go to the sink at once, the
// central directory at finish(). The packages bulletin writes (DOCX, OFD)
// are zips; an OFD's pages are added one by one while they are set, so no
// page waits in memory for the rest of the document — what stays is one
// directory record per entry.
//
// Contract: add() each entry once, in the order the archive should list
// them, then finish() once; a writer that threw is not used again. Every
// entry gets the same timestamp (`mtime`, UTC, clamped to the DOS range
// 1980 … 2107), names are UTF-8 (flagged so), and the same entries give the
// same bytes. Sizes beyond the classic zip's limits (4 GiB, 65,535 entries)
// are refused with std::runtime_error rather than written as ZIP64: no
// bulletin within the input limits comes near them. Whatever the sink
// throws passes through.
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/byte_sink.hpp"

namespace bulletin {

class ZipWriter {
public:
    ZipWriter(ByteSink& out, std::time_t mtime);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // `data` deflated (libdeflate, level 6) unless `compress` is false or
    // deflating does not make it smaller.
    void add(std::string_view name, std::string_view data, bool compress = true);
    // The central directory and its end record.
    void finish();
    std::size_t entries() const { return entries_.size(); }

private:
    struct Entry {
        std::string name;
        std::uint32_t crc = 0, compressed = 0, size = 0, offset = 0;
        std::uint16_t method = 0;  // 0 stored, 8 deflated
    };
    void put(std::string_view bytes);

    ByteSink& out_;
    std::uint16_t dos_time_ = 0, dos_date_ = 0;
    std::uint64_t offset_ = 0;
    std::vector<Entry> entries_;
    struct Compressor;
    std::unique_ptr<Compressor> compressor_;
};

struct ZipPart {
    std::string name;  // "word/document.xml"
    std::string data;
};

// A whole archive of parts already in memory, in order.
void write_zip(ByteSink& out, const std::vector<ZipPart>& parts, std::time_t mtime);

}  // namespace bulletin
