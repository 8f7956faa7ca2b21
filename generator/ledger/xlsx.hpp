// A ledger kept as an Excel workbook (.xlsx, also what WPS saves): one
// sheet's cells, row by row, as read_csv() gives a CSV's.
//
// Contract: read_xlsx() reads the sheet named `sheet` (empty: the first),
// with shared and inline strings (rich text joined), numbers as written
// (the shortest form that reads back), dates (cells in a date format, in
// the 1900 or 1904 system) as YYYY-MM-DD, booleans as TRUE/FALSE, line
// breaks inside cells kept; a merged range's text is its top-left cell's.
// Each row's `line` is its row number. Problems go to `diags` (a damaged
// package, no such sheet — naming the sheets there are) and the result is
// then nullopt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/csv.hpp"
#include "support/diagnostics.hpp"

namespace bulletin {

std::optional<std::vector<CsvRow>> read_xlsx(std::string bytes, const std::string& sheet, Diagnostics& diags);

}  // namespace bulletin
