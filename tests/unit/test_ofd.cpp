// The zip writer read back by its own structure, and the OFD writer's
// pages: what a typeset page becomes in Content.xml (objects, millimetres,
// glyph ids, advances), and the package around it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

#include <libdeflate.h>
#include <pugixml.hpp>

#include "bundled.hpp"
#include "ofd/ofd_page.hpp"
#include "ofd/ofd_writer.hpp"
#include "support/zip_writer.hpp"

using namespace bulletin;

namespace {

std::uint32_t le(const std::string& s, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s.at(at + static_cast<std::size_t>(i)));
    return v;
}

// Every entry of a zip, read through its central directory and checked
// against its local header and CRC.
std::map<std::string, std::string> unzip(const std::string& zip) {
    REQUIRE(zip.size() >= 22);
    const std::size_t end = zip.size() - 22;
    REQUIRE(le(zip, end, 4) == 0x06054b50);
    const std::uint32_t count = le(zip, end + 10, 2);
    std::size_t at = le(zip, end + 16, 4);
    std::map<std::string, std::string> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        REQUIRE(le(zip, at, 4) == 0x02014b50);
        const std::uint32_t method = le(zip, at + 10, 2), crc = le(zip, at + 16, 4);
        const std::uint32_t csize = le(zip, at + 20, 4), size = le(zip, at + 24, 4);
        const std::uint32_t name_len = le(zip, at + 28, 2), offset = le(zip, at + 42, 4);
        const std::string name = zip.substr(at + 46, name_len);
        at += 46 + name_len + le(zip, at + 30, 2) + le(zip, at + 32, 2);
        REQUIRE(le(zip, offset, 4) == 0x04034b50);
        CHECK(le(zip, offset + 14, 4) == crc);
        CHECK(zip.substr(offset + 30, le(zip, offset + 26, 2)) == name);
        const std::string body = zip.substr(offset + 30 + name_len + le(zip, offset + 28, 2), csize);
        std::string data(size, '\0');
        if (method == 8) {
            libdeflate_decompressor* d = libdeflate_alloc_decompressor();
            std::size_t got = 0;
            CHECK(libdeflate_deflate_decompress(d, body.data(), body.size(), data.data(), size, &got) == LIBDEFLATE_SUCCESS);
            CHECK(got == size);
            libdeflate_free_decompressor(d);
        } else {
            REQUIRE(method == 0);
            data = body;
        }
        CHECK(libdeflate_crc32(0, data.data(), data.size()) == crc);
        out[name] = data;
    }
    return out;
}

double number(const char* s) { return std::strtod(s, nullptr); }

std::vector<double> list(const std::string& s) {
    std::vector<double> v;
    std::istringstream in(s);
    for (std::string tok; in >> tok;) {
        if (tok == "g") {
            std::size_t n = 0;
            double value = 0;
            in >> n >> value;
            v.insert(v.end(), n, value);
        } else {
            v.push_back(number(tok.c_str()));
        }
    }
    return v;
}

// A glyph run of real glyphs of the bundled songti (宋体) face, set at 12 pt.
GlyphRun run_of(const std::u32string& text, double x, double y) {
    const FontSet& fonts = testing::bundled_fonts();
    const FontFace* face = fonts.role("songti")->cjk;
    GlyphRun run;
    run.face = face;
    run.size = 12;
    run.x = x;
    run.y = y;
    double pen = 0;
    for (char32_t c : text) {
        run.glyphs.push_back(face->nominal_glyph(c));
        run.xs.push_back(pen);
        run.ys.push_back(0);
        run.texts.push_back(std::u32string(1, c));
        pen += 12;
    }
    return run;
}

struct ParsedPage {
    std::string xml;
    pugi::xml_document doc;
    std::vector<pugi::xml_node> texts;
    explicit ParsedPage(const Page& page, bool area = false) {
        ofd::Resources res;
        xml = ofd::page_content(page, res, area);
        REQUIRE(doc.load_string(xml.c_str()));
        for (auto n : doc.child("ofd:Page").child("ofd:Content").child("ofd:Layer").children("ofd:TextObject"))
            texts.push_back(n);
    }
};

}  // namespace

TEST_CASE("zip: entries read back whole, deflated or stored, with the same timestamp") {
    StringSink sink;
    ZipWriter zip(sink, 1700000000);
    const std::string text(10000, 'a');
    zip.add("a/text.xml", text);
    zip.add("b/stored.bin", "abc", false);
    zip.add("empty", "");
    zip.add("名字.xml", "<x/>");
    zip.finish();
    const auto entries = unzip(sink.data());
    REQUIRE(entries.size() == 4);
    CHECK(entries.at("a/text.xml") == text);
    CHECK(entries.at("b/stored.bin") == "abc");
    CHECK(entries.at("empty").empty());
    CHECK(entries.at("名字.xml") == "<x/>");
    CHECK(sink.data().size() < 2000);  // the 10,000 a's were deflated

    StringSink again;
    write_zip(again, {{"a/text.xml", text}, {"b/stored.bin", "abc"}, {"empty", ""}, {"名字.xml", "<x/>"}}, 1700000000);
    CHECK(unzip(again.data()) == entries);
}

TEST_CASE("zip: DOS times from the fixed time, clamped to 1980") {
    for (std::time_t t : {std::time_t{0}, std::time_t{1700000000}}) {
        StringSink sink;
        ZipWriter zip(sink, t);
        zip.add("x", "y");
        zip.finish();
        const std::uint32_t date = le(sink.data(), 12, 2);
        CHECK((date >> 9) + 1980 == (t == 0 ? 1980u : 2023u));
    }
}

TEST_CASE("ofd: a glyph run becomes one text object in millimetres, with its glyph ids and advances") {
    Page page{595.276, 841.89, {}, {}};
    page.elements.emplace_back(run_of(U"重点提案办理", 72, 100));
    ParsedPage p(page);
    REQUIRE(p.texts.size() == 1);
    auto text = p.texts[0];
    CHECK(number(text.attribute("Size").value()) == Approx(12 * ofd::kMmPerPt).margin(0.001));
    auto cg = text.child("ofd:CGTransform");
    CHECK(std::string(cg.attribute("CodePosition").value()) == "0");
    CHECK(std::string(cg.attribute("CodeCount").value()) == "6");
    CHECK(std::string(cg.attribute("GlyphCount").value()) == "6");
    const auto& run = std::get<GlyphRun>(page.elements[0]);
    std::vector<double> ids = list(cg.child_value("ofd:Glyphs"));
    REQUIRE(ids.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) CHECK(ids[i] == run.glyphs[i]);
    auto code = text.child("ofd:TextCode");
    CHECK(std::string(code.child_value()) == "重点提案办理");
    // Six equal advances of 12 pt, written once: "g 5 4.233".
    CHECK(std::string(code.attribute("DeltaX").value()) == "g 5 4.233");
    // The first glyph's origin is the run's, on the page.
    std::vector<double> box = list(text.attribute("Boundary").value());
    CHECK(box[0] + number(code.attribute("X").value()) == Approx(72 * ofd::kMmPerPt).margin(0.002));
    CHECK(box[1] + number(code.attribute("Y").value()) == Approx(100 * ofd::kMmPerPt).margin(0.002));
    // The boundary holds the glyphs' em boxes.
    CHECK(box[1] < (100 - 12) * ofd::kMmPerPt);
    CHECK(box[0] + box[2] > (72 + 6 * 12) * ofd::kMmPerPt);
}

TEST_CASE("ofd: justified advances are kept exactly, blanks at the ends left out") {
    GlyphRun run = run_of(U" 甲乙丙 ", 50, 60);
    run.xs = {0, 6, 20, 33.5, 46};
    Page page{595.276, 841.89, {run}, {}};
    ParsedPage p(page);
    REQUIRE(p.texts.size() == 1);
    auto code = p.texts[0].child("ofd:TextCode");
    CHECK(std::string(code.child_value()) == "甲乙丙");
    std::vector<double> dx = list(code.attribute("DeltaX").value());
    REQUIRE(dx.size() == 2);
    CHECK(dx[0] == Approx(14 * ofd::kMmPerPt).margin(0.001));
    CHECK(dx[1] == Approx(13.5 * ofd::kMmPerPt).margin(0.001));
}

TEST_CASE("ofd: a cluster of two characters, and one beyond U+FFFF, are objects of their own") {
    const FontSet& fonts = testing::bundled_fonts();
    GlyphRun run = run_of(U"甲乙丙", 50, 60);
    // 乙 and a variation selector drawn with one glyph.
    run.texts[1] = U"乙\U000E0100";
    Page page{595.276, 841.89, {run}, {}};
    ParsedPage p(page);
    REQUIRE(p.texts.size() == 3);
    CHECK(std::string(p.texts[0].child("ofd:TextCode").child_value()) == "甲");
    auto lone = p.texts[1];
    CHECK(std::string(lone.child("ofd:CGTransform").attribute("CodeCount").value()) == "2");
    CHECK(std::string(lone.child("ofd:CGTransform").attribute("GlyphCount").value()) == "1");
    // Three UTF-16 units: two advances, so readers that count units drop none.
    CHECK(list(lone.child("ofd:TextCode").attribute("DeltaX").value()).size() == 2);
    CHECK(std::string(p.texts[2].child("ofd:TextCode").child_value()) == "丙");

    // 𠮷 in the face that has it, drawn with its own cmap glyph: no CGTransform.
    const FontFace* face = fonts.face_for(*fonts.role("songti"), U'𠮷');
    REQUIRE(face);
    GlyphRun rare;
    rare.face = face;
    rare.x = 10;
    rare.y = 20;
    rare.glyphs = {face->nominal_glyph(U'𠮷')};
    rare.xs = {0};
    rare.ys = {0};
    rare.texts = {U"𠮷"};
    Page page2{595.276, 841.89, {rare}, {}};
    ParsedPage q(page2);
    REQUIRE(q.texts.size() == 1);
    CHECK_FALSE(q.texts[0].child("ofd:CGTransform"));
    CHECK(std::string(q.texts[0].child("ofd:TextCode").child_value()) == "𠮷");
    CHECK(std::string(q.texts[0].child("ofd:TextCode").attribute("DeltaX").value()) == "0");
}

TEST_CASE("ofd: a glyph raised off the baseline starts a new object") {
    GlyphRun run = run_of(U"甲乙丙", 50, 60);
    run.ys = {0, 3, 3};
    Page page{595.276, 841.89, {run}, {}};
    ParsedPage p(page);
    REQUIRE(p.texts.size() == 2);
    auto y_of = [](pugi::xml_node t) {
        return list(t.attribute("Boundary").value())[1] + number(t.child("ofd:TextCode").attribute("Y").value());
    };
    CHECK(y_of(p.texts[0]) - y_of(p.texts[1]) == Approx(3 * ofd::kMmPerPt).margin(0.002));
}

TEST_CASE("ofd: rules, boxes and the page's own size") {
    Page page{841.89, 595.276, {}, {}};
    page.elements.emplace_back(Rule{10, 20, 110, 20, 1, Color{1, 0, 0}});
    page.elements.emplace_back(Box{10, 30, 100, 50, Color{0, 0, 1}});
    ParsedPage p(page, true);
    auto root = p.doc.child("ofd:Page");
    CHECK(std::string(root.child("ofd:Area").child_value("ofd:PhysicalBox")) == "0 0 297 210");
    auto layer = root.child("ofd:Content").child("ofd:Layer");
    auto rule = layer.child("ofd:PathObject");
    CHECK(std::string(rule.child("ofd:StrokeColor").attribute("Value").value()) == "255 0 0");
    CHECK(number(rule.attribute("LineWidth").value()) == Approx(ofd::kMmPerPt).margin(0.001));
    auto box = rule.next_sibling("ofd:PathObject");
    CHECK(std::string(box.attribute("Fill").value()) == "true");
    CHECK(std::string(box.attribute("Stroke").value()) == "false");
    CHECK(std::string(box.child("ofd:FillColor").attribute("Value").value()) == "0 0 255");
    CHECK(std::string(box.attribute("Boundary").value()) == ofd::box_mm(10, 30, 100, 50));
}

TEST_CASE("ofd: the package — pages, fonts by id, outline, document information, the same bytes again") {
    TypesetDocument doc;
    doc.pages.push_back(Page{595.276, 841.89, {run_of(U"第一页", 72, 100)}, {}});
    doc.pages.push_back(Page{595.276, 841.89, {run_of(U"第二页", 72, 100)}, {}});
    doc.page_count = 2;
    doc.bookmarks = {{1, "一、组", 0, 90}, {2, "（一）条目", 1, 90}};
    doc.info = {"标题", "某市人大常委会", "主题", "bulletin 0.1.0", "十七届三次会议"};
    StringSink a, b;
    write_ofd(doc, a, {});
    write_ofd(doc, b, {});
    CHECK(a.data() == b.data());
    const auto parts = unzip(a.data());
    for (const char* name : {"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Pages/Page_0/Content.xml",
                             "Doc_0/Pages/Page_1/Content.xml"})
        CHECK(parts.count(name));
    pugi::xml_document ofd_xml, document, res;
    REQUIRE(ofd_xml.load_string(parts.at("OFD.xml").c_str()));
    REQUIRE(document.load_string(parts.at("Doc_0/Document.xml").c_str()));
    REQUIRE(res.load_string(parts.at("Doc_0/PublicRes.xml").c_str()));
    auto info = ofd_xml.child("ofd:OFD").child("ofd:DocBody").child("ofd:DocInfo");
    CHECK(std::string(ofd_xml.child("ofd:OFD").attribute("DocType").value()) == "OFD");
    CHECK(std::strlen(info.child_value("ofd:DocID")) == 32);
    CHECK(std::string(info.child_value("ofd:Author")) == "某市人大常委会");
    auto font = res.child("ofd:Res").child("ofd:Fonts").child("ofd:Font");
    CHECK(parts.count(std::string("Doc_0/Res/") + font.child_value("ofd:FontFile")));
    auto pages = document.child("ofd:Document").child("ofd:Pages");
    std::vector<std::string> ids;
    for (auto pg : pages.children("ofd:Page")) ids.push_back(pg.attribute("ID").value());
    REQUIRE(ids.size() == 2);
    auto outline = document.child("ofd:Document").child("ofd:Outlines").child("ofd:OutlineElem");
    CHECK(std::string(outline.attribute("Title").value()) == "一、组");
    auto child = outline.child("ofd:OutlineElem");
    CHECK(std::string(child.attribute("Title").value()) == "（一）条目");
    CHECK(std::string(child.child("ofd:Actions").child("ofd:Action").child("ofd:Goto").child("ofd:Dest").attribute("PageID").value()) ==
          ids[1]);
    const unsigned max_id = static_cast<unsigned>(number(document.child("ofd:Document").child("ofd:CommonData").child_value("ofd:MaxUnitID")));
    CHECK(max_id >= static_cast<unsigned>(number(font.attribute("ID").value())));

    StringSink archived;
    write_ofd(doc, archived, {true});
    const auto archived_parts = unzip(archived.data());
    pugi::xml_document a_ofd;
    REQUIRE(a_ofd.load_string(archived_parts.at("OFD.xml").c_str()));
    CHECK(std::string(a_ofd.child("ofd:OFD").attribute("DocType").value()) == "OFD-A");
    CHECK(archived_parts.count("Doc_0/Res/sRGB.icc"));
    CHECK(archived_parts.at("Doc_0/Res/sRGB.icc").substr(36, 4) == "acsp");  // an ICC profile's signature
}
