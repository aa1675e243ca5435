// Plain-text and markdown tables whose columns line up by display width, so Chinese names align in a
// terminal. Cells are kept back to back in one buffer with their widths measured once, so a table of
// hundreds of thousands of rows stays small, and it renders into a Sink as it goes. A cell wider than its
// column's limit is cut with "…", and control characters show as symbols (core::fit): a stored value
// can never widen or break a table (JSON and CSV carry it whole). On a terminal of known width (Layout)
// a plain table keeps within it: names are cut further, text columns (TO DO, notes) wrap.
#pragma once

#include "core/sink.hpp"
#include "output/color.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::output {

enum class Align { left, right };
enum class Style { plain, markdown };

// The widest a cell may be, in display columns: names, codes and most cells; notes and explanations.
// A column declared with kTextColumns is a text column: on a narrow terminal it wraps rather than cuts.
inline constexpr int kNameColumns = 40;
inline constexpr int kTextColumns = 80;

// How this process lays out what people read: `columns`, the terminal's width (0: none — a pipe or a file
// gets whole tables), and `wide` (--wide: no value is cut, whatever its length or the terminal's width).
// The executables set it once from COLUMNS, the terminal and --wide (apps/common); JSON, CSV, ICS and
// HTML never read it.
struct Layout {
    int columns = 0;
    bool wide = false;
};
void set_layout(Layout layout);
const Layout& layout();
// Stored text on a line outside a table (a card's or a digest's lines): printable, cut to those widths.
std::string fit_name(std::string_view text);
std::string fit_text(std::string_view text);

// How a plain table is drawn within a width: each column's width, the spaces between columns, and
// whether the last column (a text column) is drawn under its row instead of beside it, indented.
struct ColumnPlan {
    std::vector<int> widths;
    int gap = 2;
    bool last_below = false;
    int indent = 0; // where the last column's lines start when below
};
class Table {
  public:
    // Declares a column with its header; its cells are cut to `max_width` display columns.
    Table& column(std::string header, Align align = Align::left, int max_width = kNameColumns);
    // Starts every plain line with `spaces` spaces (a table under a heading); the table fits what is left.
    Table& indent(int spaces);
    // Appends a row; missing cells are empty, extra ones are dropped.
    Table& row(const std::vector<std::string>& cells);
    Table& row(std::span<const std::string_view> cells);
    // Draws cell `column` of the last row in `tone` (a status) when colour is on (output/color.hpp).
    Table& tone(size_t column, Tone tone);
    bool empty() const { return rows_ == 0; }
    // A table too long to hold, drawn in two passes over its rows, made the same way each time:
    // measure() each row (nothing is kept but the widths), then stream() the header and stream_row()
    // each row. The lines are those render() would draw had the rows been added with row() and tone().
    Table& measure(std::span<const std::string_view> cells);
    void stream(core::Sink& out, Style style = Style::plain);
    void stream_row(core::Sink& out, std::span<const std::string_view> cells, size_t tone_column, Tone tone);
    // Plain: header first, two spaces between columns, no trailing spaces; within layout().columns when
    // set (see fit_columns). Markdown: `| a | b |` lines under a `| --- |` rule, never fitted.
    void render(core::Sink& out, Style style = Style::plain) const;
    std::string render(Style style = Style::plain) const;

  private:
    // Cell `c` as stored: cut to its column's limit, control characters shown; its display width.
    int fit_cell(size_t c, std::string_view& cell, std::string& fitted) const;
    void measure_cell(size_t c, std::string_view cell, int width);
    // The plan within `columns` (0: none); `columns` becomes 0 when the table fits as it is.
    ColumnPlan plan(int& columns) const;
    template <class CellOf, class ToneOf>
    void emit(core::Sink& out, const ColumnPlan& plan, int columns, CellOf cell_of, ToneOf tone_of) const;
    std::string_view cell(size_t row, size_t column) const;
    void render_markdown(core::Sink& out) const;
    void markdown_head(core::Sink& out) const;
    template <class CellAt> void markdown_line(core::Sink& out, CellAt cell_at) const;
    void render_plain(core::Sink& out, const ColumnPlan& plan, int columns) const;

    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<int> limits_; // per column: the widest a cell may be
    std::vector<bool> texts_; // per column: a text column, which wraps
    std::vector<bool> data_;  // per column: no cell holds a wide (CJK) character — codes, dates, states
    std::vector<int> widths_; // per column: the widest cell or header
    std::vector<int> cell_widths_; // per column: the widest cell
    size_t rows_ = 0;
    int indent_ = 0;
    std::string cells_;              // every cell, row by row
    std::vector<uint32_t> ends_;     // where each cell ends in cells_
    std::vector<uint16_t> displays_; // each cell's display width
    std::vector<Tone> tones_;        // each cell's tone; empty while no cell has one
    ColumnPlan streamed_;            // stream(): the plan, and the terminal's columns (0: none)
    int streamed_columns_ = 0;
    Style streamed_style_ = Style::plain;
};

// Fits columns of natural `widths` (headers included; `cells`: cells only) into `columns`: text columns
// wrap down to 16, left-aligned columns are cut down to 14, the widest first; then the last text column
// goes under its row; then one space between columns; then text down to 12 and names to 8; at last
// names are cut to 3 before data columns (no CJK) are cut, and headers to their cells. Right-aligned (number)
// columns keep their cells whole. The result may still be too wide for a tiny terminal: the lines are then
// cut.
struct ColumnKinds {
    std::vector<Align> aligns;
    std::vector<bool> text; // wraps
    std::vector<bool> data; // codes, dates, states: cut last
};
ColumnPlan fit_columns(const std::vector<int>& widths, const std::vector<int>& cells,
                       const ColumnKinds& kinds, int columns);

} // namespace keqing::output
