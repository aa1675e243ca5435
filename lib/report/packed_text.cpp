// Packing a report's kept text with zlib: a length, then a deflate stream at level 1.
#include "report/packed_text.hpp"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace keqing::report {
namespace {

constexpr size_t kLengthBytes = 8;

} // namespace

std::string pack_text(std::string_view text) {
    std::string out(kLengthBytes, '\0');
    uint64_t length = text.size();
    for (size_t i = 0; i < kLengthBytes; ++i, length >>= 8)
        out[i] = static_cast<char>(length & 0xff);
    if (text.empty()) return out;
    uLongf room = compressBound(static_cast<uLong>(text.size()));
    out.resize(kLengthBytes + room);
    // Only running out of memory fails here (the room is compressBound's), as it would for a std::string.
    if (compress2(reinterpret_cast<Bytef*>(out.data() + kLengthBytes), &room,
                  reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 1) != Z_OK)
        throw std::bad_alloc();
    out.resize(kLengthBytes + room);
    out.shrink_to_fit();
    return out;
}

std::string unpack_text(std::string_view packed) {
    uint64_t length = 0;
    for (size_t i = kLengthBytes; i-- > 0;)
        length = (length << 8) | static_cast<unsigned char>(packed[i]);
    std::string out(length, '\0');
    if (length == 0) return out;
    uLongf size = static_cast<uLongf>(length);
    const int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                                  reinterpret_cast<const Bytef*>(packed.data() + kLengthBytes),
                                  static_cast<uLong>(packed.size() - kLengthBytes));
    // What pack_text made in this process unpacks whole; anything else is a bug, not a user's input.
    if (status != Z_OK || size != length) throw std::logic_error("report: packed text is damaged");
    return out;
}

} // namespace keqing::report
