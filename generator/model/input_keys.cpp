#include "model/input_keys.hpp"

#include "support/yaml_reader.hpp"

namespace bulletin::input_keys {

namespace {

using S = KeyShape;
using std::string_view;

constexpr string_view kKinds[] = {"建议", "提案", "议案"};
constexpr string_view kResults[] = {"A", "B", "C", "D"};
constexpr string_view kSatisfaction[] = {"满意", "基本满意", "不满意"};
constexpr string_view kSummary[] = {"auto", "none"};
constexpr string_view kLayouts[] = {"official", "table", "newspaper"};
constexpr string_view kGroupsOrItems[] = {"groups", "items"};
constexpr string_view kSomethingToPrint[] = {"groups", "items", "sections"};
constexpr string_view kBylineParts[] = {"reporter", "photographer"};

// The fields of an item, shared by items and related items; `related`
// comes last so that a related item's table is all but the last key.
constexpr KeyDef kItemKeys[] = {
    {.name = "seq", .shape = S::kInteger, .doc = "序号; default: the position in the document, from 1",
     .min = 1, .max = 100000},
    {.name = "number", .shape = S::kInteger, .doc = "建议号/提案号, printed as （第23号）; unique in the file",
     .min = 1, .max = 1000000},
    {.name = "title", .doc = "案由: the title of the suggestion or proposal", .required = true},
    {.name = "kind", .shape = S::kChoice, .doc = "建议 | 提案 | 议案: picks the kind's labels", .choices = kKinds},
    {.name = "proposers", .shape = S::kTexts, .doc = "领衔代表/提案人: people or bodies, plain names (杨献)"},
    {.name = "leaders", .shape = S::kList, .doc = "领办领导: a name, a list of names, or {name, position}",
     .table = &kLeader, .also_text = true},
    {.name = "supervisors", .shape = S::kTexts, .doc = "督办领导"},
    {.name = "hosts", .shape = S::kTexts, .doc = "主办单位/承办单位"},
    {.name = "cohosts", .shape = S::kTexts, .doc = "协办单位/会办单位"},
    {.name = "result", .shape = S::kChoice, .doc = "办理结果分类 A | B | C | D", .choices = kResults},
    {.name = "seconders", .shape = S::kTexts, .doc = "附议人"},
    {.name = "satisfaction", .shape = S::kChoice, .doc = "代表/委员满意度", .choices = kSatisfaction},
    {.name = "replied", .shape = S::kDate, .doc = "答复日期, YYYY-MM-DD"},
    {.name = "reply_ref", .doc = "答复文号, e.g. 义法函〔2024〕12号"},
    {.name = "progress", .doc = "主要工作进展/办理情况/落实情况; in a | block each line is a paragraph"},
    {.name = "next_steps", .doc = "下一步工作; in a | block each line is a paragraph"},
    {.name = "note", .doc = "备注: a free remark"},
    {.name = "images", .shape = S::kList, .doc = "photos or charts (PNG, JPEG) shown with the item",
     .table = &kImage, .also_single = true},
    {.name = "related", .shape = S::kList, .doc = "相关建议/提案: each like an item, without related of its own",
     .table = &kRelatedItem},
};

constexpr KeyDef kFileKeys[] = {
    {.name = "bulletin", .shape = S::kMapping, .doc = "the title and other facts of the whole document",
     .required = true, .table = &kMeta},
    {.name = "intro", .doc = "导语: lead paragraphs, one line of a | block each"},
    {.name = "groups", .shape = S::kList, .doc = "方面: groups, each with a title and its items (or use items)",
     .table = &kGroup, .non_empty = true},
    {.name = "items", .shape = S::kList, .doc = "the suggestions or proposals, when they are not grouped",
     .table = &kItem, .non_empty = true},
    {.name = "sections", .shape = S::kList, .doc = "prose sections after the items (a work report)",
     .table = &kSection},
    {.name = "closing", .doc = "closing paragraphs, one line of a | block each"},
};

constexpr KeyDef kMetaKeys[] = {
    {.name = "title", .doc = "the headline; a space or a newline breaks a newspaper headline", .required = true},
    {.name = "subtitle", .doc = "副标题, e.g. 市十八届人大三次会议代表重点建议办理情况"},
    {.name = "kicker", .doc = "引题: the small line above a newspaper headline"},
    {.name = "issuer", .doc = "who publishes it (落款), e.g. 永康市人大常委会"},
    {.name = "session", .doc = "the session, e.g. 市十八届人大三次会议"},
    {.name = "year", .shape = S::kInteger, .doc = "the year reported on", .min = 1949, .max = 2999},
    {.name = "date", .shape = S::kDate, .doc = "落款日期/出版日期, YYYY-MM-DD"},
    {.name = "column", .shape = S::kMapping, .doc = "newspaper column (政协之窗), or {name, latin}",
     .table = &kColumn, .also_text = true},
    {.name = "byline", .shape = S::kMapping, .doc = "{reporter, photographer}, or a plain line",
     .table = &kByline, .also_text = true},
    {.name = "layout", .doc = "official | table | newspaper, or the path of a layout file",
     .suggestions = kLayouts},
    {.name = "summary", .shape = S::kChoice, .doc = "auto: print 件数, the A/B/C/D split and 满意率 from the items",
     .choices = kSummary},
    {.name = "labels", .shape = S::kMapping, .doc = "the words printed in front of fields, over the layout's",
     .table = &kLabels},
};

constexpr KeyDef kColumnKeys[] = {
    {.name = "name", .doc = "the column's name, e.g. 政协之窗", .required = true, .max_chars = kMaxLabelChars},
    {.name = "latin", .doc = "its pinyin line, e.g. ZHENGXIEZHICHUANG", .max_chars = kMaxLabelChars},
};

constexpr KeyDef kBylineKeys[] = {
    {.name = "reporter", .doc = "记者"},
    {.name = "photographer", .doc = "摄影"},
};

// A label given must say something; it is repeated on every item, so short.
constexpr KeyDef label(string_view name, string_view doc) {
    return {.name = name, .doc = doc, .not_blank = true, .max_chars = kMaxLabelChars};
}

constexpr KeyDef kLabelKeys[] = {
    label("seq", "序号"),
    label("title", "重点建议 / 重点提案 (a table's column)"),
    label("proposers", "提出人 / 提案人"),
    label("leaders", "领办领导"),
    label("supervisors", "督办领导"),
    label("hosts", "主办单位"),
    label("cohosts", "协办单位"),
    label("result", "办理结果分类"),
    label("progress", "主要工作进展 / 落实情况"),
    label("next_steps", "下一步工作"),
    label("related", "相关建议 / 相关提案"),
    label("note", "备注"),
    label("reporter", "记者"),
    label("photographer", "摄影"),
    label("group", "a group's banner, {cn} its number in words: 第{cn}方面重点建议"),
    label("number", "an item's number, {n}: （第{n}号）"),
    label("sentence", "newspaper: the sentence naming the proposers, {proposers} and {title}"),
    label("led_by", "newspaper: the clause naming the leaders, {leaders}"),
    label("etc", "after the first of several proposers: 等"),
    label("image", "图片"),
    label("related_count", "after the proposers when an item has related ones, {n}"),
    label("seconders", "附议人"),
    label("satisfaction", "满意度"),
    label("replied", "答复日期"),
    label("reply_ref", "答复文号"),
};

constexpr KeyDef kGroupKeys[] = {
    {.name = "title", .doc = "the group's headline"},
    {.name = "label", .doc = "its banner, e.g. 第一方面重点建议; default: the layout's"},
    {.name = "items", .shape = S::kList, .doc = "the group's suggestions or proposals", .required = true,
     .table = &kItem, .non_empty = true},
};

constexpr KeyDef kLeaderKeys[] = {
    {.name = "name", .doc = "the leader's name, plain (杨献)", .required = true},
    {.name = "position", .doc = "职务, e.g. 市委常委、市政府党组成员"},
};

constexpr KeyDef kImageKeys[] = {
    {.name = "file", .doc = "a PNG or JPEG file, relative to this YAML file", .required = true},
    {.name = "caption", .doc = "the line under it"},
};

constexpr KeyDef kSectionKeys[] = {
    {.name = "title", .doc = "the heading, numbered by the layout: 一、（一）1.（1）", .required = true},
    {.name = "body", .doc = "paragraphs, one line of a | block each"},
    {.name = "sections", .shape = S::kList, .doc = "subsections, at most four levels in all", .table = &kSection},
};

}  // namespace

constexpr KeyTable kFile{.name = "the file",
                         .doc = "a bulletin: 重点建议/重点提案办理情况, or a work report",
                         .keys = kFileKeys,
                         .exclusive = kGroupsOrItems,
                         .one_needed = kSomethingToPrint};
constexpr KeyTable kMeta{.name = "bulletin", .doc = "the facts of the whole document", .keys = kMetaKeys};
constexpr KeyTable kColumn{.name = "column", .doc = "a newspaper column", .keys = kColumnKeys};
constexpr KeyTable kByline{.name = "byline", .doc = "who wrote and photographed it", .keys = kBylineKeys,
                           .one_needed = kBylineParts};
constexpr KeyTable kLabels{.name = "labels", .doc = "printed words, each over the layout's", .keys = kLabelKeys};
constexpr KeyTable kGroup{.name = "group", .doc = "a group (方面) of items", .keys = kGroupKeys};
constexpr KeyTable kItem{.name = "item", .doc = "a suggestion or proposal and how it was handled",
                         .keys = kItemKeys};
constexpr KeyTable kRelatedItem{.name = "related item", .doc = "a related suggestion or proposal",
                                .keys = std::span(kItemKeys).first(std::size(kItemKeys) - 1)};
constexpr KeyTable kLeader{.name = "leader", .doc = "a leader and position", .keys = kLeaderKeys};
constexpr KeyTable kImage{.name = "image", .doc = "a picture", .keys = kImageKeys};
constexpr KeyTable kSection{.name = "section", .doc = "a prose section", .keys = kSectionKeys};

}  // namespace bulletin::input_keys
