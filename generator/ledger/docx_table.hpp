// A ledger kept as a Word table (.docx, also what WPS saves) — last year's
// bulletin laid out like seed 000: the first table of the document, a row
// per item under a header row, a row of one cell spanning the table for a
// group. What stands above the table is its title.
//
// Contract: read_docx_table() returns the text paragraphs before the first
// table as title rows (one cell each), then the table's rows: a cell's
// paragraphs joined by line breaks (w:br too), a spanning cell's row marked
// `spans_all`; or nullopt with the problem in `diags` (not a Word document,
// no table).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/csv.hpp"
#include "support/diagnostics.hpp"

namespace bulletin {

std::optional<std::vector<CsvRow>> read_docx_table(std::string bytes, Diagnostics& diags);

}  // namespace bulletin
