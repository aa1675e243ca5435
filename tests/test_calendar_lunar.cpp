// Tests for keqing::calendar lunar conversion against reference data generated from lunar-javascript
// (tests/data/*.csv, produced by tools/gen_reference.js, independent of the C++ table's generator).
#include "calendar/lunar.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_calendar_lunar {

#ifndef KEQING_TEST_DATA_DIR
#error "KEQING_TEST_DATA_DIR must name the tests/data directory"
#endif

using keqing::calendar::LunarYmd;
using keqing::calendar::SolarYmd;
namespace cal = keqing::calendar;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& name) {
    std::ifstream in(std::string(KEQING_TEST_DATA_DIR) + "/" + name);
    REQUIRE_MESSAGE(in.good(), "cannot open " << name);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');)
            cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

SolarYmd parse_ymd(const std::string& text) {
    SolarYmd s;
    REQUIRE(std::sscanf(text.c_str(), "%d-%d-%d", &s.y, &s.m, &s.d) == 3);
    return s;
}

bool in_range(const SolarYmd& s) {
    return s.y >= cal::kFirstYear && s.y <= cal::kLastYear;
}

SolarYmd next_day(SolarYmd s) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (s.y % 4 == 0 && s.y % 100 != 0) || s.y % 400 == 0;
    const int dim = s.m == 2 && leap ? 29 : kDays[s.m - 1];
    if (++s.d > dim) {
        s.d = 1;
        if (++s.m > 12) s.m = 1, ++s.y;
    }
    return s;
}

} // namespace

TEST_SUITE("calendar::lunar") {

    TEST_CASE("every lunar month 1900-2099 matches the reference file") {
        const auto rows = read_csv("lunar_months.csv");
        CHECK(rows.size() >= 2470);
        std::map<int, int> months_per_year, leap_per_year;
        int checked_starts = 0;
        for (const auto& r : rows) {
            REQUIRE(r.size() == 5);
            const int year = std::stoi(r[0]), month = std::stoi(r[1]), days = std::stoi(r[4]);
            const bool leap = r[2] == "1";
            const SolarYmd start = parse_ymd(r[3]);
            INFO("lunar " << year << "-" << (leap ? "leap " : "") << month << " starting " << r[3]);
            ++months_per_year[year];
            if (leap) leap_per_year[year] = month;
            CHECK(cal::month_days(year, month, leap) == days);
            const LunarYmd first{year, month, leap, 1};
            if (in_range(start)) {
                ++checked_starts;
                CHECK(cal::to_solar(first) == start);
                CHECK(cal::to_lunar(start) == first);
            } else {
                CHECK_FALSE(cal::to_solar(first).has_value());
            }
        }
        CHECK(checked_starts >= 2460);
        CHECK(months_per_year.size() == 200);
        for (const auto& [year, count] : months_per_year) {
            INFO("lunar year " << year);
            const int leap = leap_per_year.count(year) ? leap_per_year[year] : 0;
            CHECK(cal::leap_month(year) == leap);
            CHECK(count == (leap ? 13 : 12));
        }
    }

    TEST_CASE("festivals 1901-2099 match the reference file") {
        const auto rows = read_csv("festivals.csv");
        CHECK(rows.size() == 199);
        for (const auto& r : rows) {
            REQUIRE(r.size() == 4);
            const int year = std::stoi(r[0]);
            INFO("year " << year);
            CHECK(cal::to_solar({year, 1, false, 1}) == parse_ymd(r[1]));
            CHECK(cal::to_solar({year, 5, false, 5}) == parse_ymd(r[2]));
            CHECK(cal::to_solar({year, 8, false, 15}) == parse_ymd(r[3]));
        }
    }

    TEST_CASE("round trip and continuity over every day 1901-01-01..2099-12-31") {
        SolarYmd day{cal::kFirstYear, 1, 1};
        auto prev = cal::to_lunar(day);
        REQUIRE(prev.has_value());
        CHECK(*prev == LunarYmd{1900, 11, false, 11});
        long count = 1, failures = 0;
        while (!(day == SolarYmd{cal::kLastYear, 12, 31})) {
            day = next_day(day);
            ++count;
            const auto lunar = cal::to_lunar(day);
            if (!lunar || cal::to_solar(*lunar) != day) {
                ++failures;
                FAIL_CHECK("round trip fails at " << day.y << "-" << day.m << "-" << day.d);
                continue;
            }
            // Each day is the next lunar day, or day 1 of the following month after a full month.
            const bool same_month =
                lunar->year == prev->year && lunar->month == prev->month && lunar->leap == prev->leap;
            const int prev_len = cal::month_days(prev->year, prev->month, prev->leap);
            if (same_month ? lunar->day != prev->day + 1 : lunar->day != 1 || prev->day != prev_len) {
                ++failures;
                FAIL_CHECK("discontinuity at " << day.y << "-" << day.m << "-" << day.d);
            }
            prev = lunar;
        }
        CHECK(count == 72684); // days in 1901..2099: 199 * 365 + 49 leap days
        CHECK(failures == 0);
        CHECK(*prev == LunarYmd{2099, 11, false, 20});
    }

    TEST_CASE("known dates") {
        CHECK(cal::to_solar({2027, 1, false, 1}) == SolarYmd{2027, 2, 6}); // ICU 72 says 2027-02-07
        CHECK(cal::to_lunar({2027, 2, 6}) == LunarYmd{2027, 1, false, 1});
        CHECK(cal::to_lunar({2027, 2, 5}) == LunarYmd{2026, 12, false, 29});
        CHECK(cal::to_solar({2026, 1, false, 1}) == SolarYmd{2026, 2, 17});
        CHECK(cal::to_lunar({2026, 2, 17}) == LunarYmd{2026, 1, false, 1});
        CHECK(cal::to_solar({2026, 5, false, 5}) == SolarYmd{2026, 6, 19});
        CHECK(cal::to_solar({2026, 8, false, 15}) == SolarYmd{2026, 9, 25});
        CHECK(cal::to_lunar({1901, 2, 18}) == LunarYmd{1900, 12, false, 30});
        CHECK(cal::to_lunar({1901, 2, 19}) == LunarYmd{1901, 1, false, 1});

        CHECK(cal::leap_month(2023) == 2);
        CHECK(cal::to_lunar({2023, 3, 22}) == LunarYmd{2023, 2, true, 1});
        CHECK(cal::leap_month(2020) == 4);
        CHECK(cal::to_solar({2020, 4, true, 1}) == SolarYmd{2020, 5, 23});
        CHECK(cal::leap_month(2025) == 6);
        CHECK(cal::to_solar({2025, 6, true, 1}) == SolarYmd{2025, 7, 25});
        // The 2033 problem: the leap month is the 11th (after 冬至), not the 7th.
        CHECK(cal::leap_month(2033) == 11);
        CHECK(cal::to_solar({2033, 11, true, 1}) == SolarYmd{2033, 12, 22});
        CHECK(cal::to_lunar({2034, 1, 19}) == LunarYmd{2033, 11, true, 29});
        CHECK(cal::leap_month(2024) == 0);
        CHECK(cal::leap_month(1900) == 8);

        // Disputed months (docs/CALENDAR.md): Beijing local time before 1929, near-midnight new moons.
        CHECK(cal::to_solar({1914, 10, false, 1}) == SolarYmd{1914, 11, 17});
        CHECK(cal::to_solar({1916, 1, false, 1}) == SolarYmd{1916, 2, 3});
        CHECK(cal::to_solar({1920, 10, false, 1}) == SolarYmd{1920, 11, 10});
        CHECK(cal::to_solar({1933, 6, false, 1}) == SolarYmd{1933, 7, 23});
        CHECK(cal::to_solar({2057, 9, false, 1}) == SolarYmd{2057, 9, 29});
        CHECK(cal::to_solar({2089, 8, false, 1}) == SolarYmd{2089, 9, 4});
        CHECK(cal::to_solar({2097, 7, false, 1}) == SolarYmd{2097, 8, 7});
        CHECK(cal::leap_month(1987) == 6);
        CHECK(cal::leap_month(1917) == 2);
        CHECK(cal::leap_month(1922) == 5);
    }

    TEST_CASE("month_days and leap_month edge cases") {
        CHECK(cal::month_days(2033, 11, true) == 29);
        CHECK(cal::month_days(2033, 7, true) == 0); // 2033 has no leap 7th month
        CHECK(cal::month_days(2024, 1, true) == 0);
        CHECK(cal::month_days(2024, 0, false) == 0);
        CHECK(cal::month_days(2024, 13, false) == 0);
        CHECK(cal::month_days(1899, 1, false) == 0);
        CHECK(cal::month_days(2100, 1, false) == 0);
        CHECK(cal::leap_month(1899) == 0);
        CHECK(cal::leap_month(2100) == 0);
    }

    TEST_CASE("invalid inputs return nullopt") {
        CHECK_FALSE(cal::to_lunar({1900, 12, 31}).has_value());
        CHECK_FALSE(cal::to_lunar({2100, 1, 1}).has_value());
        CHECK_FALSE(cal::to_lunar({2023, 2, 29}).has_value());
        CHECK_FALSE(cal::to_lunar({2023, 4, 31}).has_value());
        CHECK_FALSE(cal::to_lunar({2023, 0, 1}).has_value());
        CHECK_FALSE(cal::to_lunar({2023, 13, 1}).has_value());
        CHECK_FALSE(cal::to_lunar({2023, 1, 0}).has_value());
        CHECK_FALSE(cal::to_lunar({}).has_value());
        CHECK(cal::to_lunar({2024, 2, 29}).has_value());

        CHECK_FALSE(cal::to_solar({2023, 1, false, 30}).has_value()); // 2023-1 has 29 days
        CHECK(cal::to_solar({2023, 1, false, 29}).has_value());
        CHECK_FALSE(cal::to_solar({2023, 3, true, 1}).has_value()); // 2023's leap month is the 2nd
        CHECK_FALSE(cal::to_solar({2024, 1, true, 1}).has_value()); // 2024 has no leap month
        CHECK_FALSE(cal::to_solar({2024, 0, false, 1}).has_value());
        CHECK_FALSE(cal::to_solar({2024, 13, false, 1}).has_value());
        CHECK_FALSE(cal::to_solar({2024, 1, false, 0}).has_value());
        CHECK_FALSE(cal::to_solar({2024, 1, false, 31}).has_value());
        CHECK_FALSE(cal::to_solar({1899, 1, false, 1}).has_value());
        CHECK_FALSE(cal::to_solar({2100, 1, false, 1}).has_value());
        CHECK_FALSE(cal::to_solar({1900, 11, false, 10}).has_value()); // 1900-12-31, before the range
        CHECK(cal::to_solar({1900, 11, false, 11}) == SolarYmd{1901, 1, 1});
        CHECK(cal::to_solar({2099, 11, false, 20}) == SolarYmd{2099, 12, 31});
        CHECK_FALSE(cal::to_solar({2099, 11, false, 21}).has_value()); // 2100-01-01, after the range
        CHECK_FALSE(cal::to_solar({}).has_value());
    }

} // TEST_SUITE

} // namespace unit_calendar_lunar
