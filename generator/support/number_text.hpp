// Numbers in the text of a file format (a PDF content stream, an OFD page):
// as short as they can be written, with std::to_chars (no locale, no fmt on
// the hot path).
#pragma once

#include <string>

namespace bulletin {

// Three decimals, trailing zeros dropped: 12.5, not 12.500000; -0, tiny
// values and non-finite ones are 0.
void append_num(std::string& out, double v);

}  // namespace bulletin
