// Newspaper pages: the masthead and headline block across the full width of
// page 1, the body through the layout's columns and on to further pages with
// the same grid under a running head, the last page's columns balanced.
// Set a page at a time: see step 2.
#include <algorithm>
#include <span>

#include "typeset/typesetter.hpp"

namespace bulletin {

namespace {

// The columns of one page, at a given height; a flow that wants more than
// the page has gets one more frame, out of sight, and overflowed() says so.
class ColumnFrames {
public:
    explicit ColumnFrames(const Layout& layout) : layout_(layout) {
        const NewspaperSpec& ns = layout.newspaper;
        width_ = (layout.page.content_width() - ns.gutter * (ns.columns - 1)) / ns.columns;
    }

    double column_width() const { return width_; }
    double bottom() const { return layout_.page.height - layout_.page.bottom; }

    // From now on: the columns of `page` from `top`, each `height` tall.
    void start(std::size_t page, double top, double height) {
        page_ = page;
        top_ = top;
        height_ = height;
        next_ = 0;
        overflow_ = false;
    }
    bool overflowed() const { return overflow_; }

    Frame operator()() {
        const int n = layout_.newspaper.columns;
        if (next_ >= n) {
            overflow_ = true;  // more than the page holds: park the rest out of sight
            return frame(n - 1, 1e9);
        }
        return frame(next_++, height_);
    }

private:
    Frame frame(int column, double height) const {
        const PageSpec& pg = layout_.page;
        double left = page_ % 2 == 0 ? pg.inside : pg.outside;
        return Frame{page_, left + column * (width_ + layout_.newspaper.gutter), top_, width_, height};
    }

    const Layout& layout_;
    double width_ = 0;
    std::size_t page_ = 0;
    double top_ = 0;
    double height_ = 0;
    int next_ = 0;
    bool overflow_ = false;
};

// Rules between the columns of a page, as deep as the text in them.
void column_rules(const Layout& layout, double column_width, const std::vector<FrameUse>& uses, Page& page,
                  std::size_t index) {
    const NewspaperSpec& ns = layout.newspaper;
    if (ns.column_rule <= 0 || uses.empty()) return;
    double top = uses.front().frame.y, bottom = top;
    for (const auto& use : uses) bottom = std::max(bottom, use.frame.y + use.used);
    double left = index % 2 == 0 ? layout.page.inside : layout.page.outside;
    for (int c = 1; c < ns.columns; ++c) {
        double x = left + c * (column_width + ns.gutter) - ns.gutter / 2;
        page.elements.emplace_back(std::in_place_type<Rule>, x, top, x, bottom, ns.column_rule, Color{0.6, 0.6, 0.6});
    }
}

}  // namespace

FlowItem Typesetter::masthead_item(const Masthead& m, double width) {
    const NewspaperSpec& ns = layout_.newspaper;
    auto name_p = set(m.name, width), latin_p = set(m.latin, width), info_p = set(m.info, width);
    FlowItem item;
    item.height = ns.masthead_height;
    item.break_after = false;
    // The paper's name and the line of facts are text a reader hears (they
    // come from the bulletin); the band and the Latin spelling are furniture.
    const std::uint32_t name_tag = tag(m.name), info_tag = tag(m.info);
    item.draw = [this, name_p, latin_p, info_p, name_tag, info_tag](TypesetDocument& doc, const Frame& f, double y) {
        const SetParagraph &name = *name_p, &latin = *latin_p, &info = *info_p;
        const NewspaperSpec& band = layout_.newspaper;
        Page& page = doc.pages[f.page];
        if (band.accent) page.elements.emplace_back(std::in_place_type<Box>, f.x, y, f.width, band.masthead_height, *band.accent);
        double pad = band.masthead_height * 0.3;
        auto centred = [&](const SetParagraph& p) { return y + (band.masthead_height - p.height()) / 2; };
        double x = f.x + pad;
        for (std::size_t i = 0; i < name.lines.size(); ++i) draw_line(name, i, x, centred(name) + static_cast<double>(i) * name.leading(), page, name_tag);
        x += widest_line(name) + pad * 0.6;
        for (std::size_t i = 0; i < latin.lines.size(); ++i) draw_line(latin, i, x, centred(latin) + static_cast<double>(i) * latin.leading(), page);
        double info_x = f.x + f.width - pad - widest_line(info);
        for (std::size_t i = 0; i < info.lines.size(); ++i) draw_line(info, i, info_x, centred(info) + static_cast<double>(i) * info.leading(), page, info_tag);
    };
    return item;
}

double Typesetter::running_head(TypesetDocument& doc, const std::string& text) {
    const PageSpec& pg = layout_.page;
    doc.pages.finish_before(doc.pages.size());  // nothing more goes on the pages before
    doc.pages.push_back(Page{pg.width, pg.height, {}, {}});
    std::size_t index = doc.pages.size() - 1;
    double left = index % 2 == 0 ? pg.inside : pg.outside;
    Paragraph name{"running_head", {{text, false, {}}}, 0, {}, false};
    Paragraph number{"running_head", {{std::to_string(index + 1), false, {}}}, 0, {}, false};
    const auto name_set = set(name, pg.content_width()), number_set = set(number, pg.content_width());
    const SetParagraph &a = *name_set, &b = *number_set;
    Page& page = doc.pages.back();
    draw_line(a, 0, left, pg.top, page);
    draw_line(b, 0, left + pg.content_width() - widest_line(b), pg.top, page);
    page.mark_repeated(0);
    double rule_y = pg.top + a.leading() + 2;
    Color colour = layout_.newspaper.accent ? *layout_.newspaper.accent : Color{};
    page.elements.emplace_back(std::in_place_type<Rule>, left, rule_y, left + pg.content_width(), rule_y, 0.75, colour);
    return rule_y + layout_.newspaper.head_gap / 2;
}

void Typesetter::newspaper_pages(const Document& doc, TypesetDocument& out) {
    const NewspaperSpec& ns = layout_.newspaper;
    const PageSpec& pg = layout_.page;
    const double width = pg.content_width();

    // 1. Page 1: masthead and headline block across the full width.
    Frame whole = new_page_frame(out);
    std::vector<FlowItem> head;
    for (const Block& block : doc.head) {
        if (const auto* m = std::get_if<Boxed<Masthead>>(&block)) head.push_back(masthead_item(**m, width));
        else if (const auto* p = std::get_if<Paragraph>(&block)) append_paragraph(head, set(*p, width), tag(*p));
    }
    FrameSource only_page_one = [&whole](TypesetDocument&) { return whole; };
    Cursor end = flow(head, out, only_page_one, {whole, 0, true});
    double rule_y = whole.y + end.used + ns.head_gap / 2;
    Color accent = ns.accent ? *ns.accent : Color{};
    if (ns.head_rule > 0)
        out.pages[0].elements.emplace_back(std::in_place_type<Rule>, whole.x, rule_y, whole.x + width, rule_y,
                                           ns.head_rule, accent);
    const double first_top = rule_y + ns.head_gap / 2;

    // 2. The body, at the column width, a page at a time: blocks are set
    //    into a window until it holds more than the page can take (ending
    //    where a break is allowed: see flow()); a measuring flow then finds
    //    the first item that does not fit, the items before it are drawn on
    //    the page, and the page is done. What is left at the end is the
    //    last page.
    ColumnFrames columns(layout_);
    const double columns_per_page = ns.columns;
    std::vector<FlowItem> window;
    double window_height = 0;
    std::size_t page = 0;
    double top = first_top;
    auto draw_page = [&](std::span<const FlowItem> items, double height) {
        std::vector<FrameUse> uses;
        columns.start(page, top, height);
        flow(items, out, [&](TypesetDocument&) { return columns(); }, {}, &uses);
        column_rules(layout_, columns.column_width(), uses, out.pages[page], page);
    };
    auto full_pages = [&] {
        for (;;) {
            std::vector<FrameUse> uses;
            columns.start(page, top, columns.bottom() - top);
            measure_flow(window, std::ref(columns), {}, uses);
            if (!columns.overflowed() || uses.size() <= static_cast<std::size_t>(ns.columns)) return;
            const std::size_t next = std::max<std::size_t>(uses[static_cast<std::size_t>(ns.columns)].first_item, 1);
            draw_page(std::span(window).first(next), columns.bottom() - top);
            window.erase(window.begin(), window.begin() + static_cast<long>(next));
            window_height = 0;
            for (const FlowItem& item : window) window_height += item.height;
            top = running_head(out, doc.running_head);
            page = out.pages.size() - 1;
        }
    };
    for (const Block& block : doc.body) {
        const std::size_t before = window.size();
        append_block(window, block, columns.column_width());
        for (std::size_t i = before; i < window.size(); ++i) window_height += window[i].height;
        if (!window.empty() && window.back().break_after &&
            window_height > columns_per_page * (columns.bottom() - top))
            full_pages();
    }
    full_pages();

    // 3. The last page balanced: the lowest column height that holds the rest
    //    without breaking where it may not (a heading from its text, an image
    //    from its caption).
    const double full = columns.bottom() - top;
    double lo = 0, hi = full;
    for (int i = 0; i < 24 && hi - lo > 0.5; ++i) {
        double mid = (lo + hi) / 2;
        std::vector<FrameUse> uses;
        columns.start(page, top, mid);
        measure_flow(window, std::ref(columns), {}, uses);
        bool forced = std::any_of(uses.begin(), uses.end(), [](const FrameUse& u) { return u.forced; });
        if (columns.overflowed() || forced) lo = mid;
        else hi = mid;
    }
    last_page_fill_ = full > 0 ? hi / full : 1;
    draw_page(window, hi);
}

}  // namespace bulletin
