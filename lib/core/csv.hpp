// RFC 4180 CSV: a reader that keeps each record's line number for error messages, header-to-column
// matching, and a field escaper for writers.
#pragma once

#include "core/encoding.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::core {

// One record and the line it starts on (1-based, header included).
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

// Reads CSV text one record at a time (UTF-8, optional BOM, LF or CRLF, quoted fields may hold commas,
// quotes and newlines); `source` names the file in errors as `source:line`. Blank lines are skipped.
// CsvTable and CsvStream, which imports read, refuse fields they read that hold control characters
// (newlines included) or more than kMaxValue characters.
// The text must outlive the reader.
class CsvReader {
  public:
    CsvReader(std::string_view text, std::string_view source);
    // Fills `record` with the next record: true, or false at the end of the text.
    Result<bool> next(CsvRecord& record);

  private:
    std::string_view text_;
    std::string source_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t invalid_at_ = std::string_view::npos; // the first byte that is not UTF-8
};

// Parses all of a CSV text (see CsvReader).
Result<std::vector<CsvRecord>> parse_csv(std::string_view text, std::string_view source);

// Column positions of a checked header row.
using CsvColumns = std::map<std::string, size_t, std::less<>>;
// Checks a header against the required and optional columns (names are trimmed and lower-cased).
// Unknown columns are an error unless `ignore_unknown`.
Result<CsvColumns> check_csv_header(const CsvRecord& header, std::string_view source,
                                    const std::vector<std::string>& required,
                                    const std::vector<std::string>& optional, bool ignore_unknown);

// A CSV file read row by row after its header was checked, for imports too large to hold in memory.
class CsvStream {
  public:
    // `text` must outlive the stream.
    static Result<CsvStream> open(std::string_view text, std::string_view source,
                                  const std::vector<std::string>& required,
                                  const std::vector<std::string>& optional, bool ignore_unknown);
    // Advances to the next data row (true) or the end (false); a row with the wrong field count, or a field
    // that is not one line of printable text within kMaxValue characters, is an error.
    Result<bool> next();
    int line() const { return row_.line; }
    bool has(std::string_view column) const { return columns_.contains(column); }
    // The trimmed field of a column in the current row; empty when the column is absent.
    std::string_view get(std::string_view column) const;
    // A column's position, for reading it from every row without finding it by name each time: get(position)
    // is get(name). kAbsent (get: empty) when the header lacks it.
    static constexpr size_t kAbsent = SIZE_MAX;
    size_t position(std::string_view column) const {
        const auto it = columns_.find(column);
        return it == columns_.end() ? kAbsent : it->second;
    }
    std::string_view get(size_t position) const;
    // `source:line: column …` of the current row, for error messages.
    std::string where(std::string_view column) const;

  private:
    CsvStream(std::string_view text, std::string_view source) : reader_(text, source), source_(source) {}
    CsvReader reader_;
    std::string source_;
    CsvColumns columns_;
    size_t width_ = 0;
    CsvRecord row_;
};

// Reads a whole file into memory; errors name the path.
Result<std::string> read_file(const std::string& path);
// An import's text as UTF-8: the file, or standard input when `path` is "-", read in `encoding`.
Result<std::string> read_import(const std::string& path, Encoding encoding);
// How messages name an import's source: its path, or "stdin" for "-".
std::string source_name(const std::string& path);

// A parsed CSV file whose header row named its columns.
class CsvTable {
  public:
    // Checks the header against the required and optional columns. Unknown columns are an error unless
    // `ignore_unknown`; every data row must have as many fields as the header, and every field be one line
    // of printable text within kMaxValue characters.
    static Result<CsvTable> from_records(std::vector<CsvRecord> records, std::string_view source,
                                         const std::vector<std::string>& required,
                                         const std::vector<std::string>& optional, bool ignore_unknown);

    size_t size() const { return rows_.size(); }
    const CsvRecord& row(size_t i) const { return rows_[i]; }
    bool has(std::string_view column) const { return index_.contains(std::string(column)); }
    // The trimmed field of a column in row i; empty when the column is absent.
    std::string_view get(size_t i, std::string_view column) const;
    // `source:line` of row i, for error messages.
    std::string where(size_t i, std::string_view column) const;

  private:
    std::string source_;
    std::map<std::string, size_t, std::less<>> index_;
    std::vector<CsvRecord> rows_;
};

// A field quoted when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view value);

} // namespace keqing::core
