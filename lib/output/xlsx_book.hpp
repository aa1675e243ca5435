// A thin layer over libxlsxwriter for keqing's workbooks: sheets filled row by row with text, counts and
// rates, whose header row is bold and frozen and whose columns fit their widest text by display width.
#pragma once

#include "core/result.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace keqing::output::xlsx {

// One cell: text, a number, or a rate (0.72) shown as a percentage; empty text leaves the cell blank.
struct Cell {
    enum class Kind { text, number, rate } kind = Kind::text;
    std::string text;
    double number = 0;
};
Cell text(std::string value);
Cell number(double value);
Cell rate(double value);

class Book;

class Sheet {
  public:
    // Appends a row; the first row added is the header.
    void row(const std::vector<Cell>& cells);

  private:
    friend class Book;
    Sheet(Book& book, lxw_worksheet* sheet) : book_(&book), sheet_(sheet) {}
    void finish();
    Book* book_;
    lxw_worksheet* sheet_;
    unsigned rows_ = 0;
    std::vector<int> widths_;
};

class Book {
  public:
    // A workbook to be written to `path` (through a temporary file beside it).
    explicit Book(std::filesystem::path path);
    ~Book();
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;
    // A new sheet named `name` (cut to Excel's 31 characters) with `headers` as its first, frozen row.
    Sheet& sheet(std::string_view name, const std::vector<std::string>& headers);
    // Writes the file and renames it into place, or says what failed (exit 4).
    Result<void> close();

  private:
    friend class Sheet;
    std::filesystem::path path_, partial_;
    std::string tmpdir_;        // where each sheet's rows wait for the close (constant memory)
    bool sheet_failed_ = false; // a sheet could not be made (its temporary file)
    Result<void> loaded_;       // libxlsxwriter, loaded when the first workbook is made
    lxw_workbook* book_ = nullptr;
    lxw_format *bold_ = nullptr, *percent_ = nullptr;
    std::vector<std::unique_ptr<Sheet>> sheets_;
};

} // namespace keqing::output::xlsx
