// fuzz_render: a bulletin's bytes through the whole pipeline in memory —
// load, a builtin layout (its own, else picked by the last byte), compose,
// typeset, and the PDF and DOCX writers into strings. Skips inputs > 64 KiB.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/pipeline.hpp"
#include "render_util.hpp"
#include "model/load.hpp"

namespace {

using bulletin::cli::Report;

// The bulletin's own layout when it names a builtin one; otherwise (none,
// an unknown name, a path) the last byte picks one, so that no input makes
// the fuzzer read a file outside layouts/.
std::string layout_path(const bulletin::Bulletin& b, std::string_view bytes) {
    static const char* const kBuiltin[] = {"official", "table", "newspaper"};
    for (const char* name : kBuiltin)
        if (b.meta.layout.value == name) return {};
    const char* pick = kBuiltin[static_cast<unsigned char>(bytes.back()) % 3];
    return fuzz::source_path("layouts/") + pick + ".yaml";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0 || size > 64 * 1024) return 0;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static const std::string fixtures = fuzz::source_path("tests/e2e/fixtures");
    bulletin::Diagnostics diags("fuzz.yaml");
    auto b = bulletin::load_bulletin_text(std::string(bytes), diags, fixtures);
    diags.print(fuzz::diag_stream());
    if (!b) return 0;

    Report report{fuzz::diag_stream()};
    const std::string layout = layout_path(*b, bytes);
    fuzz::typeset_and_write(bulletin::cli::Render::from_bulletin(std::move(*b), "fuzz.yaml", layout, report,
                                                                 fuzz::fonts()),
                            report);
    return 0;
}
