// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex: how an import recognises a file it has seen.
#pragma once

#include <string>
#include <string_view>

namespace keqing::core {

// The SHA-256 digest of `bytes`, 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace keqing::core
