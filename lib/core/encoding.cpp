// Import encodings: UTF-8 is taken as it is; GB18030 is converted with iconv (glibc), a byte it cannot read
// reported by line and column.
#include "core/encoding.hpp"

#include "core/reasons.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iconv.h>

namespace keqing::core {
namespace {

// `source:line:column` of byte `at` of `bytes`.
std::string position(std::string_view bytes, size_t at, std::string_view source) {
    const std::string_view before = bytes.substr(0, at);
    const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    return fmt::format("{}:{}:{}", source, 1 + std::count(before.begin(), before.end(), '\n'),
                       at - line_start + 1);
}

// `bytes` converted from GB18030, or where the conversion stopped (failed_at) and why (errno).
struct Converted {
    std::string text;
    size_t failed_at = std::string::npos;
    int error = 0;
    bool available = true; // iconv knows GB18030
};

Converted from_gb18030(const std::string& bytes) {
    Converted c;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return {{}, 0, errno, false};
    c.text.assign(bytes.size() * 2 + 16, '\0'); // a GB18030 character takes at most 2× its bytes in UTF-8
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    char* to = c.text.data();
    size_t to_left = c.text.size();
    if (iconv(cd, &in, &in_left, &to, &to_left) == static_cast<size_t>(-1)) {
        c.error = errno;
        c.failed_at = static_cast<size_t>(in - bytes.data());
    }
    iconv_close(cd);
    c.text.resize(c.text.size() - to_left);
    return c;
}

} // namespace

Result<Encoding> parse_encoding(std::string_view text, std::string_view option) {
    const std::string name = to_lower(text);
    if (name == "auto") return Encoding::automatic;
    if (name == "utf-8" || name == "utf8") return Encoding::utf8;
    if (name == "gb18030" || name == "gbk" || name == "gb2312" || name == "cp936") return Encoding::gb18030;
    return usage_error("{}: unknown encoding '{}'; use auto, utf-8 or gb18030 (gbk)", option,
                       printable(text));
}

Result<std::string> decode(std::string bytes, Encoding encoding, std::string_view source) {
    const bool bom = std::string_view(bytes).starts_with("\xEF\xBB\xBF");
    if (encoding == Encoding::utf8 || (encoding == Encoding::automatic && bom))
        return bytes; // the CSV reader drops the mark and names any byte that is not UTF-8
    // Only a guess needs the scan (the CSV reader makes its own, with the line and column of a bad byte).
    const size_t not_utf8 = encoding == Encoding::automatic ? first_invalid_utf8(bytes) : 0;
    if (encoding == Encoding::automatic && not_utf8 == std::string::npos) return bytes;
    Converted c = from_gb18030(bytes);
    if (!c.available)
        return data_error("{}: cannot read GB18030 on this system (iconv: {}); save the file as CSV UTF-8",
                          source, reason(c.error));
    if (c.failed_at == std::string::npos) return std::move(c.text);
    // Read as neither: the error is the encoding's that read further (a UTF-8 file with one bad byte is
    // named by the CSV reader, at that byte).
    if (encoding == Encoding::automatic && not_utf8 > c.failed_at) return bytes;
    const size_t at = std::min(c.failed_at, bytes.size() - 1);
    return data_error("{}: byte 0x{:02X} is neither UTF-8 nor GB18030 (GBK){}; save the file as CSV UTF-8, "
                      "or pass --encoding",
                      position(bytes, at, source), static_cast<unsigned char>(bytes[at]),
                      c.error == EINVAL ? " (the file ends inside a character)" : "");
}

} // namespace keqing::core
