// The input model: every validation rule, with positions.
#include <catch2/catch.hpp>

#include <filesystem>

#include "model/input_keys.hpp"
#include "model/load.hpp"
#include "support/yaml_reader.hpp"

using namespace bulletin;

namespace {

// "LINE:COLUMN: message" for every problem of a YAML text.
std::vector<std::string> problems(const std::string& yaml) {
    Diagnostics diags("t.yaml");
    auto b = load_bulletin_text(yaml, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.sorted())
        out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message);
    if (b) CHECK(out.empty());
    return out;
}

Bulletin load_ok(const std::string& yaml) {
    Diagnostics diags("t.yaml");
    auto b = load_bulletin_text(yaml, diags);
    for (const auto& d : diags.list()) FAIL(format_diagnostic(d));
    REQUIRE(b);
    return *b;
}

const char* kMinimal = "bulletin:\n  title: 公报\nitems:\n  - title: 关于甲的建议\n";

}  // namespace

TEST_CASE("a minimal bulletin loads") {
    Bulletin b = load_ok(kMinimal);
    CHECK(b.meta.title.value == "公报");
    CHECK(b.meta.title.pos == SourcePos{2, 10});
    REQUIRE(b.groups.size() == 1);
    CHECK(b.groups[0].implicit);
    CHECK_FALSE(b.has_explicit_groups());
    REQUIRE(b.item_count() == 1);
    CHECK(b.groups[0].items[0].title.value == "关于甲的建议");
    CHECK(b.groups[0].items[0].display_seq == 1);
}

TEST_CASE("list fields accept a single string") {
    Bulletin b = load_ok(
        "bulletin: {title: 公报}\n"
        "items:\n"
        "  - title: 甲\n"
        "    hosts: 法院\n"
        "    proposers: [应荣, 施祖堂]\n"
        "    leaders: 吴传档\n"
        "    cohosts:\n"
        "      - 经信局\n"
        "      - 商务局\n");
    const Item& it = b.groups[0].items[0];
    REQUIRE(it.hosts.size() == 1);
    CHECK(it.hosts[0].value == "法院");
    CHECK(it.hosts[0].pos == SourcePos{4, 12});
    CHECK(it.proposers.size() == 2);
    REQUIRE(it.leaders.size() == 1);
    CHECK(it.leaders[0].name.value == "吴传档");
    CHECK(it.cohosts.size() == 2);
    CHECK(it.cohosts[1].pos.line == 9);
}

TEST_CASE("leaders may carry a position") {
    Bulletin b = load_ok(
        "bulletin: {title: 公报}\n"
        "items:\n"
        "  - title: 甲\n"
        "    leaders:\n"
        "      - {name: 李浩锋, position: 市委常委、市政府党组成员}\n"
        "      - 陈伟强\n");
    const auto& ls = b.groups[0].items[0].leaders;
    REQUIRE(ls.size() == 2);
    CHECK(ls[0].position.value == "市委常委、市政府党组成员");
    CHECK(ls[1].name.value == "陈伟强");
    CHECK(ls[1].position.empty());
}

TEST_CASE("groups carry their items, seq defaults to the position in the document") {
    Bulletin b = load_ok(
        "bulletin: {title: 公报}\n"
        "groups:\n"
        "  - title: 第一组\n"
        "    items:\n"
        "      - {title: 甲}\n"
        "      - {title: 乙, seq: 7}\n"
        "  - title: 第二组\n"
        "    label: 第二方面重点建议\n"
        "    items:\n"
        "      - {title: 丙}\n");
    REQUIRE(b.groups.size() == 2);
    CHECK(b.has_explicit_groups());
    CHECK(b.groups[1].label.value == "第二方面重点建议");
    CHECK(b.groups[0].items[0].display_seq == 1);
    CHECK(b.groups[0].items[1].display_seq == 7);
    CHECK(b.groups[1].items[0].display_seq == 3);
}

TEST_CASE("sections nest up to four levels") {
    Bulletin b = load_ok(
        "bulletin: {title: 报告}\n"
        "sections:\n"
        "  - title: 一级\n"
        "    body: |\n"
        "      第一段\n"
        "      第二段\n"
        "    sections:\n"
        "      - title: 二级\n"
        "        sections:\n"
        "          - title: 三级\n"
        "            sections:\n"
        "              - title: 四级\n");
    REQUIRE(b.sections.size() == 1);
    CHECK(b.sections[0].sections[0].sections[0].sections[0].title.value == "四级");
    CHECK(b.item_count() == 0);

    auto p = problems(
        "bulletin: {title: 报告}\n"
        "sections:\n"
        "  - title: 1\n"
        "    sections:\n"
        "      - title: 2\n"
        "        sections:\n"
        "          - title: 3\n"
        "            sections:\n"
        "              - title: 4\n"
        "                sections:\n"
        "                  - title: 5\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "11:19: sections nest at most 4 levels deep");
}

TEST_CASE("YAML syntax errors carry the parser's position") {
    auto p = problems("bulletin:\n  title: [公报\nitems: x\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("3:6: YAML syntax:", 0) == 0);

    p = problems("bulletin:\n  title: 公报\n   bad: 1\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("YAML syntax") != std::string::npos);
}

TEST_CASE("missing required keys") {
    CHECK(problems("items:\n  - title: 甲\n") ==
          std::vector<std::string>{"1:1: missing required key 'bulletin' (the title and other metadata)"});
    CHECK(problems("bulletin:\n  subtitle: 副题\nitems:\n  - title: 甲\n") ==
          std::vector<std::string>{"2:3: missing required key 'title' in bulletin"});
    CHECK(problems("bulletin: {title: 公报}\nitems:\n  - number: 3\n") ==
          std::vector<std::string>{"3:5: missing required key 'title' in item"});
    CHECK(problems("bulletin: {title: 公报}\n") ==
          std::vector<std::string>{"1:1: no items: a bulletin needs at least one item (under 'items:' or "
                                   "'groups:'), or 'sections:' for a report without items"});
    CHECK(problems("bulletin: {title: 公报}\nitems: []\n") ==
          std::vector<std::string>{"2:8: 'items' is empty: give at least one item"});
    CHECK(problems("").size() == 1);
}

TEST_CASE("empty titles") {
    CHECK(problems("bulletin: {title: ''}\nitems: [{title: 甲}]\n") ==
          std::vector<std::string>{"1:19: empty 'title' in bulletin"});
    CHECK(problems("bulletin: {title: 公报}\nitems:\n  - title:\n") ==
          std::vector<std::string>{"3:5: empty 'title' in item"});
    CHECK(problems("bulletin: {title: 公报}\nitems:\n  - title: \"　\"\n") ==
          std::vector<std::string>{"3:12: empty 'title' in item"});
}

TEST_CASE("wrong types") {
    auto p = problems(
        "bulletin:\n"
        "  title: [公报]\n"
        "  year: 二〇二四\n"
        "  date: 2024-02-30\n"
        "items:\n"
        "  - title: 甲\n"
        "    hosts: {a: b}\n"
        "    number: 3.5\n"
        "  - 乙\n");
    CHECK(p == std::vector<std::string>{
                   "2:10: 'title' in bulletin must be text, got a list",
                   "3:9: 'year' in bulletin must be a whole number, got '二〇二四'",
                   "4:9: 'date' must be a date written YYYY-MM-DD, got '2024-02-30'",
                   "7:12: 'hosts' in item must be text or a list of texts, got a mapping",
                   "8:13: 'number' in item must be a whole number, got '3.5'",
                   "9:5: item must be a mapping (key: value lines), got text",
               });
}

TEST_CASE("groups and items both given") {
    auto p = problems(
        "bulletin: {title: 公报}\n"
        "groups:\n"
        "  - items: [{title: 甲}]\n"
        "items:\n"
        "  - title: 乙\n");
    CHECK(p == std::vector<std::string>{"4:1: give either 'groups' (each with its items) or 'items', not both"});
}

TEST_CASE("unknown keys get a did-you-mean") {
    auto p = problems(
        "bulletin:\n"
        "  title: 公报\n"
        "  subtitel: 副\n"
        "  labels: {progres: 落实情况}\n"
        "items:\n"
        "  - title: 甲\n"
        "    hots: 经信局\n"
        "    related:\n"
        "      - {titel: 乙}\n"
        "    zzzz: 1\n");
    CHECK(p == std::vector<std::string>{
                   "3:3: unknown key 'subtitel' in bulletin; did you mean 'subtitle'?",
                   "4:12: unknown key 'progres' in labels; did you mean 'progress'?",
                   "7:5: unknown key 'hots' in item; did you mean 'hosts'?",
                   "9:9: missing required key 'title' in related item",
                   "9:10: unknown key 'titel' in related item; did you mean 'title'?",
                   "10:5: unknown key 'zzzz' in item",
               });
}

TEST_CASE("result must be A, B, C or D, kind one of 建议 提案 议案, satisfaction and reply date as ledgers keep them") {
    auto p = problems(
        "bulletin: {title: 公报}\n"
        "items:\n"
        "  - {title: 甲, result: E}\n"
        "  - {title: 乙, result: A类}\n"
        "  - {title: 丙, result: B, kind: 意见}\n"
        "  - {title: 丁, result: D, satisfaction: 基本满意, replied: 2024-06-30, seconders: [甲, 乙], reply_ref: 函12号}\n"
        "  - {title: 戊, satisfaction: 较满意, replied: 2024-02-30}\n");
    CHECK(p == std::vector<std::string>{"3:24: 'result' must be A, B, C or D, got 'E'",
                                        "4:24: 'result' must be A, B, C or D, got 'A类'",
                                        "5:33: 'kind' must be 建议, 提案 or 议案, got '意见'",
                                        "7:30: 'satisfaction' must be 满意, 基本满意 or 不满意, got '较满意'",
                                        "7:44: 'replied' must be a date written YYYY-MM-DD, got '2024-02-30'"});
}

TEST_CASE("a number used twice, also across related items") {
    auto p = problems(
        "bulletin: {title: 公报}\n"
        "items:\n"
        "  - title: 甲\n"
        "    number: 4\n"
        "    related:\n"
        "      - {title: 乙, number: 1}\n"
        "  - title: 丙\n"
        "    number: 1\n"
        "  - title: 丁\n"
        "    number: 4\n");
    CHECK(p == std::vector<std::string>{"8:13: number 1 is used twice (also at line 6)",
                                        "10:13: number 4 is used twice (also at line 4)"});
}

TEST_CASE("duplicate keys and unclosed bold marks") {
    auto p = problems(
        "bulletin:\n"
        "  title: 公报\n"
        "  title: 又一个\n"
        "items:\n"
        "  - title: 甲\n"
        "    progress: |\n"
        "      **一是严格规范程序。要求……\n");
    REQUIRE(p.size() == 2);
    CHECK(p[0] == "3:3: duplicate key 'title' in bulletin (first given at line 2)");
    CHECK(p[1].rfind("6:15: unclosed '**'", 0) == 0);
}

TEST_CASE("control characters are refused") {
    auto p = problems("bulletin: {title: \"公\\x01报\"}\nitems: [{title: 甲}]\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "1:19: 'title' in bulletin contains the control character U+0001, which cannot be printed");
}

TEST_CASE("every problem is reported, not just the first") {
    auto p = problems(
        "bulletin: {title: 公报, yaer: 2024}\n"
        "items:\n"
        "  - {title: 甲, result: X}\n"
        "  - {title: '', number: 0}\n");
    CHECK(p.size() == 4);
}

TEST_CASE("column and byline take a mapping or plain text") {
    Bulletin b = load_ok(
        "bulletin:\n"
        "  title: 公报\n"
        "  column: {name: 政协之窗, latin: ZHENGXIEZHICHUANG}\n"
        "  byline: {reporter: 徐玉霞, photographer: 王强}\n"
        "items: [{title: 甲}]\n");
    CHECK(b.meta.column.latin.value == "ZHENGXIEZHICHUANG");
    CHECK(b.meta.byline.photographer.value == "王强");
    b = load_ok("bulletin: {title: 公报, column: 人大之窗, byline: 本报记者 张三}\nitems: [{title: 甲}]\n");
    CHECK(b.meta.column.name.value == "人大之窗");
    CHECK(b.meta.byline.text.value == "本报记者 张三");
}

namespace {

// A value of every key of `table`, as YAML lines at `indent`, from the
// tables alone; self-nesting tables (sections) stop at `depth`.
void every_key(const KeyTable& table, int indent, int depth, std::string& out) {
    static long long serial = 0;  // numbers differ: an item's and its related item's
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    bool first = true;
    for (const KeyDef& k : table.keys) {
        if (k.name == "items" && &table == &input_keys::kFile) continue;  // groups and items exclude each other
        if (k.table == &table && depth == 0) continue;
        const std::string lead = first && indent > 0 ? pad.substr(2) + "- " : pad;
        first = false;
        out += lead + std::string(k.name) + ":";
        switch (k.shape) {
            case KeyShape::kText: out += " 字\n"; break;
            case KeyShape::kInteger: out += " " + std::to_string(k.min + serial++) + "\n"; break;
            case KeyShape::kDate: out += " 2024-02-29\n"; break;
            case KeyShape::kChoice: out += " " + std::string(k.choices.back()) + "\n"; break;
            case KeyShape::kTexts: out += " [甲, 乙]\n"; break;
            case KeyShape::kMapping: {
                std::string inner;
                every_key(*k.table, indent + 4, depth - 1, inner);
                // A mapping, not a list entry: drop the "- " of its first line.
                inner.replace(inner.find("- "), 2, "  ");
                out += "\n" + inner;
                break;
            }
            case KeyShape::kList: every_key(*k.table, indent + 4, depth - 1, out.append("\n")); break;
        }
    }
}

}  // namespace

TEST_CASE("a file with every key of the key tables loads: the loader reads each key its tables list") {
    const auto image = std::filesystem::path(BULLETIN_SOURCE_DIR) / "tests/e2e/fixtures/chart.png";
    std::string yaml;
    every_key(input_keys::kFile, 0, 3, yaml);
    // The one value a table cannot make up: a picture that exists.
    for (std::size_t at = yaml.find("file: 字"); at != std::string::npos; at = yaml.find("file: 字", at))
        yaml.replace(at + 6, std::string("字").size(), image.string());
    INFO(yaml);
    Bulletin b = load_ok(yaml);
    const Item& it = b.groups.at(0).items.at(0);
    CHECK(it.result.value == "D");
    CHECK(it.replied.value == "2024-02-29");
    CHECK(it.related.size() == 1);
    CHECK(it.images.size() == 1);
    CHECK(b.meta.labels.size() == input_keys::kLabels.keys.size());
    CHECK(b.sections.at(0).sections.size() == 1);
}

TEST_CASE("a reader with a key table: limits from the table, a key outside it is a programming error") {
    Diagnostics diags("t.yaml");
    YamlFile file("seq: 0\nresult: E\nreplied: 2023-02-29\nhots: 法院\n", diags);
    {
        MapReader r(file.root(), {1, 1}, file, diags, input_keys::kItem);
        CHECK_THROWS_AS(r.text("no_such_key"), std::logic_error);
        CHECK_FALSE(r.integer("seq"));
        r.choice("result");
        r.date("replied");
        r.text("title");
    }
    std::vector<std::string> said;
    for (const auto& d : diags.sorted()) said.push_back(d.message);
    CHECK(said == std::vector<std::string>{
                      "missing required key 'title' in item",
                      "'seq' in item must be between 1 and 100000, got 0",
                      "'result' must be A, B, C or D, got 'E'",
                      "'replied' must be a date written YYYY-MM-DD, got '2023-02-29'",
                      "unknown key 'hots' in item; did you mean 'hosts'?"});
}
