#include "typeset/set_paragraph.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace bulletin {

std::vector<std::int32_t> strong_span_ranks(const Paragraph& p) {
    std::vector<std::int32_t> rank(p.spans.size(), -1);
    if (p.spans.size() < 2) return rank;  // all bold, or all plain: the paragraph itself
    std::int32_t next = 0;
    for (std::size_t i = 0; i < p.spans.size(); ++i)
        if (p.spans[i].strong) rank[i] = next++;
    return rank;
}

std::size_t strong_span_count(const Paragraph& p) {
    std::size_t n = 0;
    for (std::int32_t r : strong_span_ranks(p)) n += r >= 0 ? 1 : 0;
    return n;
}

SetParagraph set_paragraph(const Paragraph& paragraph, const Layout& layout, const FontSet& fonts, double width,
                           std::vector<MissingChar>& missing) {
    SetParagraph sp;
    sp.style = &layout.style(paragraph.style);
    const Style& st = *sp.style;
    sp.width = width;
    sp.outline_level = paragraph.outline_level;
    sp.outline_title = paragraph.outline_title;
    sp.keep_with_next = paragraph.keep_with_next || st.keep_with_next;

    const FontRole* regular = fonts.role(st.font);
    const FontRole* strong = fonts.role(st.strong.empty() ? st.font : st.strong);
    if (!regular || !strong)
        throw std::runtime_error("layout style '" + st.name + "' uses font role '" +
                                 (!regular ? st.font : st.strong) + "', which the font manifest does not define");
    double measure = std::max(width - st.left - st.right, st.size);
    double first = std::max(measure - st.indent, st.size);
    auto set_at = [&](double size, std::vector<MissingChar>& missing_out) {
        std::vector<TextRun> runs;
        for (const Span& span : paragraph.spans)
            runs.push_back({span.text, span.strong ? strong : regular, size, st.color, st.tracking, span.origin,
                            span.fit_chars});
        sp.pieces = shape_paragraph(runs, fonts, missing_out);
        const std::vector<std::int32_t> rank = strong_span_ranks(paragraph);
        for (Piece& piece : sp.pieces) piece.strong_rank = piece.run < rank.size() ? rank[piece.run] : -1;
        sp.lines = break_lines(sp.pieces, first, measure, st.align, st.uneven);
    };
    sp.size = st.size;
    set_at(sp.size, missing);

    // A headline line that wraps is set smaller, in quarter points, at the
    // largest size where every line fits — unless even the smallest size
    // allowed would wrap. Fewer lines never come from a larger size, so the
    // steps are searched by halving: a dozen settings at most.
    std::size_t wanted = 1;
    for (const Piece& piece : sp.pieces) wanted += piece.forced_break ? 1 : 0;
    if (st.shrink_to_fit < 1 && sp.lines.size() > wanted) {
        const double smallest = st.size * st.shrink_to_fit;
        std::vector<MissingChar> again;  // already reported by the first setting
        auto step_size = [&](long k) { return std::max(st.size - 0.25 * static_cast<double>(k), smallest); };
        auto fits = [&](long k) {
            set_at(step_size(k), again);
            return sp.lines.size() <= wanted;
        };
        const long steps = static_cast<long>(std::ceil((st.size - smallest) / 0.25));
        if (steps > 0 && fits(steps)) {
            long lo = 0, hi = steps;  // lo does not fit, hi does
            while (hi - lo > 1) {
                const long mid = lo + (hi - lo) / 2;
                (fits(mid) ? hi : lo) = mid;
            }
            sp.size = step_size(hi);
        }
        set_at(sp.size, again);  // the trials left the last size tried
    }
    if (sp.lines.empty()) sp.lines.push_back({});  // an empty paragraph still takes a line

    // The em box is centred in the line box; the baseline sits above its bottom.
    double embox_bottom = regular->cjk ? regular->cjk->embox_bottom() : -0.12;
    sp.baseline = (st.leading - sp.size) / 2 + sp.size * (1 + embox_bottom);
    return sp;
}

void draw_line(const SetParagraph& p, std::size_t index, double x, double y, Page& page, std::uint32_t tag) {
    const Style& st = *p.style;
    if (st.background)
        page.elements.emplace_back(std::in_place_type<Box>, x, y, p.width, st.leading, *st.background);
    const SetLine& line = p.lines[index];
    double left = x + st.left + (index == 0 ? st.indent : 0);
    double baseline = y + p.baseline;
    GlyphRun* run = nullptr;
    for (std::size_t k = line.begin; k < line.end; ++k) {
        const Piece& piece = p.pieces[k];
        if (piece.glyphs.empty()) continue;
        double piece_x = left + line.x[k - line.begin] - piece.trim_left;
        const std::uint32_t piece_tag =
            tag != StructureTree::kArtifact && piece.strong_rank >= 0 ? tag + 1 + static_cast<std::uint32_t>(piece.strong_rank)
                                                                      : tag;
        if (!run || run->face != piece.face || run->size != piece.size || !(run->color == piece.color) ||
            run->tag != piece_tag) {
            GlyphRun fresh;
            fresh.face = piece.face;
            fresh.size = piece.size;
            fresh.color = piece.color;
            fresh.x = piece_x;
            fresh.y = baseline;
            fresh.tag = piece_tag;
            page.elements.emplace_back(std::move(fresh));
            run = &std::get<GlyphRun>(page.elements.back());
        }
        run->actual_text = run->actual_text || piece.fitted;
        const bool halved = piece.glyphs.size() == 1 && piece.trim_right_max > 0 &&
                            piece.trim_right >= piece.trim_right_max - 1e-6;
        // The run's flags are kept (one per glyph) once one glyph has one.
        if (halved) run->halved.resize(run->glyphs.size(), false);
        const bool flags = halved || !run->halved.empty();
        for (std::size_t g = 0; g < piece.glyphs.size(); ++g) {
            run->glyphs.push_back(piece.glyphs[g].id);
            run->xs.push_back(piece_x + piece.glyphs[g].x - run->x);
            run->ys.push_back(piece.glyphs[g].y);
            run->texts.push_back(g == 0 ? piece.text : std::u32string());
            if (flags) run->halved.push_back(halved);
        }
    }
}

double widest_line(const SetParagraph& p) {
    double w = 0;
    for (const auto& l : p.lines) w = std::max(w, l.natural_width);
    return w;
}

}  // namespace bulletin
