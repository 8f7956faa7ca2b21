// The layout's styles as WordprocessingML: one named paragraph style per
// layout style (so an editor restyles all body text by changing one style),
// a character style per "strong" font role (field labels, **bold**), the
// table style, and the font table with the official Chinese font names.
#pragma once

#include <map>
#include <set>
#include <string>

#include <pugixml.hpp>

#include "layout/layout.hpp"

namespace bulletin {

// The names Word and WPS get for one font role (the manifest's `office`):
// the official East Asian font, the Windows family to use when it is
// missing (its w:altName), the Latin face, and whether the role is bold.
struct FontNames {
    std::string east_asia, windows;
    std::string latin;
    bool bold = false;
};
using FontTable = std::map<std::string, FontNames>;  // role -> names

inline constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kRelNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Twentieths of a point, Word's unit for lengths.
long twips(double points);
// RRGGBB, as Word writes colours.
std::string hex_colour(const Color& c);

class DocxStyles {
public:
    DocxStyles(const Layout& layout, const FontTable& fonts);

    // The Word style id of a layout style ("body" -> "BodyText").
    std::string paragraph_style(const std::string& layout_style) const;
    // Every paragraph's style and outline level, noted before any is
    // written: a heading's level is its style's (Word's navigation pane
    // lists paragraphs by style), so a layout style used at several levels
    // gets a heading style per level.
    void note_use(const std::string& layout_style, int outline_level);
    // The style id of a paragraph of `layout_style` at `outline_level`.
    std::string paragraph_style(const std::string& layout_style, int outline_level) const;
    // The character style for `strong` text in a paragraph of `layout_style`,
    // or "" when the strong font is the paragraph's own.
    std::string strong_style(const std::string& layout_style) const;
    // A character style that carries the look of a layout paragraph style
    // (the masthead's Latin line and info in one paragraph).
    std::string character_style(const std::string& layout_style);

    std::string styles_xml() const;
    std::string font_table_xml() const;

private:
    void add_role_fonts(pugi::xml_node rpr, const std::string& role) const;
    // `character`: for a character style, which says every property.
    void add_run_props(pugi::xml_node rpr, const Style& st, const Style* parent, bool character = false) const;
    void add_paragraph_props(pugi::xml_node ppr, const Style& st, const Style* parent, int outline_level) const;
    // The outline level a layout style's own Word style carries (0: none).
    int own_level(const std::string& layout_style) const;

    const Layout& layout_;
    const FontTable& fonts_;
    std::set<std::string> character_styles_;  // layout styles used as character styles
    std::map<std::string, std::set<int>> levels_;  // layout style -> outline levels its paragraphs have
};

}  // namespace bulletin
