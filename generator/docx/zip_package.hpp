// A zip file of named parts (an OPC package such as a DOCX), written with
// libzip. Every entry gets the same fixed timestamp, so the same parts give
// the same bytes.
#pragma once

#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace bulletin {

struct ZipPart {
    std::string name;  // "word/document.xml"
    std::string data;
};

// Writes `parts` in order to `path` (deflated). Throws std::runtime_error.
void write_zip(const std::string& path, const std::vector<ZipPart>& parts, std::time_t mtime);

}  // namespace bulletin
