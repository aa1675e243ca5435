// CSV reading (a small state machine over the whole text) and header validation for imports.
#include "core/csv.hpp"

#include "core/limits.hpp"
#include "core/reasons.hpp"
#include "core/text.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace keqing::core {

CsvReader::CsvReader(std::string_view text, std::string_view source) : text_(text), source_(source) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
    invalid_at_ = first_invalid_utf8(text_);
}

Result<bool> CsvReader::next(CsvRecord& record) {
    if (invalid_at_ != std::string_view::npos) {
        const std::string_view before = text_.substr(0, invalid_at_);
        const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        return data_error(
            "{}:{}: the file is not valid UTF-8 (byte 0x{:02X}, byte {} of the line); save it as UTF-8 "
            "(Excel: 'CSV UTF-8')",
            source_, 1 + std::count(before.begin(), before.end(), '\n'),
            static_cast<unsigned char>(text_[invalid_at_]), invalid_at_ - line_start + 1);
    }
    while (true) {
        if (pos_ >= text_.size()) return false;
        record.fields.clear();
        record.line = line_;
        std::string field;
        bool in_quotes = false, field_quoted = false, ended = false;
        for (; pos_ < text_.size() && !ended; ++pos_) {
            const char c = text_[pos_];
            if (in_quotes) {
                if (c == '"') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                        field += '"';
                        ++pos_;
                    } else {
                        in_quotes = false;
                    }
                } else {
                    if (c == '\n') ++line_;
                    field += c;
                }
                continue;
            }
            switch (c) {
            case '"':
                if (!field.empty() || field_quoted)
                    return data_error(
                        "{}:{}: a quote inside an unquoted field; wrap the field in double quotes and "
                        "double the inner quote (\"\")",
                        source_, line_);
                in_quotes = field_quoted = true;
                break;
            case ',':
                record.fields.push_back(std::move(field));
                field.clear();
                field_quoted = false;
                break;
            case '\r':
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') break;
                return data_error("{}:{}: stray carriage return; save the file with LF or CRLF line endings",
                                  source_, line_);
            case '\n':
                ++line_;
                ended = true;
                break;
            default: {
                if (field_quoted)
                    return data_error(
                        "{}:{}: text after a closing quote; put the whole field inside the quotes", source_,
                        line_);
                // The rest of an unquoted field at once, up to the next character that means something.
                size_t end = pos_ + 1;
                while (end < text_.size() && text_[end] != ',' && text_[end] != '\n' && text_[end] != '\r' &&
                       text_[end] != '"')
                    ++end;
                field.append(text_.data() + pos_, end - pos_);
                pos_ = end - 1; // (the loop steps past the last character taken)
            }
            }
        }
        if (in_quotes)
            return data_error("{}:{}: a quoted field is never closed; add the closing double quote", source_,
                              record.line);
        record.fields.push_back(std::move(field));
        const bool blank = record.fields.size() == 1 && record.fields[0].empty();
        if (!blank) return true;
    }
}

Result<std::vector<CsvRecord>> parse_csv(std::string_view text, std::string_view source) {
    CsvReader reader(text, source);
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (true) {
        KQ_TRY(bool more, reader.next(record));
        if (!more) break;
        records.push_back(std::move(record));
        record = CsvRecord{};
    }
    return records;
}

Result<std::string> read_file(const std::string& path) {
    // A folder opens but reads as nothing: said so, not taken for an empty file.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        return data_error("{}: cannot read the file: {}", path, reason(EISDIR));
    std::ifstream in(path, std::ios::binary);
    if (!in) return data_error("{}: cannot read the file: {}", path, reason(errno));
    // Into a string the file's size long (a string stream grew by doubling and was copied once more).
    std::string text;
    if (const auto size = std::filesystem::file_size(path, ignored); !ignored) text.reserve(size);
    std::array<char, 1 << 16> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0)
        text.append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (in.bad()) return data_error("{}: cannot read the file: {}", path, reason(errno));
    return text;
}

Result<std::string> read_import(const std::string& path, Encoding encoding) {
    std::string bytes;
    if (path != "-") {
        KQ_TRY(bytes, read_file(path));
    } else {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        if (std::cin.bad()) return data_error("stdin: cannot read: {}", reason(errno));
        bytes = buffer.str();
    }
    return decode(std::move(bytes), encoding, source_name(path));
}

std::string source_name(const std::string& path) {
    return path == "-" ? "stdin" : path;
}

Result<CsvColumns> check_csv_header(const CsvRecord& header, std::string_view source,
                                    const std::vector<std::string>& required,
                                    const std::vector<std::string>& optional, bool ignore_unknown) {
    CsvColumns index;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = to_lower(trim(header.fields[i]));
        const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                           std::find(optional.begin(), optional.end(), name) != optional.end();
        if (!known && !ignore_unknown)
            return data_error(
                "{}:{}: unknown column '{}'; expected {} (optional {}), or pass --ignore-unknown", source,
                header.line, name, fmt::join(required, ","), fmt::join(optional, ","));
        if (index.contains(name))
            return data_error("{}:{}: column '{}' appears twice in the header; keep one", source, header.line,
                              name);
        if (known) index.emplace(name, i);
    }
    for (const auto& column : required)
        if (!index.contains(column))
            return data_error("{}:{}: required column '{}' is missing from the header; required columns: {}",
                              source, header.line, column, fmt::join(required, ","));
    return index;
}

namespace {

// One field is one line of printable text of at most kMaxValue characters; errors name it as the header's
// field `k` (when `column` is empty) or as the column.
Result<void> check_field(std::string_view source, int line, std::string_view field, std::string_view column,
                         size_t k) {
    const bool plain_ascii = field.size() <= kMaxValue && std::all_of(field.begin(), field.end(), [](char c) {
                                 return c >= 0x20 && c < 0x7F;
                             });
    if (plain_ascii) return {}; // the common case, in one pass
    // (Named only for an error: a Chinese note is not plain ASCII, and an import checks a million.)
    const auto which = [&] {
        return column.empty() ? fmt::format("header field {}", k + 1)
                              : fmt::format("column {} (field {})", column, k + 1);
    };
    if (const auto fault = find_text_fault(field))
        return data_error(
            "{}:{}: {} has {}; keep every field one line of printable text (no line breaks, TABs or "
            "escape sequences)",
            source, line, which(), fault->describe());
    if (const size_t n = count_characters(field); n > kMaxValue)
        return data_error("{}:{}: {} is {} characters long; a field holds at most {} (README, Limits)",
                          source, line, which(), n, kMaxValue);
    return {};
}

// Every name in a header row passes check_field.
Result<void> check_header_fields(std::string_view source, const CsvRecord& header) {
    for (size_t k = 0; k < header.fields.size(); ++k)
        KQ_CHECK(check_field(source, header.line, header.fields[k], "", k));
    return {};
}

// The fields of a data row in the columns keqing reads pass check_field (ignored columns are not read).
Result<void> check_row_fields(std::string_view source, const CsvRecord& row, const CsvColumns& columns) {
    for (const auto& [name, k] : columns)
        KQ_CHECK(check_field(source, row.line, row.fields[k], name, k));
    return {};
}

Error width_error(std::string_view source, const CsvRecord& row, size_t width) {
    return data_error(
        "{}:{}: the row has {} fields but the header has {}; check for a missing or extra comma (quote "
        "fields that contain commas)",
        source, row.line, row.fields.size(), width);
}

std::string where_text(std::string_view source, int line, const CsvColumns& columns,
                       std::string_view column) {
    const auto it = columns.find(column);
    return fmt::format("{}:{}: column {}{}", source, line, column,
                       it == columns.end() ? "" : fmt::format(" (field {})", it->second + 1));
}

} // namespace

Result<CsvTable> CsvTable::from_records(std::vector<CsvRecord> records, std::string_view source,
                                        const std::vector<std::string>& required,
                                        const std::vector<std::string>& optional, bool ignore_unknown) {
    if (records.empty())
        return data_error("{}: the file is empty; the first row must name the columns: {}", source,
                          fmt::join(required, ","));
    CsvTable table;
    table.source_ = std::string(source);
    KQ_CHECK(check_header_fields(source, records.front()));
    KQ_TRY(table.index_, check_csv_header(records.front(), source, required, optional, ignore_unknown));
    const size_t width = records.front().fields.size();
    for (size_t r = 1; r < records.size(); ++r) {
        if (records[r].fields.size() != width) return width_error(source, records[r], width);
        KQ_CHECK(check_row_fields(source, records[r], table.index_));
    }
    table.rows_.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

Result<CsvStream> CsvStream::open(std::string_view text, std::string_view source,
                                  const std::vector<std::string>& required,
                                  const std::vector<std::string>& optional, bool ignore_unknown) {
    CsvStream stream(text, source);
    CsvRecord header;
    KQ_TRY(bool any, stream.reader_.next(header));
    if (!any)
        return data_error("{}: the file is empty; the first row must name the columns: {}", source,
                          fmt::join(required, ","));
    KQ_CHECK(check_header_fields(source, header));
    KQ_TRY(stream.columns_, check_csv_header(header, source, required, optional, ignore_unknown));
    stream.width_ = header.fields.size();
    return stream;
}

Result<bool> CsvStream::next() {
    KQ_TRY(bool more, reader_.next(row_));
    if (more && row_.fields.size() != width_) return width_error(source_, row_, width_);
    if (more) KQ_CHECK(check_row_fields(source_, row_, columns_));
    return more;
}

std::string_view CsvStream::get(std::string_view column) const {
    const auto it = columns_.find(column);
    if (it == columns_.end()) return {};
    return trim(row_.fields[it->second]);
}

std::string_view CsvStream::get(size_t position) const {
    return position == kAbsent ? std::string_view() : trim(row_.fields[position]);
}

std::string CsvStream::where(std::string_view column) const {
    return where_text(source_, row_.line, columns_, column);
}

std::string_view CsvTable::get(size_t i, std::string_view column) const {
    const auto it = index_.find(column);
    if (it == index_.end()) return {};
    return trim(rows_[i].fields[it->second]);
}

std::string CsvTable::where(size_t i, std::string_view column) const {
    return where_text(source_, rows_[i].line, index_, column);
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
