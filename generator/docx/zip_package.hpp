// A zip file of named parts (an OPC package such as a DOCX), built in memory
// with libzip and handed to a sink. Every entry gets the same fixed
// timestamp, so the same parts give the same bytes.
#pragma once

#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "support/byte_sink.hpp"

namespace bulletin {

struct ZipPart {
    std::string name;  // "word/document.xml"
    std::string data;
};

// Writes `parts` in order (deflated) to `out`. Throws std::runtime_error
// when libzip fails; whatever `out` throws passes through.
void write_zip(ByteSink& out, const std::vector<ZipPart>& parts, std::time_t mtime);

}  // namespace bulletin
