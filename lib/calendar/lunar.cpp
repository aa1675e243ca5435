// Lunar <-> solar conversion over the generated per-year table in lunar_table.inc (lunar years 1900..2099).
#include "calendar/lunar.hpp"

#include <array>
#include <cstdint>

namespace keqing::calendar {
namespace {

constexpr int kTableFirstYear = 1900; // lunar year 1900 holds solar 1901-01-01..1901-02-18
constexpr int kTableLastYear = 2099;  // lunar year 2099 runs into January 2100

constexpr std::array<std::uint32_t, kTableLastYear - kTableFirstYear + 1> kYears = {
#include "lunar_table.inc"
};

constexpr bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int days_in_month(int y, int m) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

constexpr bool valid_solar(const SolarYmd& s) {
    return s.y >= kFirstYear && s.y <= kLastYear && s.m >= 1 && s.m <= 12 && s.d >= 1 &&
           s.d <= days_in_month(s.y, s.m);
}

// Days since 1970-01-01 of a valid Gregorian date (years >= 1): counts from a March-based year so the
// leap day is the last day of the counting year.
constexpr int day_number(int y, int m, int d) {
    const int yy = m <= 2 ? y - 1 : y;
    const int mm = (m + 9) % 12; // March = 0 .. February = 11
    return 365 * yy + yy / 4 - yy / 100 + yy / 400 + (153 * mm + 2) / 5 + d - 1 - 719468;
}

constexpr int floor_div(long a, long b) {
    return static_cast<int>(a >= 0 ? a / b : -((-a + b - 1) / b));
}

constexpr SolarYmd from_day_number(int n) {
    int y = 1969 + floor_div(400L * n, 146097); // at most a year early; step forward
    while (day_number(y + 1, 1, 1) <= n)
        ++y;
    int m = 1;
    while (m < 12 && day_number(y, m + 1, 1) <= n)
        ++m;
    return {y, m, n - day_number(y, m, 1) + 1};
}

constexpr int kFirstDay = day_number(kFirstYear, 1, 1);
constexpr int kLastDay = day_number(kLastYear, 12, 31);

constexpr std::uint32_t word(int lunar_year) {
    return kYears[static_cast<std::size_t>(lunar_year - kTableFirstYear)];
}
constexpr int table_leap(int lunar_year) {
    return static_cast<int>((word(lunar_year) >> 13) & 0xF);
}
constexpr int month_count(int lunar_year) {
    return table_leap(lunar_year) == 0 ? 12 : 13;
}
constexpr int new_year_day(int lunar_year) {
    return day_number(lunar_year, 1, 21) + static_cast<int>((word(lunar_year) >> 17) & 0x1F);
}
// Length of the i-th month (0-based, leap month in its place) of a lunar year.
constexpr int length_at(int lunar_year, int index) {
    return 29 + static_cast<int>((word(lunar_year) >> index) & 1);
}

// The 0-based position of (month, leap) within its year; -1 when the year has no such month.
constexpr int index_of(int lunar_year, int month, bool leap) {
    if (month < 1 || month > 12) return -1;
    const int lm = table_leap(lunar_year);
    if (leap && lm != month) return -1;
    return lm != 0 && (month > lm || leap) ? month : month - 1;
}

constexpr bool in_table(int lunar_year) {
    return lunar_year >= kTableFirstYear && lunar_year <= kTableLastYear;
}

// The table must be contiguous (each year ends where the next begins) and span the whole solar range.
constexpr bool table_is_consistent() {
    for (int y = kTableFirstYear; y <= kTableLastYear; ++y) {
        const int lm = table_leap(y);
        const std::uint32_t unused_length_bits = (word(y) & 0x1FFFu) >> month_count(y);
        if (lm > 12 || (word(y) >> 22) != 0 || unused_length_bits != 0) return false;
        int end = new_year_day(y);
        for (int i = 0; i < month_count(y); ++i)
            end += length_at(y, i);
        if (y < kTableLastYear ? end != new_year_day(y + 1) : end <= kLastDay) return false;
    }
    return new_year_day(kTableFirstYear) <= kFirstDay;
}
static_assert(day_number(1970, 1, 1) == 0 && day_number(2000, 3, 1) == 11017);
static_assert(from_day_number(day_number(2024, 2, 29)) == SolarYmd{2024, 2, 29} &&
              from_day_number(day_number(1901, 7, 1)) == SolarYmd{1901, 7, 1});
static_assert(table_is_consistent(), "lunar_table.inc is not contiguous");

} // namespace

std::optional<LunarYmd> to_lunar(SolarYmd solar) {
    if (!valid_solar(solar)) return std::nullopt;
    const int n = day_number(solar.y, solar.m, solar.d);
    const int year = n < new_year_day(solar.y) ? solar.y - 1 : solar.y;
    int offset = n - new_year_day(year);
    const int lm = table_leap(year);
    for (int i = 0; i < month_count(year); ++i) {
        const int len = length_at(year, i);
        if (offset < len) {
            const bool leap = lm != 0 && i == lm;
            const int month = lm != 0 && i >= lm ? i : i + 1;
            return LunarYmd{year, month, leap, offset + 1};
        }
        offset -= len;
    }
    return std::nullopt; // unreachable: the table is contiguous (static_assert above)
}

std::optional<SolarYmd> to_solar(LunarYmd lunar) {
    if (!in_table(lunar.year)) return std::nullopt;
    const int index = index_of(lunar.year, lunar.month, lunar.leap);
    if (index < 0 || lunar.day < 1 || lunar.day > length_at(lunar.year, index)) return std::nullopt;
    int n = new_year_day(lunar.year) + lunar.day - 1;
    for (int i = 0; i < index; ++i)
        n += length_at(lunar.year, i);
    if (n < kFirstDay || n > kLastDay) return std::nullopt;
    return from_day_number(n);
}

int leap_month(int lunar_year) {
    return in_table(lunar_year) ? table_leap(lunar_year) : 0;
}

int month_days(int lunar_year, int month, bool leap) {
    if (!in_table(lunar_year)) return 0;
    const int index = index_of(lunar_year, month, leap);
    return index < 0 ? 0 : length_at(lunar_year, index);
}

} // namespace keqing::calendar
