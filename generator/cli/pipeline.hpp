// One render, from the command line's choices to the bytes of each format:
// what `render` writes, and what `validate` makes and throws away — its dry
// run, so that a file `validate` accepts is a file `render` renders.
//
// Contract: load() and typeset() print every problem they find to the
// Report, as FILE:LINE:COLUMN: error: …, and then fail; write() makes the
// bytes of one format and throws only for a fault of the machine (memory,
// the sink). Nothing here touches an output file.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "model/bulletin.hpp"
#include "support/byte_sink.hpp"
#include "support/text_encoding.hpp"
#include "ofd/ofd_writer.hpp"
#include "typeset/font_set.hpp"
#include "typeset/page.hpp"

namespace bulletin::cli {

enum class Format { kPdf, kDocx, kOfd };

// By the file name's extension (.pdf, .docx, .ofd, any case).
std::optional<Format> format_of(const std::string& path);

struct RenderRequest {
    std::string input;
    std::string layout;  // a builtin layout's name or a path; empty = the file's own, else official
    Encoding encoding = Encoding::kUtf8;
};

// Where problems go, and how many there were.
struct Report {
    std::ostream& err;
    int problems = 0;
    int status = 0;  // 1 the input is at fault, 2 the command line
    void add(const Diagnostic& d);
    void add(const Diagnostics& ds);
};

class Render {
public:
    // The bulletin, its layout and the fonts, each checked; null once every
    // problem is reported. `fonts`: already loaded ones (else the manifest's).
    static std::unique_ptr<Render> load(const RenderRequest& request, Report& report,
                                        std::shared_ptr<const FontSet> fonts = nullptr);
    // The same for a bulletin already loaded (from `input`, for messages);
    // `layout_path` is a layout file, or empty for the bulletin's own.
    static std::unique_ptr<Render> from_bulletin(Bulletin bulletin, const std::string& input,
                                                 const std::string& layout_path, Report& report,
                                                 std::shared_ptr<const FontSet> fonts = nullptr);
    // The same with a layout already loaded (its fonts checked here).
    static std::unique_ptr<Render> with_layout(Bulletin bulletin, const std::string& input, Layout layout,
                                               Report& report, std::shared_ptr<const FontSet> fonts = nullptr);
    // The fonts of this installation (fonts/fonts.yaml); null once reported.
    static std::shared_ptr<const FontSet> load_fonts(Report& report);

    // Every file this render reads: no output may replace one of them
    // (before typeset()).
    std::vector<std::string> files_read() const;
    // What the bulletin holds, for `validate`'s summary.
    struct Counts {
        std::size_t groups = 0;  // 0 when the items are not grouped
        std::size_t items = 0, sections = 0;
    };
    const Counts& counts() const { return counts_; }
    const Layout& layout() const { return layout_; }

    // The formats written from the pages while they are set, each to all
    // its sinks (one PDF written to two files).
    struct PageOutputs {
        std::vector<ByteSink*> pdf, ofd;
        OfdOptions ofd_options;
        std::optional<PdfStandard> pdf_standard;  // the layout's when not given
    };
    // Composes and typesets, writing the PDF and the OFD while their pages
    // are set (each page as it is finished) into the sinks of `outputs`
    // (none: the pages are checked and dropped). False once the problems are
    // reported; throws what a sink throws, and std::runtime_error for a
    // writer's own failure. The bulletin itself is dropped once composed:
    // the Document holds everything it prints.
    // `progress`, if given, hears after each page how many are set and
    // what share of the text they hold, and once more with a share below 0
    // when setting is over (before any problem is reported).
    using Progress = std::function<void(std::size_t pages, double share)>;
    bool typeset(Report& report, const PageOutputs& outputs = {}, const Progress& progress = {});
    std::size_t page_count() const { return pages_.page_count; }

    // The DOCX's bytes (after typeset()).
    void write_docx(ByteSink& out) const;

private:
    Render() = default;
    std::string input_;
    Bulletin bulletin_;
    Counts counts_;
    Layout layout_;
    std::shared_ptr<const FontSet> fonts_;
    Document doc_;
    TypesetDocument pages_;
};

// The font manifest of this installation (fonts/fonts.yaml).
std::string default_font_manifest();

}  // namespace bulletin::cli
