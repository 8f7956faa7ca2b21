// Document -> TypesetDocument: sets every paragraph, builds the pages of the
// layout (single column, table, or newspaper columns) and their furniture
// (page numbers, running heads). Characters no font has are collected over
// the whole document and reported together as an InputError.
//
// Pages stream: each page goes to the sink as soon as it is complete, and
// a paragraph is set when the page builder reaches it and dropped once it
// is drawn, so memory stays flat however long the document. A newspaper
// set again tighter (its last page nearly empty) tells the sink to restart.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "typeset/flow.hpp"
#include "typeset/font_set.hpp"
#include "typeset/page.hpp"

namespace bulletin {

// The layout with every style's leading and spacing (and the gaps of the
// newspaper grid) reduced to `scale`; leading never below 1.15 × the size.
// What a newspaper whose TypesetDocument::tightening is below 1 was set in:
// the DOCX is written in it too.
Layout tightened_layout(const Layout& layout, double scale);

class Typesetter {
public:
    // `input_file` names the bulletin in error messages.
    Typesetter(const Layout& layout, const FontSet& fonts, std::string input_file);

    // Sets `doc`, handing each finished page to `sink`; without one, the
    // pages are kept in the result.
    TypesetDocument typeset(const Document& doc, PageSink* sink = nullptr);

    // Sets a paragraph at `width`.
    std::shared_ptr<const SetParagraph> set(const Paragraph& p, double width);
    const Layout& layout() const { return layout_; }

private:
    // One setting of the whole document in this layout.
    TypesetDocument set_pages(const Document& doc, PageSink* sink);
    Frame new_page_frame(TypesetDocument& doc);
    // Appends the flow items of a paragraph or an image (with its caption).
    void append_block(std::vector<FlowItem>& items, const Block& block, double width);
    // Paragraphs and tables, one after the other, each going on where the
    // previous one ended.
    Cursor flow_blocks(const std::vector<Block>& blocks, TypesetDocument& out, Cursor at, const FrameSource& frames,
                       double width);
    void single_column(const Document& doc, TypesetDocument& out);
    // Newspaper (typeset/newspaper_pages.cpp).
    void newspaper_pages(const Document& doc, TypesetDocument& out);
    FlowItem masthead_item(const Masthead& m, double width);
    // Adds a page with the running head; returns where its columns start.
    double running_head(TypesetDocument& doc, const std::string& text);
    // A newspaper whose last page is nearly empty, set again a little
    // tighter if that saves the page (layout: newspaper.tighten).
    TypesetDocument tightened_to_fit(const Document& doc, PageSink* sink, TypesetDocument set);
    // The page number of the footer (GB/T 9704 style), when the layout has one.
    void page_number(Page& page, std::size_t index);
    void report_missing() const;

    const Layout& layout_;
    const FontSet& fonts_;
    std::string input_file_;
    std::vector<MissingChar> missing_;
    // Short paragraphs already set, by what they are (see set()).
    static constexpr std::size_t kMaxShortSet = 4096;
    std::unordered_map<std::string, std::shared_ptr<const SetParagraph>> short_set_;
    ParagraphSizes shrunk_;  // see TypesetDocument::shrunk
    double last_page_fill_ = 1;  // newspaper: share of the column height used on the last page
    StructureTree* structure_ = nullptr;  // of the document being set (set_pages)
    // A node for a paragraph of the text, under the Document.
    std::uint32_t tag(const Paragraph& p);
};

}  // namespace bulletin
