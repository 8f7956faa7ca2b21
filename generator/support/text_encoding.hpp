// The bytes of a text file (a bulletin, a layout, the font manifest) made
// into UTF-8 that YAML can read, or every reason why not, at LINE:COLUMN.
//
// Contract: decode_text() returns UTF-8 without a byte-order mark, in which
// every character is one YAML allows (no NUL, no C0/C1 control character
// other than tab, line feed and carriage return), with lines and columns
// where they were in the file; or nullopt with diagnostics in `diags`. A
// file that is not UTF-8 is named for what it most likely is: GB18030/GBK,
// the "ANSI" of Chinese Windows, or UTF-16, Notepad's "Unicode".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostics.hpp"

namespace bulletin {

enum class Encoding { kUtf8, kGb18030 };

// "utf-8", "gb18030" and its subsets' names ("gbk", "gb2312", "cp936"),
// any case; nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view name);

// `hint` names the option that converts, for messages ("--encoding gb18030");
// empty when the file cannot be given another encoding (layouts, manifest).
std::optional<std::string> decode_text(std::string bytes, Encoding encoding, Diagnostics& diags,
                                       std::string_view hint = {});

// The offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view bytes);

}  // namespace bulletin
