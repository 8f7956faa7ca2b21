// typeset/verify: the last check before a byte is written catches text
// that was lost or set off the page.
#include <catch2/catch.hpp>

#include "bundled.hpp"
#include "typeset/typesetter.hpp"
#include "typeset/verify.hpp"

using namespace bulletin;

namespace {

Document one_paragraph(const std::string& text) {
    Document doc;
    Paragraph p;
    p.style = "body";
    p.spans = {{text, false, {{3, 7}, "item 1, progress", true}}};
    doc.body.push_back(p);
    return doc;
}

GlyphRun& first_run(TypesetDocument& pages) {
    for (auto& page : pages.pages)
        for (auto& el : page.elements)
            if (auto* run = std::get_if<GlyphRun>(&el)) return *run;
    FAIL("no glyph run");
    throw;
}

}  // namespace

TEST_CASE("verify_typeset passes a faithful typesetting and catches a lost or misplaced glyph") {
    const Layout layout = testing::bundled_layout("official");
    const Document doc = one_paragraph("一是严格规范程序，2023年法定期限内立案率达99.8%。");
    TypesetDocument pages = Typesetter(layout, testing::bundled_fonts(), "in.yaml").typeset(doc);
    CHECK_NOTHROW(verify_typeset(doc, pages, layout, "in.yaml"));

    SECTION("a glyph lost") {
        GlyphRun& run = first_run(pages);
        run.glyphs.pop_back();
        run.xs.pop_back();
        if (!run.ys.empty()) run.ys.pop_back();
        const std::u32string lost = run.texts.back();
        run.texts.pop_back();
        REQUIRE_FALSE(lost.empty());
        try {
            verify_typeset(doc, pages, layout, "in.yaml");
            FAIL("not caught");
        } catch (const InputError& e) {
            REQUIRE(e.diagnostics().size() == 1);
            CHECK(e.diagnostics()[0].pos == SourcePos{3, 7});
            CHECK_THAT(e.diagnostics()[0].message, Catch::Contains("in item 1, progress is printed 1 time fewer"));
        }
    }
    SECTION("a digit lost that the page number also has") {
        const Document numbered = one_paragraph("共办理1件建议。");
        TypesetDocument set = Typesetter(layout, testing::bundled_fonts(), "in.yaml").typeset(numbered);
        CHECK_NOTHROW(verify_typeset(numbered, set, layout, "in.yaml"));
        bool removed = false;
        for (auto& el : set.pages[0].elements) {
            auto* run = std::get_if<GlyphRun>(&el);
            if (!run || run->repeated || removed) continue;
            for (std::size_t i = 0; i < run->texts.size(); ++i)
                if (run->texts[i] == U"1") {
                    run->texts[i].clear();  // the glyph stays, its text is gone: as if lost
                    removed = true;
                    break;
                }
        }
        REQUIRE(removed);
        CHECK_THROWS_WITH(verify_typeset(numbered, set, layout, "in.yaml"), Catch::Contains("'1' (U+0031)"));
    }
    SECTION("a glyph off the page") {
        first_run(pages).x = -500;
        CHECK_THROWS_WITH(verify_typeset(doc, pages, layout, "in.yaml"), Catch::Contains("outside page 1"));
    }
    SECTION("a glyph at NaN") {
        first_run(pages).y = std::nan("");
        CHECK_THROWS_WITH(verify_typeset(doc, pages, layout, "in.yaml"), Catch::Contains("outside page 1"));
    }
}
