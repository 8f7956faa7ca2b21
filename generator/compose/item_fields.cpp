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

std::string item_where(const Item& item, const std::string& field) {
    std::string title = utf8::trim(item.title.value);
    std::u32string t = utf8::decode(title);
    if (t.size() > 24) title = utf8::encode(t.substr(0, 24)) + "…";
    return fmt::format("item {} 《{}》, {}", item.display_seq, title, field);
}

Origin item_origin(const Item& item, const std::string& field, const Text& value) {
    Origin o = text_origin(value, item_where(item, field));
    if (!o.pos.known()) o.pos = item.pos;
    return o;
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

void add_list_field(std::vector<Paragraph>& out, const Item& item, const LabelContext& labels,
                    const std::string& style, const std::string& field, const std::vector<Text>& values) {
    if (values.empty()) return;
    // One span per value, so each keeps its own position.
    std::vector<Span> spans;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) spans.push_back({"、", false, {}});
        spans.push_back({utf8::trim(values[i].value), false, item_origin(item, field, values[i])});
    }
    out.push_back(labelled(style, labels.label(field, item), spans));
}

// A block field (progress, next_steps, note): the label opens its first paragraph.
void add_block_field(std::vector<Paragraph>& out, const Item& item, const LabelContext& labels,
                     const std::string& style, const std::string& field, const Text& value) {
    auto paras = text_paragraphs(value, item_where(item, field));
    for (std::size_t i = 0; i < paras.size(); ++i) {
        auto spans = inline_spans(paras[i].text, paras[i].origin);
        out.push_back(labelled(style, i == 0 ? labels.label(field, item) : "", spans));
    }
}

}  // namespace

const std::vector<std::string>& item_field_order() {
    static const std::vector<std::string> order = {
        "proposers", "seconders", "leaders",   "supervisors", "hosts",      "cohosts", "result",
        "satisfaction", "replied", "reply_ref", "progress",    "next_steps", "related", "note"};
    return order;
}

std::vector<Paragraph> field_paragraphs(const Item& item, const std::string& field, const LabelContext& labels,
                                        const std::string& style) {
    std::vector<Paragraph> out;
    if (field == "proposers") {
        add_list_field(out, item, labels, style, field, item.proposers);
        // 政协 pages end the line with the count of merged proposals:
        // "提案人：…，其他相关提案1件".
        std::string count = labels.label("related_count", item);
        if (!out.empty() && !item.related.empty() && !count.empty())
            out.back().spans.push_back({format_number(count, static_cast<long long>(item.related.size())), false, {}});
    } else if (field == "seconders") add_list_field(out, item, labels, style, field, item.seconders);
    else if (field == "supervisors") add_list_field(out, item, labels, style, field, item.supervisors);
    else if (field == "hosts") add_list_field(out, item, labels, style, field, item.hosts);
    else if (field == "cohosts") add_list_field(out, item, labels, style, field, item.cohosts);
    else if (field == "progress") add_block_field(out, item, labels, style, field, item.progress);
    else if (field == "next_steps") add_block_field(out, item, labels, style, field, item.next_steps);
    else if (field == "note") add_block_field(out, item, labels, style, field, item.note);
    else if (field == "leaders" && !item.leaders.empty()) {
        std::vector<Span> spans;
        for (std::size_t i = 0; i < item.leaders.size(); ++i) {
            const Leader& l = item.leaders[i];
            if (i > 0) spans.push_back({"、", false, {}});
            if (!l.position.empty()) spans.push_back({utf8::trim(l.position.value), false, item_origin(item, "leaders", l.position)});
            spans.push_back({utf8::trim(l.name.value), false, item_origin(item, "leaders", l.name)});
        }
        out.push_back(labelled(style, labels.label("leaders", item), spans));
    } else if (field == "result" && !item.result.empty()) {
        out.push_back(labelled(style, labels.label("result", item),
                               {{item.result.value, false, item_origin(item, "result", item.result)}}));
    } else if ((field == "satisfaction" && !item.satisfaction.empty()) ||
               (field == "reply_ref" && !item.reply_ref.empty())) {
        const Text& value = field == "satisfaction" ? item.satisfaction : item.reply_ref;
        out.push_back(labelled(style, labels.label(field, item),
                               {{utf8::trim(value.value), false, item_origin(item, field, value)}}));
    } else if (field == "replied" && !item.replied.empty()) {
        out.push_back(labelled(style, labels.label("replied", item), {{chinese_date(item.replied.value), false, {}}}));
    } else if (field == "related") {
        for (const Item& rel : item.related) {
            out.push_back(labelled(style, labels.label("related", item),
                                   {{"《", false, {}},
                                    {utf8::trim(rel.title.value), false, item_origin(rel, "title", rel.title)},
                                    {"》" + number_suffix(rel, labels), false, {}}}));
            auto inner = item_field_paragraphs(rel, labels, style);
            out.insert(out.end(), inner.begin(), inner.end());
        }
    }
    return out;
}

std::vector<Image> item_images(const Item& item, const std::string& caption_style) {
    std::vector<Image> out;
    for (const ImageRef& ref : item.images) {
        Image img;
        img.data = ref.data;
        img.caption.style = caption_style;
        if (!ref.caption.empty())
            img.caption.spans = inline_spans(utf8::trim(ref.caption.value), item_origin(item, "image caption", ref.caption));
        out.push_back(std::move(img));
    }
    return out;
}

std::vector<Paragraph> item_field_paragraphs(const Item& item, const LabelContext& labels, const std::string& style) {
    std::vector<Paragraph> out;
    for (const auto& field : item_field_order()) {
        auto part = field_paragraphs(item, field, labels, style);
        out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return out;
}

void append_item_body(std::vector<Block>& out, const Item& item, const LabelContext& labels) {
    for (auto& p : item_field_paragraphs(item, labels, "body")) out.push_back(std::move(p));
    for (auto& img : item_images(item, "caption")) out.push_back(std::move(img));
}

}  // namespace bulletin
