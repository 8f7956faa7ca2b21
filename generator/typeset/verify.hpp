// The last check before a file is kept: every character the document asks
// to print is on a page (the furniture repeated on every page not
// counted), and every glyph lies on its page. A layout whose sizes leave
// no room (or a bug) then fails the render, instead of producing a file
// with text missing.
//
// Contract: a PageChecker sits in front of the writers and sees every page
// as it passes (keeping only a count per character); add_page() throws
// InputError for a glyph off its page (naming the layout file), verify()
// for the first character of the Document not set (at its place in the
// input). verify_typeset() does both for pages kept in memory.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "typeset/page.hpp"

namespace bulletin {

class PageChecker : public PageSink {
public:
    // `next` (may be null) gets every page after it is checked.
    PageChecker(const Layout& layout, PageSink* next) : layout_(layout), next_(next) {}
    void add_page(const Page& page) override;
    void restart() override;
    // After the last page: every character of `doc` was set.
    void verify(const Document& doc, const std::string& input_file) const;
    // Called after each page with the pages and characters seen so far
    // (a progress line compares them with printed_characters()).
    std::function<void(std::size_t pages, std::size_t characters)> after_page;

private:
    const Layout& layout_;
    PageSink* next_;
    std::size_t pages_ = 0;
    // Characters on the pages, furniture left out: counted in a table for
    // the planes text is written in, in the map beyond.
    std::vector<long> set_bmp_;
    std::unordered_map<char32_t, long> set_;
    long& count_of(char32_t c);
    long count(char32_t c) const;
    std::size_t characters_ = 0;
};

// How many characters `doc` prints (those PageChecker counts).
std::size_t printed_characters(const Document& doc);

void verify_typeset(const Document& doc, const TypesetDocument& pages, const Layout& layout,
                    const std::string& input_file);

}  // namespace bulletin
