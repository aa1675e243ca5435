// Import encodings: UTF-8 is taken as it is; GB18030 is converted with iconv (glibc), a byte it cannot read
// reported by line and column.
#include "core/encoding.hpp"

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

Result<std::string> from_gb18030(const std::string& bytes, std::string_view source) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return data_error("{}: cannot read GB18030 on this system (iconv: {}); save the file as CSV UTF-8",
                          source, std::strerror(errno));
    std::string out(bytes.size() * 2 + 16, '\0'); // a GB18030 character takes at most 2× its bytes in UTF-8
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    char* to = out.data();
    size_t to_left = out.size();
    const size_t done = iconv(cd, &in, &in_left, &to, &to_left);
    const int error = errno;
    iconv_close(cd);
    if (done == static_cast<size_t>(-1)) {
        const size_t at = static_cast<size_t>(in - bytes.data());
        return data_error(
            "{}: byte 0x{:02X} is neither UTF-8 nor GB18030 (GBK){}; save the file as CSV UTF-8, "
            "or pass --encoding",
            position(bytes, at, source), static_cast<unsigned char>(bytes[at]),
            error == EINVAL ? " (the file ends inside a character)" : "");
    }
    out.resize(out.size() - to_left);
    return out;
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
    if (encoding == Encoding::utf8 || (encoding == Encoding::automatic && (bom || is_valid_utf8(bytes))))
        return bytes; // the CSV reader drops the mark and names any byte that is not UTF-8
    return from_gb18030(bytes, source);
}

} // namespace keqing::core
