// "did you mean …?" for misspelt keys and names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulletin {

// Optimal-string-alignment distance (Levenshtein plus adjacent transposition).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (at most a third of the word's length, and at least 1 edit allowed).
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace bulletin
