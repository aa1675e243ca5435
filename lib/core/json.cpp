// JSON writing: escaping per RFC 8259 and comma/indent bookkeeping for nested containers.
#include "core/json.hpp"

#include <fmt/format.h>

#include <cmath>

namespace keqing::core {

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) out += fmt::format("\\u{:04x}", c);
            else out += ch;
        }
    }
    return out + "\"";
}

void JsonWriter::before_value() {
    if (sink_ && out_.size() > (1u << 20)) {
        std::fwrite(out_.data(), 1, out_.size(), sink_);
        out_.clear();
    }
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_items_.empty()) {
        if (has_items_.back()) out_ += ',';
        has_items_.back() = true;
        out_ += '\n';
        out_.append(has_items_.size() * 2, ' ');
    }
}

void JsonWriter::open(char c) {
    before_value();
    out_ += c;
    has_items_.push_back(false);
}

void JsonWriter::close(char c) {
    const bool had = has_items_.back();
    has_items_.pop_back();
    if (had) {
        out_ += '\n';
        out_.append(has_items_.size() * 2, ' ');
    }
    out_ += c;
}

JsonWriter& JsonWriter::begin_object() { open('{'); return *this; }
JsonWriter& JsonWriter::end_object() { close('}'); return *this; }
JsonWriter& JsonWriter::begin_array() { open('['); return *this; }
JsonWriter& JsonWriter::end_array() { close(']'); return *this; }

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    out_ += '"';
    out_ += name; // keys are the program's own identifiers: nothing to escape
    out_ += "\": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    out_ += json_quote(text);
    return *this;
}

JsonWriter& JsonWriter::value(int64_t number) {
    before_value();
    out_ += fmt::format("{}", number);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    out_ += std::isfinite(number) ? fmt::format("{}", number) : "null";
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

} // namespace keqing::core
