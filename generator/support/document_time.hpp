// When a document says it was made: now, or SOURCE_DATE_EPOCH (seconds
// since 1970, UTC) for reproducible output — one reading for every writer.
//
// Contract: source_date_epoch_problem() says what is wrong with a set
// SOURCE_DATE_EPOCH (not a whole number, or outside 1970 … 9999), so the
// command line can refuse it before any work; document_time() then never
// returns a time outside that range.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace bulletin {

std::optional<std::string> source_date_epoch_problem();
std::time_t document_time();

}  // namespace bulletin
