// support/: UTF-8, did-you-mean, diagnostics.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <random>
#include <sstream>

#include "support/diagnostics.hpp"
#include "ledger/csv.hpp"
#include "support/byte_sink.hpp"
#include "support/zip_reader.hpp"
#include "support/zip_writer.hpp"
#include "support/number_text.hpp"
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

namespace {
std::string num(double v) {
    std::string s;
    bulletin::append_num(s, v);
    return s;
}
}  // namespace

TEST_CASE("numbers in content streams: three decimals, no trailing zeros, the same as to_chars") {
    CHECK(num(0) == "0");
    CHECK(num(-0.0004) == "0");
    CHECK(num(12.5) == "12.5");
    CHECK(num(-0.5) == "-0.5");
    CHECK(num(595.2756) == "595.276");
    CHECK(num(1.0005) == num(1.0005));
    CHECK(num(0.001) == "0.001");
    CHECK(num(-3.02) == "-3.02");
    CHECK(num(1e300).size() == 301);  // written out in full, not cut at a buffer's end
    CHECK(num(1e300).rfind("1000000000000000", 0) == 0);
    CHECK(num(std::nan("")) == "0");
    // Against the reference: to_chars(round(v*1000)/1000, fixed, 3), trimmed.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> any(-20000, 20000);
    for (int i = 0; i < 100000; ++i) {
        const double v = i % 2 ? any(rng) : std::round(any(rng) * 8) / 8;
        const double rounded = std::round(v * 1000) / 1000;
        char buf[64];
        char* end = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 3).ptr;
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
        const std::string want = rounded == 0 ? "0" : std::string(buf, end);
        REQUIRE(num(v) == want);
    }
}

TEST_CASE("csv: quoted cells with commas, quotes and line breaks, CRLF, a BOM, GB18030, blank rows skipped") {
    bulletin::Diagnostics d("t.csv");
    auto rows = bulletin::read_csv("\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n,,\r\n\"x\r\ny\",z\r\n", d);
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0].cells == std::vector<std::string>{"a", "b,c", "say \"hi\""});
    CHECK((*rows)[0].line == 1);
    CHECK((*rows)[1].cells == std::vector<std::string>{"x\ny", "z"});
    CHECK((*rows)[1].line == 4);
    // 案由 in GB18030: B0 B8 D3 C9.
    auto gb = bulletin::read_csv("\xB0\xB8\xD3\xC9,1\n", d);
    REQUIRE(gb);
    CHECK((*gb)[0].cells == std::vector<std::string>{"案由", "1"});
    CHECK(d.ok());
    CHECK_FALSE(bulletin::read_csv("a,\"open\n", d));
    CHECK_FALSE(d.ok());
}

TEST_CASE("zip reader: what the zip writer wrote comes back, a damaged entry or archive is refused") {
    bulletin::StringSink sink;
    {
        bulletin::ZipWriter zip(sink, 1700000000);
        zip.add("xl/workbook.xml", std::string(5000, 'w'));
        zip.add("stored.txt", "短文本", false);
        zip.finish();
    }
    std::string error;
    auto z = bulletin::ZipReader::open(sink.data(), error);
    REQUIRE(z);
    CHECK(z->read("xl/workbook.xml", error) == std::string(5000, 'w'));
    CHECK(z->read("stored.txt", error) == std::string("短文本"));
    CHECK_FALSE(z->read("missing.xml", error));
    CHECK_FALSE(z->read("xl/workbook.xml", error, 100));  // beyond the limit: refused, not inflated
    // A changed byte inside the deflated entry: it fails to inflate or its checksum.
    std::string damaged = sink.data();
    damaged[48] = static_cast<char>(damaged[48] ^ 0x55);  // 30-byte local header + 15-byte name: the data
    auto d = bulletin::ZipReader::open(damaged, error);
    REQUIRE(d);
    CHECK_FALSE(d->read("xl/workbook.xml", error));
    CHECK(error.find("damaged") != std::string::npos);
    CHECK_FALSE(bulletin::ZipReader::open("not a zip at all, but long enough to look", error));
    CHECK_FALSE(bulletin::ZipReader::open(sink.data().substr(0, sink.data().size() - 30), error));
}
