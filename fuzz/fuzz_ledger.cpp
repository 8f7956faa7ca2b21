// fuzz_ledger: the bytes of a ledger through `bulletin import`'s readers —
// as a CSV, and, when they start like a zip, as an Excel workbook and as a
// Word table — then ledger_to_yaml. Whatever the bytes, no crash or hang;
// a reader that gives rows gives them with at least one cell each or none;
// and YAML that ledger_to_yaml returns must load (its contract).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.hpp"
#include "ledger/csv.hpp"
#include "ledger/docx_table.hpp"
#include "ledger/ledger.hpp"
#include "ledger/xlsx.hpp"
#include "model/load.hpp"

namespace {

void to_yaml(const std::optional<std::vector<bulletin::CsvRow>>& rows, bulletin::Diagnostics& diags) {
    fuzz::require(rows.has_value() == diags.ok(), "a reader refuses exactly when it reports a problem");
    if (!rows) return;
    bulletin::LedgerReport report;
    auto yaml = bulletin::ledger_to_yaml(*rows, "台账", diags, report);
    fuzz::require(yaml.has_value() == diags.ok(), "ledger_to_yaml: nullopt exactly when it reports a problem");
    if (!yaml) return;
    bulletin::Diagnostics check("out.yaml");
    auto b = bulletin::load_bulletin_text(*yaml, check);
    if (!b)
        for (const auto& d : check.list()) fuzz::diag_stream() << bulletin::format_diagnostic(d) << "\n";
    fuzz::require(b.has_value(), "ledger_to_yaml: the YAML it writes loads");
    fuzz::require(b->item_count() == report.items, "ledger_to_yaml: the items it counts are the items written");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        bulletin::Diagnostics d("ledger.csv");
        to_yaml(bulletin::read_csv(bytes, d), d);
    }
    if (bytes.rfind("PK", 0) == 0) {
        bulletin::Diagnostics x("ledger.xlsx");
        to_yaml(bulletin::read_xlsx(bytes, "", x), x);
        bulletin::Diagnostics w("ledger.docx");
        to_yaml(bulletin::read_docx_table(bytes, w), w);
    }
    return 0;
}
