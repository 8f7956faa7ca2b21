// Typeset pages -> the bytes of a PDF file (libharu for the document
// structure, our own CID fonts for the text), handed to a sink: the caller
// decides where they go (support/output_set.hpp for files).
#pragma once

#include <string>

#include "support/byte_sink.hpp"
#include "typeset/page.hpp"

namespace bulletin {

// Writes `doc` to `out`. Throws std::runtime_error on failure (and whatever
// `out` throws). With SOURCE_DATE_EPOCH set, the output is byte-identical
// for identical input (the dates come from it).
void write_pdf(const TypesetDocument& doc, ByteSink& out);

}  // namespace bulletin
