// Bulletin + layout -> Document. One composer per layout kind; they share
// the front matter, the closing and the signature (落款).
#pragma once

#include "compose/document.hpp"
#include "compose/item_fields.hpp"
#include "layout/layout.hpp"
#include "model/bulletin.hpp"

namespace bulletin {

Document compose(const Bulletin& bulletin, const Layout& layout);

// Shared pieces (compose/compose.cpp), used by the composers.
namespace compose_parts {

// Document title, author, subject for the PDF info / DOCX core properties.
void set_info(Document& doc, const Bulletin& b);
// What comes before the items in a single-column document: column name,
// kicker, title, subtitle, session, byline, an empty line, the intro.
void front_matter(std::vector<Block>& out, const Bulletin& b, const LabelContext& labels);
// Each line of a text block as a paragraph in `style`.
void paragraphs(std::vector<Block>& out, const Text& text, const std::string& style, const std::string& where);
// Closing paragraphs, then issuer and date right-aligned.
void closing_and_signature(std::vector<Block>& out, const Bulletin& b);
// Prose sections as numbered headings + body, from heading level `level`.
void sections(std::vector<Block>& out, const std::vector<Section>& sections, const Layout& layout, int level,
              long long first_number);
// The byline as printed, a paragraph in `style`: ■记者 徐玉霞　摄影 王 强 (a
// two-character name spaced to three).
Paragraph byline_paragraph(const Byline& byline, const LabelContext& labels, const std::string& style);

}  // namespace compose_parts

Document compose_official(const Bulletin& b, const Layout& layout);
Document compose_table(const Bulletin& b, const Layout& layout);
Document compose_newspaper(const Bulletin& b, const Layout& layout);

}  // namespace bulletin
