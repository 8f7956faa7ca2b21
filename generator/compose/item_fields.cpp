#include "compose/item_fields.hpp"

#include <fmt/format.h>

#include "compose/text.hpp"
#include "support/utf8.hpp"

namespace bulletin {

LabelContext LabelContext::of(const Bulletin& b, const Layout& layout) {
    LabelContext c{layout, {}, {}};
    for (const auto& [key, text] : b.meta.labels) c.overrides[key] = text.value;
    for (const auto& g : b.groups)
        for (const auto& it : g.items)
            if (!it.kind.empty() && c.default_kind.empty()) c.default_kind = it.kind.value;
    return c;
}

std::string LabelContext::kind_of(const Item& item) const {
    return item.kind.empty() ? default_kind : item.kind.value;
}

std::string LabelContext::label(const std::string& field, const Item& item) const {
    return layout.label(field, kind_of(item), overrides);
}

std::string LabelContext::label(const std::string& field) const {
    return layout.label(field, default_kind, overrides);
}

Origin item_origin(const Item& item, const std::string& field, SourcePos pos) {
    std::string title = utf8::trim(item.title.value);
    std::u32string t = utf8::decode(title);
    if (t.size() > 24) title = utf8::encode(t.substr(0, 24)) + "…";
    return {pos.known() ? pos : item.pos, fmt::format("item {} 《{}》, {}", item.display_seq, title, field)};
}

std::string leader_text(const Leader& leader) {
    return utf8::trim(leader.position.value) + utf8::trim(leader.name.value);
}

std::string number_suffix(const Item& item, const LabelContext& labels) {
    if (!item.number) return {};
    std::string format = labels.label("number", item);
    if (format.empty()) format = "（第{n}号）";
    return format_number(format, item.number->value);
}

namespace {

// "label：value" with the label (and its colon) in the strong font.
Paragraph labelled(const std::string& style, const std::string& label, const std::vector<Span>& value) {
    Paragraph p;
    p.style = style;
    if (!label.empty()) p.spans.push_back({label + "：", true, {}});
    p.spans.insert(p.spans.end(), value.begin(), value.end());
    return p;
}

std::vector<std::string> texts(const std::vector<Text>& list) {
    std::vector<std::string> out;
    for (const auto& t : list) out.push_back(utf8::trim(t.value));
    return out;
}

void add_list_field(std::vector<Paragraph>& out, const Item& item, const LabelContext& labels,
                    const std::string& style, const std::string& field, const std::vector<Text>& values) {
    if (values.empty()) return;
    out.push_back(labelled(style, labels.label(field, item),
                           {{join(texts(values)), false, item_origin(item, field, values.front().pos)}}));
}

// A block field (progress, next_steps, note): the label opens its first paragraph.
void add_block_field(std::vector<Paragraph>& out, const Item& item, const LabelContext& labels,
                     const std::string& style, const std::string& field, const Text& value) {
    auto paras = utf8::paragraphs(value.value);
    for (std::size_t i = 0; i < paras.size(); ++i) {
        auto spans = inline_spans(paras[i], item_origin(item, field, value.pos));
        out.push_back(labelled(style, i == 0 ? labels.label(field, item) : "", spans));
    }
}

}  // namespace

std::vector<Paragraph> item_field_paragraphs(const Item& item, const LabelContext& labels, const std::string& style) {
    std::vector<Paragraph> out;
    add_list_field(out, item, labels, style, "proposers", item.proposers);
    if (!item.leaders.empty()) {
        std::vector<std::string> names;
        for (const auto& l : item.leaders) names.push_back(leader_text(l));
        out.push_back(labelled(style, labels.label("leaders", item),
                               {{join(names), false, item_origin(item, "leaders", item.leaders.front().name.pos)}}));
    }
    add_list_field(out, item, labels, style, "supervisors", item.supervisors);
    add_list_field(out, item, labels, style, "hosts", item.hosts);
    add_list_field(out, item, labels, style, "cohosts", item.cohosts);
    if (!item.result.empty())
        out.push_back(labelled(style, labels.label("result", item),
                               {{item.result.value, false, item_origin(item, "result", item.result.pos)}}));
    add_block_field(out, item, labels, style, "progress", item.progress);
    add_block_field(out, item, labels, style, "next_steps", item.next_steps);
    for (const Item& rel : item.related) {
        std::string title = "《" + utf8::trim(rel.title.value) + "》" + number_suffix(rel, labels);
        out.push_back(labelled(style, labels.label("related", item),
                               {{title, false, item_origin(rel, "title", rel.title.pos)}}));
        auto inner = item_field_paragraphs(rel, labels, style);
        out.insert(out.end(), inner.begin(), inner.end());
    }
    add_block_field(out, item, labels, style, "note", item.note);
    return out;
}

}  // namespace bulletin
