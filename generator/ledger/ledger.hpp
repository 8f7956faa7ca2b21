// A ledger (台账: one row per suggestion or proposal, under a header row)
// as a bulletin YAML file.
//
// Columns are recognised by their header in the spellings offices use
// (案号, 案由, 领衔代表, 附议人, 主办单位, 满意度, 答复日期 …: see kColumns in
// ledger.cpp). A column not recognised is named in `notes` and its text
// kept in each item's `note`; so is a value its key cannot take (a 满意度
// other than 满意/基本满意/不满意, a date that is not one). Nothing in a cell
// is dropped.
//
// Contract: ledger_to_yaml() returns YAML text that `bulletin validate`
// accepts (every value quoted, lists split at 、，；, paragraphs as block
// lines), or nullopt with the problems in `diags`: no header row with a
// title column, a row with text but no title. `title_hint` titles the
// bulletin when the ledger has no title row above its header.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/csv.hpp"
#include "support/diagnostics.hpp"

namespace bulletin {

struct LedgerReport {
    std::vector<std::string> notes;  // what the user should hear (columns kept as notes …)
    std::size_t items = 0, groups = 0;
};

std::optional<std::string> ledger_to_yaml(const std::vector<CsvRow>& rows, const std::string& title_hint,
                                          Diagnostics& diags, LedgerReport& report);

}  // namespace bulletin
