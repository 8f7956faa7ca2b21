// A ledger saved as CSV (what Excel writes): its cells, row by row.
//
// Contract: read_csv() takes the file's bytes as they are — UTF-8 with or
// without a byte-order mark, or GB18030/GBK (Chinese Excel's "CSV"), told
// apart by whether the bytes are valid UTF-8 — and returns the rows of
// RFC 4180: fields separated by commas, quoted with "…" (a "" inside is
// one "), a quoted field may hold commas and line breaks; CRLF or LF ends a
// row. Each row knows the line it starts on. Problems (an unterminated
// quote, a character YAML cannot carry) go to `diags` as FILE:LINE:COLUMN,
// and the result is then nullopt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace bulletin {

struct CsvRow {
    int line = 0;  // 1-based, where the row starts
    std::vector<std::string> cells;
    bool spans_all = false;  // one cell across the table (a Word table's group row)
};

std::optional<std::vector<CsvRow>> read_csv(std::string bytes, Diagnostics& diags);

}  // namespace bulletin
