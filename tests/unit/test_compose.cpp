// compose: what each layout makes of a bulletin's fields — the wording the
// data does not spell out (headers by kind, 其他相关提案N件, the 人大
// sentence) and what is printed where (masthead, 落款).
#include <catch2/catch.hpp>

#include "bundled.hpp"
#include "compose/compose.hpp"
#include "compose/summary.hpp"
#include "model/load.hpp"

using namespace bulletin;
using bulletin::testing::bundled_layout;

namespace {

Document composed(const std::string& yaml, const std::string& layout) {
    Diagnostics d("t.yaml");
    auto b = load_bulletin_text(yaml, d);
    for (const auto& x : d.list()) FAIL(format_diagnostic(x));
    REQUIRE(b);
    return compose(*b, bundled_layout(layout));
}

std::string text_of(const Paragraph& p) {
    std::string s;
    for (const auto& span : p.spans) s += span.text;
    return s;
}

// Every paragraph of the document's head and body, tables included, in order.
std::vector<std::string> all_text(const Document& doc) {
    std::vector<std::string> out;
    auto add = [&](const Paragraph& p) { out.push_back(text_of(p)); };
    for (const auto* blocks : {&doc.head, &doc.body})
        for (const Block& b : *blocks) {
            if (const auto* para = std::get_if<Paragraph>(&b)) add(*para);
            else if (const auto* m = std::get_if<Boxed<Masthead>>(&b)) add((*m)->name), add((*m)->latin), add((*m)->info);
            else if (const auto* t = std::get_if<Table>(&b)) {
                for (const auto& c : t->header)
                    for (const auto& p : c.paragraphs) add(p);
                for (const auto& r : t->rows)
                    for (const auto& c : r.cells)
                        for (const auto& p : c.paragraphs) add(p);
            }
        }
    return out;
}

bool has(const std::vector<std::string>& texts, const std::string& wanted) {
    return std::find(texts.begin(), texts.end(), wanted) != texts.end();
}

const char* kProposals =
    "bulletin:\n"
    "  title: 对标提案“高质量” 力促办理“结硕果”\n"
    "  issuer: 平湖市政协\n"
    "  session: 市政协十四届三次会议\n"
    "  column: {name: 政协之窗, latin: ZHENGXIEZHICHUANG}\n"
    "items:\n"
    "  - number: 23\n"
    "    title: 关于鼓励企业“走出去”培育壮大“地瓜经济”的建议\n"
    "    kind: 提案\n"
    "    proposers: [第三界别活动组, 朱超群]\n"
    "    hosts: 商务局\n"
    "    related:\n"
    "      - {number: 1, title: 关于坚持内生外引并重的建议}\n"
    "  - number: 4\n"
    "    title: 关于加快培育汽车产业标志性产业链的建议\n"
    "    kind: 提案\n"
    "    proposers: 民进平湖市委会\n";

const char* kSuggestions =
    "bulletin:\n"
    "  title: 尽职尽责勇担当\n"
    "  issuer: 永康市人大常委会\n"
    "groups:\n"
    "  - title: 推进城市更新工作 提升居民幸福指数\n"
    "    items:\n"
    "      - title: 推进城市更新工作\n"
    "        kind: 建议\n"
    "        proposers: [柴文胜, 应荣]\n"
    "        leaders: [{name: 陈伟强, position: 市委常委、常务副市长}]\n";

}  // namespace

TEST_CASE("table: the title column is headed 重点提案 or 重点建议 after the bulletin's kind") {
    CHECK(has(all_text(composed(kProposals, "table")), "重点提案"));
    CHECK(has(all_text(composed(kSuggestions, "table")), "重点建议"));
}

TEST_CASE("newspaper: 提案人 of an item with related proposals ends with 其他相关提案N件") {
    auto texts = all_text(composed(kProposals, "newspaper"));
    CHECK(has(texts, "提案人：第三界别活动组、朱超群，其他相关提案1件"));
    CHECK(has(texts, "提案人：民进平湖市委会"));  // no related ones: nothing added
    CHECK(has(texts, "相关提案：《关于坚持内生外引并重的建议》（第1号）"));
}

TEST_CASE("newspaper: the issuer stands in the masthead, with no 落款 at the end") {
    Document doc = composed(kProposals, "newspaper");
    auto texts = all_text(doc);
    CHECK(has(texts, "平湖市政协　市政协十四届三次会议"));
    CHECK(std::count(texts.begin(), texts.end(), "平湖市政协") == 0);
    // Without a column, the issuer is the masthead's name.
    auto renda = all_text(composed(kSuggestions, "newspaper"));
    CHECK(std::count(renda.begin(), renda.end(), "永康市人大常委会") == 1);
}

TEST_CASE("newspaper: a 人大 item reads as one sentence naming proposers and the leading official") {
    auto texts = all_text(composed(kSuggestions, "newspaper"));
    CHECK(has(texts, "柴文胜、应荣等代表提出“推进城市更新工作”的相关建议，由市委常委、常务副市长陈伟强领办。"));
}

TEST_CASE("official: issuer and date close the document as its 落款") {
    auto texts = all_text(composed(kSuggestions, "official"));
    REQUIRE_FALSE(texts.empty());
    CHECK(texts.back() == "永康市人大常委会");
}

TEST_CASE("table: supervisors under the leaders are set as the leaders, two-character names spaced to three") {
    const std::string yaml = std::string(kSuggestions) + "        supervisors: [杨献, 王建国]\n";
    const Document doc = composed(yaml, "table");
    std::vector<const Span*> names;
    for (const Block& b : doc.body)
        if (const auto* t = std::get_if<Table>(&b))
            for (const auto& r : t->rows)
                for (const auto& c : r.cells)
                    for (const auto& p : c.paragraphs)
                        for (const auto& span : p.spans)
                            if (span.text == "杨献" || span.text == "王建国" || span.text == "陈伟强") names.push_back(&span);
    REQUIRE(names.size() == 3);
    for (const Span* s : names) CHECK(s->fit_chars == (s->text == "杨献" ? 3 : 0));
    CHECK(has(all_text(doc), "督办领导："));
}

TEST_CASE("summary: auto counts the items, their results and the 满意率, leaving out what no item says") {
    auto summary_of = [](const std::string& items) {
        Diagnostics d("t.yaml");
        auto b = load_bulletin_text("bulletin: {title: 公报, summary: auto}\nitems:\n" + items, d);
        REQUIRE(b);
        return summary_text(*b, "建议");
    };
    CHECK(summary_of("  - {title: 甲}\n  - {title: 乙}\n") == "共2件建议。");
    CHECK(summary_of("  - {title: 甲, result: A, satisfaction: 满意}\n"
                     "  - {title: 乙, result: A, satisfaction: 基本满意}\n"
                     "  - {title: 丙, result: C, satisfaction: 不满意, related: [{title: 丁, result: B}]}\n") ==
          "共3件建议，其中A类2件、C类1件；满意1件、基本满意1件、不满意1件，满意率66.7%。");
    CHECK(summary_of("  - {title: 甲, result: D}\n  - {title: 乙}\n  - {title: 丙, satisfaction: 满意}\n") ==
          "共3件建议，其中D类1件、未分类2件；满意1件，满意率100%。");
    // Printed after the lead, in every layout.
    for (const char* layout : {"official", "table", "newspaper"}) {
        Document doc = composed("bulletin: {title: 公报, summary: auto}\nintro: 导语。\nitems:\n  - {title: 甲, result: B}\n",
                                layout);
        bool found = false;
        for (const Block& block : doc.head)
            if (const auto* p = std::get_if<Paragraph>(&block)) found = found || text_of(*p) == "共1件，其中B类1件。";
        for (const Block& block : doc.body)
            if (const auto* p = std::get_if<Paragraph>(&block)) found = found || text_of(*p) == "共1件，其中B类1件。";
        INFO(layout);
        CHECK(found);
    }
}
