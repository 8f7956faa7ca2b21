// The last check before any byte is written: every character the document
// asks to print is on a page (the furniture repeated on every page not
// counted), and every glyph lies on its page. A layout
// whose sizes leave no room (or a bug) then fails the render, instead of
// producing a file with text missing.
//
// Contract: verify_typeset() returns, or throws InputError whose message
// names the first character not set (at its place in the input) or the
// first glyph off its page (naming the layout file).
#pragma once

#include <string>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "typeset/page.hpp"

namespace bulletin {

void verify_typeset(const Document& doc, const TypesetDocument& pages, const Layout& layout,
                    const std::string& input_file);

}  // namespace bulletin
