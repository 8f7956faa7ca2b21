// fuzz_bulletin: the bytes of a bulletin file through load_bulletin_text —
// text decoding (UTF-8, and GB18030 for bytes that are not UTF-8), YAML, all
// validation, and the images it names (resolved in tests/e2e/fixtures).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.hpp"
#include "model/load.hpp"
#include "support/text_encoding.hpp"

namespace {

void load(std::string_view bytes, bulletin::Encoding encoding) {
    static const std::string fixtures = fuzz::source_path("tests/e2e/fixtures");
    bulletin::Diagnostics diags("fuzz.yaml");
    auto b = bulletin::load_bulletin_text(std::string(bytes), diags, fixtures, encoding);
    fuzz::require(b.has_value() == diags.ok(), "load_bulletin_text: refused exactly when there are diagnostics");
    diags.print(fuzz::diag_stream());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    load(bytes, bulletin::Encoding::kUtf8);
    if (bulletin::invalid_utf8_at(bytes) != std::string_view::npos) load(bytes, bulletin::Encoding::kGb18030);
    return 0;
}
