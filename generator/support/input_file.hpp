// Reading a file the user named, defended: only a regular file is read
// (never a folder, a device such as /dev/zero, a FIFO that would block, or
// a socket), and never more than a stated number of bytes, so that no input
// can hang the program or exhaust its memory.
//
// Contract: read_input_file() either returns the whole content of `path`
// or nullopt with `error` set to a short phrase that completes "FILE …"
// ("is a folder, not a file"). It never throws for a file-system problem.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace bulletin {

// The largest files accepted, in bytes (documented in the README).
inline constexpr std::uint64_t kMaxBulletinBytes = 32u << 20;  // a bulletin YAML file
inline constexpr std::uint64_t kMaxSettingsBytes = 1u << 20;   // a layout file or font manifest
inline constexpr std::uint64_t kMaxImageBytes = 50u << 20;     // a PNG or JPEG

std::optional<std::string> read_input_file(const std::string& path, std::uint64_t limit, std::string& error);

// What a file-system object is, for messages: "a folder", "a device",
// "a named pipe (FIFO)" … from a stat() mode.
std::string file_kind(unsigned mode);

// "12.5 MiB", "300 KiB", "17 bytes": sizes in messages.
std::string human_size(std::uint64_t bytes);

}  // namespace bulletin
