// Shaping, line breaking (禁则, numbers, Latin, compression, justification)
// and font fallback, with the fonts the set-up installs.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "bundled.hpp"
#include "support/utf8.hpp"
#include "typeset/line_breaker.hpp"
#include "typeset/shaper.hpp"
#include "typeset/typesetter.hpp"
#include "support/diagnostics.hpp"

using namespace bulletin;

namespace {

const FontSet& fonts() { return testing::bundled_fonts(); }

constexpr double kSize = 10;  // 1 em = 10 pt: widths read as tenths of an em

bool is_ascii_alnum_test(char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); }

std::vector<Piece> shape(const std::string& text, const std::string& role = "songti") {
    std::vector<MissingChar> missing;
    TextRun run;
    run.text = text;
    run.role = fonts().role(role);
    REQUIRE(run.role);
    run.size = kSize;
    auto pieces = shape_paragraph({run}, fonts(), missing);
    REQUIRE(missing.empty());
    return pieces;
}

std::u32string line_text(const std::vector<Piece>& pieces, const SetLine& line) {
    std::u32string out;
    for (std::size_t i = line.begin; i < line.end; ++i) out += pieces[i].text;
    return out;
}

std::vector<std::u32string> lines_of(const std::string& text, double width_em, Align align = Align::kJustify) {
    auto pieces = shape(text);
    auto lines = break_lines(pieces, width_em * kSize, width_em * kSize, align);
    std::vector<std::u32string> out;
    for (const auto& l : lines) out.push_back(line_text(pieces, l));
    return out;
}

}  // namespace

TEST_CASE("CJK text breaks between any two ideographs and fills the measure") {
    auto lines = lines_of("一二三四五六七八九十一二三四五", 5);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == U"一二三四五");
    CHECK(lines[2] == U"一二三四五");
}

TEST_CASE("closing punctuation never starts a line: pulled in, compressed to half width") {
    // 5.5 em: five ideographs leave half an em, enough for a compressed 。
    auto pieces = shape("一二三四五。六七");
    auto lines = break_lines(pieces, 5.5 * kSize, 5.5 * kSize, Align::kJustify);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(pieces, lines[0]) == U"一二三四五。");
    const Piece& stop = pieces[5];
    CHECK(stop.trim_right == Approx(0.5 * kSize));
    CHECK(lines[0].x.back() + stop.width() == Approx(5.5 * kSize));
}

TEST_CASE("closing punctuation that cannot be pulled in pushes a character out") {
    // 5 em: 一二三四五 fill it, the 。 cannot start the next line, and there
    // is no room to compress it in, so 五 goes down with it.
    auto lines = lines_of("一二三四五。六七", 5);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == U"一二三四");
    CHECK(lines[1] == U"五。六七");
}

TEST_CASE("when pulling in cannot fit, a character is pushed out instead") {
    // 。” cannot both be pulled into a full line: push 五 to the next line.
    auto lines = lines_of("一二三四五。”六七", 5);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == U"一二三四");
    CHECK(lines[1] == U"五。”六七");
}

TEST_CASE("opening punctuation never ends a line") {
    auto lines = lines_of("一二三四《五六》七八", 5);
    for (const auto& l : lines) CHECK_FALSE(is_no_line_end(l.back()));
    CHECK(lines[0] == U"一二三四");
    CHECK(lines[1].substr(0, 1) == U"《");
}

TEST_CASE("numbers, Latin words and number+unit stay whole") {
    // In these texts a number is always followed by its unit, so no line may
    // end inside or right after it (at widths where number and unit fit).
    auto latin_or_digit = [](char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '.' || c == '%'); };
    for (std::string text : {"达到九九九99.8%的", "的S316一期工程", "完成2023年目标任务", "共1.2万亿元"}) {
        for (double width = 4; width <= 8; width += 1) {
            auto lines = lines_of(text, width);
            std::u32string joined;
            for (const auto& l : lines) joined += l;
            CHECK(joined == utf8::decode(text));
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                INFO(text << " at width " << width << ": line " << utf8::encode(lines[i]));
                CHECK_FALSE(latin_or_digit(lines[i].back()));
            }
        }
    }
}

TEST_CASE("an ordinal 第 stays with its number: （第4号） is never split") {
    for (double width = 3; width <= 9; width += 1) {
        auto lines = lines_of("关于加快推进建议（第173号）和第1区块", width);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            INFO("width " << width << ": line " << utf8::encode(lines[i]));
            CHECK(lines[i].back() != U'第');
        }
    }
}

TEST_CASE("the halves of …… and —— are neither parted nor spaced by justification") {
    const std::string text = "目前我市已……汽车产业相关省级技术中心——三十六家";
    for (double width = 4; width <= 9; width += 1) {
        auto pieces = shape(text);
        auto lines = break_lines(pieces, width * kSize + 3, width * kSize + 3, Align::kJustify);
        for (const auto& line : lines) {
            for (std::size_t k = line.begin + 1; k < line.end; ++k) {
                char32_t a = pieces[k - 1].text.back(), b = pieces[k].text.front();
                if (a != b || (a != U'…' && a != U'—')) continue;
                INFO("width " << width);
                // Touching: the second half starts where the first ends.
                CHECK(line.x[k - line.begin] == Approx(line.x[k - 1 - line.begin] + pieces[k - 1].width()));
            }
            if (line.begin > 0) {
                char32_t before = pieces[line.begin - 1].text.back(), first = pieces[line.begin].text.front();
                bool parted = before == first && (first == U'…' || first == U'—');
                CHECK_FALSE(parted);
            }
        }
    }
}

TEST_CASE("a justified paragraph does not end on a line of one character") {
    // Five a line would leave 甲。 alone: one line above gives a character up.
    auto lines = lines_of("一二三四五六七八九十甲。", 5);
    REQUIRE(lines.size() == 3);
    CHECK(lines[2] == U"十甲。");
    CHECK(lines[0].size() + lines[1].size() == 9);
    // 会…… is one character too: not alone either.
    CHECK(lines_of("一二三四五六七八九十会……", 5).back().size() > 3);
    // Ragged text (headlines) and two characters on the last line: left alone.
    CHECK(lines_of("一二三四五六七八九十甲。", 5, Align::kLeft).back() == U"甲。");
    CHECK(lines_of("一二三四五六七八九十甲乙", 5).back() == U"甲乙");
}

TEST_CASE("a Latin word is never split, but may end a line before Chinese text") {
    const std::u32string text = U"高压线10KV改迁工程和Word以及";
    // Offsets where a break would cut 10KV or Word.
    std::vector<std::size_t> inside;
    for (std::u32string word : {U"10KV", U"Word"}) {
        std::size_t at = text.find(word);
        for (std::size_t k = 1; k < word.size(); ++k) inside.push_back(at + k);
    }
    for (double width = 4; width <= 9; width += 1) {
        auto lines = lines_of(utf8::encode(text), width);
        std::size_t offset = 0;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            offset += lines[i].size();
            INFO("width " << width << ", break at " << offset);
            CHECK(std::find(inside.begin(), inside.end(), offset) == inside.end());
        }
    }
}

TEST_CASE("adjacent full-width punctuation takes 1.5 em") {
    for (const char* pair : {"。”", "）、", "》，", "：“", "，“"}) {
        auto pieces = shape(pair);
        REQUIRE(pieces.size() == 2);
        INFO(pair);
        CHECK(pieces[0].width() + pieces[1].width() == Approx(1.5 * kSize));
    }
    // A single one keeps its full width.
    auto one = shape("一，二");
    CHECK(one[1].width() == Approx(kSize));
}

TEST_CASE("full-width quotes come from the CJK face at full width") {
    auto pieces = shape("“地瓜经济”");
    CHECK(pieces.front().face == fonts().role("songti")->cjk);
    CHECK(pieces.front().advance == Approx(kSize));
}

TEST_CASE("Latin letters and digits come from the role's Latin face") {
    auto pieces = shape("数字2023和S316");
    CHECK(pieces[0].face == fonts().role("songti")->cjk);
    CHECK(pieces[2].face == fonts().role("songti")->latin);
    CHECK(pieces[2].advance < kSize);  // proportional, not full width
}

TEST_CASE("justified lines fill the measure, the last line is not stretched") {
    auto pieces = shape("这是第一行的文字，再加上数字2023和英文Word以及更多的中文内容用来换行。");
    double measure = 7.3 * kSize;  // not a whole number of ems: every line must stretch
    auto lines = break_lines(pieces, measure, measure, Align::kJustify);
    REQUIRE(lines.size() > 2);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto& l = lines[i];
        double right = l.x.back() + pieces[l.end - 1].width();
        INFO("line " << i);
        CHECK(right == Approx(measure).margin(0.01));
    }
    const auto& last = lines.back();
    CHECK(last.x.back() + pieces[last.end - 1].width() == Approx(last.natural_width).margin(0.01));
}

TEST_CASE("random paragraphs: every rule holds at every width") {
    const std::u32string alphabet = U"中文字词句段落建议提案办理一二三四五六七八九十，。、；：？！“”《》（）0123456789ab%";
    std::mt19937 rng(20241122);
    for (int round = 0; round < 300; ++round) {
        std::u32string text;
        std::size_t len = 5 + rng() % 60;
        for (std::size_t i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
        auto pieces = shape(utf8::encode(text));
        double measure = (3 + static_cast<double>(rng() % 20)) * kSize + static_cast<double>(rng() % 10);
        auto lines = break_lines(pieces, measure, measure, Align::kJustify);
        std::u32string joined;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            INFO("text " << utf8::encode(text) << " measure " << measure << " line " << i);
            std::u32string t = line_text(pieces, l);
            joined += t;
            REQUIRE(!t.empty());
            // Nothing sticks out of the measure.
            CHECK(l.x.back() + pieces[l.end - 1].width() <= measure + 0.01);
            if (i > 0 && pieces[l.begin].break_before) CHECK_FALSE(is_no_line_start(t.front()));
            if (i + 1 < lines.size() && pieces[lines[i + 1].begin].break_before) CHECK_FALSE(is_no_line_end(t.back()));
        }
        CHECK(joined == text);  // every character, once, in order
    }
}

TEST_CASE("rare characters fall back to a font that has them, unknown ones are reported") {
    const FontRole* body = fonts().role("fangsong");
    REQUIRE(body);
    for (char32_t c : {char32_t(0x4DAE), char32_t(0x20BB7)}) {
        const FontFace* f = fonts().face_for(*body, c);
        REQUIRE(f);
        CHECK(f->has_glyph(c));
    }
    CHECK(fonts().face_for(*body, 0x17000) == nullptr);  // Tangut: no installed font

    std::vector<MissingChar> missing;
    TextRun run{"名字𗀀和䶮", body, 12, {}, 0, {{3, 7}, "item 1, proposers"}};
    auto pieces = shape_paragraph({run}, fonts(), missing);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].c == 0x17000);
    CHECK(missing[0].origin.where == "item 1, proposers");
    CHECK(pieces.size() == 4);  // the other characters are all there
}

TEST_CASE("a short paragraph repeated is set once, but one with a character no font has is reported everywhere") {
    const Layout layout = testing::bundled_layout("table");
    Typesetter ts(layout, fonts(), "in.yaml");
    auto para = [](std::string text, int line) {
        return Paragraph{"table_center", {{std::move(text), false, {{line, 5}, "item", true}}}, 0, {}, false};
    };
    const Paragraph a = para("市发改局", 3), b = para("市发改局", 9), c = para("市财政局", 12);
    CHECK(ts.set(a, 80) == ts.set(b, 80));  // the same setting, shared
    CHECK(ts.set(a, 80) != ts.set(c, 80));  // other text
    CHECK(ts.set(a, 80) != ts.set(a, 90));  // other width
    // Tangut (no installed font) at two places: both reported.
    ts.set(para("甲𗀀", 4), 80);
    ts.set(para("甲𗀀", 8), 80);
    Document doc;
    doc.body.push_back(para("乙", 1));
    try {
        ts.typeset(doc);
        FAIL("the missing character was not reported");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.diagnostics()[0].pos.line == 4);
        CHECK(e.diagnostics()[1].pos.line == 8);
    }
}

TEST_CASE("a forced break (title lines) ends the line") {
    auto lines = lines_of("尽职尽责勇担当\u2028凝心聚力惠民生", 20, Align::kCenter);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] == U"凝心聚力惠民生");
}

TEST_CASE("a quarter em between Han and Latin letters or digits, but not at a line's start") {
    auto pieces = shape("达2023年");
    auto lines = break_lines(pieces, 20 * kSize, 20 * kSize, Align::kLeft);
    REQUIRE(lines.size() == 1);
    // 达|2 and 3|年 get the gap; between the digits none.
    CHECK(pieces[1].autospace == Approx(0.25 * kSize));
    CHECK(pieces[2].autospace == 0);
    CHECK(pieces[5].autospace == Approx(0.25 * kSize));
    CHECK(lines[0].x[1] == Approx(pieces[0].width() + 0.25 * kSize));
    CHECK(lines[0].natural_width == Approx(pieces[0].width() + pieces[1].width() * 4 + pieces[5].width() + 0.5 * kSize));
    // Full-width punctuation next to a digit gets none (clreq).
    CHECK(shape("，2")[1].autospace == 0);
    // At a line's start the gap is not set: 年 begins the second line flush.
    auto broken = shape("一二三四五六七2023年八");
    auto two = break_lines(broken, 7.5 * kSize, 7.5 * kSize, Align::kLeft);
    REQUIRE(two.size() == 2);
    CHECK(two[1].x.front() == 0);
}

TEST_CASE("a two-character name fitted to three characters: spaced, whole, extracted as written") {
    std::vector<MissingChar> missing;
    TextRun name{"杨献", fonts().role("songti"), kSize, {}, 0, {}, 3};
    TextRun rest{"、罗祖盘", fonts().role("songti"), kSize, {}, 0, {}, 0};
    auto pieces = shape_paragraph({name, rest}, fonts(), missing);
    REQUIRE(pieces.size() >= 3);
    CHECK(pieces[0].width() + pieces[1].width() == Approx(3 * kSize));
    CHECK(pieces[0].fitted);
    CHECK(pieces[1].fitted);
    CHECK_FALSE(pieces[1].break_before);  // never 杨 | 献
    CHECK_FALSE(pieces[1].glue_before);   // justification leaves it as set
    CHECK_FALSE(pieces[2].fitted);
}

TEST_CASE("a web address is kept whole where it fits a line, and broken only after / . - where it cannot") {
    const std::string url = "https://www.pinghu.gov.cn/col/col1229.html";
    // Thirteen em: the address (about 18 em) cannot fit; twenty-five em: it
    // can, and the line before it, 23 characters, is set evenly without it.
    const std::string before = "各地各部门各单位请登录详见市政府门户网站查询";
    for (double width : {13.0, 25.0}) {
        auto lines = lines_of(before + url + "公布的名单。", width);
        std::u32string joined;
        std::size_t pieces_of_url = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            joined += lines[i];
            if (lines[i].find(U'/') != std::u32string::npos || lines[i].find(U'.') != std::u32string::npos) ++pieces_of_url;
            if (i + 1 == lines.size()) continue;
            const char32_t end = lines[i].back(), next = lines[i + 1].front();
            INFO("width " << width << ": " << utf8::encode(lines[i]) << " | " << utf8::encode(lines[i + 1]));
            // Inside the address, only after / . - and never within https://.
            if (is_ascii_alnum_test(end) && is_ascii_alnum_test(next)) FAIL("broken between two letters");
            const std::string line = utf8::encode(lines[i]);
            const bool scheme_whole = line.find("https:/") == std::string::npos || line.find("https://") != std::string::npos;
            CHECK(scheme_whole);
        }
        CHECK(joined == utf8::decode(before + url + "公布的名单。"));
        if (width == 25.0) CHECK(pieces_of_url == 1);  // whole on one line
        else CHECK(pieces_of_url >= 2);
    }
    // An e-mail address, too.
    auto mail = lines_of("来信请寄rdbgs@yiwu.gov.cn联系", 8);
    for (std::size_t i = 0; i + 1 < mail.size(); ++i) {
        const bool at_the_at = mail[i].back() == U'@' || mail[i + 1].front() == U'@';
        CHECK_FALSE(at_the_at);
    }
}

TEST_CASE("tags: a heading at its outline level, a label and bold words as Spans of their paragraph") {
    const Layout layout = testing::bundled_layout("official");
    Document doc;
    Paragraph heading{"heading1", {{"一、标题", false, {}}}, 1, "标题", false};
    Paragraph field{"body", {{"主办单位：", true, {}}, {"经信局，", false, {}}, {"重点", true, {}}, {"推进。", false, {}}}, 0, {}, false};
    Paragraph plain{"body", {{"全段加粗。", true, {}}}, 0, {}, false};  // one span: the paragraph itself
    doc.body = {heading, field, plain};
    TypesetDocument out = Typesetter(layout, testing::bundled_fonts(), "t").typeset(doc);
    const StructureTree& tree = *out.structure;
    std::map<std::string, std::string> text_of_role;  // role name -> text drawn under it, in order
    std::vector<std::pair<std::string, std::uint32_t>> order;
    for (const auto& el : out.pages.begin()->elements)
        if (const auto* run = std::get_if<GlyphRun>(&el)) {
            if (run->repeated) continue;  // the page number
            REQUIRE(run->tag != StructureTree::kArtifact);
            std::u32string t;
            for (const auto& s : run->texts) t += s;
            text_of_role[role_name(tree[run->tag].role)] += utf8::encode(t);
            if (tree[run->tag].role == StructRole::kSpan) CHECK(tree[tree[run->tag].parent].role == StructRole::kP);
        }
    CHECK(text_of_role["H1"] == "一、标题");
    CHECK(text_of_role["Span"] == "主办单位：重点");
    CHECK(text_of_role["P"] == "经信局，推进。全段加粗。");
    // P, its two Spans right after it; the single-span paragraph has none.
    std::vector<StructRole> roles;
    for (std::uint32_t i = StructureTree::kRoot + 1; i < tree.size(); ++i) roles.push_back(tree[i].role);
    CHECK(roles == std::vector<StructRole>{StructRole::kH1, StructRole::kP, StructRole::kSpan, StructRole::kSpan,
                                           StructRole::kP});
}
