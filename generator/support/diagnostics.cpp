#include "support/diagnostics.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

namespace bulletin {

std::string format_diagnostic(const Diagnostic& d) {
    if (!d.pos.known()) return fmt::format("{}: error: {}", d.file, d.message);
    return fmt::format("{}:{}:{}: error: {}", d.file, d.pos.line, d.pos.column, d.message);
}

void Diagnostics::error(SourcePos pos, std::string message) {
    if (full()) return;
    // The same problem found twice (a style read for each style based on
    // it) is reported once.
    if (!seen_.insert(fmt::format("{}:{}:{}", pos.line, pos.column, message)).second) return;
    list_.push_back({file_, pos, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    auto out = list_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
    if (full()) out.push_back({file_, {}, fmt::format("more than {} problems: fix these first", kMaxDiagnostics)});
    return out;
}

void Diagnostics::print(std::ostream& out) const {
    for (const auto& d : sorted()) out << format_diagnostic(d) << '\n';
}

static std::string first_message(const std::vector<Diagnostic>& ds) {
    return ds.empty() ? std::string("input error") : format_diagnostic(ds.front());
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace bulletin
