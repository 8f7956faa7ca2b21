// A layout file (layouts/NAME.yaml or a user's copy): page geometry, named
// styles, labels, numbering, and the settings of the table and newspaper
// layouts. Read once; every stage after compose takes sizes from here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace bulletin {

enum class LayoutKind { kOfficial, kTable, kNewspaper };
enum class Align { kLeft, kCenter, kRight, kJustify };
// What justified text does that cannot be set without loose lines.
enum class Uneven { kStretch, kRagged };

struct Color {
    double r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
    bool is_black() const { return r == 0 && g == 0 && b == 0; }
};

// A paragraph style. Lengths are in points.
struct Style {
    std::string name;
    SourcePos pos;  // where the layout file defines it
    std::string based_on;
    std::string font = "songti";  // a role of fonts/fonts.yaml
    std::string strong;           // role for **bold** text and field labels (default: font)
    double size = 12;
    double leading = 18;       // baseline to baseline
    double indent = 0;         // first line
    double left = 0, right = 0;  // whole paragraph
    double space_before = 0, space_after = 0;
    double tracking = 0;       // extra space after every character (headlines)
    // Headlines: a line too long for the measure is set smaller, down to
    // this share of `size`, rather than wrapped (1 = never shrink).
    double shrink_to_fit = 1;
    Align align = Align::kJustify;
    Uneven uneven = Uneven::kStretch;  // a narrow cell's title: kRagged
    Color color;
    bool keep_with_next = false;
    // A paragraph split across frames keeps two lines at each side (false:
    // one, so pages fill to the last grid line; a heading still takes two
    // lines of what follows). Word's widowControl.
    bool widow_control = true;
    std::optional<Color> background;  // a bar behind the paragraph (banners)
};

struct PageSpec {
    double width = 595.276, height = 841.89;  // A4 portrait
    double top = 0, bottom = 0, inside = 0, outside = 0;
    double content_width() const { return width - inside - outside; }
    double content_height() const { return height - top - bottom; }
};

struct FooterSpec {
    std::string format = "— {page} —";  // {page} = the page number
    std::string style = "page_number";
    std::string position = "outside";   // outside | center
    double distance = 20;               // baseline below the bottom of the text area
};

// Column of the table layout.
struct TableColumn {
    std::string field;   // seq | title | leaders | hosts | progress | …
    std::string header;  // text of the header cell
    double width = 0;    // points if fixed
    double share = 0;    // proportional share of what fixed columns leave
    std::string style;   // style of the cells' text
    bool middle = false; // centred vertically in the row (else top)
};

struct TableSpec {
    std::vector<TableColumn> columns;
    double rule = 0.75;       // grid line width (pt)
    double outer_rule = 1.0;  // frame line width
    double padding = 4;       // cell padding (pt)
    std::string header_style = "table_header";
    std::string group_style = "table_group";
    std::optional<Color> header_background;
};

struct NewspaperSpec {
    int columns = 5;
    double gutter = 12;
    std::optional<Color> accent;        // masthead band, rules
    double masthead_height = 60;
    double column_rule = 0.5;           // 0 = no rules between columns
    double head_rule = 1.5;             // under the headline block
    double head_gap = 12;               // between the headline block and the columns
    std::string banner_mark = "▶";      // after a group's banner label
    // Saving a nearly empty last page: when its columns are filled less than
    // `tighten_below` of their height, leading and spacing are reduced by up
    // to `tighten` (a share) if that brings the body onto one page fewer.
    double tighten = 0;
    double tighten_below = 0.25;
};

// What a PDF declares and keeps to: plain PDF 1.7, or PDF/A-2b (ISO
// 19005-2, level B: it looks the same in decades) for the archive, or
// PDF/A-2u (level U: B, and every glyph's text known).
enum class PdfStandard { kPdf17, kPdfA2b, kPdfA2u };
// "1.7", "a-2b" or "a-2u"; nullopt for anything else.
std::optional<PdfStandard> parse_pdf_standard(std::string_view text);

struct Layout {
    std::string path;  // where it was read from
    std::string name;
    LayoutKind kind = LayoutKind::kOfficial;
    PageSpec page;
    FooterSpec footer;
    std::map<std::string, Style> styles;
    std::map<std::string, std::string> labels;
    // Labels that differ by the item's kind (建议 / 提案 / 议案).
    std::map<std::string, std::map<std::string, std::string>> kind_labels;
    // Heading numbering per level 1-4, e.g. "{cn}、", "（{cn}）", "{n}.", "（{n}）".
    std::vector<std::string> numbering;
    TableSpec table;
    NewspaperSpec newspaper;
    PdfStandard pdf_standard = PdfStandard::kPdf17;  // `render --pdf-standard` overrides it

    const Style& style(const std::string& name) const;
    // The label for `field`, from the bulletin's own labels, then the item
    // kind's, then the layout's.
    std::string label(const std::string& field, const std::string& kind,
                      const std::map<std::string, std::string>& overrides) const;
};

// Column widths of a table `width` wide: fixed columns as given, the rest
// shared by the proportional ones (all scaled down if the fixed ones alone
// are too wide). Used by both the PDF table engine and the DOCX table grid.
std::vector<double> column_widths(const std::vector<TableColumn>& columns, double width);

// Names of the builtin layouts (files in <data>/layouts).
std::vector<std::string> builtin_layouts();

// Finds a layout by builtin name or path. Returns the path, or nullopt with
// a message ("unknown layout 'tabel'; did you mean 'table'?").
std::optional<std::string> find_layout(const std::string& name_or_path, std::string& message);

// Reads and checks a layout file; nullopt with every problem in `diags`.
std::optional<Layout> load_layout(const std::string& path, Diagnostics& diags);
// The same from the file's bytes; `path` is what Layout::path will say.
std::optional<Layout> load_layout_text(std::string_view bytes, const std::string& path, Diagnostics& diags);

// Length with unit: "37mm", "16pt", "1.5cm", "0.5in", "2em" (em needs
// `em` = the font size), Chinese size names 三号 / 小四 …, or a bare number (pt).
std::optional<double> parse_length(const std::string& text, double em = 0);
// "85%" or "0.85" -> 0.85.
std::optional<double> parse_share(const std::string& text);
std::optional<Color> parse_color(const std::string& text);

}  // namespace bulletin
