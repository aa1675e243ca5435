// CSV reading (a small state machine over the whole text) and header validation for imports.
#include "core/csv.hpp"

#include "core/text.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace keqing::core {

Result<std::vector<CsvRecord>> parse_csv(std::string_view text, std::string_view source) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!is_valid_utf8(text))
        return data_error("{}: the file is not valid UTF-8; save it as UTF-8 (Excel: 'CSV UTF-8')", source);
    std::vector<CsvRecord> records;
    CsvRecord current;
    std::string field;
    int line = 1;
    bool in_quotes = false, field_quoted = false, any = false;
    current.line = 1;
    auto end_field = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        field_quoted = false;
    };
    auto end_record = [&] {
        end_field();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank) records.push_back(std::move(current));
        current = CsvRecord{};
        current.line = line;
        any = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            if (!field.empty() || field_quoted)
                return data_error("{}:{}: a quote inside an unquoted field; wrap the field in double quotes and "
                                  "double the inner quote (\"\")",
                                  source, line);
            in_quotes = field_quoted = any = true;
            break;
        case ',':
            end_field();
            any = true;
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n') break;
            return data_error("{}:{}: stray carriage return; save the file with LF or CRLF line endings", source,
                              line);
        case '\n':
            ++line;
            end_record();
            break;
        default:
            if (field_quoted)
                return data_error("{}:{}: text after a closing quote; put the whole field inside the quotes",
                                  source, line);
            field += c;
            any = true;
        }
    }
    if (in_quotes)
        return data_error("{}:{}: a quoted field is never closed; add the closing double quote", source,
                          current.line);
    if (any || !field.empty()) end_record();
    return records;
}

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return data_error("{}: cannot read the file: {}", path, std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Result<CsvTable> CsvTable::from_records(std::vector<CsvRecord> records, std::string_view source,
                                        const std::vector<std::string>& required,
                                        const std::vector<std::string>& optional, bool ignore_unknown) {
    if (records.empty())
        return data_error("{}: the file is empty; the first row must name the columns: {}", source,
                          fmt::join(required, ","));
    CsvTable table;
    table.source_ = std::string(source);
    const CsvRecord& header = records.front();
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = to_lower(trim(header.fields[i]));
        const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                           std::find(optional.begin(), optional.end(), name) != optional.end();
        if (!known && !ignore_unknown)
            return data_error("{}:{}: unknown column '{}'; expected {} (optional {}), or pass --ignore-unknown",
                              source, header.line, name, fmt::join(required, ","), fmt::join(optional, ","));
        if (table.index_.contains(name))
            return data_error("{}:{}: column '{}' appears twice in the header; keep one", source, header.line,
                              name);
        if (known) table.index_.emplace(name, i);
    }
    for (const auto& column : required)
        if (!table.index_.contains(column))
            return data_error("{}:{}: required column '{}' is missing from the header; required columns: {}",
                              source, header.line, column, fmt::join(required, ","));
    for (size_t r = 1; r < records.size(); ++r)
        if (records[r].fields.size() != header.fields.size())
            return data_error("{}:{}: the row has {} fields but the header has {}; check for a missing or extra "
                              "comma (quote fields that contain commas)",
                              source, records[r].line, records[r].fields.size(), header.fields.size());
    table.rows_.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

std::string_view CsvTable::get(size_t i, std::string_view column) const {
    const auto it = index_.find(column);
    if (it == index_.end()) return {};
    return trim(rows_[i].fields[it->second]);
}

std::string CsvTable::where(size_t i, std::string_view column) const {
    const auto it = index_.find(column);
    return fmt::format("{}:{}: column {}{}", source_, rows_[i].line, column,
                       it == index_.end() ? "" : fmt::format(" (field {})", it->second + 1));
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace keqing::core
