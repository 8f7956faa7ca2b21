#include "support/zip_reader.hpp"

#include <libdeflate.h>

namespace bulletin {

namespace {

std::uint32_t u16(const std::string& d, std::size_t at) {
    return static_cast<unsigned char>(d[at]) | static_cast<unsigned char>(d[at + 1]) << 8;
}
std::uint32_t u32(const std::string& d, std::size_t at) { return u16(d, at) | u16(d, at + 2) << 16; }

}  // namespace

std::optional<ZipReader> ZipReader::open(std::string archive, std::string& error) {
    ZipReader z;
    z.data_ = std::move(archive);
    const std::string& d = z.data_;
    // The end of central directory record: in the last 64 KiB + 22 bytes.
    if (d.size() < 22) {
        error = "is not a zip archive (too short)";
        return std::nullopt;
    }
    std::size_t eocd = std::string::npos;
    const std::size_t lowest = d.size() > 65557 ? d.size() - 65557 : 0;
    for (std::size_t i = d.size() - 22 + 1; i-- > lowest;)
        if (u32(d, i) == 0x06054b50) {
            eocd = i;
            break;
        }
    if (eocd == std::string::npos) {
        error = "is not a zip archive (an Excel or Word file is one)";
        return std::nullopt;
    }
    const std::uint32_t count = u16(d, eocd + 10), dir_size = u32(d, eocd + 12), dir_at = u32(d, eocd + 16);
    if (count == 0xFFFF || dir_at == 0xFFFFFFFF) {
        error = "is a ZIP64 archive, which is not read";
        return std::nullopt;
    }
    if (static_cast<std::uint64_t>(dir_at) + dir_size > eocd) {
        error = "is damaged: its central directory lies outside it";
        return std::nullopt;
    }
    std::size_t at = dir_at;
    for (std::uint32_t k = 0; k < count; ++k) {
        if (at + 46 > eocd || u32(d, at) != 0x02014b50) {
            error = "is damaged: a central directory record is broken";
            return std::nullopt;
        }
        Entry e;
        e.flags = static_cast<std::uint16_t>(u16(d, at + 8));
        e.method = static_cast<std::uint16_t>(u16(d, at + 10));
        e.crc = u32(d, at + 16);
        e.compressed = u32(d, at + 20);
        e.size = u32(d, at + 24);
        const std::size_t name_len = u16(d, at + 28), extra = u16(d, at + 30), comment = u16(d, at + 32);
        e.local_offset = u32(d, at + 42);
        if (at + 46 + name_len + extra + comment > eocd) {
            error = "is damaged: a file name runs past the directory";
            return std::nullopt;
        }
        e.name = d.substr(at + 46, name_len);
        z.entries_.push_back(std::move(e));
        at += 46 + name_len + extra + comment;
    }
    return z;
}

const ZipReader::Entry* ZipReader::find(std::string_view name) const {
    for (const Entry& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

bool ZipReader::has(std::string_view name) const { return find(name) != nullptr; }

std::optional<std::string> ZipReader::read(std::string_view name, std::string& error, std::uint64_t limit) const {
    const Entry* e = find(name);
    if (!e) {
        error = "has no part " + std::string(name);
        return std::nullopt;
    }
    if (e->flags & 1) {
        error = "is encrypted (" + e->name + "): save it without a password";
        return std::nullopt;
    }
    if (e->size > limit) {
        error = "has a part too large to read (" + e->name + ")";
        return std::nullopt;
    }
    const std::string& d = data_;
    const std::uint64_t lh = e->local_offset;
    if (lh + 30 > d.size() || u32(d, lh) != 0x04034b50) {
        error = "is damaged: the entry " + e->name + " is not where the directory says";
        return std::nullopt;
    }
    const std::uint64_t start = lh + 30 + u16(d, lh + 26) + u16(d, lh + 28);
    if (start + e->compressed > d.size()) {
        error = "is damaged: the entry " + e->name + " runs past the end";
        return std::nullopt;
    }
    std::string out;
    if (e->method == 0) {
        if (e->compressed != e->size) {
            error = "is damaged: the stored entry " + e->name + " has two sizes";
            return std::nullopt;
        }
        out = d.substr(start, e->compressed);
    } else if (e->method == 8) {
        out.resize(e->size);
        libdeflate_decompressor* z = libdeflate_alloc_decompressor();
        std::size_t got = 0;
        const auto r = libdeflate_deflate_decompress(z, d.data() + start, e->compressed, out.data(), out.size(), &got);
        libdeflate_free_decompressor(z);
        if (r != LIBDEFLATE_SUCCESS || got != e->size) {
            error = "is damaged: the entry " + e->name + " does not inflate";
            return std::nullopt;
        }
    } else {
        error = "uses a compression method that is not read (" + e->name + ")";
        return std::nullopt;
    }
    if (libdeflate_crc32(0, out.data(), out.size()) != e->crc) {
        error = "is damaged: the entry " + e->name + " fails its checksum";
        return std::nullopt;
    }
    return out;
}

}  // namespace bulletin
