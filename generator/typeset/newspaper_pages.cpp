// Newspaper pages: the masthead and headline block across the full width of
// page 1, the body through the layout's columns and on to further pages with
// the same grid under a running head, the last page's columns balanced.
#include <algorithm>
#include <cmath>
#include <map>

#include "typeset/typesetter.hpp"

namespace bulletin {

namespace {

// Hands out the columns of the pages one after the other; later pages get
// the running head. In "balance" mode it gives the columns of one page at a
// fixed height and notes when more were wanted than the page has.
class ColumnFrames {
public:
    using NewPage = std::function<double(TypesetDocument&)>;  // adds a page, returns the columns' top
    ColumnFrames(const Layout& layout, NewPage new_page) : layout_(layout), new_page_(std::move(new_page)) {
        const NewspaperSpec& ns = layout.newspaper;
        width_ = (layout.page.content_width() - ns.gutter * (ns.columns - 1)) / ns.columns;
    }

    double column_width() const { return width_; }
    double bottom() const { return layout_.page.height - layout_.page.bottom; }

    // Start on `page` with columns from `top` down (the first page under the head).
    void start(std::size_t page, double top) {
        page_ = page;
        top_ = top;
        next_ = 0;
        started_ = true;
    }
    // Balance mode: only `page`'s columns, each `height` tall.
    void balance(std::size_t page, double top, double height) {
        start(page, top);
        balance_height_ = height;
        overflow_ = false;
    }
    bool overflowed() const { return overflow_; }

    Frame operator()(TypesetDocument& doc) {
        const int n = layout_.newspaper.columns;
        if (balance_height_ > 0) {
            if (next_ >= n) {
                overflow_ = true;  // more than the page holds: park the rest out of sight
                return frame(n - 1, 1e9);
            }
            return frame(next_++, balance_height_);
        }
        if (!started_ || next_ >= n) {
            top_ = new_page_(doc);
            page_ = doc.pages.size() - 1;
            next_ = 0;
            started_ = true;
        }
        return frame(next_++, bottom() - top_);
    }

private:
    Frame frame(int column, double height) const {
        const PageSpec& pg = layout_.page;
        double left = page_ % 2 == 0 ? pg.inside : pg.outside;
        return Frame{page_, left + column * (width_ + layout_.newspaper.gutter), top_, width_, height};
    }

    const Layout& layout_;
    NewPage new_page_;
    double width_ = 0;
    std::size_t page_ = 0;
    double top_ = 0;
    int next_ = 0;
    bool started_ = false;
    double balance_height_ = 0;
    bool overflow_ = false;
};

}  // namespace

FlowItem Typesetter::masthead_item(const Masthead& m, double width) {
    const NewspaperSpec& ns = layout_.newspaper;
    const SetParagraph& name = set(m.name, width);
    const SetParagraph& latin = set(m.latin, width);
    const SetParagraph& info = set(m.info, width);
    FlowItem item;
    item.height = ns.masthead_height;
    item.break_after = false;
    item.draw = [this, &name, &latin, &info](TypesetDocument& doc, const Frame& f, double y) {
        const NewspaperSpec& band = layout_.newspaper;
        Page& page = doc.pages[f.page];
        if (band.accent) page.elements.emplace_back(std::in_place_type<Box>, f.x, y, f.width, band.masthead_height, *band.accent);
        double pad = band.masthead_height * 0.3;
        auto centred = [&](const SetParagraph& p) { return y + (band.masthead_height - p.height()) / 2; };
        double x = f.x + pad;
        for (std::size_t i = 0; i < name.lines.size(); ++i) draw_line(name, i, x, centred(name) + static_cast<double>(i) * name.leading(), page);
        x += widest_line(name) + pad * 0.6;
        for (std::size_t i = 0; i < latin.lines.size(); ++i) draw_line(latin, i, x, centred(latin) + static_cast<double>(i) * latin.leading(), page);
        double info_x = f.x + f.width - pad - widest_line(info);
        for (std::size_t i = 0; i < info.lines.size(); ++i) draw_line(info, i, info_x, centred(info) + static_cast<double>(i) * info.leading(), page);
    };
    return item;
}

double Typesetter::running_head(TypesetDocument& doc, const std::string& text) {
    const PageSpec& pg = layout_.page;
    doc.pages.push_back(Page{pg.width, pg.height, {}});
    std::size_t index = doc.pages.size() - 1;
    double left = index % 2 == 0 ? pg.inside : pg.outside;
    Paragraph name{"running_head", {{text, false, {}}}, 0, {}, false};
    Paragraph number{"running_head", {{std::to_string(index + 1), false, {}}}, 0, {}, false};
    const SetParagraph& a = set(name, pg.content_width());
    const SetParagraph& b = set(number, pg.content_width());
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
        if (const auto* m = std::get_if<Masthead>(&block)) head.push_back(masthead_item(*m, width));
        else if (const auto* p = std::get_if<Paragraph>(&block)) append_paragraph(head, set(*p, width));
    }
    FrameSource only_page_one = [&whole](TypesetDocument&) { return whole; };
    Cursor end = flow(head, out, only_page_one, {whole, 0, true});
    double rule_y = whole.y + end.used + ns.head_gap / 2;
    Color accent = ns.accent ? *ns.accent : Color{};
    if (ns.head_rule > 0)
        out.pages[0].elements.emplace_back(std::in_place_type<Rule>, whole.x, rule_y, whole.x + width, rule_y,
                                           ns.head_rule, accent);
    const double first_top = rule_y + ns.head_gap / 2;

    // 2. The body, set at the column width.
    ColumnFrames columns(layout_, [this, &doc](TypesetDocument& d) { return running_head(d, doc.running_head); });
    std::vector<FlowItem> body;
    for (const Block& block : doc.body) append_block(body, block, columns.column_width());

    // 3. A trial run finds the last page and the first item on it.
    TypesetDocument trial;
    trial.pages.resize(1);
    std::vector<FrameUse> trial_log;
    columns.start(0, first_top);
    flow(body, trial, std::ref(columns), {}, &trial_log);
    std::size_t last_page = trial_log.empty() ? 0 : trial_log.back().frame.page;
    std::size_t split = body.size();
    for (const auto& use : trial_log)
        if (use.frame.page == last_page) {
            split = use.first_item;
            break;
        }

    // 4. Everything before the last page, for real.
    std::vector<FrameUse> log;
    columns.start(0, first_top);
    std::vector<FlowItem> before(body.begin(), body.begin() + static_cast<long>(split));
    std::vector<FlowItem> rest(body.begin() + static_cast<long>(split), body.end());
    flow(before, out, std::ref(columns), {}, &log);
    double last_top = first_top;
    if (last_page > 0) {
        while (out.pages.size() <= last_page) last_top = running_head(out, doc.running_head);
    }

    // 5. The last page balanced: the lowest column height that holds the rest.
    double full = columns.bottom() - last_top;
    double lo = 0, hi = full;
    for (int i = 0; i < 24 && hi - lo > 0.5; ++i) {
        double mid = (lo + hi) / 2;
        TypesetDocument scratch;
        scratch.pages.resize(last_page + 1);
        columns.balance(last_page, last_top, mid);
        std::vector<FrameUse> trial_uses;
        flow(rest, scratch, std::ref(columns), {}, &trial_uses);
        // Too low if the text did not fit, or only by breaking where it may not
        // (a heading from its text, an image from its caption).
        bool forced = std::any_of(trial_uses.begin(), trial_uses.end(), [](const FrameUse& u) { return u.forced; });
        if (columns.overflowed() || forced) lo = mid;
        else hi = mid;
    }
    columns.balance(last_page, last_top, hi);
    last_page_fill_ = full > 0 ? hi / full : 1;
    flow(rest, out, std::ref(columns), {}, &log);

    // 6. Rules between the columns, as deep as the text on each page.
    if (ns.column_rule > 0) {
        std::map<std::size_t, std::pair<double, double>> extent;  // page -> top, bottom
        for (const auto& use : log) {
            auto [it, fresh] = extent.emplace(use.frame.page, std::make_pair(use.frame.y, use.frame.y + use.used));
            if (!fresh) it->second.second = std::max(it->second.second, use.frame.y + use.used);
        }
        for (const auto& [page, span] : extent) {
            double left = page % 2 == 0 ? pg.inside : pg.outside;
            for (int c = 1; c < ns.columns; ++c) {
                double x = left + c * (columns.column_width() + ns.gutter) - ns.gutter / 2;
                out.pages[page].elements.emplace_back(std::in_place_type<Rule>, x, span.first, x, span.second,
                                                      ns.column_rule, Color{0.6, 0.6, 0.6});
            }
        }
    }
}

}  // namespace bulletin
