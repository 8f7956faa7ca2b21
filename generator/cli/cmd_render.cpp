#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/progress_line.hpp"
#include "support/output_set.hpp"

namespace bulletin::cli {

int run_render(const RenderOptions& options) {
    std::vector<Format> formats;
    for (const auto& out : options.outputs) {
        auto format = format_of(out);
        if (!format) {
            std::cerr << fmt::format("bulletin render: cannot tell the format of '{}': name it .pdf, .docx or .ofd\n", out);
            return kUsageError;
        }
        formats.push_back(*format);
    }
    Report report{std::cerr};
    auto render = Render::load(options.request, report);
    if (!render) return report.status;

    // The outputs are checked (and their temporary files made) before the
    // work: a read-only folder is reported at once, not after the render.
    OutputSet outputs(render->files_read());
    std::vector<ByteSink*> sinks;
    try {
        for (const auto& out : options.outputs) sinks.push_back(&outputs.add(out));
    } catch (const OutputError& e) {
        std::cerr << "bulletin render: " << e.what() << "\n";
        return kInputError;
    }
    Render::PageOutputs page_outputs;
    page_outputs.ofd_options = options.ofd;
    page_outputs.pdf_standard = options.pdf_standard;
    for (std::size_t i = 0; i < sinks.size(); ++i) {
        if (formats[i] == Format::kPdf) page_outputs.pdf.push_back(sinks[i]);
        if (formats[i] == Format::kOfd) page_outputs.ofd.push_back(sinks[i]);
    }
    try {
        // The PDF and the OFD are written while the pages are set; the DOCX after.
        ProgressLine progress(options.request.input);
        auto on_page = [&progress](std::size_t pages, double share) { progress.update(pages, share); };
        if (!render->typeset(report, page_outputs, on_page)) return report.status;
        for (std::size_t i = 0; i < sinks.size(); ++i)
            if (formats[i] == Format::kDocx) render->write_docx(*sinks[i]);
        outputs.commit();
    } catch (const OutputError& e) {
        std::cerr << "bulletin render: " << e.what() << "; nothing was replaced\n";
        return kInputError;
    } catch (const std::runtime_error& e) {  // a writer's own failure
        std::cerr << fmt::format("{}: error: {}; nothing was replaced\n", options.request.input, e.what());
        return kInputError;
    }
    for (std::size_t i = 0; i < options.outputs.size(); ++i) {
        if (formats[i] != Format::kDocx)
            std::cout << fmt::format("{}: {} pages\n", options.outputs[i], render->page_count());
        else
            std::cout << fmt::format("{}: written\n", options.outputs[i]);
    }
    return kOk;
}

}  // namespace bulletin::cli
