// What the typesetter produces: pages of positioned glyph runs, rules, boxes
// and images, in reading order. Pure data; the PDF writer draws it.
// Coordinates are points from the top-left corner of the page, y downwards.
//
// Pages stream: the typesetter hands each page to a PageSink (the writers)
// as soon as nothing more is drawn on it, and drops it, so memory does not
// grow with the length of the document.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "support/image_file.hpp"
#include "typeset/font_face.hpp"
#include "typeset/structure.hpp"

namespace bulletin {

// Glyphs of one face, size and colour on one baseline.
struct GlyphRun {
    const FontFace* face = nullptr;
    double size = 12;
    Color color;
    double x = 0, y = 0;             // origin of the run on the baseline
    std::vector<std::uint32_t> glyphs;
    std::vector<double> xs;          // x of each glyph, relative to the run origin
    std::vector<double> ys;          // vertical offset of each glyph (up is positive)
    // Text of each glyph's cluster, on its first glyph ("" for the others):
    // the PDF writer builds ToUnicode (or ActualText) from it.
    std::vector<std::u32string> texts;
    // Per glyph (empty when none is): a closing mark set half width, its
    // blank right half cut (compressed). The PDF gives such a glyph half
    // its advance, so that its box ends where its ink does and text
    // extraction does not see it stand out of the line.
    std::vector<bool> halved;
    // Page furniture the typesetter repeats (page numbers, running heads, a
    // table's header on later pages): not text of the document, which
    // typeset/verify counts.
    bool repeated = false;
    // Its text must reach PDF readers through /ActualText: spacing between
    // its glyphs (a name spaced out) must not become a space when copied.
    bool actual_text = false;
    std::uint32_t tag = StructureTree::kArtifact;  // its node in TypesetDocument::structure
};

struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
};

struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    Color fill;
};

struct PlacedImage {
    std::shared_ptr<const ImageData> data;
    double x = 0, y = 0, width = 0, height = 0;
    std::uint32_t tag = StructureTree::kArtifact;  // its Figure node
};

using PageElement = std::variant<GlyphRun, Rule, Box, PlacedImage>;

struct Page {
    double width = 0, height = 0;
    std::vector<PageElement> elements;  // in reading order (boxes before the text on them)
    // What the elements' tags refer to (the document's, given by PageStream;
    // shared, so a page handed on outlives nothing it needs).
    std::shared_ptr<const StructureTree> structure;

    // Marks the glyph runs from element `first` on as repeated furniture.
    void mark_repeated(std::size_t first) {
        for (std::size_t i = first; i < elements.size(); ++i)
            if (auto* run = std::get_if<GlyphRun>(&elements[i])) run->repeated = true;
    }
};

struct Bookmark {
    int level = 1;  // 1 = top
    std::string title;
    std::size_t page = 0;
    double y = 0;
};

struct DocumentInfo {
    std::string title, author, subject, creator, keywords;
};

// Where finished pages go, one at a time and in order (the PDF writer, a
// checker in front of it, or a collector in tests).
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual void add_page(const Page& page) = 0;
    // Forget every page: the document is being set again from the start (a
    // newspaper set tighter to save its last page).
    virtual void restart() = 0;
};

// The same pages to several sinks (a PDF and an OFD written together).
class PageTee : public PageSink {
public:
    explicit PageTee(std::vector<PageSink*> sinks) : sinks_(std::move(sinks)) {}
    void add_page(const Page& page) override {
        for (PageSink* s : sinks_) s->add_page(page);
    }
    void restart() override {
        for (PageSink* s : sinks_) s->restart();
    }

private:
    std::vector<PageSink*> sinks_;
};

// The pages being set. Pages are drawn on by index until finish_before()
// says nothing more goes on them; then the finisher (page numbers, rules)
// runs and the page goes to the sink and is dropped — or, without a sink,
// is kept (tests, and callers that want the pages in memory).
class PageStream {
public:
    using Finisher = std::function<void(Page&, std::size_t index)>;
    void set_sink(PageSink* sink) { sink_ = sink; }
    void set_finisher(Finisher f) { finisher_ = std::move(f); }
    // Given to every page pushed from now on.
    void set_structure(std::shared_ptr<const StructureTree> s) { structure_ = std::move(s); }

    std::size_t size() const { return first_open_ + open_.size(); }
    bool empty() const { return size() == 0; }
    // A page not yet finished (throws std::logic_error for one handed on).
    Page& operator[](std::size_t index);
    Page& back() { return (*this)[size() - 1]; }
    void push_back(Page page) {
        page.structure = structure_;
        open_.push_back(std::move(page));
    }

    // Pages before `index` are complete.
    void finish_before(std::size_t index);
    void finish_all() { finish_before(size()); }
    // Every page dropped and the sink told to start over.
    void restart();

    // The pages still held: all of them when there is no sink.
    std::deque<Page>::const_iterator begin() const { return open_.begin(); }
    std::deque<Page>::const_iterator end() const { return open_.end(); }
    std::deque<Page>::iterator begin() { return open_.begin(); }
    std::deque<Page>::iterator end() { return open_.end(); }

private:
    PageSink* sink_ = nullptr;
    Finisher finisher_;
    std::shared_ptr<const StructureTree> structure_;
    std::deque<Page> open_;       // pages from first_open_ on
    std::size_t first_open_ = 0;  // pages before it went to the sink
    std::size_t finished_ = 0;    // pages before it are finished
};

struct TypesetDocument {
    PageStream pages;  // empty once streamed to a sink
    std::size_t page_count = 0;
    // The share of the layout's leading and spacing the pages were set at
    // (below 1 when a newspaper was set tighter to save its last page;
    // see tightened_layout() in typeset/typesetter.hpp).
    double tightening = 1;
    // The paragraphs of the Document set smaller than their style, to fit
    // (shrink_to_fit), and the size they were set at: a DOCX gives them
    // that size too, since Word cannot shrink a paragraph by itself.
    ParagraphSizes shrunk;
    std::vector<Bookmark> bookmarks;
    DocumentInfo info;
    // What the tags of the pages' elements refer to.
    std::shared_ptr<StructureTree> structure = std::make_shared<StructureTree>();
};

// Thirty-two hex digits naming a document (a PDF's /ID, an OFD's DocID): a
// hash of what it says and how long its file is, so the same input gives
// the same name.
std::string document_id(const TypesetDocument& doc, std::uint64_t size);

}  // namespace bulletin
