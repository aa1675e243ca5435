// Text packed small in memory and unpacked whole: a byte-wise LZ77 of literal runs and references to an
// earlier stretch of the same text (up to 64 KB back). What a report keeps until it prints — each month's
// rep goals, whose details list customer after customer in the same words — packs to a third or less.
#pragma once

#include <string>
#include <string_view>

namespace keqing::report {

// `text` packed: a byte b < 0x80 is followed by b + 1 bytes of text; a byte b ≥ 0x80 and two more, d0 and
// d1, stand for (b & 0x7f) + 4 bytes copied from d0 + 256 × d1 bytes back in the unpacked text.
std::string pack_text(std::string_view text);
// The text that pack_text was given.
std::string unpack_text(std::string_view packed);

} // namespace keqing::report
