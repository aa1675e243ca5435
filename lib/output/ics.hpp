// The pieces of iCalendar (RFC 5545) every calendar keqing writes shares: text escaping, line folding and
// dates (remind's digests, plan's plans).
#pragma once

#include "core/date.hpp"

#include <string>
#include <string_view>

namespace keqing::output {

// Text with `\`, `;`, `,` and newlines escaped.
std::string ics_escape(std::string_view s);
// One content line folded at 75 octets without splitting a UTF-8 sequence, ending in CRLF.
std::string ics_fold(const std::string& line);
// A day as YYYYMMDD.
std::string ics_date(core::Date d);

} // namespace keqing::output
