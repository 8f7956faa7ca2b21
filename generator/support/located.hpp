// A value together with where it was written in the input.
#pragma once

#include <string>

#include "support/diagnostics.hpp"

namespace bulletin {

template <class T>
struct Located {
    T value{};
    SourcePos pos;
};

// A text value; empty() when the key was absent or blank.
struct Text {
    std::string value;
    SourcePos pos;      // where the value is written (for a block: its | indicator)
    // Where line 0 of the value starts in the file, when every line of the
    // value is one line of the file (a literal | block, or a plain one-line
    // scalar); unknown otherwise (folded or quoted text).
    SourcePos content;
    bool empty() const { return value.empty(); }
    const std::string& str() const { return value; }
};

// Where a piece of printed text came from, for messages about it:
// the position in the input and a description ("item 3 《…》, progress").
struct Origin {
    SourcePos pos;
    std::string where;
    // True when `pos` is the position of the text's first character and the
    // following characters follow on the same line of the file, so an error
    // can point at the exact character.
    bool exact = false;
};

}  // namespace bulletin
