// The DOCX parts: styles rather than direct formatting, East Asian fonts,
// tables with a repeating header, the newspaper's column section, footers.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "bundled.hpp"
#include "compose/compose.hpp"
#include "docx/docx_writer.hpp"
#include "model/load.hpp"

using namespace bulletin;
using bulletin::testing::bundled_layout;

namespace {

// The office names of the bundled manifest, as the pipeline hands them on.
const FontTable& fonts() {
    static FontTable t = [] {
        FontTable f;
        const FontSet& set = testing::bundled_fonts();
        for (const auto& role : set.role_names()) {
            const OfficeFonts& o = set.role(role)->office;
            f[role] = {o.cjk, o.windows, o.latin, o.bold};
        }
        return f;
    }();
    return t;
}

const char* kBulletin =
    "bulletin:\n"
    "  title: 对标提案“高质量” 力促办理“结硕果”\n"
    "  issuer: 平湖市政协\n"
    "  column: {name: 政协之窗, latin: ZHENGXIEZHICHUANG}\n"
    "groups:\n"
    "  - title: 第一组\n"
    "    items:\n"
    "      - title: 关于加快推进虹霓工业园区转型升级的建议\n"
    "        number: 173\n"
    "        kind: 提案\n"
    "        proposers: 王富国\n"
    "        hosts: 经信局\n"
    "        result: B\n"
    "        progress: |\n"
    "          **基本明确**虹霓工业园区由当湖街道和建投集团联合开发管理。\n";

struct Package {
    std::map<std::string, std::string> parts;
    pugi::xml_document document, styles, settings;
    explicit Package(const std::string& layout_name) {
        Diagnostics d("t.yaml");
        auto b = load_bulletin_text(kBulletin, d);
        REQUIRE(b);
        Layout layout = bundled_layout(layout_name);
        for (auto& p : docx_parts(compose(*b, layout), layout, fonts())) parts[p.name] = p.data;
        REQUIRE(document.load_string(parts.at("word/document.xml").c_str()));
        REQUIRE(styles.load_string(parts.at("word/styles.xml").c_str()));
        REQUIRE(settings.load_string(parts.at("word/settings.xml").c_str()));
    }
    std::set<std::string> style_ids(const char* type) const {
        std::set<std::string> ids;
        for (auto s : styles.child("w:styles").children("w:style"))
            if (std::string(s.attribute("w:type").value()) == type) ids.insert(s.attribute("w:styleId").value());
        return ids;
    }
};

}  // namespace

TEST_CASE("docx: the package holds the parts Word needs, all well-formed") {
    Package p("official");
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "docProps/core.xml",
                             "docProps/app.xml"}) {
        INFO(part);
        REQUIRE(p.parts.count(part));
        pugi::xml_document x;
        CHECK(x.load_string(p.parts.at(part).c_str()));
    }
    pugi::xml_document core;
    core.load_string(p.parts.at("docProps/core.xml").c_str());
    CHECK(std::string(core.first_child().child_value("dc:title")) == "对标提案“高质量” 力促办理“结硕果”");
    CHECK(std::string(core.first_child().child_value("dc:creator")) == "平湖市政协");
}

TEST_CASE("docx: every paragraph has a named style, runs carry no direct formatting") {
    for (const char* layout : {"official", "table", "newspaper"}) {
        Package p(layout);
        auto paragraph_styles = p.style_ids("paragraph");
        auto character_styles = p.style_ids("character");
        std::size_t paragraphs = 0;
        for (auto node : p.document.select_nodes("//w:p")) {
            auto para = node.node();
            auto ps = para.child("w:pPr").child("w:pStyle");
            if (!para.first_child()) continue;  // the empty paragraph Word wants after a table
            INFO(layout << ": " << para.child("w:r").child_value("w:t"));
            REQUIRE(ps);
            CHECK(paragraph_styles.count(ps.attribute("w:val").value()));
            ++paragraphs;
            for (auto r : para.children("w:r"))
                for (auto prop : r.child("w:rPr").children()) {
                    CHECK(std::string(prop.name()) == "w:rStyle");
                    CHECK(character_styles.count(prop.attribute("w:val").value()));
                }
        }
        CHECK(paragraphs > 5);
    }
}

TEST_CASE("docx: body text uses the one Body Text style, with the official East Asian font") {
    Package p("official");
    auto body = p.styles.select_node("//w:style[@w:styleId='BodyText']").node();
    REQUIRE(body);
    CHECK(std::string(body.child("w:name").attribute("w:val").value()) == "Body Text");
    CHECK(std::string(body.child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value()) == "仿宋_GB2312");
    CHECK(std::string(body.child("w:rPr").child("w:sz").attribute("w:val").value()) == "32");  // 三号 = 16pt
    CHECK(std::string(body.child("w:pPr").child("w:jc").attribute("w:val").value()) == "both");
    // Pages fill the grid as the PDF's do: no widow control in the body.
    CHECK(std::string(body.child("w:pPr").child("w:widowControl").attribute("w:val").value()) == "0");
    // The Windows family Word uses where the official one is missing.
    CHECK(p.parts.at("word/fontTable.xml").find("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>") !=
          std::string::npos);
    // Labels and **bold** in the strong font, by character style.
    CHECK(p.document.select_node("//w:r[w:rPr/w:rStyle/@w:val='StrongHeiti']/w:t[.='基本明确']"));
    CHECK(p.document.select_node("//w:r[w:rPr/w:rStyle/@w:val='StrongHeiti']/w:t[.='主办单位：']"));
    // Headings are Word's own, with outline levels.
    CHECK(p.styles.select_node("//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl[@w:val='0']"));
    CHECK(p.settings.select_node("//w:characterSpacingControl[@w:val='compressPunctuation']"));
}

TEST_CASE("docx: official footers give the page number at the outside corner") {
    Package p("official");
    CHECK(p.settings.select_node("//w:evenAndOddHeaders"));
    CHECK(p.document.select_node("//w:body/w:sectPr/w:footerReference[@w:type='default']"));
    CHECK(p.document.select_node("//w:body/w:sectPr/w:footerReference[@w:type='even']"));
    pugi::xml_document footer;
    footer.load_string(p.parts.at("word/footer1.xml").c_str());
    CHECK(footer.select_node("//w:fldSimple[@w:instr=' PAGE ']"));
    CHECK(footer.select_node("//w:jc[@w:val='right']"));
    CHECK(std::string(footer.select_node("//w:r/w:t").node().child_value()) == "— ");
}

TEST_CASE("docx: the table layout is a real table with a repeating header and spanning group rows") {
    Package p("table");
    auto sect = p.document.select_node("//w:body/w:sectPr/w:pgSz").node();
    CHECK(std::string(sect.attribute("w:orient").value()) == "landscape");
    auto rows = p.document.select_nodes("//w:tbl/w:tr");
    REQUIRE(rows.size() == 3);  // header, group, item
    CHECK(rows[0].node().child("w:trPr").child("w:tblHeader"));
    CHECK(std::string(rows[1].node().child("w:tc").child("w:tcPr").child("w:gridSpan").attribute("w:val").value()) == "5");
    CHECK(rows[2].node().select_nodes("w:tc").size() == 5);
    CHECK(p.document.select_nodes("//w:tbl/w:tblGrid/w:gridCol").size() == 5);
    // Item rows may break across pages; a group's row is whole and kept
    // with its first item.
    CHECK_FALSE(rows[2].node().child("w:trPr").child("w:cantSplit"));
    CHECK(rows[1].node().child("w:trPr").child("w:cantSplit"));
    CHECK(rows[1].node().select_node(".//w:p/w:pPr/w:keepNext"));
}

TEST_CASE("docx: the newspaper body is a continuous section in columns, balanced by the one after it") {
    Package p("newspaper");
    auto sections = p.document.select_nodes("//w:sectPr");
    REQUIRE(sections.size() == 3);
    auto head = sections[0].node(), columns = sections[1].node(), end = sections[2].node();
    // The masthead and headline across the page; page 1 has no running head.
    CHECK_FALSE(head.child("w:cols"));
    CHECK(head.child("w:titlePg"));
    CHECK(head.select_node("w:headerReference[@w:type='first']"));
    // The body in columns, continuous, with the running head from page 2 on.
    CHECK(std::string(columns.child("w:type").attribute("w:val").value()) == "continuous");
    CHECK(std::string(columns.child("w:cols").attribute("w:num").value()) == "5");
    CHECK(std::string(columns.select_node("w:headerReference[@w:type='default']").node().attribute("r:id").value()) ==
          head.select_node("w:headerReference[@w:type='default']").node().attribute("r:id").value());
    // A continuous break after the columns is what balances them.
    CHECK(std::string(end.child("w:type").attribute("w:val").value()) == "continuous");
    CHECK_FALSE(end.child("w:cols"));
    CHECK(std::string(end.parent().name()) == "w:body");
    // Title lines break with <w:br/>, banners carry their shading in the style.
    CHECK(p.document.select_node("//w:p[w:pPr/w:pStyle/@w:val='Headline']/w:r/w:br"));
    CHECK(p.styles.select_node("//w:style[@w:styleId='Banner']/w:pPr/w:shd[@w:fill='C4161C']"));
    // The band: a table row as tall as the PDF's, shaded.
    auto band = p.document.select_node("//w:tbl[w:tr/w:tc/w:p/w:pPr/w:pStyle/@w:val='Masthead']").node();
    REQUIRE(band);
    CHECK(std::string(band.select_node("w:tr/w:trPr/w:trHeight").node().attribute("w:hRule").value()) == "exact");
    CHECK(band.select_node("w:tr/w:tc/w:tcPr/w:shd[@w:fill='C4161C']"));
    // The rule under the headline block.
    CHECK(head.parent().parent().select_node("w:pPr/w:pBdr/w:bottom[@w:color='C4161C']"));
}

TEST_CASE("docx: headings carry their outline level in their style, derived per level where needed") {
    Package p("table");
    // The item's title in its cell is a heading: a style based on the cell's.
    auto title = p.document.select_node("//w:tc/w:p[w:r/w:t[contains(., '虹霓工业园区')]]/w:pPr/w:pStyle").node();
    REQUIRE(title);
    const std::string id = title.attribute("w:val").value();
    CHECK(id != "TableText");
    auto style = p.styles.select_node(("//w:style[@w:styleId='" + id + "']").c_str()).node();
    REQUIRE(style);
    CHECK(std::string(style.child("w:basedOn").attribute("w:val").value()) == "TableText");
    CHECK(std::string(style.select_node("w:pPr/w:outlineLvl").node().attribute("w:val").value()) == "1");
    // No paragraph says its outline level itself.
    CHECK_FALSE(p.document.select_node("//w:p/w:pPr/w:outlineLvl"));
    // Chinese names for the bundled layouts' own styles.
    CHECK(p.styles.select_node("//w:style[@w:styleId='TableHeader']/w:name[@w:val='表头']"));
}

TEST_CASE("docx: a two-character name is fitted to three characters, its text as written") {
    const char* yaml =
        "bulletin: {title: 公报}\n"
        "items:\n"
        "  - title: 关于甲的建议\n"
        "    leaders: [杨献, 罗祖盘]\n";
    Diagnostics d("t.yaml");
    auto b = load_bulletin_text(yaml, d);
    REQUIRE(b);
    Layout layout = bundled_layout("table");
    std::string document;
    for (auto& part : docx_parts(compose(*b, layout), layout, fonts()))
        if (part.name == "word/document.xml") document = part.data;
    pugi::xml_document x;
    REQUIRE(x.load_string(document.c_str()));
    auto yang = x.select_node("//w:r[w:t='杨']").node();
    auto xian = x.select_node("//w:r[w:t='献']").node();
    REQUIRE(yang);
    REQUIRE(xian);
    CHECK(yang.next_sibling("w:r") == xian);  // 杨献: adjacent, nothing between
    CHECK(std::string(yang.select_node("w:rPr/w:fitText").node().attribute("w:id").value()) ==
          xian.select_node("w:rPr/w:fitText").node().attribute("w:id").value());
    CHECK(yang.select_node("w:rPr/w:spacing"));
    CHECK(document.find("\u3000") == std::string::npos);
}
