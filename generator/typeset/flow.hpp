// Page building: a vertical list of lines and spaces flowed into frames
// (a page's text area, or its columns), breaking only where allowed:
// never between a heading and the first lines of what follows, never
// leaving a single line of a paragraph alone at a frame's top or foot.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "typeset/page.hpp"
#include "typeset/set_paragraph.hpp"

namespace bulletin {

struct Frame {
    std::size_t page = 0;
    double x = 0, y = 0, width = 0, height = 0;
};

// Something that takes vertical space in a frame.
struct FlowItem {
    double height = 0;
    bool discardable = false;  // space that vanishes at the top of a frame
    bool break_after = true;   // a frame may end after this item
    // What to draw (nothing for space): a line of a set paragraph, or a
    // custom drawing (tables, images) given the frame and the item's top.
    // The items own their paragraph: it goes when they have been drawn.
    std::shared_ptr<const SetParagraph> paragraph;
    std::size_t line = 0;
    std::uint32_t tag = StructureTree::kArtifact;  // the paragraph's structure node
    std::function<void(TypesetDocument&, const Frame&, double y)> draw;
};

// Appends a set paragraph's lines with its spacing and break rules.
// `tag`: its node in the document's structure (0: furniture).
void append_paragraph(std::vector<FlowItem>& items, std::shared_ptr<const SetParagraph> p,
                      std::uint32_t tag = StructureTree::kArtifact);

// Gives the next frame to fill, adding pages to the document as needed.
using FrameSource = std::function<Frame(TypesetDocument&)>;

// Where the next thing goes: a frame and how much of it is used. A cursor
// without a frame (the default) means "start with a new frame".
struct Cursor {
    Frame frame;
    double used = 0;
    bool has_frame = false;
    double space_left() const { return frame.height - used; }
};

// What went into one frame: from which item on, and how much height.
struct FrameUse {
    Frame frame;
    std::size_t first_item = 0;
    double used = 0;
    bool forced = false;  // ended where no break was allowed (nothing else fitted)
};

// Places `items` from `at` on, into frames taken from `next_frame` when one
// is full. Returns where the last item ended; `log`, if given, receives one
// entry per frame used.
//
// Flowing items in parts, each part ending with an item that allows a break
// after it, places them exactly as flowing them all at once: the typesetter
// therefore flows (and forgets) each block as it comes.
Cursor flow(std::span<const FlowItem> items, TypesetDocument& doc, const FrameSource& next_frame, Cursor at = {},
            std::vector<FrameUse>* log = nullptr);

// The same decisions without drawing anything: where the items would go.
Cursor measure_flow(std::span<const FlowItem> items, const std::function<Frame()>& next_frame, Cursor at,
                    std::vector<FrameUse>& log);

// Draws one item at height `y` of `frame` (used by flow, and by callers that
// place items themselves, e.g. balanced columns).
void draw_item(const FlowItem& item, TypesetDocument& doc, const Frame& frame, double y);

}  // namespace bulletin
