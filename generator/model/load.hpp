// YAML file -> Bulletin, with every problem of the file reported.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/bulletin.hpp"
#include "support/diagnostics.hpp"
#include "support/text_encoding.hpp"

namespace bulletin {

// The most items (related ones included) and sections one bulletin may have.
inline constexpr std::size_t kMaxItems = 20000;

// Loads and validates. Returns nullopt when any problem was found; all of
// them are in `diags` (whose file name is used in the messages). The file
// must be UTF-8 unless `encoding` says otherwise (support/text_encoding.hpp).
std::optional<Bulletin> load_bulletin(const std::string& path, Diagnostics& diags,
                                      Encoding encoding = Encoding::kUtf8);
// The same from the bytes of a file; `base_dir` resolves relative image
// paths (default: the current folder).
std::optional<Bulletin> load_bulletin_text(std::string bytes, Diagnostics& diags,
                                           const std::string& base_dir = ".", Encoding encoding = Encoding::kUtf8);

}  // namespace bulletin
