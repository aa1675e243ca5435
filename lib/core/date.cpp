// Civil-date arithmetic (days since the epoch, Howard Hinnant's algorithms), strict ISO parsing and
// the local clock.
#include "core/date.hpp"

#include "core/i18n.hpp"

#include <charconv>
#include <cstdlib>
#include <ctime>

namespace keqing::core {
namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

int days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Ymd {
    int y, m, d;
};

Ymd civil_from_days(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

// Reads exactly `width` ASCII digits at text[pos].
bool read_digits(std::string_view text, size_t pos, size_t width, int& out) {
    if (pos + width > text.size()) return false;
    for (size_t i = pos; i < pos + width; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    std::from_chars(text.data() + pos, text.data() + pos + width, out);
    return true;
}

} // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

Date Date::from_ymd(int year, int month, int day) {
    return Date(days_from_civil(year, month, day));
}
int Date::year() const {
    return civil_from_days(days_).y;
}
int Date::month() const {
    return civil_from_days(days_).m;
}
int Date::day() const {
    return civil_from_days(days_).d;
}

std::string Date::iso() const {
    const Ymd c = civil_from_days(days_);
    if (c.y < 0 || c.y > 9999) return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
    // Written digit by digit: an import writes a million of these.
    std::string out = "0000-00-00";
    const auto put = [&](size_t at, int value, int digits) {
        for (int k = digits - 1; k >= 0; --k, value /= 10)
            out[at + static_cast<size_t>(k)] = static_cast<char>('0' + value % 10);
    };
    put(0, c.y, 4);
    put(5, c.m, 2);
    put(8, c.d, 2);
    return out;
}

std::string Month::iso() const {
    return fmt::format("{:04}-{:02}", year, month);
}

Result<Date> parse_date(std::string_view text, std::string_view what) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !read_digits(text, 0, 4, y) ||
        !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d))
        return data_error("{}: '{}' is not a date; write YYYY-MM-DD, e.g. 2026-11-23", what, text);
    if (y < 1900 || y > 2199)
        return data_error("{}: year {} in '{}' is out of range; use a year from 1900 to 2199", what, y, text);
    if (m < 1 || m > 12) return data_error("{}: '{}' has no month {}; months run 01 to 12", what, text, m);
    if (d < 1 || d > days_in_month(y, m))
        return data_error("{}: '{}' is not a real date: {} has {} days", what, text,
                          language() == Language::chinese ? fmt::format("{}年{}月", y, m)
                                                          : fmt::format("{} {}", kMonthNames[m - 1], y),
                          days_in_month(y, m));
    return Date::from_ymd(y, m, d);
}

Result<Month> parse_month(std::string_view text, std::string_view what) {
    int y = 0, m = 0;
    if (text.size() != 7 || text[4] != '-' || !read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m))
        return data_error("{}: '{}' is not a month; write YYYY-MM, e.g. 2026-11", what, text);
    if (y < 1900 || y > 2199)
        return data_error("{}: year {} in '{}' is out of range; use a year from 1900 to 2199", what, y, text);
    if (m < 1 || m > 12) return data_error("{}: '{}' has no month {}; months run 01 to 12", what, text, m);
    return Month{y, m};
}

Result<std::string> parse_time(std::string_view text, std::string_view what) {
    int h = 0, mi = 0;
    const bool short_hour = text.size() == 4 && text[1] == ':';
    const size_t colon = short_hour ? 1 : 2;
    if (!((text.size() == 5 && text[2] == ':') || short_hour) || !read_digits(text, 0, colon, h) ||
        !read_digits(text, colon + 1, 2, mi))
        return data_error("{}: '{}' is not a time; write HH:MM (24-hour), e.g. 14:30", what, text);
    if (h > 23 || mi > 59)
        return data_error("{}: '{}' is not a real time of day; use 00:00 to 23:59", what, text);
    // Written digit by digit: an import checks a million of these.
    return std::string{static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                       static_cast<char>('0' + mi / 10), static_cast<char>('0' + mi % 10)};
}

Now now() {
    if (const char* fixed = std::getenv("KEQING_NOW"); fixed && *fixed) {
        const std::string_view text(fixed);
        auto date = parse_date(text.substr(0, 10), "KEQING_NOW");
        auto time = parse_time(text.size() > 11 ? text.substr(11) : std::string_view("12:00"), "KEQING_NOW");
        if (date && time) return Now{*date, *time};
    }
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return Now{Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday),
               fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min)};
}

} // namespace keqing::core
