// Typeset pages -> an OFD package (GB/T 33190-2016), written as the pages
// come: the same pages the PDF writer reads, so every line, position and
// page number is the PDF's. Each page's Content.xml (ofd/ofd_page) goes into
// the zip (support/zip_writer) when the typesetter finishes the page, a
// picture's file at its first page; at the end the fonts (subset to the
// glyphs shown, ids kept: ofd/ofd_font), the resource lists, Document.xml
// (page list, outline) and OFD.xml (the document's information). What
// stays in memory is per face and picture, and a few numbers per page.
//
// The package:
//   OFD.xml                          DocBody: DocInfo, DocRoot
//   Doc_0/Document.xml               CommonData, Pages, Outlines
//   Doc_0/PublicRes.xml              Fonts (and, archived, the colour space)
//   Doc_0/DocumentRes.xml            MultiMedias, when there are pictures
//   Doc_0/Res/font_N.otf|ttf, image_N.png|jpg, sRGB.icc
//   Doc_0/Pages/Page_K/Content.xml
// Lengths are millimetres, as the standard has them.
//
// `archive` makes an OFD-A (GB/T 42133-2022): DocType "OFD-A", and every
// colour given in an embedded sRGB ICC profile's colour space. The rest of
// what GB/T 42133 asks is so in every OFD bulletin writes: one document,
// everything inside the package, fonts embedded as subsets, pictures PNG
// or JPEG, no actions but the outline's Goto, no permissions, no
// extensions, no encryption.
//
// Contract: as the PDF writer's — add_page() for every page in order, then
// finish() once; a writer that threw is not used again; with
// SOURCE_DATE_EPOCH set the bytes are the same for the same input.
#pragma once

#include <memory>

#include "support/byte_sink.hpp"
#include "typeset/page.hpp"

namespace bulletin {

struct OfdOptions {
    bool archive = false;  // OFD-A
};

class OfdWriter : public PageSink {
public:
    OfdWriter(ByteSink& out, OfdOptions options);
    ~OfdWriter() override;
    OfdWriter(const OfdWriter&) = delete;
    OfdWriter& operator=(const OfdWriter&) = delete;

    void add_page(const Page& page) override;
    void restart() override;  // back to an empty package (the sink truncated)
    void finish(const TypesetDocument& doc);

private:
    struct State;
    ByteSink& out_;
    OfdOptions options_;
    std::unique_ptr<State> state_;
};

// A document whose pages were kept in memory.
void write_ofd(const TypesetDocument& doc, ByteSink& out, OfdOptions options);

}  // namespace bulletin
