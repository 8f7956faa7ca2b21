// Shared by the fuzz targets: paths in the source tree, a stream for the
// diagnostics (silent, or stderr when FUZZ_VERBOSE is set, for looking at a
// crash input), and contract checks that abort so libFuzzer sees a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace fuzz {

inline std::string source_path(const char* relative) { return std::string(BULLETIN_SOURCE_DIR) + "/" + relative; }

inline std::ostream& diag_stream() {
    static std::ostream silent(nullptr);  // no buffer: every write is dropped
    static const bool verbose = std::getenv("FUZZ_VERBOSE") != nullptr;
    return verbose ? std::cerr : silent;
}

// A broken promise of an API (not a refused input): crash, saying which.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz: contract broken: %s\n", what);
    std::abort();
}

}  // namespace fuzz
