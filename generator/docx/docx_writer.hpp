// Document -> DOCX (WordprocessingML, transitional), from the same
// backend-neutral Document as the PDF, never from the PDF's pages: Word does
// its own line breaking. Parts built with pugixml, zipped by support/zip_writer.
#pragma once

#include <functional>
#include <string>

#include "compose/document.hpp"
#include "docx/docx_styles.hpp"
#include "support/zip_writer.hpp"
#include "layout/layout.hpp"

namespace bulletin {

// What the PDF's typesetting found that Word must be told, since it cannot
// find it by itself.
struct TypesetFacts {
    ParagraphSizes shrunk;  // headlines set smaller to fit (TypesetDocument::shrunk)
    // For a character the fonts of `role` lack (a rare name character such
    // as 䶮), the office name of the font the PDF sets it in; "" when the
    // role's own fonts have it. Null: no such characters.
    std::function<std::string(const std::string& role, char32_t c)> fallback;
};

// The parts of the package, in the order they are zipped.
std::vector<ZipPart> docx_parts(const Document& doc, const Layout& layout, const FontTable& fonts,
                                const TypesetFacts& facts = {});

// Writes the DOCX to `out`. Throws std::runtime_error (and whatever `out`
// throws). With SOURCE_DATE_EPOCH set, identical input gives identical bytes.
void write_docx(const Document& doc, const Layout& layout, const FontTable& fonts, ByteSink& out,
                const TypesetFacts& facts = {});

}  // namespace bulletin
