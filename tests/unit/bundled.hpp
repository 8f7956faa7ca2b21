// The layouts and font manifest shipped with bulletin, as unit tests load
// them: a problem in them fails the test with its message.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "layout/layout.hpp"
#include "typeset/font_set.hpp"

namespace bulletin::testing {

inline Layout bundled_layout(const std::string& name) {
    Diagnostics d(name + ".yaml");
    auto l = load_layout(std::string(BULLETIN_SOURCE_DIR) + "/layouts/" + name + ".yaml", d);
    for (const auto& x : d.list()) FAIL(format_diagnostic(x));
    REQUIRE(l);
    return *l;
}

// Loaded once per test program (fontconfig listing and faces are slow).
inline const FontSet& bundled_fonts() {
    static std::unique_ptr<FontSet> set = [] {
        Diagnostics d("fonts.yaml");
        auto s = FontSet::load(std::string(BULLETIN_SOURCE_DIR) + "/fonts/fonts.yaml", d);
        for (const auto& x : d.list()) FAIL(format_diagnostic(x));
        return s;
    }();
    REQUIRE(set);
    return *set;
}

}  // namespace bulletin::testing
