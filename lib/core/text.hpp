// UTF-8 text helpers: terminal display width (CJK characters take two columns), padding, trimming.
#pragma once

#include <string>
#include <string_view>

namespace keqing::core {

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
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

} // namespace keqing::core
