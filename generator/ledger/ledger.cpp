#include "ledger/ledger.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "support/utf8.hpp"

namespace bulletin {

namespace {

enum class Field {
    kSeq, kNumber, kTitle, kProposers, kSeconders, kLeaders, kSupervisors, kHosts, kCohosts, kResult,
    kProgress, kNextSteps, kGroup, kSatisfaction, kReplied, kReplyRef, kNote, kRelated, kUnknown
};

// Header spellings, compared after spaces are taken out.
const std::vector<std::pair<Field, std::vector<std::string>>> kColumns = {
    {Field::kSeq, {"序号"}},
    {Field::kNumber, {"建议号", "提案号", "案号", "编号", "议案号"}},
    {Field::kTitle, {"标题", "案由", "建议名称", "提案名称", "重点建议", "重点提案", "题目", "建议题目", "提案题目"}},
    {Field::kProposers, {"领衔代表", "提案人", "代表", "领衔人", "提出人", "领衔委员"}},
    {Field::kSeconders, {"附议人", "附议代表"}},
    {Field::kLeaders, {"领办领导", "领办市领导"}},
    {Field::kSupervisors, {"督办领导", "督办市领导"}},
    {Field::kHosts, {"主办单位", "承办单位"}},
    {Field::kCohosts, {"协办单位", "会办单位"}},
    {Field::kResult, {"办理结果", "类别", "分类", "办理结果分类", "结果类别", "办理类别"}},
    {Field::kProgress, {"办理情况", "主要工作进展", "落实情况", "办理落实情况", "工作进展"}},
    {Field::kNextSteps, {"下一步工作", "下步打算", "下一步打算"}},
    {Field::kGroup, {"分组", "方面", "类型"}},
    {Field::kSatisfaction, {"满意度", "代表满意度", "委员满意度"}},
    {Field::kReplied, {"答复日期", "答复时间"}},
    {Field::kReplyRef, {"答复文号", "文号"}},
    {Field::kNote, {"备注"}},
    {Field::kRelated, {"相关提案", "相关建议", "相关议案"}},
};

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char32_t c : utf8::decode(s))
        if (c != U' ' && c != U'\u3000' && c != U'\t' && c != U'\n') out += utf8::encode(c);
    return out;
}

std::string trimmed(const std::string& s) {
    std::u32string u = utf8::decode(s);
    auto blank = [](char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n' || c == U'\r'; };
    std::size_t a = 0, b = u.size();
    while (a < b && blank(u[a])) ++a;
    while (b > a && blank(u[b - 1])) --b;
    return utf8::encode(u.substr(a, b - a));
}

Field field_of(const std::string& header) {
    const std::string h = without_spaces(header);
    for (const auto& [field, names] : kColumns)
        if (std::find(names.begin(), names.end(), h) != names.end()) return field;
    return Field::kUnknown;
}

// A name as written, without the spaces that aligned it (杨　献 → 杨献).
std::string plain_name(const std::string& s) {
    std::u32string u = utf8::decode(trimmed(s)), out;
    for (std::size_t i = 0; i < u.size(); ++i) {
        const bool blank = u[i] == U'\u3000' || u[i] == U' ';
        const bool between_han = i > 0 && i + 1 < u.size() && u[i - 1] >= 0x3400 && u[i + 1] >= 0x3400;
        if (blank && (u[i] == U'\u3000' || between_han)) continue;
        out += u[i];
    }
    return utf8::encode(out);
}

// A cell of several names or bodies: split at 、，,；; and line breaks.
std::vector<std::string> list_of(const std::string& cell, bool names) {
    std::vector<std::string> out;
    std::u32string part;
    auto flush = [&] {
        std::string p = names ? plain_name(utf8::encode(part)) : trimmed(utf8::encode(part));
        if (!p.empty()) out.push_back(p);
        part.clear();
    };
    for (char32_t c : utf8::decode(cell)) {
        if (c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'\n') flush();
        else part += c;
    }
    flush();
    return out;
}

// YAML double-quoted scalar.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out + "\"";
}

void put_list(std::string& y, const char* key, const std::vector<std::string>& values, const std::string& indent) {
    if (values.empty()) return;
    y += indent + key + ": [";
    for (std::size_t i = 0; i < values.size(); ++i) y += (i ? ", " : "") + quoted(values[i]);
    y += "]\n";
}

// A `|` block: one line of the cell = one paragraph, blank lines dropped.
void put_block(std::string& y, const char* key, const std::string& cell, const std::string& indent) {
    std::vector<std::string> lines;
    std::string line;
    for (char c : cell + "\n") {
        if (c == '\n') {
            std::string t = trimmed(line);
            if (!t.empty()) lines.push_back(t);
            line.clear();
        } else {
            line += c;
        }
    }
    if (lines.empty()) return;
    // A paragraph that opens with a quote or a space would not survive a plain block line.
    y += indent + key + ": |\n";
    for (const auto& l : lines) y += indent + "  " + l + "\n";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::string line;
    for (char c : text + "\n") {
        if (c == '\n') {
            if (!trimmed(line).empty()) out.push_back(trimmed(line));
            line.clear();
        } else {
            line += c;
        }
    }
    return out;
}

// "下一步工作：一是…" -> next steps, "一是…"; kUnknown when the line opens
// with no field's label.
Field labelled_line(const std::string& line, std::string& rest) {
    const std::size_t colon = line.find("：");
    if (colon == std::string::npos || colon > 30) return Field::kUnknown;
    const Field f = field_of(line.substr(0, colon));
    if (f != Field::kUnknown) rest = trimmed(line.substr(colon + std::string("：").size()));
    return f;
}

// "关于…的建议（第12号）" -> 12 and "关于…的建议".
std::optional<std::pair<long, std::string>> trailing_number(const std::string& title) {
    const std::string close = "号）";
    if (title.size() < close.size() || title.compare(title.size() - close.size(), close.size(), close) != 0)
        return std::nullopt;
    const std::size_t open = title.rfind("（第");
    if (open == std::string::npos) return std::nullopt;
    const std::string digits = title.substr(open + std::string("（第").size(),
                                            title.size() - close.size() - open - std::string("（第").size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::pair{std::stol(digits), trimmed(title.substr(0, open))};
}

// Leaders, one a line or several to a line; a line in （） under a name is
// that leader's position (how the table layout prints them).
void put_leaders(std::string& y, const std::string& cell, const std::string& indent) {
    std::vector<std::pair<std::string, std::string>> leaders;  // name, position
    for (const std::string& line : lines_of(cell)) {
        std::u32string u = utf8::decode(line);
        if (u.size() > 2 && u.front() == U'（' && u.back() == U'）' && !leaders.empty() && leaders.back().second.empty()) {
            leaders.back().second = trimmed(utf8::encode(u.substr(1, u.size() - 2)));
            continue;
        }
        for (const std::string& name : list_of(line, true)) leaders.emplace_back(name, std::string());
    }
    if (leaders.empty()) return;
    const bool positions = std::any_of(leaders.begin(), leaders.end(), [](const auto& l) { return !l.second.empty(); });
    if (!positions) {
        std::vector<std::string> names;
        for (const auto& l : leaders) names.push_back(l.first);
        put_list(y, "leaders", names, indent);
        return;
    }
    y += indent + "leaders:\n";
    for (const auto& [name, position] : leaders) {
        y += indent + "  - {name: " + quoted(name);
        if (!position.empty()) y += ", position: " + quoted(position);
        y += "}\n";
    }
}

// "12", or with `ordinal` also "第12号", "12号", "（第12号）": 12 (at least 1).
std::optional<long> whole_number(const std::string& cell, bool ordinal) {
    std::string s = without_spaces(cell);
    auto strip = [&s](const std::string& prefix, const std::string& suffix) {
        if (s.size() >= prefix.size() + suffix.size() && s.rfind(prefix, 0) == 0 &&
            s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
            s = s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
    };
    if (ordinal) {
        strip("（", "）");
        strip("第", "号");
        strip("", "号");
    }
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const long n = std::stol(s);
    if (n < 1) return std::nullopt;
    return n;
}

// 2024-06-30, 2024/6/30, 2024.6.30 or 2024年6月30日 as an ISO date.
std::optional<std::string> iso_date(const std::string& cell) {
    std::vector<unsigned> parts;
    std::string digits;
    for (char32_t c : utf8::decode(cell) + U' ') {
        if (c >= U'0' && c <= U'9') {
            digits += static_cast<char>(c);
        } else {
            if (!digits.empty()) parts.push_back(static_cast<unsigned>(std::stoul(digits.substr(0, 9))));
            digits.clear();
            if (c != U'-' && c != U'/' && c != U'.' && c != U'年' && c != U'月' && c != U'日' && c != U' ') return std::nullopt;
        }
    }
    if (parts.size() != 3 || parts[0] < 1900 || parts[0] > 2999 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 ||
        parts[2] > 31)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(parts[0])), std::chrono::month(parts[1]),
                                          std::chrono::day(parts[2])};
    if (!ymd.ok()) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
}

// "A", "a", "A类": the class; anything more is not (it goes to the note).
std::optional<std::string> result_in(const std::string& cell) {
    std::string s = without_spaces(cell);
    if (s.size() > 1 && s.substr(1) == "类") s = s.substr(0, 1);
    if (s.size() != 1) return std::nullopt;
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (c < 'A' || c > 'D') return std::nullopt;
    return std::string(1, c);
}

}  // namespace

namespace {

// ** is the input's bold mark: a ledger's literal asterisks (张**, a masked
// name) are written full width. True when `s` had any.
bool without_bold_marks(std::string& s) {
    if (s.find("**") == std::string::npos) return false;
    std::string out;
    for (char ch : s) out += ch == '*' ? std::string("＊") : std::string(1, ch);
    s = out;
    return true;
}
constexpr const char* kBoldNote = "'*' written as '＊' ('**' would make the text bold)";

}  // namespace

std::optional<std::string> ledger_to_yaml(const std::vector<CsvRow>& rows, const std::string& title_hint,
                                          Diagnostics& diags, LedgerReport& report) {
    // The header: the first row with a title column and one other known column.
    std::size_t header = rows.size();
    for (std::size_t r = 0; r < rows.size() && header == rows.size(); ++r) {
        int known = 0;
        bool title = false;
        for (const auto& cell : rows[r].cells) {
            const Field f = field_of(cell);
            known += f != Field::kUnknown ? 1 : 0;
            title = title || f == Field::kTitle;
        }
        if (title && known >= 2) header = r;
    }
    if (header == rows.size()) {
        diags.error({1, 1}, "no header row with a title column (标题, 案由, 建议名称, 提案名称, 重点建议 or 重点提案) "
                            "and one other known column: the ledger's items cannot be told apart");
        return std::nullopt;
    }
    std::vector<Field> fields;
    std::vector<std::string> headers;
    for (const auto& cell : rows[header].cells) {
        fields.push_back(field_of(cell));
        headers.push_back(trimmed(cell));
        if (without_bold_marks(headers.back())) report.notes.push_back(fmt::format("the header: {}", kBoldNote));
    }
    for (std::size_t c = 0; c < fields.size(); ++c)
        if (fields[c] == Field::kUnknown && !headers[c].empty())
            report.notes.push_back(fmt::format("column '{}' is not one bulletin knows: its text is kept in each "
                                               "item's note",
                                               headers[c]));
    // A title above the header: the first cell with text there.
    std::string title = title_hint;
    for (std::size_t r = 0; r < header; ++r) {
        for (const auto& cell : rows[r].cells)
            if (!trimmed(cell).empty()) {
                title = trimmed(cell);
                if (without_bold_marks(title)) report.notes.push_back(fmt::format("the title: {}", kBoldNote));
                break;
            }
        if (title != title_hint) break;
    }

    struct Item {
        std::string yaml;
        std::string group;
    };
    std::vector<Item> items;
    std::string spanning_group;  // the last group row of a Word table
    std::set<long> numbers_used;  // 案号 are unique in a bulletin
    for (std::size_t r = header + 1; r < rows.size(); ++r) {
        CsvRow row = rows[r];
        for (std::string& c : row.cells)
            if (without_bold_marks(c)) report.notes.push_back(fmt::format("row {}: {}", r + 1, kBoldNote));
        if (row.spans_all) {
            spanning_group = trimmed(row.cells.empty() ? std::string() : row.cells[0]);
            continue;
        }
        std::map<Field, std::string> cell;  // the first column of each field (the others go to the note)
        std::map<Field, std::string> header_of;
        std::vector<std::string> note;
        // 相关提案：《…》（第1号） and the lines of its outcome under it.
        struct Related {
            std::string line, head;  // as written; after its label
            std::vector<std::string> outcome;
        };
        std::vector<Related> related;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const std::string text = trimmed(row.cells[c]);
            if (text.empty()) continue;
            const Field f = c < fields.size() ? fields[c] : Field::kUnknown;
            const std::string name = c < headers.size() && !headers[c].empty() ? headers[c] : fmt::format("第{}列", c + 1);
            if (f == Field::kUnknown || f == Field::kNote || cell.count(f)) {
                note.push_back(f == Field::kNote ? text : name + "：" + text);
                continue;
            }
            // Lines that open with another field's label (主要工作进展：, 下一步工作：,
            // 提出人： under a title) belong to that field, up to the next such line.
            Field current = f;
            for (const std::string& line : lines_of(text)) {
                std::string rest;
                const Field g = labelled_line(line, rest);
                if (g == Field::kRelated) {
                    related.push_back({line, rest, {}});
                    current = Field::kRelated;
                } else if (current == Field::kRelated && related.empty()) {
                    related.push_back({line, line, {}});  // a 相关提案 column: its first line is the title
                } else if (current == Field::kRelated && (g == Field::kUnknown || g == Field::kProgress)) {
                    related.back().outcome.push_back(g == Field::kUnknown ? line : rest);
                } else if (g != Field::kUnknown && g != Field::kTitle) {
                    current = g;
                    if (!header_of.count(g)) header_of[g] = name;
                    if (rest.empty()) continue;
                    cell[g] += (cell[g].empty() ? "" : "\n") + rest;
                } else {
                    cell[current] += (cell[current].empty() ? "" : "\n") + line;
                }
            }
            if (!header_of.count(f)) header_of[f] = name;
        }
        // A 备注： line inside another cell joins the note.
        if (auto it = cell.find(Field::kNote); it != cell.end()) {
            for (const std::string& l : lines_of(it->second)) note.push_back(l);
            cell.erase(it);
        }
        if (cell.empty() && note.empty()) continue;
        // A title that ends in its number: （第12号）.
        if (cell.count(Field::kTitle) && !cell.count(Field::kNumber)) {
            std::string& t = cell[Field::kTitle];
            const std::string first = lines_of(t).empty() ? t : lines_of(t).front();
            if (auto n = trailing_number(first); n && n->first >= 1 && n->first <= 1000000 &&
                                                  !n->second.empty() && !numbers_used.count(n->first)) {
                cell[Field::kNumber] = std::to_string(n->first);
                t = n->second + t.substr(first.size());
            }
        }
        if (!cell.count(Field::kTitle)) {
            diags.error({row.line, 1}, fmt::format("row {} has text but no title (column '{}')", r + 1,
                                                   headers[static_cast<std::size_t>(
                                                       std::find(fields.begin(), fields.end(), Field::kTitle) -
                                                       fields.begin())]));
            continue;
        }
        std::string y = "  - title: " + quoted(cell[Field::kTitle]) + fmt::format("   # row {}\n", r + 1);
        const std::string in = "    ";
        // A 序号 or 案号 the input can take (in range; a number once in the
        // bulletin) becomes its key; anything else stays, in the note.
        if (cell.count(Field::kSeq)) {
            if (auto n = whole_number(cell[Field::kSeq], false); n && *n <= 100000)
                y += in + "seq: " + std::to_string(*n) + "\n";
            else
                note.push_back(header_of[Field::kSeq] + "：" + cell[Field::kSeq]);
        }
        if (cell.count(Field::kNumber)) {
            if (auto n = whole_number(cell[Field::kNumber], true); n && *n <= 1000000 && numbers_used.insert(*n).second)
                y += in + "number: " + std::to_string(*n) + "\n";
            else
                note.push_back(header_of[Field::kNumber] + "：" + cell[Field::kNumber]);
        }
        put_list(y, "proposers", cell.count(Field::kProposers) ? list_of(cell[Field::kProposers], true) : std::vector<std::string>{}, in);
        put_list(y, "seconders", cell.count(Field::kSeconders) ? list_of(cell[Field::kSeconders], true) : std::vector<std::string>{}, in);
        if (cell.count(Field::kLeaders)) put_leaders(y, cell[Field::kLeaders], in);
        put_list(y, "supervisors", cell.count(Field::kSupervisors) ? list_of(cell[Field::kSupervisors], true) : std::vector<std::string>{}, in);
        put_list(y, "hosts", cell.count(Field::kHosts) ? list_of(cell[Field::kHosts], false) : std::vector<std::string>{}, in);
        put_list(y, "cohosts", cell.count(Field::kCohosts) ? list_of(cell[Field::kCohosts], false) : std::vector<std::string>{}, in);
        // A related line without a title cannot be a related item: its text stays, in the note.
        auto related_title = [](std::string t) {
            if (auto n = trailing_number(t)) t = n->second;
            std::u32string u = utf8::decode(trimmed(t));
            if (u.size() >= 2 && u.front() == U'《' && u.back() == U'》') u = u.substr(1, u.size() - 2);
            return trimmed(utf8::encode(u));
        };
        for (auto it = related.begin(); it != related.end();) {
            if (related_title(it->head).empty()) {
                std::string kept = it->line;
                for (const auto& l : it->outcome) kept += "；" + l;
                note.push_back(kept);
                it = related.erase(it);
            } else {
                ++it;
            }
        }
        if (!related.empty()) {
            y += in + "related:\n";
            for (const auto& [line, head, outcome] : related) {
                std::optional<long> number;
                if (auto n = trailing_number(head); n && n->first <= 1000000 && numbers_used.insert(n->first).second)
                    number = n->first;
                // Its number kept in the title when the bulletin has it already.
                std::string title_text = number ? related_title(head) : head;
                std::u32string u = utf8::decode(title_text);
                if (!number && u.size() > 2 && u.front() == U'《' && u.back() == U'》')
                    title_text = utf8::encode(u.substr(1, u.size() - 2));
                y += in + "  - {";
                if (number) y += "number: " + std::to_string(*number) + ", ";
                y += "title: " + quoted(title_text);
                if (!outcome.empty()) {
                    std::string joined;
                    for (const auto& l : outcome) joined += (joined.empty() ? "" : "\n") + l;
                    y += ", progress: " + quoted(joined);
                }
                y += "}\n";
            }
        }
        if (cell.count(Field::kResult)) {
            if (auto res = result_in(cell[Field::kResult])) y += in + "result: " + *res + "\n";
            else note.push_back(header_of[Field::kResult] + "：" + cell[Field::kResult]);
        }
        if (cell.count(Field::kSatisfaction)) {
            const std::string s = without_spaces(cell[Field::kSatisfaction]);
            if (s == "满意" || s == "基本满意" || s == "不满意") y += in + "satisfaction: " + s + "\n";
            else note.push_back(header_of[Field::kSatisfaction] + "：" + cell[Field::kSatisfaction]);
        }
        if (cell.count(Field::kReplied)) {
            if (auto d = iso_date(cell[Field::kReplied])) y += in + "replied: " + *d + "\n";
            else note.push_back(header_of[Field::kReplied] + "：" + cell[Field::kReplied]);
        }
        if (cell.count(Field::kReplyRef)) y += in + "reply_ref: " + quoted(cell[Field::kReplyRef]) + "\n";
        if (cell.count(Field::kProgress)) put_block(y, "progress", cell[Field::kProgress], in);
        if (cell.count(Field::kNextSteps)) put_block(y, "next_steps", cell[Field::kNextSteps], in);
        if (!note.empty()) {
            std::string joined;
            for (const auto& n : note) joined += (joined.empty() ? "" : "；") + n;
            y += in + "note: " + quoted(joined) + "\n";
        }
        items.push_back({y, cell.count(Field::kGroup) ? cell[Field::kGroup] : spanning_group});
    }
    if (!diags.ok()) return std::nullopt;
    if (items.empty()) {
        diags.error({rows[header].line, 1}, "the ledger has a header but no row under it");
        return std::nullopt;
    }

    std::string y = "# Made by `bulletin import` from a ledger: check it, add what the ledger does not say\n"
                    "# (subtitle, issuer, session, date), then `bulletin render` it.\n"
                    "bulletin:\n  title: " + quoted(title) + "\n";
    const bool grouped = std::any_of(items.begin(), items.end(), [](const Item& it) { return !it.group.empty(); });
    if (!grouped) {
        y += "items:\n";
        for (const auto& it : items) y += it.yaml;
    } else {
        // Groups in the order they first appear; an item without one joins the one before.
        std::vector<std::string> order;
        std::string current;
        std::map<std::string, std::string> body;
        for (const auto& it : items) {
            if (!it.group.empty()) current = it.group;
            if (!body.count(current)) order.push_back(current);
            body[current] += it.yaml;
        }
        y += "groups:\n";
        for (const auto& g : order) {
            // "第一方面重点建议　推进…": the generated label, then the title.
            std::string label, title_text = g.empty() ? std::string("其他") : g;
            const std::size_t gap = title_text.find("\u3000");
            if (title_text.rfind("第", 0) == 0 && gap != std::string::npos && title_text.find("方面") < gap) {
                label = trimmed(title_text.substr(0, gap));
                title_text = trimmed(title_text.substr(gap));
            }
            y += "  - title: " + quoted(title_text) + "\n";
            if (!label.empty()) y += "    label: " + quoted(label) + "\n";
            y += "    items:\n";
            // The group's items, two spaces deeper.
            std::string shifted;
            for (std::size_t i = 0, start = 0; i <= body[g].size(); ++i)
                if (i == body[g].size() || body[g][i] == '\n') {
                    if (i > start) shifted += "    " + body[g].substr(start, i - start) + "\n";
                    start = i + 1;
                }
            y += shifted;
        }
        report.groups = order.size();
    }
    report.items = items.size();
    return y;
}

}  // namespace bulletin
