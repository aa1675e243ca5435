// UTF-8 text helpers: terminal display width (CJK characters take two columns), padding, trimming, and
// what keeps text a single printable line (faults found with their position, cells cut to a width).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::core {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);
// The offset of the first byte of `text` that is not well-formed UTF-8; npos when there is none.
size_t first_invalid_utf8(std::string_view text);
// Columns `text` occupies on a terminal: East Asian wide and fullwidth characters count 2.
int display_width(std::string_view text);
// `text` followed by spaces up to `width` display columns.
std::string pad_right(std::string_view text, int width);
// Spaces then `text`, up to `width` display columns.
std::string pad_left(std::string_view text, int width);
// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);
// ASCII lower-case copy.
std::string to_lower(std::string_view text);
// ASCII upper-case copy.
std::string to_upper_ascii(std::string_view text);
// The items with `separator` between them ("小陈、小刘").
std::string join(const std::vector<std::string>& items, std::string_view separator);

// Why a value is not one line of printable text: where (1-based) and what.
struct TextFault {
    size_t byte = 0;      // the offending byte
    size_t character = 0; // the character it starts (or, for an invalid byte, the one it would have been)
    std::string what;     // "an invalid UTF-8 byte (0xFF)", "a control character (U+001B escape)"
    // "WHAT at character C (byte B)".
    std::string describe() const;
};
// The first fault of `text` as a one-line value: invalid UTF-8, a C0 control character (NUL, TAB, line
// feed, carriage return, escape …), DEL, a C1 control character, or a line or paragraph separator.
std::optional<TextFault> find_text_fault(std::string_view text);
// Characters (code points) in `text`; an invalid byte counts as one.
size_t count_characters(std::string_view text);
// An ASCII letter, digit or underscore: a character of an SQL or C identifier.
bool is_identifier_char(char c);
// `text` safe for a terminal: control characters become their visible symbols (escape ␛, line feed ␊,
// TAB ␉ …), other faults U+FFFD; text without faults is returned as it is.
std::string printable(std::string_view text);
// `text` made printable and cut to at most `width` display columns (at least 1), ending in "…" when it
// was cut; a wide character that would straddle the edge is left out.
std::string fit(std::string_view text, int width);
// `text` made printable and broken into lines of at most `width` display columns (at least 1): after a
// space where the line has one, else between characters (CJK text has no spaces); never empty.
std::vector<std::string> wrap(std::string_view text, int width);

} // namespace keqing::core
