// RFC 4180 CSV: a reader that keeps each record's line number for error messages, header-to-column
// matching, and a field escaper for writers.
#pragma once

#include "core/result.hpp"

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

// Parses CSV text (UTF-8, optional BOM, LF or CRLF, quoted fields may hold commas, quotes and newlines);
// `source` names the file in errors as `source:line`. Blank lines are skipped.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text, std::string_view source);

// Reads a whole file into memory; errors name the path.
Result<std::string> read_file(const std::string& path);

// A parsed CSV file whose header row named its columns.
class CsvTable {
  public:
    // Checks the header against the required and optional columns. Unknown columns are an error unless
    // `ignore_unknown`; every data row must have as many fields as the header.
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
