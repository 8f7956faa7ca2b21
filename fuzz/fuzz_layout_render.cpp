// fuzz_layout_render: a layout file's bytes, when accepted, through the
// rest of the pipeline with a real bulletin (one of examples/ and data/,
// picked by the input's length): compose, typeset, PDF and DOCX. What no
// other target reaches: every accepted number of a layout meeting the
// typesetter. Skips inputs > 64 KiB.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "layout/layout.hpp"
#include "model/load.hpp"
#include "render_util.hpp"

namespace {

// Loaded once; every one must load (they are the repository's own).
const std::vector<bulletin::Bulletin>& bulletins() {
    static const std::vector<bulletin::Bulletin> all = [] {
        std::vector<bulletin::Bulletin> out;
        for (const char* name : {"examples/sample.yaml", "data/001-yongkang-key-suggestions.yaml",
                                 "data/002-yiwu-work-report.yaml", "data/004-pinghu-key-proposals.yaml"}) {
            bulletin::Diagnostics diags(name);
            auto b = bulletin::load_bulletin(fuzz::source_path(name), diags);
            fuzz::require(b.has_value(), "a bundled bulletin loads");
            out.push_back(std::move(*b));
        }
        return out;
    }();
    return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 64 * 1024) return 0;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    bulletin::Diagnostics diags("fuzz-layout.yaml");
    auto layout = bulletin::load_layout_text(bytes, "fuzz-layout.yaml", diags);
    diags.print(fuzz::diag_stream());
    if (!layout) return 0;
    const auto& all = bulletins();
    bulletin::cli::Report report{fuzz::diag_stream()};
    fuzz::typeset_and_write(
        bulletin::cli::Render::with_layout(all[size % all.size()], "fuzz.yaml", std::move(*layout), report, fuzz::fonts()),
        report);
    return 0;
}
