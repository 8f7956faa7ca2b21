// The JSON Schema (draft-07) of a bulletin file, printed from the key tables
// the loader reads through (model/input_keys.hpp), so it says what the
// loader accepts: an editor with a YAML language server validates and
// completes keys with it. Rules that need the file's content (a number used
// twice, an image that exists, a character the fonts have) are the loader's
// alone.
#pragma once

#include <string>

namespace bulletin {

std::string input_json_schema();

}  // namespace bulletin
