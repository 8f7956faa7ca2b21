// Typeset pages -> the bytes of a PDF file, written as the pages come: each
// page's content stream and dictionary go to the sink when the typesetter
// finishes the page; the fonts (subset to the glyphs used), the page tree,
// the outline, page labels and the document information at the end. What
// stays in memory is per face (the glyphs used) and a few numbers per page.
//
// Contract: add_page() for every page in order, then finish() once; a
// writer that fails (it throws std::runtime_error, or whatever the sink
// throws) is not used again. With SOURCE_DATE_EPOCH set, the output is
// byte-identical for identical input (the dates come from it, and no object
// order depends on an address).
//
// PDF/A-2b (ISO 19005-2, level B): XMP metadata matching the information
// dictionary, an sRGB output intent, and nothing the standard forbids —
// every glyph's width in the font dictionary is the font program's (no
// halved fonts: compressed marks are placed by TJ offsets instead), no CMYK
// picture (finish() or add_page() throws std::runtime_error saying so).
#pragma once

#include <memory>

#include "layout/layout.hpp"
#include "support/byte_sink.hpp"
#include "typeset/page.hpp"

namespace bulletin {

class PdfWriter : public PageSink {
public:
    explicit PdfWriter(ByteSink& out, PdfStandard standard = PdfStandard::kPdf17);
    ~PdfWriter() override;
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    void add_page(const Page& page) override;
    // Back to an empty document (the sink truncated to the header).
    void restart() override;
    // After the last page: `doc` gives the outline and the information.
    void finish(const TypesetDocument& doc);

private:
    struct State;
    ByteSink& out_;
    PdfStandard standard_;
    std::unique_ptr<State> state_;
};

// A document whose pages were kept in memory (no sink while typesetting).
void write_pdf(const TypesetDocument& doc, ByteSink& out, PdfStandard standard = PdfStandard::kPdf17);

}  // namespace bulletin
