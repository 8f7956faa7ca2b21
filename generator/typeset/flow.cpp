#include "typeset/flow.hpp"

namespace bulletin {

namespace {
constexpr double kEpsilon = 0.01;
constexpr std::size_t kMinLines = 2;  // at a frame's top or foot, of a split paragraph with widow control
}  // namespace

void append_paragraph(std::vector<FlowItem>& items, std::shared_ptr<const SetParagraph> shared, std::uint32_t tag) {
    const SetParagraph& p = *shared;
    const Style& st = *p.style;
    if (st.space_before > 0) {
        FlowItem space;
        space.height = st.space_before;
        space.discardable = true;
        space.break_after = false;  // the break belongs before the space
        items.push_back(space);
    }
    // A heading (kept with what follows) is kept with two lines of it.
    bool follows_kept = false;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        if (it->discardable) continue;
        follows_kept = it->paragraph && it->paragraph->keep_with_next;
        break;
    }
    const std::size_t min_lines = st.widow_control ? kMinLines : 1;
    const std::size_t n = p.lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        FlowItem line;
        line.height = p.leading();
        line.paragraph = shared;
        line.line = i;
        line.tag = tag;
        bool last = i + 1 == n;
        // Inside a paragraph: only where both parts keep their least lines;
        // a heading is never split (Word's keepLines).
        line.break_after = last ? !p.keep_with_next
                                : !p.keep_with_next && !(follows_kept && i == 0) && i + 1 >= min_lines &&
                                      n - (i + 1) >= min_lines;
        items.push_back(line);
    }
    if (st.space_after > 0) {
        FlowItem space;
        space.height = st.space_after;
        space.discardable = true;
        space.break_after = !p.keep_with_next;
        items.push_back(space);
    }
}

void draw_item(const FlowItem& item, TypesetDocument& doc, const Frame& frame, double y) {
    if (item.paragraph) {
        Page& page = doc.pages[frame.page];
        if (item.line == 0 && item.paragraph->outline_level > 0)
            doc.bookmarks.push_back({item.paragraph->outline_level, item.paragraph->outline_title, frame.page, y});
        draw_line(*item.paragraph, item.line, frame.x, y, page, item.tag);
    } else if (item.draw) {
        item.draw(doc, frame, y);
    }
}

namespace {

// The flow's decisions; `draw(item, frame, y)` is called for each item placed.
template <class NextFrame, class Draw>
Cursor place(std::span<const FlowItem> items, const NextFrame& next_frame, Cursor at, std::vector<FrameUse>* log,
             const Draw& draw) {
    std::size_t pos = 0;
    const std::size_t n = items.size();
    while (pos < n) {
        if (!at.has_frame) at = {next_frame(), 0, true};
        const Frame frame = at.frame;
        if (at.used == 0)
            while (pos < n && items[pos].discardable) ++pos;  // no space at the top of a frame
        if (pos >= n) break;
        // How far the items fit.
        double y = at.used;
        std::size_t fit = pos;
        while (fit < n && y + items[fit].height <= frame.height + kEpsilon) y += items[fit++].height;
        std::size_t stop = fit;  // items [pos, stop) go into this frame
        bool forced = false;
        if (fit < n) {
            // Break after the last item that allows it. If none does: in a
            // frame that already holds something, move everything on; in an
            // empty one (a heading chain taller than a frame), break where it fills.
            std::size_t k = fit;
            while (k > pos && !items[k - 1].break_after) --k;
            if (k > pos) stop = k;
            else if (at.used > 0) stop = pos;
            else {
                stop = std::max(fit, pos + 1);
                forced = true;
            }
        }
        double top = at.used;
        for (std::size_t i = pos; i < stop; ++i) {
            draw(items[i], frame, frame.y + top);
            top += items[i].height;
        }
        if (log) log->push_back({frame, pos, top, forced});
        at.used = top;
        pos = stop;
        if (pos < n) at.has_frame = false;  // the rest goes to the next frame
    }
    return at;
}

}  // namespace

Cursor flow(std::span<const FlowItem> items, TypesetDocument& doc, const FrameSource& next_frame, Cursor at,
            std::vector<FrameUse>* log) {
    return place(
        items, [&] { return next_frame(doc); }, at, log,
        [&](const FlowItem& item, const Frame& frame, double y) { draw_item(item, doc, frame, y); });
}

Cursor measure_flow(std::span<const FlowItem> items, const std::function<Frame()>& next_frame, Cursor at,
                    std::vector<FrameUse>& log) {
    return place(items, next_frame, at, &log, [](const FlowItem&, const Frame&, double) {});
}

}  // namespace bulletin
