// The newspaper layout (seeds 001 永康 人大, 004 平湖 政协): masthead band,
// headline block (kicker, headline, ——subtitle, byline), lead, then the body
// in columns — a banner and headline per group, and per item either the
// 人大 sentence ("X、Y等代表提出“…”的相关建议，由…领办。") or the 政协
// heading with labelled fields (提案人：… 主办单位：… 办理结果分类：…).
#include <fmt/format.h>

#include "compose/compose.hpp"
#include "compose/summary.hpp"
#include "compose/text.hpp"
#include "support/utf8.hpp"

namespace bulletin {

using namespace compose_parts;

namespace {

Origin meta_origin(const Text& t, const char* key) { return text_origin(t, fmt::format("bulletin.{}", key)); }

// Fills a sentence template: literal text between {placeholders}, each
// placeholder replaced by the spans `fill` gives for it.
template <class Fill>
std::vector<Span> fill_template(const std::string& tmpl, Fill fill) {
    std::vector<Span> out;
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        std::size_t open = tmpl.find('{', pos);
        std::size_t close = open == std::string::npos ? std::string::npos : tmpl.find('}', open);
        if (close == std::string::npos) {
            out.push_back({tmpl.substr(pos), false, {}});
            break;
        }
        if (open > pos) out.push_back({tmpl.substr(pos, open - pos), false, {}});
        auto part = fill(tmpl.substr(open + 1, close - open - 1));
        out.insert(out.end(), part.begin(), part.end());
        pos = close + 1;
    }
    return out;
}

// 人大 items (建议/议案 with proposers) read as a sentence, as in seed 001.
bool sentence_style(const Item& item, const LabelContext& labels) {
    std::string kind = labels.kind_of(item);
    return (kind == "建议" || kind == "议案") && !item.proposers.empty() &&
           !labels.label("sentence", item).empty();
}

Paragraph proposal_sentence(const Item& item, const LabelContext& labels) {
    auto fill = [&](const std::string& key) -> std::vector<Span> {
        std::vector<Span> spans;
        if (key == "proposers") {
            for (std::size_t i = 0; i < item.proposers.size(); ++i) {
                if (i > 0) spans.push_back({"、", false, {}});
                spans.push_back({utf8::trim(item.proposers[i].value), false,
                                 item_origin(item, "proposers", item.proposers[i])});
            }
            // "A、B等代表": more than one proposer reads as "and others".
            if (item.proposers.size() > 1) spans.push_back({labels.label("etc", item), false, {}});
        } else if (key == "title") {
            spans.push_back({utf8::trim(item.title.value), false, item_origin(item, "title", item.title)});
        } else if (key == "number") {
            spans.push_back({number_suffix(item, labels), false, {}});
        }
        return spans;
    };
    Paragraph p;
    p.style = "body";
    p.spans = fill_template(labels.label("sentence", item), fill);
    if (!item.leaders.empty()) {
        auto led = fill_template(labels.label("led_by", item), [&](const std::string& key) -> std::vector<Span> {
            std::vector<Span> spans;
            if (key != "leaders") return spans;
            for (std::size_t i = 0; i < item.leaders.size(); ++i) {
                const Leader& l = item.leaders[i];
                if (i > 0) spans.push_back({"、", false, {}});
                if (!l.position.empty())
                    spans.push_back({utf8::trim(l.position.value), false, item_origin(item, "leaders", l.position)});
                spans.push_back({utf8::trim(l.name.value), false, item_origin(item, "leaders", l.name)});
            }
            return spans;
        });
        p.spans.insert(p.spans.end(), led.begin(), led.end());
    } else {
        p.spans.push_back({"。", false, {}});
    }
    return p;
}

void add_item(std::vector<Block>& out, const Item& item, const LabelContext& labels, int level) {
    if (sentence_style(item, labels)) {
        // The sentence is the item's heading: its bookmark, and in Word a
        // paragraph of a heading style derived from the body's.
        Paragraph s = proposal_sentence(item, labels);
        s.outline_level = level;
        out.push_back(s);
        for (const auto& field : item_field_order()) {
            if (field == "proposers" || field == "leaders") continue;  // in the sentence
            for (auto& p : field_paragraphs(item, field, labels, "body")) out.push_back(std::move(p));
        }
        for (auto& img : item_images(item, "caption")) out.push_back(std::move(img));
        return;
    }
    Paragraph h;
    h.style = "item_title";
    std::string prefix = format_number("{cn}、", item.display_seq);
    h.spans = {{prefix + "《", false, {}},
               {utf8::trim(item.title.value), false, item_origin(item, "title", item.title)},
               {"》" + number_suffix(item, labels), false, {}}};
    h.outline_level = level;
    out.push_back(h);
    append_item_body(out, item, labels);
}

}  // namespace

Document compose_newspaper(const Bulletin& b, const Layout& layout) {
    Document doc;
    set_info(doc, b);
    LabelContext labels = LabelContext::of(b, layout);
    const Meta& m = b.meta;

    // Masthead: the column (or, without one, the issuer) and the facts.
    Masthead mast;
    mast.name.style = "masthead";
    mast.latin.style = "masthead_latin";
    mast.info.style = "masthead_info";
    if (!m.column.name.empty()) {
        mast.name.spans = {{utf8::trim(m.column.name.value), false, meta_origin(m.column.name, "column")}};
        doc.running_head = utf8::trim(m.column.name.value);
    } else if (!m.issuer.empty()) {
        mast.name.spans = {{utf8::trim(m.issuer.value), false, meta_origin(m.issuer, "issuer")}};
        doc.running_head = utf8::trim(m.issuer.value);
    }
    if (!m.column.latin.empty()) mast.latin.spans = {{utf8::trim(m.column.latin.value), false, {}}};
    // The issuer stands in the band: beside the column's name, or as the name.
    std::vector<Span> info;
    if (!m.column.name.empty() && !m.issuer.empty())
        info.push_back({utf8::trim(m.issuer.value), false, meta_origin(m.issuer, "issuer")});
    if (!m.session.empty() && !info.empty()) info.push_back({"　", false, {}});
    if (!m.session.empty()) info.push_back({utf8::trim(m.session.value), false, meta_origin(m.session, "session")});
    if (!m.date.empty()) {
        if (!info.empty()) info.push_back({"　", false, {}});
        info.push_back({chinese_date(m.date.value), false, meta_origin(m.date, "date")});
    }
    mast.info.spans = info;
    doc.head.push_back(Boxed<Masthead>(std::move(mast)));

    if (!m.kicker.empty()) doc.head.push_back(make_paragraph("kicker", utf8::trim(m.kicker.value), meta_origin(m.kicker, "kicker")));
    Paragraph headline;
    headline.style = "headline";
    headline.spans = {{title_lines(m.title.value), false, {m.title.pos, "bulletin.title"}}};
    doc.head.push_back(headline);
    if (!m.subtitle.empty()) {
        Paragraph sub;
        sub.style = "subtitle";
        sub.spans = {{"——", false, {}}, {utf8::trim(m.subtitle.value), false, meta_origin(m.subtitle, "subtitle")}};
        doc.head.push_back(sub);
    }
    if (!m.byline.empty()) doc.head.push_back(byline_paragraph(m.byline, labels, "byline"));
    paragraphs(doc.head, b.intro, "lead", "intro");
    if (m.summary) doc.head.push_back(make_paragraph("lead", summary_text(b, labels.default_kind), {}));

    std::vector<Block>& out = doc.body;
    long long top_number = 0;
    for (const Group& g : b.groups) {
        if (g.implicit) {
            for (const Item& item : g.items) {
                add_item(out, item, labels, 1);
                top_number = std::max(top_number, item.display_seq);
            }
            continue;
        }
        ++top_number;
        std::string label = g.label.empty() ? format_number(labels.label("group"), top_number) : utf8::trim(g.label.value);
        Paragraph banner;
        banner.style = "banner";
        banner.spans = {{label, false, text_origin(g.label, "group label")},
                        {layout.newspaper.banner_mark, false, {}}};
        banner.keep_with_next = true;
        // The group's heading: its title, or the banner when it has none.
        banner.outline_level = g.title.empty() ? 1 : 0;
        out.push_back(banner);
        if (!g.title.empty()) {
            Paragraph title;
            title.style = "group_title";
            title.spans = {{title_lines(g.title.value), false, {g.title.pos, "group title"}}};
            title.outline_level = 1;
            out.push_back(title);
        }
        for (const Item& item : g.items) add_item(out, item, labels, 2);
    }
    sections(out, b.sections, layout, 1, top_number + 1);
    // No 落款 under a newspaper article: issuer and date are in the masthead.
    paragraphs(out, b.closing, "body", "closing");
    return doc;
}

}  // namespace bulletin
