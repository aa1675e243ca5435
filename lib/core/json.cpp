// JSON writing: escaping per RFC 8259 and comma/indent bookkeeping for nested containers.
#include "core/json.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace keqing::core {

void append_json_quoted(std::string& out, std::string_view text) {
    out += '"';
    size_t plain = 0; // text[plain, i) needs no escaping
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text, plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        }
    }
    out.append(text, plain, text.size() - plain);
    out += '"';
}

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    append_json_quoted(out, text);
    return out;
}

void JsonWriter::before_value() {
    out_.spill();
    std::string& out = out_.text();
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) return;
    Level& level = levels_.back();
    if (level.one_line) {
        if (level.items) out += ", ";
    } else {
        if (level.items) out += ',';
        out += '\n';
        out.append(levels_.size() * 2, ' ');
    }
    level.items = true;
}

void JsonWriter::open(char c, bool array) {
    before_value();
    const bool one_line = !levels_.empty() && (levels_.back().array || levels_.back().one_line);
    out_.text() += c;
    levels_.push_back(Level{false, one_line, array});
}

void JsonWriter::close(char c) {
    const Level level = levels_.back();
    levels_.pop_back();
    if (level.items && !level.one_line) {
        out_.text() += '\n';
        out_.text().append(levels_.size() * 2, ' ');
    }
    out_.text() += c;
}

JsonWriter& JsonWriter::begin_object() {
    open('{', false);
    return *this;
}
JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}
JsonWriter& JsonWriter::begin_array() {
    open('[', true);
    return *this;
}
JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    out_.text() += '"';
    out_.text() += name; // keys are the program's own identifiers: nothing to escape
    out_.text() += "\": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    append_json_quoted(out_.text(), text);
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    before_value();
    out_.text() += json;
    return *this;
}

JsonWriter& JsonWriter::value(int64_t number) {
    before_value();
    const fmt::format_int text(number);
    out_.text().append(text.data(), text.size());
    return *this;
}

void append_json_double(std::string& out, double number) {
    char text[32];
    const auto end = fmt::format_to_n(text, sizeof text, FMT_COMPILE("{}"), number);
    out.append(text, std::min(end.size, sizeof text));
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    if (!std::isfinite(number)) {
        out_.text() += "null";
        return *this;
    }
    append_json_double(out_.text(), number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_.text() += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_.text() += "null";
    return *this;
}

} // namespace keqing::core
