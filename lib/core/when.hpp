// Dates and months as people say them ("yesterday", "-3", "fri", "昨天", "上周五", "上月"), resolved
// against a given today; the one parser behind every date and month option (files stay strict ISO).
#pragma once

#include "core/date.hpp"

#include <string_view>

namespace keqing::core {

// A day as typed on the command line, relative to `today`: YYYY-MM-DD (also 2026年11月5日, 2026/11/5),
// today/yesterday/tomorrow, 今天/昨天/前天/大前天/明天, -N or +N days (N up to 3660), mon..sun or
// monday..sunday and 周五/星期五 (the latest such day on or before today: today counts), 上周五 (that
// day of the previous Monday-Sunday week), 这周三/本周三 (of this week), and a year-less 11-05 or
// 11月5日 (the latest such day not after today). 5/6 is refused when both readings are real dates.
// `what` names the option in errors ("--date").
Result<Date> parse_spoken_date(std::string_view text, std::string_view what, Date today);

// A month as typed: YYYY-MM (also 2026年11月), this/本月/这个月, last/上月/上个月, next/下月, -N
// months ago (N up to 1200), and a year-less 11月 (the latest such month not after today's).
Result<Month> parse_spoken_month(std::string_view text, std::string_view what, Date today);

} // namespace keqing::core
