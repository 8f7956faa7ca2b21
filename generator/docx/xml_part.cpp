#include "docx/xml_part.hpp"

#include <iterator>
#include <string_view>

namespace bulletin::xml {

namespace {

// CT_PPr's children in the order of the schema (ECMA-376 Part 1, 17.3.1.26).
constexpr const char* kParagraphProperties[] = {
    "w:pStyle",     "w:keepNext",     "w:keepLines",  "w:pageBreakBefore", "w:framePr",     "w:widowControl",
    "w:numPr",      "w:suppressLineNumbers", "w:pBdr", "w:shd",           "w:tabs",        "w:suppressAutoHyphens",
    "w:kinsoku",    "w:wordWrap",     "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi",       "w:adjustRightInd", "w:snapToGrid", "w:spacing",       "w:ind",         "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc",   "w:textDirection",   "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId",        "w:cnfStyle",   "w:rPr",             "w:sectPr",      "w:pPrChange"};

int rank(const char* name) {
    for (std::size_t i = 0; i < std::size(kParagraphProperties); ++i)
        if (std::string_view(name) == kParagraphProperties[i]) return static_cast<int>(i);
    return static_cast<int>(std::size(kParagraphProperties));
}

}  // namespace

pugi::xml_node paragraph_property(pugi::xml_node ppr, const char* name) {
    if (auto existing = ppr.child(name)) return existing;
    const int mine = rank(name);
    for (auto child = ppr.first_child(); child; child = child.next_sibling())
        if (rank(child.name()) > mine) return ppr.insert_child_before(name, child);
    return ppr.append_child(name);
}

}  // namespace bulletin::xml
