#include "ledger/ledger.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "support/utf8.hpp"

namespace bulletin {

namespace {

enum class Field {
    kSeq, kNumber, kTitle, kProposers, kSeconders, kLeaders, kSupervisors, kHosts, kCohosts, kResult,
    kProgress, kNextSteps, kGroup, kSatisfaction, kReplied, kReplyRef, kNote, kUnknown
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

std::optional<long> number_in(const std::string& cell) {
    std::string digits;
    for (char c : cell) {
        if (c >= '0' && c <= '9') digits += c;
        else if (!digits.empty()) break;
    }
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    return std::stol(digits);
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

std::optional<std::string> result_in(const std::string& cell) {
    for (char c : cell)
        if (c == 'A' || c == 'B' || c == 'C' || c == 'D') return std::string(1, c);
        else if (c == 'a' || c == 'b' || c == 'c' || c == 'd') return std::string(1, static_cast<char>(c - 32));
    return std::nullopt;
}

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
                break;
            }
        if (title != title_hint) break;
    }

    struct Item {
        std::string yaml;
        std::string group;
    };
    std::vector<Item> items;
    for (std::size_t r = header + 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        std::map<Field, std::string> cell;  // the first column of each field (the others go to the note)
        std::map<Field, std::string> header_of;
        std::vector<std::string> note;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const std::string text = trimmed(row.cells[c]);
            if (text.empty()) continue;
            const Field f = c < fields.size() ? fields[c] : Field::kUnknown;
            const std::string name = c < headers.size() && !headers[c].empty() ? headers[c] : fmt::format("第{}列", c + 1);
            if (f == Field::kUnknown || f == Field::kNote || cell.count(f)) {
                note.push_back(f == Field::kNote ? text : name + "：" + text);
                continue;
            }
            cell[f] = text;
            header_of[f] = name;
        }
        if (cell.empty() && note.empty()) continue;
        if (!cell.count(Field::kTitle)) {
            diags.error({row.line, 1}, fmt::format("row {} has text but no title (column '{}')", r + 1,
                                                   headers[static_cast<std::size_t>(
                                                       std::find(fields.begin(), fields.end(), Field::kTitle) -
                                                       fields.begin())]));
            continue;
        }
        std::string y = "  - title: " + quoted(cell[Field::kTitle]) + fmt::format("   # row {}\n", r + 1);
        const std::string in = "    ";
        if (cell.count(Field::kSeq)) {
            if (auto n = number_in(cell[Field::kSeq]); n && std::to_string(*n) == cell[Field::kSeq])
                y += in + "seq: " + std::to_string(*n) + "\n";
            else
                note.push_back(header_of[Field::kSeq] + "：" + cell[Field::kSeq]);
        }
        if (cell.count(Field::kNumber)) {
            if (auto n = number_in(cell[Field::kNumber])) y += in + "number: " + std::to_string(*n) + "\n";
            else note.push_back(header_of[Field::kNumber] + "：" + cell[Field::kNumber]);
        }
        put_list(y, "proposers", cell.count(Field::kProposers) ? list_of(cell[Field::kProposers], true) : std::vector<std::string>{}, in);
        put_list(y, "seconders", cell.count(Field::kSeconders) ? list_of(cell[Field::kSeconders], true) : std::vector<std::string>{}, in);
        put_list(y, "leaders", cell.count(Field::kLeaders) ? list_of(cell[Field::kLeaders], true) : std::vector<std::string>{}, in);
        put_list(y, "supervisors", cell.count(Field::kSupervisors) ? list_of(cell[Field::kSupervisors], true) : std::vector<std::string>{}, in);
        put_list(y, "hosts", cell.count(Field::kHosts) ? list_of(cell[Field::kHosts], false) : std::vector<std::string>{}, in);
        put_list(y, "cohosts", cell.count(Field::kCohosts) ? list_of(cell[Field::kCohosts], false) : std::vector<std::string>{}, in);
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
        items.push_back({y, cell.count(Field::kGroup) ? cell[Field::kGroup] : std::string()});
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
            y += "  - title: " + quoted(g.empty() ? std::string("其他") : g) + "\n    items:\n";
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
