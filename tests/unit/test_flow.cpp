// Page building: break rules of flow(), and the newspaper's columns,
// banners and balanced last page.
#include <catch2/catch.hpp>

#include <map>

#include "bundled.hpp"
#include "support/utf8.hpp"
#include "typeset/typesetter.hpp"

using namespace bulletin;

namespace {

struct Setup {
    Layout official = testing::bundled_layout("official");
    Layout newspaper = testing::bundled_layout("newspaper");
    const FontSet* fonts = &testing::bundled_fonts();
};

Setup& setup() {
    static Setup s;
    return s;
}

const std::string kSentence = "一是严格规范程序，要求立案审查人员及时签收，避免产生时效及期限利益争议。";

Paragraph para(const std::string& style, const std::string& text) { return {style, {{text, false, {}}}, 0, {}, false}; }

// Frames of `lines` body lines each, on successive pages.
struct SmallFrames {
    double height;
    Frame operator()(TypesetDocument& doc) {
        doc.pages.push_back(Page{600, 800, {}, {}});
        return Frame{doc.pages.size() - 1, 50, 50, 300, height};
    }
};

// Lines of each paragraph per frame, from the log of a flow.
std::map<std::size_t, std::vector<std::size_t>> lines_per_frame(const std::vector<FlowItem>& items,
                                                               const std::vector<FrameUse>& log) {
    std::map<std::size_t, std::vector<std::size_t>> out;  // paragraph id -> lines in each frame it touches
    std::map<const SetParagraph*, std::size_t> ids;
    for (std::size_t f = 0; f < log.size(); ++f) {
        std::size_t end = f + 1 < log.size() ? log[f + 1].first_item : items.size();
        std::map<std::size_t, std::size_t> here;
        for (std::size_t i = log[f].first_item; i < end; ++i)
            if (items[i].paragraph) {
                auto [it, fresh] = ids.emplace(items[i].paragraph.get(), ids.size());
                here[it->second]++;
            }
        for (auto [id, n] : here) out[id].push_back(n);
    }
    return out;
}

}  // namespace

TEST_CASE("flow: with widow control, a split paragraph leaves at least two lines on each side") {
    Layout layout = setup().official;
    layout.styles["body"].widow_control = true;  // the official layout fills its grid instead
    Typesetter ts(layout, *setup().fonts, "t");
    const Style& body = layout.style("body");
    for (int lines_per_frame_count = 3; lines_per_frame_count <= 9; ++lines_per_frame_count) {
        std::vector<FlowItem> items;
        std::string long_text;
        for (int i = 0; i < 6; ++i) long_text += kSentence;
        for (int p = 0; p < 4; ++p) append_paragraph(items, ts.set(para("body", long_text), 440));
        std::vector<FrameUse> log;
        TypesetDocument doc;
        flow(items, doc, SmallFrames{body.leading * lines_per_frame_count + 0.5}, {}, &log);
        for (const auto& [id, counts] : lines_per_frame(items, log)) {
            INFO("frames of " << lines_per_frame_count << " lines, paragraph " << id);
            if (counts.size() < 2) continue;
            CHECK(counts.front() >= 2);
            CHECK(counts.back() >= 2);
        }
    }
}

TEST_CASE("flow: a heading is never the last thing in a frame") {
    Typesetter ts(setup().official, *setup().fonts, "t");
    const Style& body = setup().official.style("body");
    for (int fill = 1; fill <= 6; ++fill) {
        std::vector<FlowItem> items;
        for (int i = 0; i < fill; ++i) append_paragraph(items, ts.set(para("body", "短段落。"), 440));
        append_paragraph(items, ts.set(para("heading1", "一、标题"), 440));
        append_paragraph(items, ts.set(para("body", kSentence + kSentence), 440));
        std::vector<FrameUse> log;
        TypesetDocument doc;
        flow(items, doc, SmallFrames{body.leading * 5 + 0.5}, {}, &log);
        for (std::size_t f = 0; f + 1 < log.size(); ++f) {
            std::size_t last = log[f + 1].first_item;
            while (last > 0 && !items[last - 1].paragraph) --last;
            INFO("fill " << fill << ", frame " << f);
            CHECK(items[last - 1].paragraph->style->name != "heading1");
        }
    }
}

TEST_CASE("flow: without widow control, frames fill to the last line and a heading keeps two lines") {
    const Layout& layout = setup().official;
    REQUIRE_FALSE(layout.style("body").widow_control);
    Typesetter ts(layout, *setup().fonts, "t");
    const double leading = layout.style("body").leading;
    SECTION("long paragraphs: every frame but the last is full") {
        std::vector<FlowItem> items;
        std::string long_text;
        for (int i = 0; i < 5; ++i) long_text += kSentence;
        for (int p = 0; p < 4; ++p) append_paragraph(items, ts.set(para("body", long_text), 440));
        std::vector<FrameUse> log;
        TypesetDocument doc;
        flow(items, doc, SmallFrames{leading * 5 + 0.5}, {}, &log);
        REQUIRE(log.size() > 2);
        for (std::size_t f = 0; f + 1 < log.size(); ++f) CHECK(log[f].used == Approx(leading * 5));
    }
    // Frames of five lines: `before` one-line paragraphs, a heading, then a
    // paragraph of three lines.
    auto heading_then_three = [&](int before) {
        std::vector<FlowItem> items;
        for (int i = 0; i < before; ++i)  // distinct texts: the typesetter shares a repeated paragraph
            append_paragraph(items, ts.set(para("body", "短段落" + std::to_string(i) + "。"), 440));
        append_paragraph(items, ts.set(para("heading1", "一、标题"), 440));
        auto three = ts.set(para("body", kSentence + kSentence), 440);
        REQUIRE(three->lines.size() == 3);
        append_paragraph(items, three);
        std::vector<FrameUse> log;
        TypesetDocument doc;
        flow(items, doc, SmallFrames{leading * 5 + 0.5}, {}, &log);
        return lines_per_frame(items, log)[static_cast<std::size_t>(before) + 1];
    };
    SECTION("room for the heading and two lines: the third goes on") {
        CHECK(heading_then_three(2) == std::vector<std::size_t>{2, 1});
    }
    SECTION("room for the heading and one line: the heading goes on with the paragraph") {
        CHECK(heading_then_three(3) == std::vector<std::size_t>{3});
    }
}

TEST_CASE("newspaper: body in columns, banners kept with their text, last page balanced") {
    const Layout& layout = setup().newspaper;
    Document doc;
    Masthead m;
    m.name = para("masthead", "政协之窗");
    m.latin = para("masthead_latin", "ZHENGXIEZHICHUANG");
    m.info = para("masthead_info", "2025年1月20日");
    doc.head.push_back(Boxed<Masthead>(m));
    doc.head.push_back(para("headline", "对标提案“高质量”\u2028力促办理“结硕果”"));
    for (int g = 0; g < 14; ++g) {
        Paragraph banner = para("banner", "第" + std::to_string(g) + "方面重点建议▶");
        banner.keep_with_next = true;
        doc.body.push_back(banner);
        doc.body.push_back(para("group_title", "推进低效工业用地整治\u2028助力经济高质量发展"));
        for (int p = 0; p < 3; ++p) doc.body.push_back(para("body", kSentence + kSentence + kSentence));
    }
    TypesetDocument out = Typesetter(layout, *setup().fonts, "t").typeset(doc);
    REQUIRE(out.pages.size() >= 2);

    const NewspaperSpec& ns = layout.newspaper;
    const double column = (layout.page.content_width() - ns.gutter * (ns.columns - 1)) / ns.columns;
    const double body_size = layout.style("body").size;
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        const double left = p % 2 == 0 ? layout.page.inside : layout.page.outside;
        std::map<int, double> bottom;  // column -> lowest baseline of body text
        std::vector<std::pair<int, double>> banners;
        for (const auto& el : out.pages[p].elements) {
            const auto* run = std::get_if<GlyphRun>(&el);
            if (!run || run->size != body_size && run->size != layout.style("banner").size) continue;
            int c = static_cast<int>((run->x - left + ns.gutter / 2) / (column + ns.gutter));
            // Every line starts inside one column.
            double col_left = left + c * (column + ns.gutter);
            CHECK(run->x >= col_left - 0.5);
            CHECK(run->x < col_left + column);
            if (run->size == body_size) bottom[c] = std::max(bottom[c], run->y);
            if (run->color == Color{1, 1, 1}) banners.push_back({c, run->y});
        }
        // A banner always has text below it in its column.
        for (auto [c, y] : banners) {
            INFO("page " << p << " column " << c);
            CHECK(bottom[c] > y);
        }
        if (p + 1 == out.pages.size() && bottom.size() > 1) {
            double hi = 0, lo = 1e9;
            for (auto [c, y] : bottom) hi = std::max(hi, y), lo = std::min(lo, y);
            CHECK(hi - lo <= 4 * layout.style("body").leading);  // balanced to within a few lines
            CHECK(hi < layout.page.height - layout.page.bottom - 6 * layout.style("body").leading);  // and shortened
        }
    }
}

TEST_CASE("newspaper: a headline line too long for the column is set smaller, not wrapped") {
    Typesetter t(setup().newspaper, *setup().fonts, "t");
    const Style& st = setup().newspaper.style("group_title");
    REQUIRE(st.shrink_to_fit < 1);
    const double width = st.size * 10.5;  // room for ten characters and a half
    // Eleven characters: fits a little smaller.
    const auto eleven = t.set(para("group_title", "加强流动人口管理和服务\u2028提升社会治理水平"), width);
    CHECK(eleven->lines.size() == 2);
    CHECK(eleven->size < st.size);
    CHECK(eleven->size >= st.size * st.shrink_to_fit);
    // Twenty characters would need half the size: wrapped at the full size.
    const auto twenty = t.set(para("group_title", "加强饮用水源清淤及渠化建设保障市民生活生产"), width);
    CHECK(twenty->lines.size() > 1);
    CHECK(twenty->size == st.size);
    // Short enough: untouched.
    const auto short_one = t.set(para("group_title", "推进乡村振兴"), width);
    CHECK(short_one->size == st.size);
}

TEST_CASE("newspaper: a last page with a few lines is saved by setting a little tighter") {
    Layout loose = setup().newspaper;
    loose.newspaper.tighten = 0;
    REQUIRE(setup().newspaper.newspaper.tighten > 0);
    auto bulletin_of = [](int paragraphs) {
        Document doc;
        doc.head.push_back(para("headline", "尽职尽责勇担当"));
        for (int p = 0; p < paragraphs; ++p) doc.body.push_back(para("body", kSentence + kSentence + kSentence));
        return doc;
    };
    auto pages = [&](const Layout& layout, int paragraphs) {
        return Typesetter(layout, *setup().fonts, "t").typeset(bulletin_of(paragraphs)).pages.size();
    };
    // The fewest paragraphs that need a second page when nothing is tightened.
    int lo = 1, hi = 400;
    REQUIRE(pages(loose, hi) > 1);
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        (pages(loose, mid) > 1 ? hi : lo) = mid;
    }
    CHECK(pages(loose, hi) == 2);
    CHECK(pages(setup().newspaper, hi) == 1);
    // A second page filled well is left alone.
    CHECK(pages(setup().newspaper, hi * 3 / 2) == 2);
}
