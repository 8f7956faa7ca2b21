#include "ledger/csv.hpp"

#include "support/text_encoding.hpp"

namespace bulletin {

std::optional<std::vector<CsvRow>> read_csv(std::string bytes, Diagnostics& diags) {
    const Encoding encoding = invalid_utf8_at(bytes) == std::string::npos ? Encoding::kUtf8 : Encoding::kGb18030;
    auto text = decode_text(std::move(bytes), encoding, diags);
    if (!text) return std::nullopt;
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string field;
    bool quoted = false, in_quotes = false, row_has_content = false;
    int line = 1, column = 1, quote_line = 0, quote_column = 0;
    const std::string& s = *text;
    auto end_field = [&] {
        row.cells.push_back(std::move(field));
        field.clear();
        quoted = false;
    };
    auto end_row = [&] {
        end_field();
        if (row_has_content) rows.push_back(std::move(row));
        row = CsvRow{line, {}};
        row_has_content = false;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                field += '"';
                ++i;
                column += 2;
                continue;
            }
            if (c == '"') {
                in_quotes = false;
            } else {
                if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;  // CRLF inside a cell: a line break
                field += c == '\r' ? '\n' : c;
            }
            if (c == '\n' || c == '\r') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
            continue;
        }
        if (c == '"' && field.empty() && !quoted) {
            in_quotes = quoted = row_has_content = true;
            quote_line = line;
            quote_column = column++;
            continue;
        }
        if (c == ',') {
            end_field();
            ++column;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            ++line;
            column = 1;
            end_row();
            continue;
        }
        field += c;
        if (c != ' ' && c != '\t') row_has_content = true;
        ++column;
    }
    if (in_quotes) {
        diags.error({quote_line, quote_column}, "a quoted cell is never closed: a \" is missing");
        return std::nullopt;
    }
    end_row();
    return rows;
}

}  // namespace bulletin
