// support/: UTF-8, did-you-mean, diagnostics.
#include <catch2/catch.hpp>

#include <sstream>

#include "support/diagnostics.hpp"
#include "support/suggest.hpp"
#include "support/utf8.hpp"

using namespace bulletin;

TEST_CASE("utf8 round trip, including characters beyond U+FFFF") {
    std::string s = "䶮𠮷中a";
    std::u32string u = utf8::decode(s);
    REQUIRE(u.size() == 4);
    CHECK(u[0] == 0x4DAE);
    CHECK(u[1] == 0x20BB7);
    CHECK(utf8::encode(u) == s);
    CHECK(utf8::length(s) == 4);
    CHECK(utf8::codepoint_name(0x20BB7) == "U+20BB7");
    CHECK(utf8::codepoint_name(0x4DAE) == "U+4DAE");
}

TEST_CASE("utf8 decode replaces broken sequences instead of reading past the end") {
    CHECK(utf8::decode(std::string("\xE4\xB8", 2)) == U"\uFFFD\uFFFD");
    CHECK(utf8::decode(std::string("a\xFF" "b")) == U"a\uFFFDb");
}

TEST_CASE("paragraphs: one non-blank line each, trimmed") {
    auto p = utf8::paragraphs("  一是严格规范程序。\n\n二是优化调解流程。  \n\u3000三是\n");
    REQUIRE(p.size() == 3);
    CHECK(p[0] == "一是严格规范程序。");
    CHECK(p[1] == "二是优化调解流程。");
    CHECK(p[2] == "三是");
}

TEST_CASE("did you mean") {
    std::vector<std::string> keys{"title", "hosts", "cohosts", "progress", "next_steps"};
    CHECK(closest("hots", keys) == "hosts");
    CHECK(closest("titel", keys) == "title");
    CHECK(closest("nextsteps", keys) == "next_steps");
    CHECK_FALSE(closest("zzzz", keys));
    CHECK(edit_distance("ab", "ba") == 1);
}

TEST_CASE("diagnostics print sorted, in GNU form") {
    Diagnostics d("in.yaml");
    d.error({7, 3}, "second");
    d.error({2, 9}, "first");
    std::ostringstream out;
    d.print(out);
    CHECK(out.str() == "in.yaml:2:9: error: first\nin.yaml:7:3: error: second\n");
}
