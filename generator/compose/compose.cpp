#include "compose/compose.hpp"

#include <fmt/format.h>

#include "compose/summary.hpp"
#include "compose/text.hpp"
#include "support/utf8.hpp"

namespace bulletin {

namespace {

// Every paragraph with an outline level, in the body and in table cells.
template <class Visit>
void for_each_heading(std::vector<Block>& blocks, Visit&& visit) {
    for (Block& b : blocks) {
        if (auto* p = std::get_if<Paragraph>(&b); p && p->outline_level > 0) visit(*p);
        if (auto* t = std::get_if<Table>(&b))
            for (TableRow& r : t->rows)
                for (TableCell& c : r.cells)
                    for (Paragraph& p : c.paragraphs)
                        if (p.outline_level > 0) visit(p);
    }
}

// What a paragraph prints, as one line: its bookmark.
std::string printed_text(const Paragraph& p) {
    static const std::string kLineBreak = "\u2028";
    std::string out;
    for (const Span& s : p.spans)
        for (std::size_t i = 0; i < s.text.size();) {
            if (s.text.compare(i, kLineBreak.size(), kLineBreak) == 0) {
                out += ' ';
                i += kLineBreak.size();
            } else {
                out += s.text[i++];
            }
        }
    return utf8::trim(out);
}

}  // namespace

Document compose(const Bulletin& bulletin, const Layout& layout) {
    Document doc;
    switch (layout.kind) {
        case LayoutKind::kTable: doc = compose_table(bulletin, layout); break;
        case LayoutKind::kNewspaper: doc = compose_newspaper(bulletin, layout); break;
        case LayoutKind::kOfficial: doc = compose_official(bulletin, layout); break;
    }
    // A bookmark says what its heading prints, so the PDF's outline and
    // Word's navigation pane (which lists the heading paragraphs) agree.
    for_each_heading(doc.body, [](Paragraph& p) { p.outline_title = printed_text(p); });
    for_each_heading(doc.head, [](Paragraph& p) { p.outline_title = printed_text(p); });
    return doc;
}

namespace compose_parts {

namespace {

Origin meta_origin(const Text& t, const char* key) { return text_origin(t, fmt::format("bulletin.{}", key)); }

}  // namespace

void set_info(Document& doc, const Bulletin& b) {
    // The title as one line: the headline's line breaks become spaces.
    std::string title = utf8::trim(b.meta.title.value);
    for (auto& ch : title)
        if (ch == '\n') ch = ' ';
    doc.title = title;
    doc.author = utf8::trim(b.meta.issuer.value);
    doc.subject = utf8::trim(!b.meta.subtitle.empty() ? b.meta.subtitle.value : b.meta.session.value);
    doc.keywords = utf8::trim(b.meta.session.value);
}

Paragraph byline_paragraph(const Byline& byline, const LabelContext& labels, const std::string& style) {
    Paragraph p;
    p.style = style;
    if (!byline.text.empty()) {
        p.spans = {{utf8::trim(byline.text.value), false, text_origin(byline.text, "bulletin.byline")}};
        return p;
    }
    p.spans = {{"■", false, {}}};
    auto part = [&](const char* label, const Text& name) {
        if (name.empty()) return;
        if (p.spans.size() > 1) p.spans.push_back({"　", false, {}});
        p.spans.push_back({labels.label(label) + " ", false, {}});
        p.spans.push_back(name_span(name.value, text_origin(name, "bulletin.byline")));
    };
    part("reporter", byline.reporter);
    part("photographer", byline.photographer);
    return p;
}

void front_matter(std::vector<Block>& out, const Bulletin& b, const LabelContext& labels) {
    const Meta& m = b.meta;
    if (!m.column.name.empty())
        out.push_back(make_paragraph("meta", utf8::trim(m.column.name.value), text_origin(m.column.name, "bulletin.column")));
    if (!m.kicker.empty()) out.push_back(make_paragraph("meta", utf8::trim(m.kicker.value), meta_origin(m.kicker, "kicker")));
    Paragraph title;
    title.style = "title";
    std::string lines = title_lines(m.title.value);
    Origin origin = meta_origin(m.title, "title");
    // Runs of spaces become one line break: positions after them would shift.
    origin.exact = origin.exact && utf8::length(lines) == utf8::length(utf8::trim(m.title.value));
    title.spans = {{lines, false, origin}};
    out.push_back(title);
    if (!m.subtitle.empty()) out.push_back(make_paragraph("subtitle", utf8::trim(m.subtitle.value), meta_origin(m.subtitle, "subtitle")));
    // Printed even when the title already names it: nothing given is dropped.
    if (!m.session.empty()) {
        Origin session = meta_origin(m.session, "session");
        session.pos.column -= 1;  // the text begins with the added （
        out.push_back(make_paragraph("subtitle", "（" + utf8::trim(m.session.value) + "）", session));
    }
    if (!m.byline.empty()) out.push_back(byline_paragraph(m.byline, labels, "meta"));
    // 空一行: one empty body line between the title block and the text.
    Paragraph blank;
    blank.style = "body";
    out.push_back(blank);
    paragraphs(out, b.intro, "body", "intro");
    if (m.summary) out.push_back(make_paragraph("body", summary_text(b, labels.default_kind), {}));
}

void paragraphs(std::vector<Block>& out, const Text& text, const std::string& style, const std::string& where) {
    for (const auto& p : text_paragraphs(text, where)) out.push_back(make_paragraph(style, p.text, p.origin));
}

void closing_and_signature(std::vector<Block>& out, const Bulletin& b) {
    paragraphs(out, b.closing, "body", "closing");
    const Meta& m = b.meta;
    if (!m.issuer.empty())
        out.push_back(make_paragraph("signature", utf8::trim(m.issuer.value), meta_origin(m.issuer, "issuer")));
    if (!m.date.empty())
        out.push_back(make_paragraph("signature", chinese_date(m.date.value), meta_origin(m.date, "date")));
}

void sections(std::vector<Block>& out, const std::vector<Section>& list, const Layout& layout, int level,
              long long first_number) {
    long long n = first_number;
    for (const Section& s : list) {
        int lvl = std::min(level, 4);
        Paragraph h;
        h.style = fmt::format("heading{}", lvl);
        std::string number = format_number(layout.numbering[static_cast<std::size_t>(lvl - 1)], n++);
        std::string title = utf8::trim(s.title.value);
        h.spans = {{number, false, {}}};
        auto title_spans = inline_spans(title, text_origin(s.title, "section title"));
        h.spans.insert(h.spans.end(), title_spans.begin(), title_spans.end());
        h.outline_level = lvl;
        out.push_back(h);
        paragraphs(out, s.body, "body", "section body");
        sections(out, s.sections, layout, level + 1, 1);
    }
}

}  // namespace compose_parts
}  // namespace bulletin
