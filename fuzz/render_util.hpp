// Shared by the fuzz targets that drive the whole pipeline: the fonts of
// this installation, loaded once (fontconfig is slow), and the check that
// an accepted input gives a PDF, an OFD and a DOCX.
#pragma once

#include <cstdio>
#include <memory>
#include <sstream>

#include "cli/pipeline.hpp"
#include "fuzz_util.hpp"
#include "support/byte_sink.hpp"

namespace fuzz {

inline std::shared_ptr<const bulletin::FontSet> fonts() {
    static const std::shared_ptr<const bulletin::FontSet> set = [] {
        std::ostringstream messages;
        bulletin::cli::Report report{messages};
        auto loaded = bulletin::cli::Render::load_fonts(report);
        if (!loaded) std::fprintf(stderr, "fuzz: no fonts:\n%s", messages.str().c_str());
        require(loaded != nullptr, "the font manifest loads (an installation problem, not an input)");
        return loaded;
    }();
    return set;
}

// Typesets and writes every format; `render` may be null (refused), but
// then with a message.
inline void typeset_and_write(std::unique_ptr<bulletin::cli::Render> render, bulletin::cli::Report& report) {
    require(render != nullptr || report.problems > 0, "Render: refused with a message");
    if (!render) return;
    // The writers throw only for a fault of the machine: an exception is a crash.
    bulletin::StringSink pdf, ofd, docx;
    const bool typeset = render->typeset(report, {{&pdf}, {&ofd}, {}, {}});
    require(typeset || report.problems > 0, "Render::typeset: refused with a message");
    if (!typeset) return;
    render->write_docx(docx);
    require(pdf.data().compare(0, 5, "%PDF-") == 0, "the PDF starts with %PDF-");
    require(docx.data().compare(0, 2, "PK") == 0, "the DOCX is a zip");
    require(ofd.data().compare(0, 2, "PK") == 0, "the OFD is a zip");
}

}  // namespace fuzz
