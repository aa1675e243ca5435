// Text packed small in memory and unpacked whole, with zlib (deflate at its fastest level). What a report
// keeps until it prints — each month's rep goals, whose details list customer after customer in the same
// words — packs to a fifth or less.
#pragma once

#include <string>
#include <string_view>

namespace keqing::report {

// `text` packed: its length (8 bytes, little-endian), then zlib's deflate stream of it.
std::string pack_text(std::string_view text);
// The text that pack_text was given.
std::string unpack_text(std::string_view packed);

} // namespace keqing::report
