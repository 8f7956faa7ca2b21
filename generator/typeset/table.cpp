#include "typeset/table.hpp"

#include <algorithm>
#include <numeric>

namespace bulletin {

namespace {
constexpr double kEpsilon = 0.01;
}

double TableSetter::Cell::remaining() const {
    double h = 0;
    std::size_t k = next;
    while (k < items.size() && items[k].discardable) ++k;  // space vanishes at the top of a part
    for (; k < items.size(); ++k) h += items[k].height;
    return h;
}

TableSetter::TableSetter(const Table& table, const Layout& layout, const SetFn& set, StructureTree* structure)
    : table_(table), layout_(layout), spec_(layout.table), set_(set), structure_(structure) {
    std::uint32_t head_node = StructureTree::kArtifact;
    if (structure_) {
        const std::uint32_t table_node = structure_->add(StructRole::kTable, StructureTree::kRoot);
        head_node = structure_->add(StructRole::kTHead, table_node);
        body_node_ = structure_->add(StructRole::kTBody, table_node);
    }
    header_ = make_row(table.header, false, true, head_node);
    header_height_ = full_height(header_);
}

TableSetter::Row& TableSetter::row(std::size_t i) {
    if (rows_.empty()) first_row_ = i;
    while (first_row_ + rows_.size() <= i) {
        const TableRow& r = table_.rows[first_row_ + rows_.size()];
        rows_.push_back(make_row(r.cells, r.group, false, body_node_));
    }
    return rows_.at(i - first_row_);
}

void TableSetter::drop_rows_before(std::size_t i) {
    while (!rows_.empty() && first_row_ < i) {
        rows_.pop_front();
        ++first_row_;
    }
}

TableSetter::Row TableSetter::make_row(const std::vector<TableCell>& cells, bool group, bool header,
                                       std::uint32_t section) {
    Row row;
    const std::uint32_t tr = structure_ && section ? structure_->add(StructRole::kTR, section) : 0;
    row.group = group;
    if (widths_.empty()) {
        widths_ = column_widths(spec_.columns, layout_.page.content_width());
        double x = 0;
        for (double w : widths_) {
            xs_.push_back(x);
            x += w;
        }
        width_ = x;
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
        Cell cell;
        double w = group ? width_ : widths_.at(std::min(c, widths_.size() - 1));
        const auto span = static_cast<std::uint16_t>(group ? std::max<std::size_t>(1, widths_.size()) : 1);
        const std::uint32_t td = tr ? structure_->add(header ? StructRole::kTH : StructRole::kTD, tr, span) : 0;
        for (const Paragraph& p : cells[c].paragraphs)
            append_paragraph(cell.items, set_(p, w - 2 * spec_.padding),
                             td ? structure_->add_paragraph(p.outline_level, td, strong_span_count(p)) : 0);
        while (!cell.items.empty() && cell.items.back().discardable) cell.items.pop_back();
        cell.middle = header || (!group && c < spec_.columns.size() && spec_.columns[c].middle);
        if (header) cell.background = spec_.header_background;
        row.cells.push_back(std::move(cell));
    }
    return row;
}

double TableSetter::full_height(const Row& row) const {
    double h = 0;
    for (const Cell& c : row.cells) h = std::max(h, c.remaining());
    return h + 2 * spec_.padding;
}

std::optional<std::vector<std::size_t>> TableSetter::split(const Row& row, double content, bool force) const {
    std::vector<std::size_t> upto;
    bool progress = false;
    for (const Cell& cell : row.cells) {
        const std::size_t n = cell.items.size();
        std::size_t k = cell.next;
        while (k < n && cell.items[k].discardable) ++k;
        const std::size_t first = k;
        double h = 0;
        while (k < n && h + cell.items[k].height <= content + kEpsilon) h += cell.items[k++].height;
        if (k < n) {
            // Back off to where the cell's paragraphs allow a break.
            std::size_t legal = k;
            while (legal > first && !cell.items[legal - 1].break_after) --legal;
            if (legal > first) k = legal;
            else if (!force) {
                if (first < n) return std::nullopt;  // would leave a lone line: move the row on
            } else if (k == first) {
                k = first + 1;  // not even one line fits an empty page: overfill rather than loop
            }
        }
        if (k > first) progress = true;
        upto.push_back(k);
    }
    if (!progress && !force) return std::nullopt;
    return upto;
}

void TableSetter::draw_part(TypesetDocument& doc, const Frame& frame, double y, Row& row,
                            const std::vector<std::size_t>& upto, double height) {
    Page& page = doc.pages[frame.page];
    const double pad = spec_.padding;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        Cell& cell = row.cells[c];
        double x = frame.x + (row.group ? 0 : xs_[c]);
        double w = row.group ? width_ : widths_[c];
        if (cell.background) page.elements.emplace_back(std::in_place_type<Box>, x, y, w, height, *cell.background);
        // The part's own height, for vertical centring.
        std::size_t k = cell.next;
        while (k < upto[c] && cell.items[k].discardable) ++k;
        double used = 0;
        for (std::size_t i = k; i < upto[c]; ++i) used += cell.items[i].height;
        double top = y + pad + (cell.middle ? std::max(0.0, (height - 2 * pad - used) / 2) : 0);
        Frame cell_frame{frame.page, x + pad, top, w - 2 * pad, height - 2 * pad};
        double at = top;
        for (std::size_t i = k; i < upto[c]; ++i) {
            draw_item(cell.items[i], doc, cell_frame, at);
            at += cell.items[i].height;
        }
        cell.next = upto[c];
    }
}

void TableSetter::draw_grid(TypesetDocument& doc, const Frame& frame, double top, double bottom,
                            const std::vector<double>& row_lines) {
    Page& page = doc.pages[frame.page];
    const double left = frame.x, right = frame.x + width_;
    auto line = [&](double x1, double y1, double x2, double y2, double w) {
        page.elements.emplace_back(std::in_place_type<Rule>, x1, y1, x2, y2, w, Color{});
    };
    for (double y : row_lines) line(left, y, right, y, spec_.rule);
    line(left, top, right, top, spec_.outer_rule);
    line(left, bottom, right, bottom, spec_.outer_rule);
    line(left, top, left, bottom, spec_.outer_rule);
    line(right, top, right, bottom, spec_.outer_rule);
}

Cursor TableSetter::place(TypesetDocument& doc, Cursor at, const FrameSource& next_frame) {
    if (!at.has_frame) at = {next_frame(doc), 0, true};
    const double pad = spec_.padding;

    // State of the table's part on the current frame.
    double portion_top = 0;
    bool header_drawn = false;
    int headers_drawn = 0;  // on all frames: the first is the document's, the others repeat it
    std::vector<double> row_lines;                     // horizontal rules inside the part
    std::vector<std::pair<double, double>> cell_spans;  // vertical extent of rows with inner rules

    auto close_frame = [&]() {
        if (!header_drawn) return;
        const Frame& f = at.frame;
        double bottom = f.y + at.used;
        for (auto [y1, y2] : cell_spans)
            for (std::size_t c = 1; c < xs_.size(); ++c) {
                double x = f.x + xs_[c];
                doc.pages[f.page].elements.emplace_back(std::in_place_type<Rule>, x, y1, x, y2, spec_.rule, Color{});
            }
        draw_grid(doc, f, portion_top, bottom, row_lines);
        header_drawn = false;
        row_lines.clear();
        cell_spans.clear();
    };
    auto new_frame = [&]() {
        close_frame();
        at = {next_frame(doc), 0, true};
    };
    auto draw_header = [&]() {
        if (header_drawn) return;
        portion_top = at.frame.y + at.used;
        const double h = header_height_;
        for (auto& cell : header_.cells) cell.next = 0;
        std::vector<std::size_t> all;
        for (auto& cell : header_.cells) all.push_back(cell.items.size());
        Page& page = doc.pages[at.frame.page];
        const std::size_t first = page.elements.size();
        draw_part(doc, at.frame, portion_top, header_, all, h);
        if (++headers_drawn > 1) page.mark_repeated(first);
        cell_spans.push_back({portion_top, portion_top + h});
        at.used += h;
        row_lines.push_back(at.frame.y + at.used);
        header_drawn = true;
    };

    const std::size_t rows = table_.rows.size();
    for (std::size_t i = 0; i < rows; ++i) {
        drop_rows_before(i);
        Row& row = this->row(i);
        while (true) {
            bool empty_frame = at.used == 0;
            double header_h = header_drawn ? 0 : header_height_;
            double avail = at.space_left() - header_h;
            double need = full_height(row);
            // A group row keeps with the first lines of the row after it.
            if (row.group && i + 1 < rows) {
                const Row& next = this->row(i + 1);
                double first_lines = 0;
                for (const Cell& c : next.cells)
                    for (std::size_t k = 0, lines = 0; k < c.items.size() && lines < 2; ++k)
                        if (!c.items[k].discardable) first_lines = std::max(first_lines, c.items[k].height * double(++lines));
                need += std::min(full_height(next), first_lines + 2 * pad);
            }
            std::optional<std::vector<std::size_t>> upto;
            double part_height = 0;
            if (need <= avail + kEpsilon) {
                upto.emplace();
                for (const Cell& c : row.cells) upto->push_back(c.items.size());
                part_height = full_height(row);
            } else if (!row.group) {
                upto = split(row, avail - 2 * pad, false);
                if (!upto && empty_frame) upto = split(row, avail - 2 * pad, true);
                if (upto) {
                    double content = 0;
                    for (std::size_t c = 0; c < row.cells.size(); ++c) {
                        const Cell& cell = row.cells[c];
                        double h = 0;
                        std::size_t k = cell.next;
                        while (k < (*upto)[c] && cell.items[k].discardable) ++k;
                        for (; k < (*upto)[c]; ++k) h += cell.items[k].height;
                        content = std::max(content, h);
                    }
                    part_height = content + 2 * pad;
                }
            } else if (empty_frame) {
                upto.emplace();
                for (const Cell& c : row.cells) upto->push_back(c.items.size());
                part_height = full_height(row);
            }
            if (!upto) {
                new_frame();
                continue;
            }
            draw_header();
            double y = at.frame.y + at.used;
            row.started = true;
            draw_part(doc, at.frame, y, row, *upto, part_height);
            if (!row.group) cell_spans.push_back({y, y + part_height});
            at.used += part_height;
            row_lines.push_back(at.frame.y + at.used);
            bool done = std::all_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return c.done(); });
            if (done) break;
            new_frame();  // the rest of the row continues under the header of the next page
        }
    }
    close_frame();
    return at;
}

}  // namespace bulletin
