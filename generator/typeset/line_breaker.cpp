#include "typeset/line_breaker.hpp"

#include <algorithm>

namespace bulletin {

namespace {

constexpr double kEpsilon = 1e-6;

// Positions the shown pieces of [begin, end) within `measure`.
SetLine place(const std::vector<Piece>& pieces, std::size_t begin, std::size_t end, double measure, Align align,
              bool last) {
    SetLine line;
    line.last = last;
    // Spaces at either edge of a line are not shown.
    while (begin < end && pieces[begin].is_space) ++begin;
    while (end > begin && pieces[end - 1].is_space) --end;
    line.begin = begin;
    line.end = end;
    double natural = 0;
    std::size_t gaps = 0;
    for (std::size_t i = begin; i < end; ++i) {
        natural += pieces[i].width() + (i > begin ? pieces[i].autospace : 0);
        if (i > begin && pieces[i].glue_before) ++gaps;
    }
    line.natural_width = natural;
    double extra = measure - natural;
    double per_gap = 0, offset = 0;
    if (align == Align::kJustify && !last && gaps > 0 && extra > 0) {
        // Gaps wider than an em look like holes; beyond that the line stays ragged.
        per_gap = std::min(extra / static_cast<double>(gaps), pieces[begin].size);
    } else if (align == Align::kCenter && extra > 0) {
        offset = extra / 2;
    } else if (align == Align::kRight && extra > 0) {
        offset = extra;
    }
    double x = offset;
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin && pieces[i].glue_before) x += per_gap;
        if (i > begin) x += pieces[i].autospace;
        line.x.push_back(x);
        x += pieces[i].width();
    }
    return line;
}

// A justified paragraph does not end on a line of one character (地。):
// the break before it moves back one opportunity, if the line above keeps
// at least four pieces and did not end on punctuation pulled in at half width.
void avoid_runt(std::vector<Piece>& pieces, std::vector<SetLine>& lines, double first_width, double width) {
    if (lines.size() < 2) return;
    SetLine& last = lines.back();
    SetLine& above = lines[lines.size() - 2];
    if (above.last || last.begin >= last.end) return;  // a forced break, or nothing shown
    std::size_t letters = 0;
    for (std::size_t k = last.begin; k < last.end; ++k) letters += pieces[k].no_line_start ? 0 : 1;
    if (letters > 1) return;
    if (above.end == 0 || pieces[above.end - 1].trim_right > 0) return;
    for (std::size_t k = above.end - 1; k >= above.begin + 4; --k) {
        if (!pieces[k].break_before) continue;
        const double above_measure = lines.size() == 2 ? first_width : width;
        const std::size_t end = pieces.size();
        std::size_t begin = above.begin;
        above = place(pieces, begin, k, above_measure, Align::kJustify, false);
        last = place(pieces, k, end, width, Align::kJustify, true);
        return;
    }
}

}  // namespace

std::vector<SetLine> break_lines(std::vector<Piece>& pieces, double first_width, double width, Align align) {
    std::vector<SetLine> lines;
    const std::size_t n = pieces.size();
    std::size_t i = 0;
    while (i < n) {
        double measure = lines.empty() ? first_width : width;
        while (!lines.empty() && i < n && pieces[i].is_space) ++i;  // a line does not start with a space
        if (i >= n) break;

        // Fill while the pieces fit.
        std::size_t j = i;
        double used = 0;
        bool forced = false;
        while (j < n) {
            if (pieces[j].forced_break) {
                ++j;
                forced = true;
                break;
            }
            double w = pieces[j].width() + (j > i ? pieces[j].autospace : 0);
            bool trailing_space = pieces[j].is_space;
            if (!trailing_space && used + w > measure + kEpsilon && j > i) break;
            used += w;
            ++j;
        }
        if (forced || j >= n) {
            lines.push_back(place(pieces, i, j, measure, align, true));
            i = j;
            continue;
        }

        // Piece j does not fit. Closing punctuation that may not start the
        // next line is pulled in if compressing it to half width makes room.
        std::size_t end = 0;
        if (pieces[j].no_line_start && pieces[j].trim_right_max > 0) {
            double squeezed =
                used + pieces[j].autospace + pieces[j].advance - pieces[j].trim_left - pieces[j].trim_right_max;
            bool next_can_start = j + 1 >= n || pieces[j + 1].break_before;
            if (squeezed <= measure + kEpsilon && next_can_start) {
                pieces[j].trim_right = pieces[j].trim_right_max;
                end = j + 1;
            }
        }
        if (end == 0) {
            // Otherwise push out: break before the last piece that may begin a line.
            for (std::size_t k = j; k > i; --k)
                if (pieces[k].break_before) {
                    end = k;
                    break;
                }
            // No break opportunity at all (an overlong Latin word or number):
            // break where it fills the line rather than overflow the margin.
            if (end == 0) end = j > i ? j : i + 1;
        }
        lines.push_back(place(pieces, i, end, measure, align, false));
        i = end;
    }
    if (align == Align::kJustify) avoid_runt(pieces, lines, first_width, width);
    return lines;
}

}  // namespace bulletin
