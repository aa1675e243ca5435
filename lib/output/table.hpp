// Plain-text and markdown tables whose columns line up by display width, so Chinese names align in a
// terminal. Cells are kept back to back in one buffer with their widths measured once, so a table of
// hundreds of thousands of rows stays small, and it renders into a Sink as it goes. A cell wider than its
// column's limit is cut with "…", and control characters show as symbols (core::fit): a stored value
// can never widen or break a table (JSON and CSV carry it whole).
#pragma once

#include "core/sink.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::output {

enum class Align { left, right };
enum class Style { plain, markdown };

// The widest a cell may be, in display columns: names, codes and most cells; notes and explanations.
inline constexpr int kNameColumns = 40;
inline constexpr int kTextColumns = 80;
// Stored text on a line outside a table (a card's or a digest's lines): printable, cut to those widths.
std::string fit_name(std::string_view text);
std::string fit_text(std::string_view text);

class Table {
  public:
    // Declares a column with its header; its cells are cut to `max_width` display columns.
    Table& column(std::string header, Align align = Align::left, int max_width = kNameColumns);
    // Appends a row; missing cells are empty, extra ones are dropped.
    Table& row(const std::vector<std::string>& cells);
    Table& row(std::span<const std::string_view> cells);
    bool empty() const { return rows_ == 0; }
    // Plain: header first, two spaces between columns, no trailing spaces. Markdown: `| a | b |` lines
    // under a `| --- |` rule.
    void render(core::Sink& out, Style style = Style::plain) const;
    std::string render(Style style = Style::plain) const;

  private:
    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<int> limits_; // per column: the widest a cell may be
    std::vector<int> widths_; // per column: the widest cell or header
    size_t rows_ = 0;
    std::string cells_;              // every cell, row by row
    std::vector<uint32_t> ends_;     // where each cell ends in cells_
    std::vector<uint16_t> displays_; // each cell's display width
};

} // namespace keqing::output
