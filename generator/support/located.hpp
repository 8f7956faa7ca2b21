// A value together with where it was written in the input.
#pragma once

#include <memory>
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

// A string that many values share: copies cost a reference count, not
// a copy (a description repeated in every span cut from one value).
class SharedString {
public:
    SharedString() = default;
    SharedString(std::string s)  // NOLINT: implicit, like the std::string it stands for
        : text_(s.empty() ? nullptr : std::make_shared<const std::string>(std::move(s))) {}
    SharedString(const char* s) : SharedString(std::string(s)) {}  // NOLINT
    const std::string& str() const {
        static const std::string none;
        return text_ ? *text_ : none;
    }
    bool empty() const { return !text_; }
    bool operator==(std::string_view s) const { return str() == s; }

private:
    std::shared_ptr<const std::string> text_;
};

// Where a piece of printed text came from, for messages about it:
// the position in the input and a description ("item 3 《…》, progress").
struct Origin {
    SourcePos pos;
    SharedString where;
    // True when `pos` is the position of the text's first character and the
    // following characters follow on the same line of the file, so an error
    // can point at the exact character.
    bool exact = false;
};

}  // namespace bulletin
