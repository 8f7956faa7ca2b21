// The table layout (seed 000, 义乌 人大): a title, then one table with a
// row per item — 序号 / 重点建议 / 领办领导 / 主办单位 / 办理落实情况 by
// default, the columns as the layout lists them — and a spanning row per
// group. Fields without a column of their own go into a cell next to their
// kin (proposers under the title, supervisors under the leaders, cohosts
// under the hosts, the rest into the last column), so nothing is dropped.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "compose/compose.hpp"
#include "compose/text.hpp"
#include "support/utf8.hpp"

namespace bulletin {

using namespace compose_parts;

namespace {

class TableComposer {
public:
    TableComposer(const Layout& layout, const LabelContext& labels) : layout_(layout), labels_(labels) {
        for (const auto& c : layout.table.columns) shown_.insert(c.field);
    }

    // `level`: the outline level of the item's title (its heading).
    TableRow row(const Item& item, int level) const {
        TableRow r;
        const auto& cols = layout_.table.columns;
        for (std::size_t c = 0; c < cols.size(); ++c)
            r.cells.push_back(cell(item, cols[c], c + 1 == cols.size(), level));
        return r;
    }

private:
    // The fields a column holds: its own, plus those without a column.
    std::vector<std::string> fields_of(const std::string& field, bool last) const {
        auto missing = [&](const char* f) { return !shown_.count(f); };
        std::vector<std::string> out = {field};
        if (field == "title" && missing("proposers")) out.push_back("proposers");
        if (field == "leaders" && missing("supervisors")) out.push_back("supervisors");
        if (field == "hosts" && missing("cohosts")) out.push_back("cohosts");
        if (last)
            for (const auto& f : item_field_order()) {
                bool has_home = (f == "proposers" && shown_.count("title")) ||
                                (f == "supervisors" && shown_.count("leaders")) ||
                                (f == "cohosts" && shown_.count("hosts"));
                if (missing(f.c_str()) && !has_home && std::find(out.begin(), out.end(), f) == out.end())
                    out.push_back(f);
            }
        // progress is shown with next_steps and the rest of the outcome.
        if (field == "progress" && missing("next_steps") &&
            std::find(out.begin(), out.end(), "next_steps") == out.end())
            out.insert(out.begin() + 1, "next_steps");
        return out;
    }

    TableCell cell(const Item& item, const TableColumn& col, bool last, int level) const {
        TableCell cell;
        for (const auto& field : fields_of(col.field, last)) {
            std::vector<Paragraph> part;
            if (field == "seq") {
                part.push_back(make_paragraph(col.style, std::to_string(item.display_seq),
                                              item.seq ? item_origin(item, "seq", {}) : Origin{}));
            } else if (field == "title") {
                Paragraph p;
                p.style = col.style;
                p.spans = {{utf8::trim(item.title.value), false, item_origin(item, "title", item.title)},
                           {number_suffix(item, labels_), false, {}}};
                part.push_back(p);
            } else if (field == "leaders" && field == col.field) {
                // One leader a line, two-character names spaced to three; the
                // position, if any, under the name.
                for (const Leader& l : item.leaders) {
                    part.push_back({col.style, {name_span(l.name.value, item_origin(item, "leaders", l.name))}, 0, {},
                                    false});
                    if (!l.position.empty())
                        part.push_back({col.style,
                                        {{"（", false, {}},
                                         {utf8::trim(l.position.value), false, item_origin(item, "leaders", l.position)},
                                         {"）", false, {}}},
                                        0, {}, false});
                }
            } else if (field == "supervisors" && col.field == "leaders") {
                // Under the leaders and set as they are: their label, then a
                // name a line, two-character names spaced to three.
                if (!item.supervisors.empty())
                    part.push_back({col.style, {{labels_.label("supervisors", item) + "：", true, {}}}, 0, {}, false});
                for (const Text& s : item.supervisors)
                    part.push_back({col.style, {name_span(s.value, item_origin(item, "supervisors", s))}, 0, {}, false});
            } else if (field == "hosts" && field == col.field) {
                for (const Text& h : item.hosts)
                    part.push_back(make_paragraph(col.style, utf8::trim(h.value), item_origin(item, "hosts", h)));
            } else {
                part = field_paragraphs(item, field, labels_, col.style);
            }
            if (field == "title" && !part.empty()) part.front().outline_level = level;
            cell.paragraphs.insert(cell.paragraphs.end(), part.begin(), part.end());
        }
        // A table cell holds text: of an image, the caption is printed.
        if (last)
            for (const ImageRef& img : item.images)
                if (!img.caption.empty()) {
                    Paragraph p;
                    p.style = col.style;
                    p.spans = {{labels_.label("image", item) + "：", true, {}},
                               {utf8::trim(img.caption.value), false, item_origin(item, "image caption", img.caption)}};
                    cell.paragraphs.push_back(p);
                }
        return cell;
    }

    const Layout& layout_;
    const LabelContext& labels_;
    std::set<std::string> shown_;
};

}  // namespace

Document compose_table(const Bulletin& b, const Layout& layout) {
    Document doc;
    set_info(doc, b);
    LabelContext labels = LabelContext::of(b, layout);
    std::vector<Block>& out = doc.body;
    front_matter(out, b, labels);

    long long top_number = 0;
    if (b.item_count() > 0) {
        Table table;
        for (const auto& col : layout.table.columns) {
            TableCell header;
            // 重点{kind}: 重点建议 for a 人大 bulletin, 重点提案 for a 政协 one.
            std::string text = col.header;
            std::string kind = labels.default_kind.empty() ? "建议" : labels.default_kind;
            if (auto at = text.find("{kind}"); at != std::string::npos) text.replace(at, 6, kind);
            header.paragraphs.push_back(make_paragraph(layout.table.header_style, text, {}));
            table.header.push_back(header);
        }
        TableComposer composer(layout, labels);
        for (const Group& g : b.groups) {
            int level = 1;
            if (!g.implicit) {
                ++top_number;
                level = 2;
                TableRow group;
                group.group = true;
                std::string label = g.label.empty() ? format_number(labels.label("group"), top_number) : utf8::trim(g.label.value);
                Paragraph p;
                p.style = layout.table.group_style;
                p.spans = {{label, false, text_origin(g.label, "group label")}};
                if (!g.title.empty()) {
                    p.spans.push_back({"　", false, {}});
                    p.spans.push_back({utf8::trim(g.title.value), false, text_origin(g.title, "group title")});
                }
                p.outline_level = 1;
                group.cells.push_back({{p}});
                table.rows.push_back(group);
            }
            for (const Item& item : g.items) {
                table.rows.push_back(composer.row(item, level));
                if (g.implicit) top_number = std::max(top_number, item.display_seq);
            }
        }
        out.push_back(std::move(table));
    }
    sections(out, b.sections, layout, 1, top_number + 1);
    closing_and_signature(out, b);
    return doc;
}

}  // namespace bulletin
