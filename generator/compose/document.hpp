// The backend-neutral document: what compose makes of a Bulletin and a
// layout, and what both the typesetter (PDF) and the DOCX writer read.
// Numbering, labels and name spacing are already done here; styles are
// referred to by the layout's names.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "support/image_file.hpp"
#include "support/located.hpp"

namespace bulletin {

// A stretch of text in one paragraph; `strong` = set in the style's strong
// font (bold labels, **marked** text).
struct Span {
    std::string text;  // U+2028 forces a line break
    bool strong = false;
    Origin origin;
    // Set to the width of this many characters by spacing them out — a
    // two-character name aligned with three-character ones (杨 献) — never
    // by an inserted character, so that 杨献 is found and copied as written.
    int fit_chars = 0;
};

struct Paragraph {
    std::string style;
    std::vector<Span> spans;
    int outline_level = 0;       // 1-4: a bookmark / heading level; 0 = body text
    std::string outline_title;   // bookmark text: what the paragraph prints (set by compose())
    bool keep_with_next = false; // in addition to the style's own setting
};

struct TableCell {
    std::vector<Paragraph> paragraphs;
};

// A bookmark belongs to a paragraph in a cell (an item's title, a group's
// label), as anywhere else.
struct TableRow {
    std::vector<TableCell> cells;  // one per column; a group row has a single cell spanning all
    bool group = false;
};

// Columns come from the layout's table settings.
struct Table {
    std::vector<TableCell> header;
    std::vector<TableRow> rows;
};

struct Image {
    std::shared_ptr<const ImageData> data;  // checked PNG or JPEG (support/image_file.hpp)
    Paragraph caption;  // may be empty
};

// The newspaper's masthead band: the column's name, its Latin spelling,
// and a line of facts (session, date) at the right.
struct Masthead {
    Paragraph name;
    Paragraph latin;
    Paragraph info;
};

// A value kept on the heap and shared by copies: the rare large block (the
// masthead, three paragraphs) does not make every block as large as it —
// a long bulletin has hundreds of thousands of paragraphs.
template <class T>
class Boxed {
public:
    explicit Boxed(T value) : value_(std::make_shared<const T>(std::move(value))) {}
    const T& operator*() const { return *value_; }
    const T* operator->() const { return value_.get(); }

private:
    std::shared_ptr<const T> value_;
};

using Block = std::variant<Paragraph, Table, Image, Boxed<Masthead>>;

// Type sizes of paragraphs set smaller than their style to fit their
// measure (shrink_to_fit): found by the typesetter, given to the DOCX.
using ParagraphSizes = std::unordered_map<const Paragraph*, double>;

struct Document {
    std::string title, author, subject, keywords;
    // Set across the full width at the top of the first page (newspaper
    // masthead and headline); empty for the other layouts.
    std::vector<Block> head;
    // Flows through the layout's text area (or its columns).
    std::vector<Block> body;
    // Newspaper: the column name, printed in the running head of later pages.
    std::string running_head;
};

}  // namespace bulletin
