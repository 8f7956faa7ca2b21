#include "typeset/typesetter.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "support/utf8.hpp"
#include "support/version.hpp"
#include "typeset/table.hpp"

namespace bulletin {

Typesetter::Typesetter(const Layout& layout, const FontSet& fonts, std::string input_file)
    : layout_(layout), fonts_(fonts), input_file_(std::move(input_file)) {}

namespace {

// What makes two short paragraphs set alike, as a key; empty for a long
// one (not worth keeping).
std::string short_paragraph_key(const Paragraph& p, double width) {
    constexpr std::size_t kLimit = 160;  // bytes: labels, names, units, running heads
    std::string key = p.style;
    key += '\0';
    key.append(reinterpret_cast<const char*>(&width), sizeof width);
    key += static_cast<char>(p.outline_level);
    key += p.keep_with_next ? '1' : '0';
    if (key.size() + p.outline_title.size() > kLimit) return {};
    key += p.outline_title;
    for (const Span& s : p.spans) {
        if (key.size() + s.text.size() + 3 > kLimit) return {};  // long: nothing copied for nothing
        key += '\0';
        key += s.strong ? 'b' : 'r';
        key += static_cast<char>(s.fit_chars);
        key += s.text;
    }
    return key;
}

}  // namespace

std::shared_ptr<const SetParagraph> Typesetter::set(const Paragraph& p, double width) {
    // Short paragraphs repeat (a unit in every row, the running head on
    // every page): each is shaped and broken once. One with a character no
    // font has is never kept, so every place it occurs is reported.
    const std::string key = short_paragraph_key(p, width);
    std::shared_ptr<const SetParagraph> sp;
    if (auto it = key.empty() ? short_set_.end() : short_set_.find(key); it != short_set_.end()) {
        sp = it->second;
    } else {
        const std::size_t missing_before = missing_.size();
        sp = std::make_shared<const SetParagraph>(set_paragraph(p, layout_, fonts_, width, missing_));
        if (!key.empty() && missing_.size() == missing_before) {
            if (short_set_.size() >= kMaxShortSet) short_set_.clear();  // a bound, not a policy
            short_set_.emplace(key, sp);
        }
    }
    if (sp->size < sp->style->size) shrunk_[&p] = sp->size;
    return sp;
}

Frame Typesetter::new_page_frame(TypesetDocument& doc) {
    const PageSpec& pg = layout_.page;
    doc.pages.finish_before(doc.pages.size());  // nothing more goes on the pages before
    doc.pages.push_back(Page{pg.width, pg.height, {}, {}});
    std::size_t index = doc.pages.size() - 1;
    // Odd pages (1, 3, …) have the binding margin on the left.
    double x = index % 2 == 0 ? pg.inside : pg.outside;
    return Frame{index, x, pg.top, pg.content_width(), pg.content_height()};
}

TypesetDocument Typesetter::typeset(const Document& doc, PageSink* sink) {
    TypesetDocument out = set_pages(doc, sink);
    if (layout_.kind == LayoutKind::kNewspaper) return tightened_to_fit(doc, sink, std::move(out));
    return out;
}

std::uint32_t Typesetter::tag(const Paragraph& p) {
    return structure_ ? structure_->add_paragraph(p.outline_level, StructureTree::kRoot, strong_span_count(p))
                      : StructureTree::kArtifact;
}

TypesetDocument Typesetter::set_pages(const Document& doc, PageSink* sink) {
    TypesetDocument out;
    structure_ = out.structure.get();
    out.pages.set_structure(out.structure);
    out.pages.set_sink(sink);
    if (!layout_.footer.format.empty())
        out.pages.set_finisher([this](Page& page, std::size_t index) { page_number(page, index); });
    out.info = {doc.title, doc.author, doc.subject, std::string("bulletin ") + kVersion, doc.keywords};
    switch (layout_.kind) {
        case LayoutKind::kOfficial:
        case LayoutKind::kTable: single_column(doc, out); break;
        case LayoutKind::kNewspaper: newspaper_pages(doc, out); break;
    }
    if (out.pages.empty()) new_page_frame(out);
    out.pages.finish_all();
    out.pages.set_finisher(nullptr);  // it refers to this typesetter
    out.page_count = out.pages.size();
    out.shrunk = std::move(shrunk_);
    structure_ = nullptr;
    report_missing();
    return out;
}

Layout tightened_layout(const Layout& layout, double scale) {
    Layout tight = layout;
    for (auto& [name, st] : tight.styles) {
        st.leading = std::max(st.leading * scale, std::min(st.leading, st.size * 1.15));
        st.space_before *= scale;
        st.space_after *= scale;
    }
    tight.newspaper.head_gap *= scale;
    tight.newspaper.tighten = 0;  // no second round
    return tight;
}


TypesetDocument Typesetter::tightened_to_fit(const Document& doc, PageSink* sink, TypesetDocument set) {
    const NewspaperSpec& ns = layout_.newspaper;
    if (ns.tighten <= 0 || set.page_count < 2 || last_page_fill_ >= ns.tighten_below) return set;
    // A third, two thirds, then all of the reduction allowed: the least
    // tightening that saves the page wins. Each attempt streams its pages
    // afresh; if none saves the page, the document is set as it was.
    for (int step = 1; step <= 3; ++step) {
        const double scale = 1 - ns.tighten * step / 3;
        Layout tight = tightened_layout(layout_, scale);
        set.pages.restart();
        TypesetDocument attempt = Typesetter(tight, fonts_, input_file_).set_pages(doc, sink);
        if (attempt.page_count < set.page_count) {
            attempt.tightening = scale;
            return attempt;
        }
        attempt.pages.restart();
    }
    return Typesetter(layout_, fonts_, input_file_).set_pages(doc, sink);
}

void Typesetter::append_block(std::vector<FlowItem>& items, const Block& block, double width) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
        append_paragraph(items, set(*p, width), tag(*p));
    } else if (const auto* img = std::get_if<Image>(&block)) {
        // At the full width, unless that makes it taller than half the text
        // area: then narrower, centred. Kept with its caption.
        double w = width;
        double h = w * img->data->height / img->data->width;
        double max_h = layout_.page.content_height() / 2;
        if (h > max_h) {
            w *= max_h / h;
            h = max_h;
        }
        const double gap = layout_.style("caption").size / 2;
        FlowItem item;
        item.height = h + 2 * gap;
        item.break_after = img->caption.spans.empty();
        // A Figure whose alternative text is its caption.
        std::uint32_t figure = StructureTree::kArtifact;
        if (structure_) {
            figure = structure_->add(StructRole::kFigure, StructureTree::kRoot);
            std::string alt;
            for (const Span& s : img->caption.spans) alt += s.text;
            structure_->set_alt(figure, alt.empty() ? std::string("图") : alt);
        }
        item.draw = [data = img->data, w, h, gap, figure](TypesetDocument& doc, const Frame& f, double y) {
            doc.pages[f.page].elements.emplace_back(std::in_place_type<PlacedImage>, data, f.x + (f.width - w) / 2,
                                                    y + gap, w, h, figure);
        };
        items.push_back(std::move(item));
        if (!img->caption.spans.empty()) append_paragraph(items, set(img->caption, width), tag(img->caption));
    }
}

Cursor Typesetter::flow_blocks(const std::vector<Block>& blocks, TypesetDocument& out, Cursor at,
                               const FrameSource& frames, double width) {
    // Flowed a block at a time, as soon as the items so far end where a
    // break is allowed (see flow()): the paragraphs are drawn and dropped.
    std::vector<FlowItem> pending;
    for (const Block& block : blocks) {
        if (std::holds_alternative<Paragraph>(block) || std::holds_alternative<Image>(block)) {
            append_block(pending, block, width);
            if (!pending.empty() && pending.back().break_after) {
                at = flow(pending, out, frames, at);
                pending.clear();
            }
        } else if (const auto* table = std::get_if<Table>(&block)) {
            at = flow(pending, out, frames, at);
            pending.clear();
            TableSetter setter(*table, layout_, [this](const Paragraph& cell, double w) { return set(cell, w); },
                               structure_);
            at = setter.place(out, at, frames);
        }
    }
    return flow(pending, out, frames, at);
}

void Typesetter::single_column(const Document& doc, TypesetDocument& out) {
    FrameSource pages = [this](TypesetDocument& d) { return new_page_frame(d); };
    double width = layout_.page.content_width();
    Cursor at = flow_blocks(doc.head, out, {}, pages, width);
    flow_blocks(doc.body, out, at, pages, width);
}

void Typesetter::page_number(Page& page, std::size_t i) {
    const FooterSpec& f = layout_.footer;
    const PageSpec& pg = layout_.page;
    Paragraph p;
    p.style = f.style;
    std::string text = f.format;
    text.replace(text.find("{page}"), 6, std::to_string(i + 1));
    p.spans = {{text, false, {}}};
    SetParagraph placed = *set(p, pg.content_width());
    // GB/T 9704: odd pages right, even pages left, one character in.
    double inset = placed.style->size;
    double x = i % 2 == 0 ? pg.inside : pg.outside;
    double line_width = placed.lines.empty() ? 0 : placed.lines[0].natural_width;
    if (f.position == "outside")
        x += i % 2 == 0 ? pg.content_width() - line_width - inset : inset;
    else
        x += (pg.content_width() - line_width) / 2;
    double baseline = pg.height - pg.bottom + f.distance;
    // Drawn as a left-aligned line at the computed x.
    for (auto& line : placed.lines) {
        double shift = line.x.empty() ? 0 : line.x.front();
        for (double& lx : line.x) lx -= shift;
    }
    const std::size_t first = page.elements.size();
    for (std::size_t k = 0; k < placed.lines.size(); ++k) draw_line(placed, k, x, baseline - placed.baseline, page);
    page.mark_repeated(first);
}

void Typesetter::report_missing() const {
    if (missing_.empty()) return;
    std::vector<Diagnostic> diags;
    std::set<std::pair<char32_t, std::string>> seen;
    for (const MissingChar& m : missing_) {
        if (!seen.insert({m.c, m.origin.where.str() + std::to_string(m.origin.pos.line)}).second) continue;
        std::string where = m.origin.where.empty() ? std::string("the text") : m.origin.where.str();
        diags.push_back({input_file_, m.origin.pos,
                         fmt::format("character '{}' ({}) in {} is in no installed font: install a font that has it "
                                     "and add it to the fallback list of fonts/fonts.yaml",
                                     utf8::encode(m.c), utf8::codepoint_name(m.c), where)});
    }
    throw InputError(std::move(diags));
}


}  // namespace bulletin
