// Document -> DOCX (WordprocessingML, transitional), from the same
// backend-neutral Document as the PDF, never from the PDF's pages: Word does
// its own line breaking. Parts built with pugixml, zipped with libzip.
#pragma once

#include <string>

#include "compose/document.hpp"
#include "docx/docx_styles.hpp"
#include "docx/zip_package.hpp"
#include "layout/layout.hpp"

namespace bulletin {

// The parts of the package, in the order they are zipped. `shrunk`: the
// sizes the PDF's typesetter set headlines at to fit (TypesetDocument::shrunk).
std::vector<ZipPart> docx_parts(const Document& doc, const Layout& layout, const FontTable& fonts,
                                const ParagraphSizes& shrunk = {});

// Writes the DOCX to `out`. Throws std::runtime_error (and whatever `out`
// throws). With SOURCE_DATE_EPOCH set, identical input gives identical bytes.
void write_docx(const Document& doc, const Layout& layout, const FontTable& fonts, ByteSink& out,
                const ParagraphSizes& shrunk = {});

}  // namespace bulletin
