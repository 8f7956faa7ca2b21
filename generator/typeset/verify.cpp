#include "typeset/verify.hpp"

#include <cmath>
#include <unordered_map>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "support/utf8.hpp"

namespace bulletin {

namespace {

bool counted(char32_t c) { return !u_isUWhiteSpace(static_cast<UChar32>(c)) && c != 0x2028 && c != 0x2029; }

// Calls `visit` with every span the document prints.
template <class Visit>
void for_each_span(const std::vector<Block>& blocks, Visit&& visit) {
    auto paragraph = [&](const Paragraph& p) {
        for (const Span& s : p.spans) visit(s);
    };
    for (const Block& b : blocks) {
        if (const auto* p = std::get_if<Paragraph>(&b)) paragraph(*p);
        else if (const auto* img = std::get_if<Image>(&b)) paragraph(img->caption);
        else if (const auto* boxed = std::get_if<Boxed<Masthead>>(&b)) {
            const Masthead* m = &**boxed;
            paragraph(m->name);
            paragraph(m->latin);
            paragraph(m->info);
        } else if (const auto* t = std::get_if<Table>(&b)) {
            for (const TableCell& c : t->header)
                for (const Paragraph& cell : c.paragraphs) paragraph(cell);
            for (const TableRow& r : t->rows)
                for (const TableCell& c : r.cells)
                    for (const Paragraph& cell : c.paragraphs) paragraph(cell);
        }
    }
}

std::string layout_name(const Layout& layout) { return layout.name.empty() ? layout.path : layout.name; }

}  // namespace

void PageChecker::add_page(const Page& page) {
    constexpr double kSlack = 0.5;  // points
    const std::size_t p = pages_++;
    // Glyphs: finite, and with their origin on the page.
    for (const PageElement& el : page.elements) {
        const auto* run = std::get_if<GlyphRun>(&el);
        if (!run) continue;
        for (std::size_t i = 0; i < run->glyphs.size(); ++i) {
            if (!run->repeated)
                for (char32_t c : run->texts[i]) {
                    ++count_of(c);
                    characters_ += counted(c) ? 1 : 0;
                }
            const double x = run->x + run->xs[i];
            const double y = run->y - (run->ys.empty() ? 0 : run->ys[i]);
            const bool on_page = std::isfinite(x) && std::isfinite(y) && x >= -kSlack && x < page.width && y > 0 &&
                                 y <= page.height + kSlack;
            if (on_page) continue;
            std::u32string text;
            for (std::size_t k = i; k < run->glyphs.size() && text.size() < 12; ++k) text += run->texts[k];
            throw InputError({{layout_.path, {},
                               fmt::format("the text \"{}\" would be set outside page {} with layout '{}': its "
                                           "page size, margins or type sizes leave no room for it",
                                           utf8::encode(text), p + 1, layout_name(layout_))}});
        }
    }
    if (next_) next_->add_page(page);
    if (after_page) after_page(pages_, characters_);
}

long& PageChecker::count_of(char32_t c) {
    if (c >= 0x10000) return set_[c];
    if (set_bmp_.empty()) set_bmp_.assign(0x10000, 0);
    return set_bmp_[c];
}

long PageChecker::count(char32_t c) const {
    if (c < 0x10000) return set_bmp_.empty() ? 0 : set_bmp_[c];
    auto it = set_.find(c);
    return it == set_.end() ? 0 : it->second;
}

void PageChecker::restart() {
    pages_ = 0;
    characters_ = 0;
    set_.clear();
    set_bmp_.clear();
    if (next_) next_->restart();
}

void PageChecker::verify(const Document& doc, const std::string& input_file) const {
    // Characters: every one the document prints, as often as it prints it.
    std::unordered_map<char32_t, long> wanted;
    auto tally = [&](const Span& s) {
        for (char32_t c : utf8::decode(s.text))
            if (counted(c)) ++wanted[c];
    };
    for_each_span(doc.head, tally);
    for_each_span(doc.body, tally);
    // Reported at the first span, in reading order, with a character short.
    auto check = [&](const Span& s) {
        for (char32_t c : utf8::decode(s.text)) {
            if (!counted(c)) continue;
            const long have = count(c);
            if (have >= wanted[c]) continue;
            const long lost = wanted[c] - have;
            throw InputError({{input_file, s.origin.pos,
                               fmt::format("'{}' ({}){} is printed {} time{} fewer than written: layout '{}' lost "
                                           "it (a bug in bulletin: please report it with this file)",
                                           utf8::encode(c), utf8::codepoint_name(c),
                                           s.origin.where.empty() ? "" : " in " + s.origin.where.str(), lost,
                                           lost == 1 ? "" : "s", layout_name(layout_))}});
        }
    };
    for_each_span(doc.head, check);
    for_each_span(doc.body, check);
}

std::size_t printed_characters(const Document& doc) {
    std::size_t n = 0;
    auto count = [&](const Span& s) {
        for (char32_t c : utf8::decode(s.text)) n += counted(c) ? 1 : 0;
    };
    for_each_span(doc.head, count);
    for_each_span(doc.body, count);
    return n;
}

void verify_typeset(const Document& doc, const TypesetDocument& pages, const Layout& layout,
                    const std::string& input_file) {
    PageChecker checker(layout, nullptr);
    for (const Page& page : pages.pages) checker.add_page(page);
    checker.verify(doc, input_file);
}

}  // namespace bulletin
