// Plain-text tables whose columns line up by display width, so Chinese names align in a terminal.
#pragma once

#include <string>
#include <vector>

namespace keqing::output {

enum class Align { left, right };

class Table {
  public:
    // Declares a column with its header.
    Table& column(std::string header, Align align = Align::left);
    // Appends a row; it must have one cell per column.
    Table& row(std::vector<std::string> cells);
    bool empty() const { return rows_.empty(); }
    // The table, header first, two spaces between columns, no trailing spaces.
    std::string render() const;

  private:
    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

} // namespace keqing::output
