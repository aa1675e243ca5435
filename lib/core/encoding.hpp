// The text encodings imports read: UTF-8 (with or without a byte-order mark) and GB18030, the superset of
// GBK and GB2312 that Excel on a Chinese Windows saves "CSV" in.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace keqing::core {

enum class Encoding { automatic, utf8, gb18030 };

// "auto", "utf-8" (or "utf8"), "gb18030" (or "gbk", "gb2312", "cp936"), any case; `option` names the flag.
Result<Encoding> parse_encoding(std::string_view text, std::string_view option);

// `bytes` as UTF-8. automatic: as they are when they are UTF-8, else read as GB18030. A byte the encoding
// cannot read is an error naming `source`:line:column (the column counts bytes) and what to do.
Result<std::string> decode(std::string bytes, Encoding encoding, std::string_view source);

} // namespace keqing::core
