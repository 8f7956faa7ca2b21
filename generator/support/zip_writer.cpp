#include "support/zip_writer.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include <libdeflate.h>

namespace bulletin {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50, kCentralHeader = 0x02014b50, kEndOfDirectory = 0x06054b50;
constexpr std::uint16_t kVersionNeeded = 20;          // 2.0: deflate
constexpr std::uint16_t kMadeBy = (3 << 8) | 20;      // Unix, so the external attributes are a mode
constexpr std::uint16_t kUtf8Names = 1 << 11;         // general purpose bit 11
constexpr std::uint32_t kRegularFile = 0100644u << 16;  // -rw-r--r--

void le16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
void le32(std::string& out, std::uint32_t v) {
    le16(out, v & 0xFFFF);
    le16(out, v >> 16);
}

std::uint32_t checked32(std::uint64_t v, const char* what) {
    if (v > std::numeric_limits<std::uint32_t>::max())
        throw std::runtime_error(std::string("zip: ") + what + " is beyond 4 GiB, which a classic zip cannot hold");
    return static_cast<std::uint32_t>(v);
}

}  // namespace

struct ZipWriter::Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(6);
    ~Compressor() { libdeflate_free_compressor(c); }
    Compressor() = default;
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;
};

ZipWriter::ZipWriter(ByteSink& out, std::time_t mtime) : out_(out), compressor_(std::make_unique<Compressor>()) {
    if (!compressor_->c) throw std::bad_alloc();
    std::tm utc{};
    gmtime_r(&mtime, &utc);
    // DOS dates run from 1980 to 2107, in two-second steps.
    if (utc.tm_year < 80) utc = std::tm{0, 0, 0, 1, 0, 80, 0, 0, 0, 0, nullptr};
    if (utc.tm_year > 207) utc = std::tm{58, 59, 23, 31, 11, 207, 0, 0, 0, 0, nullptr};
    dos_time_ = static_cast<std::uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
    dos_date_ = static_cast<std::uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::put(std::string_view bytes) {
    out_.write(bytes);
    offset_ += bytes.size();
}

void ZipWriter::add(std::string name, std::string data, bool compress) {
    if (++added_ > 0xFFFF) throw std::runtime_error("zip: more than 65,535 entries");
    if (name.empty() || name.size() > 0xFFFF) throw std::runtime_error("zip: an entry's name must be 1 to 65,535 bytes");
    jobs_.push({std::move(name), std::move(data), compress});
}

// What the local header and the directory both say of an entry, in the
// same order: version needed, flags, method, time, date, CRC, sizes, name
// length.
void ZipWriter::common_fields(std::string& out, const Entry& e) const {
    le16(out, kVersionNeeded);
    le16(out, kUtf8Names);
    le16(out, e.method);
    le16(out, dos_time_);
    le16(out, dos_date_);
    le32(out, e.crc);
    le32(out, e.compressed);
    le32(out, e.size);
    le16(out, static_cast<std::uint32_t>(e.name.size()));
}

void ZipWriter::write(Job& job) {
    const std::string& name = job.name;
    const std::string_view data = job.data;
    const bool compress = job.compress;
    Entry e;
    e.name = name;
    e.offset = checked32(offset_, "the archive");
    e.size = checked32(data.size(), "an entry");
    e.crc = libdeflate_crc32(0, data.data(), data.size());

    std::string deflated;
    if (compress && !data.empty()) {
        deflated.resize(libdeflate_deflate_compress_bound(compressor_->c, data.size()));
        deflated.resize(libdeflate_deflate_compress(compressor_->c, data.data(), data.size(), deflated.data(),
                                                    deflated.size()));
        if (deflated.empty() || deflated.size() >= data.size()) deflated.clear();  // stored is smaller
        else e.method = 8;
    }
    const std::string_view body = e.method == 8 ? std::string_view(deflated) : data;
    e.compressed = static_cast<std::uint32_t>(body.size());

    std::string header;
    header.reserve(30 + name.size());
    le32(header, kLocalHeader);
    common_fields(header, e);
    le16(header, 0);  // no extra field
    header += name;
    put(header);
    put(body);
    checked32(offset_, "the archive");
    entries_.push_back(std::move(e));
}

void ZipWriter::finish() {
    jobs_.drain();
    const std::uint32_t start = checked32(offset_, "the archive");
    std::string dir;
    for (const Entry& e : entries_) {
        dir.clear();
        le32(dir, kCentralHeader);
        le16(dir, kMadeBy);
        common_fields(dir, e);
        le16(dir, 0);  // extra field
        le16(dir, 0);  // comment
        le16(dir, 0);  // disk
        le16(dir, 0);  // internal attributes
        le32(dir, kRegularFile);
        le32(dir, e.offset);
        dir += e.name;
        put(dir);
    }
    const std::uint32_t size = checked32(offset_ - start, "the directory");
    std::string end;
    le32(end, kEndOfDirectory);
    le16(end, 0);  // this disk
    le16(end, 0);  // the directory's disk
    le16(end, static_cast<std::uint32_t>(entries_.size()));
    le16(end, static_cast<std::uint32_t>(entries_.size()));
    le32(end, size);
    le32(end, start);
    le16(end, 0);  // comment
    put(end);
}

void write_zip(ByteSink& out, std::vector<ZipPart> parts, std::time_t mtime) {
    ZipWriter zip(out, mtime);
    for (ZipPart& part : parts) zip.add(std::move(part.name), std::move(part.data));
    zip.finish();
}

}  // namespace bulletin
