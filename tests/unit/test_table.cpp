// The table engine: rows across pages, the repeated header, group rows,
// a closed grid on every page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "bundled.hpp"
#include "support/utf8.hpp"
#include "typeset/typesetter.hpp"

using namespace bulletin;

namespace {

struct Fixture {
    Layout layout = testing::bundled_layout("table");
    const FontSet* fonts = &testing::bundled_fonts();
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

Paragraph para(const std::string& style, const std::string& text) { return {style, {{text, false, {}}}, 0, {}, false}; }

// A row with `lines` paragraphs of text in the progress cell.
TableRow row(const std::string& tag, int paragraphs) {
    TableRow r;
    r.cells.push_back({{para("table_center", "1")}});
    Paragraph title = para("table_text", "关于" + tag + "的建议");
    title.outline_level = 1;  // the item's heading: its bookmark
    title.outline_title = tag;
    r.cells.push_back({{title}});
    r.cells.push_back({{para("table_center", "杨　献")}});
    r.cells.push_back({{para("table_center", "经信局")}});
    TableCell progress;
    for (int i = 0; i < paragraphs; ++i)
        progress.paragraphs.push_back(para("table_body", tag + std::to_string(i) +
                                                             "段：一是严格规范程序，要求立案审查人员及时签收，避免产生时效及期限利益争议。"));
    r.cells.push_back(progress);
    return r;
}

Table table_of(std::vector<TableRow> rows) {
    Table t;
    for (const auto& c : fixture().layout.table.columns) t.header.push_back({{para("table_header", c.header)}});
    t.rows = std::move(rows);
    return t;
}

TypesetDocument typeset(Table t) {
    Document doc;
    doc.body.push_back(std::move(t));
    return Typesetter(fixture().layout, *fixture().fonts, "t.yaml").typeset(doc);
}

std::string page_text(const Page& page) {
    std::u32string out;
    for (const auto& el : page.elements)
        if (const auto* run = std::get_if<GlyphRun>(&el))
            for (const auto& t : run->texts) out += t;
    return utf8::encode(out);
}

int count(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

// On every page, the grid is closed: a frame of rules around the table part.
void check_grid_closed(const Page& page) {
    double top = 1e9, bottom = -1e9, left = 1e9, right = -1e9;
    for (const auto& el : page.elements)
        if (const auto* r = std::get_if<Rule>(&el)) {
            top = std::min({top, r->y1, r->y2});
            bottom = std::max({bottom, r->y1, r->y2});
            left = std::min({left, r->x1, r->x2});
            right = std::max({right, r->x1, r->x2});
        }
    auto same = [](double a, double b) { return std::abs(a - b) < 0.01; };
    bool top_line = false, bottom_line = false, left_line = false, right_line = false;
    for (const auto& el : page.elements)
        if (const auto* r = std::get_if<Rule>(&el)) {
            bool across = same(r->x1, left) && same(r->x2, right);
            bool down = same(r->y1, top) && same(r->y2, bottom);
            if (across && same(r->y1, top) && same(r->y2, top)) top_line = true;
            if (across && same(r->y1, bottom) && same(r->y2, bottom)) bottom_line = true;
            if (down && same(r->x1, left) && same(r->x2, left)) left_line = true;
            if (down && same(r->x1, right) && same(r->x2, right)) right_line = true;
        }
    CHECK(top_line);
    CHECK(bottom_line);
    CHECK(left_line);
    CHECK(right_line);
}

}  // namespace

TEST_CASE("column widths: fixed as given, shares split the rest, too wide scales down") {
    std::vector<TableColumn> cols(3);
    cols[0].width = 50;
    cols[1].share = 1;
    cols[2].share = 3;
    auto w = column_widths(cols, 450);
    CHECK(w[0] == Approx(50));
    CHECK(w[1] == Approx(100));
    CHECK(w[2] == Approx(300));
    cols[1].share = 0, cols[1].width = 300;
    cols[2].share = 0, cols[2].width = 300;
    w = column_widths(cols, 325);
    CHECK(w[0] + w[1] + w[2] == Approx(325));
}

TEST_CASE("rows that fit: one page, the header once") {
    auto doc = typeset(table_of({row("甲", 2), row("乙", 2)}));
    REQUIRE(doc.pages.size() == 1);
    std::string text = page_text(doc.pages[0]);
    CHECK(count(text, "办理落实情况") == 1);
    CHECK(text.find("甲0段") < text.find("乙0段"));
    check_grid_closed(doc.pages[0]);
    CHECK(doc.bookmarks.size() == 2);
}

TEST_CASE("a row longer than a page goes on over two and three pages, under the header") {
    for (int paragraphs : {20, 45}) {
        auto doc = typeset(table_of({row("长", paragraphs)}));
        INFO(paragraphs << " paragraphs");
        REQUIRE(doc.pages.size() >= (paragraphs == 20 ? 2u : 3u));
        int next = 0;  // every paragraph, in order, across the pages
        for (const Page& page : doc.pages) {
            std::string text = page_text(page);
            CHECK(count(text, "办理落实情况") == 1);  // the header on every page
            check_grid_closed(page);
            while (next < paragraphs && text.find("长" + std::to_string(next) + "段") != std::string::npos) ++next;
        }
        CHECK(next == paragraphs);
        // The short cells stay on the first part only.
        CHECK(count(page_text(doc.pages[0]), "经信局") == 1);
        CHECK(count(page_text(doc.pages[1]), "经信局") == 0);
        CHECK(doc.bookmarks.size() == 1);
        CHECK(doc.bookmarks[0].page == 0);
    }
}

TEST_CASE("a split row keeps at least two lines of a paragraph on each side") {
    // Fill most of the first page, then a row of long paragraphs: wherever
    // it splits, each page's part of a paragraph holds two lines or more.
    auto doc = typeset(table_of({row("前", 9), row("后", 6)}));
    REQUIRE(doc.pages.size() >= 2);
    for (const Page& page : doc.pages) {
        // Count text lines per progress paragraph on this page by baselines.
        std::map<double, int> baselines;
        for (const auto& el : page.elements)
            if (const auto* run = std::get_if<GlyphRun>(&el)) baselines[run->y]++;
        CHECK(baselines.size() >= 2);
    }
}

TEST_CASE("a group row spans the table and is never left alone at a page foot") {
    std::vector<TableRow> rows;
    for (int i = 0; i < 6; ++i) {
        TableRow g;
        g.group = true;
        g.cells.push_back({{para("table_group", "第" + std::to_string(i) + "方面重点建议")}});
        rows.push_back(g);
        rows.push_back(row("项" + std::to_string(i), 3));
    }
    auto doc = typeset(table_of(rows));
    REQUIRE(doc.pages.size() >= 2);
    for (const Page& page : doc.pages) {
        std::string text = page_text(page);
        for (int i = 0; i < 6; ++i) {
            if (text.find("第" + std::to_string(i) + "方面") == std::string::npos) continue;
            INFO("group " << i);
            CHECK(text.find("项" + std::to_string(i) + "0段") != std::string::npos);  // its first row follows on the same page
        }
        check_grid_closed(page);
    }
}

TEST_CASE("tags: a Table of THead and TBody rows, the repeated header furniture, every cell's text tagged") {
    std::vector<TableRow> rows;
    TableRow g;
    g.group = true;
    g.cells.push_back({{para("table_group", "第一方面重点建议")}});
    rows.push_back(g);
    for (int i = 0; i < 4; ++i) rows.push_back(row("项" + std::to_string(i), 6));
    auto doc = typeset(table_of(rows));
    REQUIRE(doc.pages.size() >= 2);
    const StructureTree& tree = *doc.structure;
    const std::size_t columns = fixture().layout.table.columns.size();
    std::map<StructRole, int> roles;
    for (std::uint32_t i = StructureTree::kRoot + 1; i < tree.size(); ++i) {
        ++roles[tree[i].role];
        CHECK(tree[i].parent < i);  // parents first
    }
    CHECK(roles[StructRole::kTable] == 1);
    CHECK(roles[StructRole::kTHead] == 1);
    CHECK(roles[StructRole::kTBody] == 1);
    CHECK(roles[StructRole::kTR] == 1 + 5);
    CHECK(roles[StructRole::kTH] == static_cast<int>(columns));
    CHECK(roles[StructRole::kTD] == 1 + 4 * static_cast<int>(columns));
    CHECK(roles[StructRole::kH1] == 4);  // the items' titles, at their outline level
    for (std::uint32_t i = StructureTree::kRoot + 1; i < tree.size(); ++i)
        if (tree[i].role == StructRole::kTD && tree[tree[i].parent].role == StructRole::kTR && tree[i].colspan > 1)
            CHECK(tree[i].colspan == columns);  // the group row's one cell
    // Every run is either furniture (the header again, page numbers) or text of a P/H node.
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& el : doc.pages.begin()[static_cast<long>(p)].elements)
            if (const auto* run = std::get_if<GlyphRun>(&el)) {
                if (run->repeated) continue;
                REQUIRE(run->tag != StructureTree::kArtifact);
                const StructRole r = tree[run->tag].role;
                CHECK((r == StructRole::kP || r == StructRole::kH1));
                const StructRole cell = tree[tree[run->tag].parent].role;
                CHECK((cell == StructRole::kTD || (cell == StructRole::kTH && p == 0)));
            }
}
