#include "ledger/xlsx.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "support/zip_reader.hpp"

namespace bulletin {

namespace {

// The text of <t> elements under `node` (a shared string's runs), skipping
// phonetic guides (<rPh>).
std::string text_of(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        const std::string name = child.name();
        if (name == "t") out += child.text().get();
        else if (name == "r") out += text_of(child);
    }
    return out;
}

// Built-in number formats that are dates (ECMA-376 18.8.30, and the CJK
// ones Chinese Excel uses).
bool builtin_date(int id) { return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58); }

// A custom format is a date when it has y, m or d outside quotes and brackets.
bool custom_date(const std::string& code) {
    bool quoted = false, bracket = false;
    for (char c : code) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '[') bracket = true;
        else if (!quoted && c == ']') bracket = false;
        else if (!quoted && !bracket && (c == 'y' || c == 'd' || c == 'Y' || c == 'D')) return true;
    }
    return false;
}

std::string iso_from_serial(double serial, bool date1904) {
    using namespace std::chrono;
    const long days = static_cast<long>(std::floor(serial));
    // 1900 system: day 1 is 1900-01-01, and Excel counts a 1900-02-29 that never was.
    sys_days base = date1904 ? sys_days(year(1904) / 1 / 1) : sys_days(year(1899) / 12 / (days >= 61 ? 30 : 31));
    const year_month_day ymd{base + std::chrono::days(days)};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string number_text(const std::string& v) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0' || !std::isfinite(d)) return v;
    for (int precision = 1; precision <= 17; ++precision) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) return buf;
    }
    return v;
}

// "BC12" -> 54 (0-based column); -1 when not a reference.
long column_of(const std::string& ref) {
    long col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
    return i == 0 || col > 16384 ? -1 : col - 1;
}

std::string resolved(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
}

}  // namespace

std::optional<std::vector<CsvRow>> read_xlsx(std::string bytes, const std::string& sheet, Diagnostics& diags) {
    std::string error;
    auto zip = ZipReader::open(std::move(bytes), error);
    if (!zip) {
        diags.error({}, error);
        return std::nullopt;
    }
    std::map<std::string, pugi::xml_document> docs;  // the parts read, by name
    auto part = [&](const std::string& name, bool required) -> std::optional<pugi::xml_document*> {
        if (!zip->has(name)) {
            if (required) diags.error({}, fmt::format("is not an Excel workbook: it has no {}", name));
            return std::nullopt;
        }
        auto xml = zip->read(name, error);
        if (!xml) {
            diags.error({}, error);
            return std::nullopt;
        }
        pugi::xml_document& doc = docs[name];
        if (!doc.load_buffer(xml->data(), xml->size())) {
            diags.error({}, fmt::format("is damaged: {} is not well-formed XML", name));
            return std::nullopt;
        }
        return &doc;
    };
    auto workbook = part("xl/workbook.xml", true);
    if (!workbook) return std::nullopt;
    auto rels = part("xl/_rels/workbook.xml.rels", true);
    if (!rels) return std::nullopt;
    pugi::xml_node wb = (*workbook)->child("workbook");
    const bool date1904 = std::string(wb.child("workbookPr").attribute("date1904").value()) == "1" ||
                          std::string(wb.child("workbookPr").attribute("date1904").value()) == "true";
    std::map<std::string, std::string> targets;
    for (pugi::xml_node r : (*rels)->child("Relationships").children("Relationship"))
        targets[r.attribute("Id").value()] = r.attribute("Target").value();
    std::string chosen, names;
    for (pugi::xml_node s : wb.child("sheets").children("sheet")) {
        const std::string name = s.attribute("name").value();
        names += (names.empty() ? "" : ", ") + name;
        if (chosen.empty() && (sheet.empty() || name == sheet)) chosen = targets[s.attribute("r:id").value()];
    }
    if (chosen.empty()) {
        diags.error({}, sheet.empty() ? std::string("has no sheet")
                                      : fmt::format("has no sheet named '{}' (its sheets: {})", sheet, names));
        return std::nullopt;
    }
    std::vector<std::string> shared;
    if (auto ss = part("xl/sharedStrings.xml", false))
        for (pugi::xml_node si : (*ss)->child("sst").children("si")) shared.push_back(text_of(si));
    else if (!diags.ok())
        return std::nullopt;
    std::vector<bool> date_style;  // by cellXfs index
    if (auto styles = part("xl/styles.xml", false)) {
        std::set<int> custom;
        pugi::xml_node ss = (*styles)->child("styleSheet");
        for (pugi::xml_node f : ss.child("numFmts").children("numFmt"))
            if (custom_date(f.attribute("formatCode").value())) custom.insert(f.attribute("numFmtId").as_int());
        for (pugi::xml_node xf : ss.child("cellXfs").children("xf")) {
            const int id = xf.attribute("numFmtId").as_int();
            date_style.push_back(builtin_date(id) || custom.count(id) > 0);
        }
    } else if (!diags.ok()) {
        return std::nullopt;
    }
    auto sheet_doc = part(resolved(chosen), true);
    if (!sheet_doc) return std::nullopt;
    std::vector<CsvRow> rows;
    for (pugi::xml_node row : (*sheet_doc)->child("worksheet").child("sheetData").children("row")) {
        CsvRow out;
        out.line = row.attribute("r").as_int(static_cast<int>(rows.size()) + 1);
        long next = 0;
        bool any = false;
        for (pugi::xml_node c : row.children("c")) {
            long col = c.attribute("r") ? column_of(c.attribute("r").value()) : next;
            if (col < 0) col = next;
            const std::string type = c.attribute("t").value();
            const std::string v = c.child("v").text().get();
            std::string text;
            if (type == "s") {
                const auto k = static_cast<std::size_t>(std::strtoul(v.c_str(), nullptr, 10));
                if (!v.empty() && k < shared.size()) text = shared[k];
            } else if (type == "inlineStr") {
                text = text_of(c.child("is"));
            } else if (type == "b") {
                text = v == "1" ? "TRUE" : "FALSE";
            } else if (type == "str" || type == "e") {
                text = v;
            } else if (!v.empty()) {
                const auto s = static_cast<std::size_t>(c.attribute("s").as_uint());
                text = s < date_style.size() && date_style[s] ? iso_from_serial(std::strtod(v.c_str(), nullptr), date1904)
                                                             : number_text(v);
            }
            if (static_cast<std::size_t>(col) >= out.cells.size()) out.cells.resize(static_cast<std::size_t>(col) + 1);
            out.cells[static_cast<std::size_t>(col)] = text;
            any = any || !text.empty();
            next = col + 1;
        }
        if (any) rows.push_back(std::move(out));
    }
    return rows;
}

}  // namespace bulletin
