// The input boundary: files that are not files, sizes, encodings, YAML
// streams, pictures and layout numbers. Each hostile input is refused with
// a message, never a crash, a hang or a silent misreading.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout/layout.hpp"
#include "model/load.hpp"
#include "support/image_file.hpp"
#include "support/input_file.hpp"
#include "support/text_encoding.hpp"
#include "temp_dir.hpp"

using namespace bulletin;
namespace fs = std::filesystem;

namespace {

using testing::TempDir;

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(BULLETIN_SOURCE_DIR) + "/tests/e2e/fixtures/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(fmt::format("{}:{}: {}", x.pos.line, x.pos.column, x.message));
    return out;
}

std::string first_problem(std::string_view bytes, Encoding encoding = Encoding::kUtf8) {
    Diagnostics d("t.yaml");
    auto b = load_bulletin_text(std::string(bytes), d, ".", encoding);
    CHECK_FALSE(b);
    auto m = messages(d);
    return m.empty() ? std::string() : m.front();
}

const std::string kBulletin = "bulletin:\n  title: 重点建议办理情况\nitems:\n  - title: 关于甲的建议\n";

}  // namespace

TEST_CASE("only regular files are read, never past the limit") {
    TempDir dir;
    std::string error;
    CHECK_FALSE(read_input_file(dir.path.string(), 1000, error));
    CHECK(error == "is a folder, not a file");
    CHECK_FALSE(read_input_file("/dev/zero", 1000, error));  // would never end
    CHECK(error == "is a device, not a file");
    const std::string fifo = (dir.path / "pipe").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_FALSE(read_input_file(fifo, 1000, error));  // would wait for a writer
    CHECK(error == "is a named pipe (FIFO), not a file");
    CHECK_FALSE(read_input_file((dir.path / "none").string(), 1000, error));
    CHECK(error == "does not exist");
    CHECK_FALSE(read_input_file("", 1000, error));

    const std::string big = dir.write("big", std::string(1001, 'x'));
    CHECK_FALSE(read_input_file(big, 1000, error));
    CHECK(error == "is larger than the 1000 bytes allowed");
    auto ok = read_input_file(big, 1001, error);
    REQUIRE(ok);
    CHECK(ok->size() == 1001);
    auto empty = read_input_file(dir.write("empty", ""), 10, error);
    REQUIRE(empty);
    CHECK(empty->empty());
}

TEST_CASE("a file that is not UTF-8 is named for what it is, at its first odd byte") {
    // 重点 in GB18030 on line 2, after "  title: ".
    const std::string gb = "bulletin:\n  title: \xD6\xD8\xB5\xE3\n";
    CHECK(first_problem(gb) ==
          "2:10: the file is not UTF-8: it looks like GB18030/GBK, the \"ANSI\" of Chinese Windows; save it as "
          "UTF-8, or give --encoding gb18030");
    CHECK(first_problem("\xFF\xFE" "b\0u\0") == "1:1: the file is saved as UTF-16 (\"Unicode\" in Notepad): save it as UTF-8");
    CHECK(first_problem("a: b\n\xC3(\n") ==
          "2:1: the file is not UTF-8: byte 0xC3 here is not part of a UTF-8 character; save the file as UTF-8");
    // Overlong forms and surrogates are not UTF-8 either.
    CHECK(invalid_utf8_at("\xC0\xAF") == 0);
    CHECK(invalid_utf8_at("ab\xED\xA0\x80") == 2);
    CHECK(invalid_utf8_at("中\xF4\x90\x80\x80") == 3);
    CHECK(invalid_utf8_at("中𠮷") == std::string_view::npos);
}

TEST_CASE("GB18030 input is converted when asked for, and refused when it is not GB18030") {
    // The same bulletin in GB18030: 重点建议办理情况 / 关于甲的建议.
    const std::string gb = "bulletin:\n  title: \xD6\xD8\xB5\xE3\xBD\xA8\xD2\xE9\xB0\xEC\xC0\xED\xC7\xE9\xBF\xF6\nitems:\n  - title: "
         "\xB9\xD8\xD3\xDA\xBC\xD7\xB5\xC4\xBD\xA8\xD2\xE9\n";
    Diagnostics d("gb.yaml");
    auto b = load_bulletin_text(gb, d, ".", Encoding::kGb18030);
    REQUIRE(b);
    CHECK(b->meta.title.value == "重点建议办理情况");
    CHECK(b->meta.title.pos == SourcePos{2, 10});
    CHECK(b->groups[0].items[0].title.value == "关于甲的建议");

    CHECK(first_problem(kBulletin, Encoding::kGb18030) == "1:1: the file is already UTF-8, not GB18030: leave out --encoding");
    CHECK(first_problem("a: \x81\x20", Encoding::kGb18030) ==
          "1:4: the file is not GB18030: byte 0x81 here is not part of a GB18030 character");
    CHECK(parse_encoding("GBK") == Encoding::kGb18030);
    CHECK(parse_encoding("utf-8") == Encoding::kUtf8);
    CHECK_FALSE(parse_encoding("latin1"));
}

TEST_CASE("NUL and control characters are reported as what they are") {
    using namespace std::string_literals;
    CHECK(first_problem("bulletin:\n  title: 公\0报\n"s) ==
          "2:11: the file contains a NUL byte (U+0000): it is not a text file, or it is saved as UTF-16; save it as "
          "UTF-8 text");
    CHECK(first_problem("a: 公\x1b报\n") ==
          "1:5: the file contains the control character ESC (U+001B), which a bulletin cannot print: delete it");
    CHECK(first_problem("a: \xC2\x85\n") ==
          "1:4: the file contains the control character U+0085, which a bulletin cannot print: delete it");
    // A byte-order mark is dropped, and columns stay right.
    Diagnostics d("t.yaml");
    auto b = load_bulletin_text("\xEF\xBB\xBF" + kBulletin, d);
    REQUIRE(b);
    CHECK(b->meta.title.pos == SourcePos{2, 10});
}

TEST_CASE("one YAML document, not blown up by its aliases") {
    CHECK(first_problem(kBulletin + "---\nbulletin:\n  title: 二\n") ==
          "5:1: a second YAML document starts here: a file holds one document; delete the '---' line and what "
          "follows, or merge them");
    // The same after a literal block, after an end marker, with a CR LF
    // line end, and with a leading '---' that is only the first one's start.
    const std::string block = "bulletin: {title: 公报}\nitems:\n  - title: 甲\n    progress: |\n      一\n";
    CHECK_THAT(first_problem(block + "---\nx: 1\n"), Catch::StartsWith("6:1: a second YAML document starts here"));
    CHECK_THAT(first_problem(block + "...\nx: 1\n"), Catch::Contains("a second YAML document starts here"));
    CHECK_THAT(first_problem(block + "--- \r\nx: 1\n"), Catch::Contains("a second YAML document starts here"));
    Diagnostics started("t.yaml");
    CHECK(load_bulletin_text("# a comment\n---\n" + block, started));
    // An alias bomb: nine levels of ten would be a billion items.
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const std::string name(1, c), previous(1, static_cast<char>(c - 1));
        bomb += name + ": &" + name + " [";
        for (int k = 0; k < 10; ++k) bomb += (k ? ", *" : "*") + previous;
        bomb += "]\n";
    }
    CHECK(first_problem(bomb) == "8:16: the aliases (*name) of this file expand it beyond what a bulletin can be: "
                                 "write the values out instead");
    // Shared lists, as generators write them, are fine.
    Diagnostics d("t.yaml");
    auto b = load_bulletin_text("bulletin: {title: 公报}\nitems:\n  - {title: 甲, hosts: &h [市发改局, 市财政局]}\n"
                                "  - {title: 乙, hosts: *h}\n",
                                d);
    REQUIRE(b);
    CHECK(b->groups[0].items[1].hosts.size() == 2);
    // And the work a file can ask for is bounded.
    std::string many = "bulletin: {title: 公报}\nitems:\n";
    for (std::size_t i = 0; i <= kMaxItems; ++i) many += "  - title: 甲\n";
    CHECK(first_problem(many) == fmt::format("{}:5: more than {} items (related ones included): split the bulletin",
                                             kMaxItems + 3, kMaxItems));
}

TEST_CASE("pictures are checked to the last pixel, and their kind comes from their bytes") {
    const std::string png = fixture("chart.png"), jpeg = fixture("photo.jpg");
    std::string error;
    auto ok = check_image(png, error);
    REQUIRE(ok);
    CHECK(ok->kind == ImageData::Kind::kPng);
    Pixels px = decode_png(*ok);
    CHECK(px.width == ok->width);
    CHECK(px.color.size() == static_cast<std::size_t>(px.width * px.height * px.channels));
    auto photo = check_image(jpeg, error);
    REQUIRE(photo);
    CHECK(photo->kind == ImageData::Kind::kJpeg);

    CHECK_FALSE(check_image(png.substr(0, png.size() / 2), error));
    CHECK(error.rfind("is a damaged PNG", 0) == 0);
    std::string flipped = png;
    flipped[png.find("IDAT") + 40] ^= 0x55;
    CHECK_FALSE(check_image(flipped, error));
    CHECK(error.rfind("is a damaged PNG", 0) == 0);
    CHECK_FALSE(check_image(jpeg.substr(0, jpeg.size() / 2), error));
    CHECK(error == "is a damaged JPEG (Premature end of JPEG file)");
    CHECK_FALSE(check_image("", error));
    CHECK(error == "is an empty file");
    CHECK_FALSE(check_image("GIF89a....", error));
    CHECK(error == "is neither a PNG nor a JPEG file (the kinds of picture a bulletin can show)");

    // A header that claims 30000 × 30000 pixels is refused before any decoding.
    std::string huge = png.substr(0, 33);
    huge[16] = 0, huge[17] = 0, huge[18] = 0x75, huge[19] = 0x30;
    huge[20] = 0, huge[21] = 0, huge[22] = 0x75, huge[23] = 0x30;
    CHECK_FALSE(check_image(huge, error));
    CHECK(error == "is 30000 × 30000 pixels, more than the 20000 pixels a side and 64 megapixels allowed: scale it down");
}

TEST_CASE("layout lengths: finite, in range, and fitting the page") {
    auto problems = [](const std::string& style_line) {
        const std::string layout = "kind: official\npage: {size: A4}\nfooter: {format: \"\"}\nstyles:\n  body: {" +
                                   style_line + "}\n  page_number: {}\n";
        Diagnostics d("l.yaml");
        CHECK_FALSE(load_layout_text(layout, "l.yaml", d));
        std::vector<std::string> out;
        for (const auto& m : messages(d))
            if (m.find("needs a style") == std::string::npos) out.push_back(m);
        return out;
    };
    CHECK(parse_length("inf") == std::nullopt);
    CHECK(parse_length("nan") == std::nullopt);
    CHECK(parse_length("-infinity") == std::nullopt);
    CHECK(parse_share("nan%") == std::nullopt);
    CHECK(problems("size: nan") == std::vector<std::string>{"5:16: 'size' must be a length such as 12pt, 10mm, got 'nan'"});
    CHECK(problems("size: 0") == std::vector<std::string>{"5:16: 'size' must be between 1pt and 500pt, got '0'"});
    CHECK(problems("leading: -2pt") ==
          std::vector<std::string>{"5:19: 'leading' must be between 1pt and 2000pt, got '-2pt'"});
    CHECK(problems("leading: 1e308") ==
          std::vector<std::string>{"5:19: 'leading' must be between 1pt and 2000pt, got '1e308'"});
    CHECK(problems("leading: 1500pt") ==
          std::vector<std::string>{"5:3: style 'body' has a leading of 1500pt, more than the page's text area is high "
                                   "(730pt)"});
}
