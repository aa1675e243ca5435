// A small streaming JSON writer (objects, arrays, strings, numbers, booleans, null) for the data
// contracts of SPEC §5: two-space indentation, and one line per element of an array (an object or array
// inside an array is written on that one line), so that a list of records reads and greps line by line.
#pragma once

#include "core/sink.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::core {

// JSON string literal for `text`, quotes included, with control characters escaped.
std::string json_quote(std::string_view text);
// Appends json_quote(text) to `out`.
void append_json_quoted(std::string& out, std::string_view text);
// Appends a finite double as JSON: the shortest text that reads back as the same double (fmt's "{}",
// its format compiled in: a quarter of check-quota --all's JSON went to parsing "{}" per number).
void append_json_double(std::string& out, double number);

// Builds one JSON document; keys and values must alternate correctly inside objects. With an output or
// a sink, the text is written out in blocks as it grows, so large documents never sit whole in memory;
// str() then returns what is left.
class JsonWriter {
  public:
    explicit JsonWriter(Output* out = nullptr) : own_(out), out_(own_) {}
    explicit JsonWriter(Sink& sink) : out_(sink) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // A key; keys must need no escaping (the program's own identifiers and ids).
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(int64_t number);
    JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // A value already written as JSON on one line (a record built by the caller), placed as value() would.
    JsonWriter& raw(std::string_view json);
    // An optional string: null when empty.
    JsonWriter& value_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

    // Ends the document with a newline and returns what has not been written out.
    std::string str() {
        out_ << "\n";
        return out_.take();
    }

  private:
    // An open object or array: whether it has items yet, and whether it is written on one line.
    struct Level {
        bool items = false;
        bool one_line = false;
        bool array = false;
    };
    void before_value();
    void open(char c, bool array);
    void close(char c);

    Sink own_;
    Sink& out_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

} // namespace keqing::core
