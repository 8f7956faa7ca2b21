// The table engine: column widths (fixed and proportional), cells holding
// several paragraphs, vertical alignment, a ruled grid, a header row
// repeated on every page, group rows spanning all columns, and rows split
// across pages line by line (a cell longer than a page goes on over as many
// pages as it needs; the short cells of a split row stay on its first part).
#pragma once

#include <functional>
#include <vector>

#include "compose/document.hpp"
#include "layout/layout.hpp"
#include "typeset/flow.hpp"

namespace bulletin {

class TableSetter {
public:
    // `set` sets a paragraph at a width (the typesetter's, so missing
    // characters are collected in one place).
    using SetFn = std::function<std::shared_ptr<const SetParagraph>(const Paragraph&, double)>;
    // `structure`, if given, receives the table's nodes (Table, THead,
    // TBody, a TR per row, TH/TD per cell, P per paragraph) as rows are set;
    // the header repeated on later pages is furniture.
    TableSetter(const Table& table, const Layout& layout, const SetFn& set, StructureTree* structure = nullptr);

    // Places the table from `at` on; returns where it ended.
    Cursor place(TypesetDocument& doc, Cursor at, const FrameSource& next_frame);

private:
    struct Cell {
        std::vector<FlowItem> items;  // lines and spaces of its paragraphs
        std::size_t next = 0;         // first item not yet placed
        bool middle = false;
        std::optional<Color> background;
        double remaining() const;
        bool done() const { return next >= items.size(); }
    };
    struct Row {
        std::vector<Cell> cells;  // one per column, or one spanning all (group rows)
        bool group = false;
        bool started = false;  // some of it is already placed
    };

    // `section`: the THead or TBody node its TR goes under (0: untagged).
    Row make_row(const std::vector<TableCell>& cells, bool group, bool header, std::uint32_t section);
    // Row `i` of the table, set on first use (rows are taken in order).
    Row& row(std::size_t i);
    void drop_rows_before(std::size_t i);
    double full_height(const Row& row) const;
    // How many items of each cell fit in `content` height: nullopt if the
    // row cannot be split there (a cell would show fewer than two lines).
    std::optional<std::vector<std::size_t>> split(const Row& row, double content, bool force) const;
    // Draws the items [next, upto) of each cell as one row part of `height`.
    void draw_part(TypesetDocument& doc, const Frame& frame, double y, Row& row,
                   const std::vector<std::size_t>& upto, double height);
    void draw_grid(TypesetDocument& doc, const Frame& frame, double top, double bottom, const std::vector<double>& row_lines);

    const Table& table_;
    const Layout& layout_;
    const TableSpec& spec_;
    SetFn set_;
    StructureTree* structure_;
    std::uint32_t body_node_ = StructureTree::kArtifact;  // TBody
    std::vector<double> widths_;
    std::vector<double> xs_;  // left edge of each column, from the table's left
    double width_ = 0;
    Row header_;
    double header_height_ = 0;  // the header is drawn whole on every page
    std::deque<Row> rows_;    // set rows, from row first_row_ on
    std::size_t first_row_ = 0;
};

}  // namespace bulletin
