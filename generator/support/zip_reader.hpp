// Reading a zip archive (PKWARE APPNOTE 6.3) held in memory — the packages
// offices hand in (an Excel workbook, a Word document) — defended: every
// offset and size is checked against the archive, an entry inflates to at
// most a stated size (no zip bomb), and its CRC-32 must match.
//
// Contract: ZipReader::open() returns nullopt with `error` set ("is not a
// zip archive", "is damaged: …") for anything it cannot read; read() gives
// an entry's bytes, or nullopt with `error` for a missing, encrypted,
// oversized or damaged entry. Only stored and deflated entries are read
// (what Office and WPS write); ZIP64 archives are refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulletin {

class ZipReader {
public:
    static std::optional<ZipReader> open(std::string archive, std::string& error);

    bool has(std::string_view name) const;
    std::optional<std::string> read(std::string_view name, std::string& error,
                                    std::uint64_t limit = 64u << 20) const;

private:
    struct Entry {
        std::string name;
        std::uint16_t method = 0, flags = 0;
        std::uint32_t crc = 0;
        std::uint64_t compressed = 0, size = 0, local_offset = 0;
    };
    std::string data_;
    std::vector<Entry> entries_;
    const Entry* find(std::string_view name) const;
};

}  // namespace bulletin
