// Where the program's own files (layouts/, fonts/) are found.
#pragma once

#include <filesystem>
#include <string>

namespace bulletin {

// The directory holding layouts/ and fonts/: $BULLETIN_DATA_DIR if set, else
// <prefix>/share/bulletin next to an installed binary, else the source tree
// the binary was built from.
std::filesystem::path data_dir();

}  // namespace bulletin
