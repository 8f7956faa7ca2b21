#include "docx/xml_part.hpp"

#include <iterator>
#include <string_view>

namespace bulletin::xml {

void set(pugi::xml_node node, const char* attribute, const std::string& value) {
    node.append_attribute(attribute) = value.c_str();
}

void declare(pugi::xml_document& doc) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
}

std::string serialize(const pugi::xml_document& doc) {
    // Straight into the string (an ostringstream would hold it twice: its
    // buffer and the copy str() returns; document.xml can be tens of MB).
    struct Appender : pugi::xml_writer {
        std::string out;
        void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
    } writer;
    doc.save(writer, "", pugi::format_raw);
    return std::move(writer.out);
}

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
