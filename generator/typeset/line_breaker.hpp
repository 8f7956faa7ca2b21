// Breaks shaped pieces into lines: greedy filling with the Chinese rules —
// no closing punctuation at a line start, no opening one at a line end,
// resolved by pulling closing punctuation in (compressed to half width) or
// pushing a character out, never by overflowing — then full justification
// over the gaps between characters, the last line left unstretched.
#pragma once

#include <vector>

#include "layout/layout.hpp"
#include "typeset/shaper.hpp"

namespace bulletin {

struct SetLine {
    std::size_t begin = 0, end = 0;  // pieces shown on the line (edge spaces left out)
    std::vector<double> x;           // left edge of each shown piece, from the line start
    double natural_width = 0;        // before justification
    bool last = false;               // last line of the paragraph (or before a forced break)
};

// `first_width` is the measure of the first line (the measure less the
// first-line indent), `width` that of the others. May set trim_right of a
// line's last piece (line-end compression).
std::vector<SetLine> break_lines(std::vector<Piece>& pieces, double first_width, double width, Align align);

}  // namespace bulletin
