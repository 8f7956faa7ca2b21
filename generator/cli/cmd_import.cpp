// bulletin import: a ledger (台账), an Excel workbook or a CSV → a bulletin YAML file that
// validates. The YAML is checked by the loader before it is written, and
// written all or nothing (support/output_set).
#include <cctype>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ledger/csv.hpp"
#include "ledger/docx_table.hpp"
#include "ledger/ledger.hpp"
#include "ledger/xlsx.hpp"
#include "model/load.hpp"
#include "support/input_file.hpp"
#include "support/output_set.hpp"

namespace bulletin::cli {

int run_import(const std::string& ledger, const std::string& output, const std::string& sheet) {
    std::string ext = std::filesystem::path(ledger).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".csv" && ext != ".xlsx" && ext != ".docx") {
        std::cerr << fmt::format("bulletin import: {}: a ledger is read from .xlsx, .csv or .docx (its first table); "
                                 "save it as one of them (Excel, WPS: 另存为 → Excel 工作簿 or CSV; Word: .docx)\n",
                                 ledger);
        return kUsageError;
    }
    if (!sheet.empty() && ext != ".xlsx") {
        std::cerr << "bulletin import: --sheet is for an .xlsx workbook\n";
        return kUsageError;
    }
    std::string error;
    auto bytes = read_input_file(ledger, kMaxBulletinBytes, error);
    if (!bytes) {
        std::cerr << fmt::format("{}: error: {}\n", ledger, error);
        return kInputError;
    }
    Diagnostics diags(ledger);
    auto rows = ext == ".xlsx"   ? read_xlsx(std::move(*bytes), sheet, diags)
                : ext == ".docx" ? read_docx_table(std::move(*bytes), diags)
                                 : read_csv(std::move(*bytes), diags);
    LedgerReport report;
    std::optional<std::string> yaml;
    if (rows) yaml = ledger_to_yaml(*rows, std::filesystem::path(ledger).stem().string(), diags, report);
    if (!yaml) {
        diags.print(std::cerr);
        return kInputError;
    }
    for (const auto& note : report.notes) std::cerr << fmt::format("{}: note: {}\n", ledger, note);
    // What import writes must load: a failure here is bulletin's own.
    Diagnostics check(output);
    if (!load_bulletin_text(*yaml, check, std::filesystem::path(output).parent_path().string())) {
        std::cerr << fmt::format("{}: error: the YAML made from it does not load (a bug in bulletin: please "
                                 "report it with this ledger):\n", ledger);
        check.print(std::cerr);
        return kInputError;
    }
    try {
        OutputSet outputs({ledger});
        ByteSink& sink = outputs.add(output);
        sink.write(*yaml);
        outputs.commit();
    } catch (const OutputError& e) {
        std::cerr << "bulletin import: " << e.what() << "\n";
        return kInputError;
    }
    std::cout << fmt::format("{}: {} items{}\n", output, report.items,
                             report.groups ? fmt::format(" in {} groups", report.groups) : std::string());
    return kOk;
}

}  // namespace bulletin::cli
