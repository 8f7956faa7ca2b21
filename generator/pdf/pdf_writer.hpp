// Typeset pages -> a PDF file (libharu for the document structure, our own
// CID fonts for the text). The caller writes to a temporary file and
// renames it (support/atomic_file.hpp).
#pragma once

#include <string>

#include "typeset/page.hpp"

namespace bulletin {

// Writes `doc` to `path`. Throws std::runtime_error on failure. With
// SOURCE_DATE_EPOCH set, the output is byte-identical for identical input
// (the dates come from it).
void write_pdf(const TypesetDocument& doc, const std::string& path);

}  // namespace bulletin
