// `bulletin.summary: auto`: the counts a bulletin publishes, from its items
// — how many, how they were handled (A/B/C/D), how satisfied the deputies
// or members were (满意率) — as one sentence after the lead.
#pragma once

#include <string>

#include "model/bulletin.hpp"

namespace bulletin {

// "共10件建议，其中A类6件、B类3件、C类1件；满意8件、基本满意2件，满意率100%。"
// Parts the items say nothing of are left out (no result: no split; an
// item without one is counted as 未分类). Related items are not counted.
// `kind`: 建议, 提案 or 议案 (may be empty).
std::string summary_text(const Bulletin& b, const std::string& kind);

}  // namespace bulletin
