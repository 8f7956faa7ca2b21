// fuzz_layout: the bytes of a layout file through load_layout_text — YAML,
// page, styles and based_on chains, lengths and shares, labels, table and
// newspaper settings — and column_widths() of an accepted table layout.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.hpp"
#include "layout/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    bulletin::Diagnostics diags("fuzz-layout.yaml");
    auto layout = bulletin::load_layout_text(bytes, "fuzz-layout.yaml", diags);
    fuzz::require(layout.has_value() == diags.ok(), "load_layout_text: refused exactly when there are diagnostics");
    diags.print(fuzz::diag_stream());
    if (!layout) return 0;
    // An accepted layout has only finite lengths (later stages rely on it).
    for (const auto& [name, st] : layout->styles)
        for (double v : {st.size, st.leading, st.indent, st.left, st.right, st.space_before, st.space_after,
                         st.tracking, st.shrink_to_fit})
            fuzz::require(std::isfinite(v), "load_layout_text: every style length is finite");
    for (double w : bulletin::column_widths(layout->table.columns, layout->page.content_width()))
        fuzz::require(std::isfinite(w), "column_widths: every width is finite");
    return 0;
}
