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
    SourcePos pos;
    bool empty() const { return value.empty(); }
    const std::string& str() const { return value; }
};

// Where a piece of printed text came from, for messages about it:
// the position in the input and a description ("item 3 《…》, progress").
struct Origin {
    SourcePos pos;
    std::string where;
};

}  // namespace bulletin
