#include "typeset/line_breaker.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bulletin {

namespace {

constexpr double kEpsilon = 1e-6;

// A letter of a last line: not a blank, not punctuation (…… counts as none).
bool counts_as_letter(const Piece& p) { return !p.is_space && !p.no_line_start && p.trim_left_max == 0; }

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

// A ragged paragraph does not end on a line of one character (地。): the
// break before it moves back one opportunity, if the line above keeps at
// least four pieces and did not end on punctuation pulled in at half width.
void avoid_runt(std::vector<Piece>& pieces, std::vector<SetLine>& lines, double first_width, double width) {
    if (lines.size() < 2) return;
    SetLine& last = lines.back();
    SetLine& above = lines[lines.size() - 2];
    if (above.last || last.begin >= last.end) return;  // a forced break, or nothing shown
    std::size_t letters = 0;
    for (std::size_t k = last.begin; k < last.end; ++k) letters += counts_as_letter(pieces[k]) ? 1 : 0;
    if (letters > 1 || above.end == 0 || pieces[above.end - 1].trim_right > 0) return;
    for (std::size_t k = above.end - 1; k >= above.begin + 4; --k) {
        if (!pieces[k].break_before) continue;
        const double above_measure = lines.size() == 2 ? first_width : width;
        const std::size_t begin = above.begin, end = pieces.size();
        above = place(pieces, begin, k, above_measure, Align::kLeft, false);
        last = place(pieces, k, end, width, Align::kLeft, true);
        return;
    }
}

// Ragged text (headlines, left-aligned titles): each line filled as far as
// it goes.
std::vector<SetLine> fill_lines(std::vector<Piece>& pieces, double first_width, double width, Align align) {
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
    return lines;
}

// ------------------------------------------------------------ total fit

// What a justified line is judged by (cf. Knuth and Plass, "Breaking
// paragraphs into lines", 1981, adapted as clreq and JLREQ describe Chinese
// and Japanese justification): the gap justification opens between two
// characters, in em. At kLooseGap a line counts as loose; badness grows
// with the cube of the gap, so one line opened twice as much costs eight
// times as much, and a paragraph of even lines beats one with a hole.
constexpr double kLooseGap = 0.2;
// A line that cannot be justified at all (nothing to widen, or gaps beyond
// an em): kept only where nothing else fits.
constexpr double kRaggedBadness = 10000;
// Line-end compression (closing punctuation set half width) is the shrink
// taken first: nearly free.
constexpr double kCompressedBadness = 1;
// Then the blank halves of the other full-width marks of the line and the
// quarter ems between Han and Latin (JLREQ 3.8.3's reduction, shared evenly
// among them): as bad as a loose line, so it is taken only where the
// alternative is one.
constexpr double kReducedBadness = 100;
// A last line of one character (地。, 会……): worse than two lines opened
// to 0.4 em.
constexpr double kRuntDemerits = 5e5;
// A break inside a web or e-mail address: taken rather than a line opened
// to a quarter em, so an address that fits a line is moved to it whole.
constexpr double kAddressBreakDemerits = 5e4;
// Lines shorter than this share of the measure, or more than kShortBy ems
// short in a wide measure, are judged only where nothing longer fits: their
// gaps would be wide enough to lose to any line that fills its measure.
constexpr double kShortLine = 0.75;
constexpr double kShortBy = 4;
// A line that breaks where no rule allows (an overlong word or number),
// because no allowed break fits at all.
constexpr double kForcedDemerits = 1e12;

struct LineFit {
    bool fits = false;  // not wider than the measure, compressed if need be
    double trim_end = 0;  // how much of the closing mark ending it is cut (up to its blank half)
    double reduce = 0;    // the share of the other marks' blank halves cut (0 … 1)
    bool loose = false;   // not the last line, and gaps of kLooseGap or more
    double demerits = 0;
};

bool full_width_mark(const Piece& p) { return p.trim_right_max > 0 || p.trim_left_max > 0; }

// The blank halves the full-width mark pieces[i] inside a line can still
// give: none if it is one of a pair, which shaping set to 1.5 em already.
double reducible(const std::vector<Piece>& pieces, std::size_t i) {
    const Piece& p = pieces[i];
    if (full_width_mark(pieces[i - 1]) || full_width_mark(pieces[i + 1])) return 0;
    return (p.trim_right_max - p.trim_right) + (p.trim_left_max - p.trim_left);
}

// What a line's shown pieces add up to (edge blanks left out), gathered
// piece by piece as the line grows.
struct LineSums {
    std::size_t first = 0, last = 0;  // the first and last shown piece
    bool empty = true;                // blanks only
    double natural = 0;               // width as shaped
    double inner = 0;                 // what the marks and Han-Latin spaces inside it can give
    std::size_t gaps = 0, letters = 0;
};

// How well a line with `sums` fills `measure` as one line of a justified
// paragraph (`last`: the paragraph's, or a forced break's, last line).
LineFit judge(const std::vector<Piece>& pieces, const LineSums& sums, double measure, bool last, bool only_line) {
    LineFit fit;
    if (sums.empty) {
        fit.fits = true;
        return fit;
    }
    // The shrink: the blank half of a closing mark ending the line, then
    // those of the marks inside it. (An opening mark starting the line
    // keeps its width: set half width it would stand out of the text's
    // left edge.)
    const Piece& tail = pieces[sums.last];
    const double shrink = tail.no_line_start ? tail.trim_right_max - tail.trim_right : 0;
    const double over = sums.natural - measure;
    if (over > shrink + sums.inner + kEpsilon) return fit;  // overfull
    fit.fits = true;
    double badness = 0;
    if (over > shrink + kEpsilon) {
        fit.trim_end = shrink;
        fit.reduce = (over - shrink) / sums.inner;
        badness = kReducedBadness;
    } else if (over > kEpsilon) {
        fit.trim_end = over;
        badness = kCompressedBadness;
    } else if (!last) {
        const double extra = -over;
        const double em = pieces[sums.first].size;
        if (extra > kEpsilon) {
            // One division: every candidate line of every paragraph comes here.
            const double gap = sums.gaps > 0 ? extra / (static_cast<double>(sums.gaps) * em) : 0;
            const double r = gap * (1 / kLooseGap);
            badness = sums.gaps == 0 || gap > 1 ? kRaggedBadness : 100 * r * r * r;
            fit.loose = sums.gaps == 0 || gap >= kLooseGap;
        }
    }
    fit.demerits = (1 + badness) * (1 + badness);
    if (last && !only_line && sums.letters <= 1) fit.demerits += kRuntDemerits;
    return fit;
}

// Running sums over the pieces of a paragraph (or its part up to a forced
// break), so that what any line adds up to is a few lookups: the programme
// below tries a dozen lines from every start, and a bulletin has hundreds
// of thousands of starts.
class Prefix {
public:
    Prefix(const std::vector<Piece>& pieces, std::size_t start, std::size_t stop) : start_(start) {
        const std::size_t n = stop - start;
        width_.assign(n + 1, 0), autospace_.assign(n + 1, 0), inner_.assign(n + 1, 0);
        gaps_.assign(n + 1, 0), letters_.assign(n + 1, 0);
        next_shown_.assign(n + 1, stop), prev_shown_.assign(n + 1, kNone);
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = start + k;
            const Piece& p = pieces[i];
            width_[k + 1] = width_[k] + p.width() + p.autospace;
            autospace_[k + 1] = autospace_[k] + p.autospace;
            inner_[k + 1] = inner_[k] + (i > 0 && i + 1 < pieces.size() ? reducible(pieces, i) : 0);
            gaps_[k + 1] = gaps_[k] + (p.glue_before ? 1 : 0);
            letters_[k + 1] = letters_[k] + (counts_as_letter(p) ? 1 : 0);
            prev_shown_[k + 1] = p.is_space ? prev_shown_[k] : i;
        }
        for (std::size_t k = n; k-- > 0;) next_shown_[k] = pieces[start + k].is_space ? next_shown_[k + 1] : start + k;
        pieces_ = &pieces;
    }

    // The line of pieces [a, e), edge blanks left out.
    LineSums line(std::size_t a, std::size_t e) const {
        LineSums s;
        const std::size_t first = next_shown_[a - start_];
        const std::size_t last = prev_shown_[e - start_];
        if (first >= e || last == kNone || last < first) return s;
        const std::size_t f = first - start_, l = last - start_;
        s.empty = false;
        s.first = first;
        s.last = last;
        // The first piece's own quarter em is not set: a line starts flush.
        s.natural = width_[l + 1] - width_[f] - (*pieces_)[first].autospace;
        s.gaps = gaps_[l + 1] - gaps_[f + 1];
        s.letters = letters_[l + 1] - letters_[f];
        s.inner = (l > f ? inner_[l] - inner_[f + 1] : 0) + (autospace_[l + 1] - autospace_[f + 1]);
        return s;
    }

    std::size_t first_shown(std::size_t a) const { return next_shown_[a - start_]; }

    // The first end e after a whose line [a, e) is at least `width` wide.
    std::size_t first_end_reaching(std::size_t a, double width) const {
        const std::size_t f = next_shown_[a - start_] - start_;
        if (f >= width_.size() - 1) return start_ + width_.size() - 1;
        const auto it = std::lower_bound(width_.begin() + static_cast<std::ptrdiff_t>(f), width_.end(),
                                         width_[f] + width);
        return start_ + static_cast<std::size_t>(it - width_.begin());
    }

private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t start_;
    const std::vector<Piece>* pieces_ = nullptr;
    // By position from start (k: the pieces before start + k).
    std::vector<double> width_, autospace_, inner_;
    std::vector<std::uint32_t> gaps_, letters_;
    std::vector<std::size_t> next_shown_;  // the first piece at or after it that is not a blank
    std::vector<std::size_t> prev_shown_;  // the last piece before it that is not a blank
};

// Pieces [start, stop) — a paragraph, or its part up to a forced break —
// broken where the sum of the lines' demerits is least, over every
// sequence of allowed breaks (dynamic programming over the break
// opportunities; a line holds a few dozen pieces, so each start tries
// that many ends).
// True when a line of it is loose all the same.
bool total_fit(std::vector<Piece>& pieces, std::size_t start, std::size_t stop, double first_measure,
               double measure, std::vector<SetLine>& lines) {
    // best[k]: least demerits of the lines before position start + k, and where the last began.
    const std::size_t n = stop - start;
    std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> from(n + 1, 0);
    std::vector<LineFit> chosen(n + 1);  // the line that ends at each position on the best path
    best[0] = 0;
    const Prefix sums(pieces, start, stop);
    double widest = 0;
    for (std::size_t i = start; i < stop; ++i) widest = std::max(widest, pieces[i].size);
    auto allowed = [&](std::size_t e) { return e == stop || pieces[e].break_before; };
    auto offer = [&](std::size_t ka, std::size_t e, const LineFit& fit) {
        const double total = best[ka] + fit.demerits;
        if (total < best[e - start]) {
            best[e - start] = total;
            from[e - start] = ka;
            chosen[e - start] = fit;
        }
    };
    for (std::size_t a = start; a < stop; ++a) {
        const std::size_t ka = a - start;
        if (!std::isfinite(best[ka])) continue;
        const double m = a == start ? first_measure : measure;
        // A line a quarter short is never the best one (its gaps would be
        // holes), unless nothing longer fits: the ends are tried from the
        // first that makes a line three quarters full.
        const double em = pieces[std::min(stop - 1, sums.first_shown(a))].size;
        const double shortest = std::max(kShortLine * m, m - kShortBy * em);
        const std::size_t from_e = std::min(stop, std::max(a + 1, sums.first_end_reaching(a, shortest)));
        bool any = false;
        for (std::size_t e = from_e; e <= stop; ++e) {
            const LineSums line = sums.line(a, e);
            if (allowed(e) && (e == stop || line.empty || line.natural >= shortest)) {
                LineFit fit = judge(pieces, line, m, e == stop, a == start && e == stop);
                if (e < stop && pieces[e].url_break) fit.demerits += kAddressBreakDemerits;
                if (fit.fits) {
                    any = true;
                    offer(ka, e, fit);
                }
            }
            if (!line.empty && line.natural - line.inner > m + widest) break;  // every longer line is overfull
        }
        if (any) continue;
        // A short line it is, then: the longest one ending where a break is allowed.
        std::size_t e = from_e - 1;
        while (e > a && !allowed(e)) --e;
        if (e > a) {
            const LineFit fit = judge(pieces, sums.line(a, e), m, e == stop, a == start && e == stop);
            if (fit.fits) {
                offer(ka, e, fit);
                continue;
            }
        }
        // No allowed break fits: break where the line is full (or after one
        // piece), as little as the measure forces.
        e = a + 1;
        double w = pieces[a].width();
        while (e < stop && w + pieces[e].autospace + pieces[e].width() <= m + kEpsilon) {
            w += pieces[e].autospace + pieces[e].width();
            ++e;
        }
        offer(ka, e, LineFit{true, 0, 0, true, kForcedDemerits});
    }
    std::vector<std::size_t> ends;
    for (std::size_t k = n; k > 0; k = from[k]) ends.push_back(k);
    std::reverse(ends.begin(), ends.end());
    std::size_t a = start;
    bool loose = false;
    for (std::size_t k : ends) {
        const std::size_t e = start + k;
        std::size_t shown_begin = a, shown_end = e;
        while (shown_begin < e && pieces[shown_begin].is_space) ++shown_begin;
        while (shown_end > shown_begin && pieces[shown_end - 1].is_space) --shown_end;
        const LineFit& fit = chosen[k];
        if (fit.trim_end > 0) pieces[shown_end - 1].trim_right += fit.trim_end;
        if (fit.reduce > 0)
            for (std::size_t i = shown_begin + 1; i < shown_end; ++i) {
                Piece& p = pieces[i];
                p.autospace *= 1 - fit.reduce;
                if (i + 1 == shown_end || reducible(pieces, i) == 0) continue;
                p.trim_right += (p.trim_right_max - p.trim_right) * fit.reduce;
                p.trim_left += (p.trim_left_max - p.trim_left) * fit.reduce;
            }
        loose = loose || fit.loose;
        if (shown_end > a || lines.empty() || a == start)
            lines.push_back(place(pieces, a, e, a == start ? first_measure : measure, Align::kJustify, e == stop));
        else
            lines.back().last = true;  // only blanks after the last break
        a = e;
    }
    return loose;
}

}  // namespace

std::vector<SetLine> break_lines(std::vector<Piece>& pieces, double first_width, double width, Align align,
                                 Uneven uneven) {
    if (align != Align::kJustify) return fill_lines(pieces, first_width, width, align);
    struct Shaped {
        double trim_left, trim_right, autospace;
    };
    std::vector<Shaped> shaped;  // what total fit may change, for a second try
    if (uneven == Uneven::kRagged)
        for (const Piece& p : pieces) shaped.push_back({p.trim_left, p.trim_right, p.autospace});
    std::vector<SetLine> lines;
    bool loose = false;
    for (std::size_t start = 0; start < pieces.size();) {
        std::size_t stop = start;
        while (stop < pieces.size() && !pieces[stop].forced_break) ++stop;
        if (stop < pieces.size()) ++stop;  // the forced break ends its line
        loose = total_fit(pieces, start, stop, lines.empty() ? first_width : width, width, lines) || loose;
        start = stop;
    }
    if (!loose || uneven != Uneven::kRagged) return lines;
    // Text that cannot be set evenly (a title in a narrow cell) is set
    // ragged-right as a whole rather than stretched: lines filled as far
    // as they go, but the last not a lone character.
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        pieces[i].trim_left = shaped[i].trim_left;
        pieces[i].trim_right = shaped[i].trim_right;
        pieces[i].autospace = shaped[i].autospace;
    }
    lines = fill_lines(pieces, first_width, width, Align::kLeft);
    avoid_runt(pieces, lines, first_width, width);
    return lines;
}

}  // namespace bulletin
