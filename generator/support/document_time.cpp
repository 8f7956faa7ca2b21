#include "support/document_time.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

namespace bulletin {

namespace {

constexpr long long kLatest = 253402300799;  // 9999-12-31T23:59:59Z: four-digit years in PDF and DOCX dates

// The value of SOURCE_DATE_EPOCH if it is set and well-formed.
std::optional<long long> read_epoch(std::string_view& raw) {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return std::nullopt;
    raw = env;
    long long value = -1;
    auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (ec != std::errc() || end != raw.data() + raw.size() || value < 0 || value > kLatest) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> source_date_epoch_problem() {
    std::string_view raw;
    if (read_epoch(raw) || raw.empty()) return std::nullopt;
    return fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (0 to {}), got '{}'",
                       kLatest, raw);
}

std::time_t document_time() {
    std::string_view raw;
    if (auto epoch = read_epoch(raw)) return static_cast<std::time_t>(*epoch);
    return std::time(nullptr);
}

}  // namespace bulletin
