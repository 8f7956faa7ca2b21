// The official (公文-style) document: title block, lead, then groups and
// items as numbered headings with labelled fields, prose sections, closing
// and signature — one column, GB/T 9704 conventions.
#include <fmt/format.h>

#include "compose/compose.hpp"
#include "compose/text.hpp"
#include "support/utf8.hpp"

namespace bulletin {

using namespace compose_parts;

namespace {

void add_item(std::vector<Block>& out, const Item& item, long long number, int level, const LabelContext& labels) {
    Paragraph h;
    h.style = fmt::format("heading{}", level);
    std::string prefix = format_number(labels.layout.numbering[static_cast<std::size_t>(level - 1)], number);
    std::string title = utf8::trim(item.title.value) + number_suffix(item, labels);
    h.spans = {{prefix, false, {}},
               {utf8::trim(item.title.value), false, item_origin(item, "title", item.title)},
               {number_suffix(item, labels), false, {}}};
    h.outline_level = level;
    out.push_back(h);
    append_item_body(out, item, labels);
}

}  // namespace

Document compose_official(const Bulletin& b, const Layout& layout) {
    Document doc;
    set_info(doc, b);
    LabelContext labels = LabelContext::of(b, layout);
    std::vector<Block>& out = doc.body;
    front_matter(out, b, labels);

    long long top_number = 0;  // level-1 headings: groups, or items when there are no groups
    for (std::size_t gi = 0; gi < b.groups.size(); ++gi) {
        const Group& g = b.groups[gi];
        if (g.implicit) {
            for (const Item& item : g.items) {
                add_item(out, item, item.display_seq, 1, labels);
                top_number = std::max(top_number, item.display_seq);
            }
            continue;
        }
        ++top_number;
        Paragraph h;
        h.style = "heading1";
        std::string label = g.label.empty() ? format_number(labels.label("group"), top_number) : utf8::trim(g.label.value);
        std::string title = utf8::trim(g.title.value);
        h.spans = {{label, false, text_origin(g.label, "group label")}};
        if (!title.empty()) h.spans.push_back({"　", false, {}});
        if (!title.empty()) h.spans.push_back({title, false, text_origin(g.title, "group title")});
        h.outline_level = 1;
        out.push_back(h);
        long long n = 0;
        for (const Item& item : g.items) add_item(out, item, ++n, 2, labels);
    }
    sections(out, b.sections, layout, 1, top_number + 1);
    closing_and_signature(out, b);
    return doc;
}

}  // namespace bulletin
