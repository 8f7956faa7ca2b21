// A zip archive (PKWARE APPNOTE 6.3) written as its entries come: each
// entry is deflated and written, local header first, by a thread of its
// own (support/job_thread) while the caller makes the next; the central
// directory at finish(). The packages bulletin writes (DOCX, OFD)
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
// throws passes through, from the next add() or from finish().
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/byte_sink.hpp"
#include "support/job_thread.hpp"

namespace bulletin {

class ZipWriter {
public:
    ZipWriter(ByteSink& out, std::time_t mtime);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // `data` deflated (libdeflate, level 6) unless `compress` is false or
    // deflating does not make it smaller.
    void add(std::string name, std::string data, bool compress = true);
    // The central directory and its end record.
    void finish();

private:
    struct Entry {
        std::string name;
        std::uint32_t crc = 0, compressed = 0, size = 0, offset = 0;
        std::uint16_t method = 0;  // 0 stored, 8 deflated
    };
    struct Job {
        std::string name, data;
        bool compress = true;
    };
    void write(Job& job);  // on the job thread
    void common_fields(std::string& out, const Entry& e) const;
    void put(std::string_view bytes);

    ByteSink& out_;
    std::uint16_t dos_time_ = 0, dos_date_ = 0;
    std::size_t added_ = 0;
    // Touched by the job thread only (until drain() returns).
    std::uint64_t offset_ = 0;
    std::vector<Entry> entries_;
    struct Compressor;
    std::unique_ptr<Compressor> compressor_;
    JobThread<Job> jobs_{[this](Job& job) { write(job); }};
};

struct ZipPart {
    std::string name;  // "word/document.xml"
    std::string data;
};

// A whole archive of parts already in memory, in order.
void write_zip(ByteSink& out, std::vector<ZipPart> parts, std::time_t mtime);

}  // namespace bulletin
