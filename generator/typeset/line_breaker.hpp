// Breaks shaped pieces into lines under the Chinese rules — no closing
// punctuation at a line start, no opening one at a line end, numbers with
// their units, Latin words whole — never overflowing the measure.
//
// Justified text is broken as a whole paragraph (total fit): of every
// sequence of allowed breaks, the one whose lines are most even, the gaps
// justification opens between characters weighed by their cube; the
// blank half of a closing mark ending a line is the shrink taken first
// (that is pulling a mark in), an earlier break the way to push one out; a last line of one character
// costs more than two lines opened to 0.4 em. Then full justification over
// the gaps between characters, the last line left unstretched. Ragged text
// (left, centred, right) fills each line as far as it goes.
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
// line's last piece (line-end compression). With
// `uneven` kRagged, justified text whose best breaking still leaves a loose
// line (a gap of 0.2 em or more) is set flush left instead.
std::vector<SetLine> break_lines(std::vector<Piece>& pieces, double first_width, double width, Align align,
                                 Uneven uneven = Uneven::kStretch);

}  // namespace bulletin
