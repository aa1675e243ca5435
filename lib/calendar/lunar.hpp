// Chinese lunisolar calendar (农历) conversion for solar dates 1901-01-01..2099-12-31, following the
// published calendar (GB/T 33661-2017 rules; Beijing local mean time before 1929), from a generated table.
#pragma once

#include <optional>

namespace keqing::calendar {

struct SolarYmd {
    int y = 0, m = 0, d = 0;
    friend bool operator==(const SolarYmd&, const SolarYmd&) = default;
};

struct LunarYmd {
    int year = 0;
    int month = 0;
    bool leap = false;
    int day = 0;
    friend bool operator==(const LunarYmd&, const LunarYmd&) = default;
};

inline constexpr int kFirstYear = 1901; // solar years covered, inclusive
inline constexpr int kLastYear = 2099;

// Lunar date of a solar date; std::nullopt when the solar date is invalid or outside kFirstYear..kLastYear.
std::optional<LunarYmd> to_lunar(SolarYmd solar);
// Solar date of a lunar date; std::nullopt when that lunar date does not exist (e.g. day 30 of a 29-day
// month, a leap month the year lacks) or its solar date is outside kFirstYear..kLastYear.
std::optional<SolarYmd> to_solar(LunarYmd lunar);
// The leap month of lunar year y (1..12), 0 when the year has none (or is outside the table, 1900..2099).
int leap_month(int lunar_year);
// Days (29 or 30) in a lunar month, 0 when no such month (or the year is outside the table, 1900..2099).
int month_days(int lunar_year, int month, bool leap);

} // namespace keqing::calendar
