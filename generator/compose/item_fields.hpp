// An item's labelled fields (提案人：… 主办单位：… 落实情况：…) as the
// official and newspaper layouts print them: one place decides their order,
// labels and wording, for PDF and DOCX alike.
#pragma once

#include <string>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "model/bulletin.hpp"

namespace bulletin {

// What compose needs besides the item: the layout, the bulletin's own
// label overrides and the kind (建议/提案/议案) used when an item has none.
struct LabelContext {
    const Layout& layout;
    std::map<std::string, std::string> overrides;
    std::string default_kind;

    static LabelContext of(const Bulletin& b, const Layout& layout);
    std::string kind_of(const Item& item) const;
    std::string label(const std::string& field, const Item& item) const;
    std::string label(const std::string& field) const;  // bulletin-wide (group, reporter …)
};

// "item 3 《关于…》, progress" — where a printed text came from.
std::string item_where(const Item& item, const std::string& field);
// The origin of one value of an item (exact when the file maps it 1:1).
Origin item_origin(const Item& item, const std::string& field, const Text& value);

// 副市长魏斌聪: a leader's position, then the name.
std::string leader_text(const Leader& leader);

// "（第4号）" for numbered items, else "".
std::string number_suffix(const Item& item, const LabelContext& labels);

// The order in which an item's fields are printed.
const std::vector<std::string>& item_field_order();

// One field of an item (proposers, leaders, …, related, note) as paragraphs
// in `style`, the first starting with the field's label in the strong font.
std::vector<Paragraph> field_paragraphs(const Item& item, const std::string& field, const LabelContext& labels,
                                        const std::string& style);

// The item's images, each with its caption in `caption_style`.
std::vector<Image> item_images(const Item& item, const std::string& caption_style);

// All fields of an item, in item_field_order().
std::vector<Paragraph> item_field_paragraphs(const Item& item, const LabelContext& labels, const std::string& style);

// What follows an item's heading in the running text (official, newspaper):
// all its fields in the "body" style, then its images captioned in "caption".
void append_item_body(std::vector<Block>& out, const Item& item, const LabelContext& labels);

}  // namespace bulletin
