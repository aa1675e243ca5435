// Tests for calendar/recurring: parsing, canonical text and the occurrence rules for leap months,
// short lunar months and solar leap days.
#include "calendar/lunar.hpp"
#include "calendar/recurring.hpp"
#include "support.hpp"

#include <algorithm>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_calendar_recurring {

using namespace keqing;
using calendar::Recurring;
using test::day;

namespace {

std::vector<std::string> dates(const Recurring& r, const char* from, const char* to) {
    std::vector<std::string> out;
    for (const auto d : calendar::occurrences(r, day(from), day(to)))
        out.push_back(d.iso());
    return out;
}

Recurring parsed(const char* text) {
    auto r = calendar::parse_recurring(text, "--birthday");
    REQUIRE(r.ok());
    return *r;
}

} // namespace

TEST_SUITE("calendar::recurring") {
    TEST_CASE("parsing and canonical text") {
        CHECK(parsed("lunar:8-15").text() == "lunar:8-15");
        CHECK(parsed("lunar:L4-12").text() == "lunar:L4-12");
        CHECK(parsed("lunar:l4-12").leap);
        CHECK(parsed("1985-03-12").text() == "1985-03-12");
        CHECK(parsed("02-29").text() == "02-29");
        CHECK_FALSE(calendar::parse_recurring("lunar:13-1", "x").ok());
        CHECK_FALSE(calendar::parse_recurring("lunar:1-31", "x").ok());
        CHECK_FALSE(calendar::parse_recurring("lunar:8", "x").ok());
        CHECK_FALSE(calendar::parse_recurring("02-30", "x").ok());
        CHECK_FALSE(calendar::parse_recurring("2026-02-30", "x").ok());
        CHECK(calendar::parse_recurring("8-15", "--birthday").error().message.find("lunar:M-D") !=
              std::string::npos);
    }

    TEST_CASE("festivals on the official calendar") {
        CHECK(dates(parsed("lunar:1-1"), "2027-01-01", "2027-12-31") ==
              std::vector<std::string>{"2027-02-06"});
        CHECK(dates(parsed("lunar:8-15"), "2026-01-01", "2026-12-31") ==
              std::vector<std::string>{"2026-09-25"});
        CHECK(dates(parsed("lunar:5-5"), "2026-01-01", "2026-12-31") ==
              std::vector<std::string>{"2026-06-19"});
        // A late lunar date of the previous lunar year falls early in the solar year.
        CHECK(dates(parsed("lunar:12-30"), "2026-01-01", "2026-12-31").size() == 1);
    }

    TEST_CASE(
        "a leap-month birthday falls in the leap month when the year has one, else the ordinary month") {
        REQUIRE(calendar::leap_month(2020) == 4);
        const auto leap = parsed("lunar:L4-12");
        const auto in2020 = dates(leap, "2020-01-01", "2020-12-31");
        REQUIRE(in2020.size() == 1);
        const auto leap_day = calendar::to_solar({2020, 4, true, 12});
        CHECK(in2020[0] == core::Date::from_ymd(leap_day->y, leap_day->m, leap_day->d).iso());
        const auto ordinary2021 = calendar::to_solar({2021, 4, false, 12});
        CHECK(dates(leap, "2021-01-01", "2021-12-31") ==
              std::vector<std::string>{
                  core::Date::from_ymd(ordinary2021->y, ordinary2021->m, ordinary2021->d).iso()});
        // An ordinary 4-12 birthday never falls in the leap month.
        const auto ordinary2020 = calendar::to_solar({2020, 4, false, 12});
        CHECK(dates(parsed("lunar:4-12"), "2020-01-01", "2020-12-31") ==
              std::vector<std::string>{
                  core::Date::from_ymd(ordinary2020->y, ordinary2020->m, ordinary2020->d).iso()});
    }

    TEST_CASE("day 30 of a 29-day lunar month falls on day 29") {
        int year = 2026, month = 1;
        while (calendar::month_days(year, month, false) != 29)
            ++month;
        const auto last = calendar::to_solar({year, month, false, 29});
        const std::string expected = core::Date::from_ymd(last->y, last->m, last->d).iso();
        const Recurring thirtieth{Recurring::Kind::lunar, month, 30, false, 0};
        const auto found = dates(thirtieth, "2026-01-01", "2026-12-31");
        CHECK(std::find(found.begin(), found.end(), expected) != found.end());
    }

    TEST_CASE("a solar Feb 29 birthday falls on Feb 28 in common years") {
        CHECK(dates(parsed("2000-02-29"), "2026-01-01", "2026-12-31") ==
              std::vector<std::string>{"2026-02-28"});
        CHECK(dates(parsed("2000-02-29"), "2028-01-01", "2028-12-31") ==
              std::vector<std::string>{"2028-02-29"});
    }

    TEST_CASE("ranges and edges") {
        CHECK(dates(parsed("11-15"), "2026-11-15", "2026-11-15") == std::vector<std::string>{"2026-11-15"});
        CHECK(dates(parsed("11-15"), "2026-11-16", "2027-11-14").empty());
        CHECK(dates(parsed("11-15"), "2026-01-01", "2028-12-31").size() == 3);
        CHECK(dates(parsed("lunar:1-1"), "2100-01-01", "2100-12-31").empty()); // outside the calendar's range
        CHECK(calendar::lunar_label(8, 15, false) == "八月十五");
        CHECK(calendar::lunar_label(1, 1, false) == "正月初一");
        CHECK(calendar::lunar_label(4, 12, true) == "闰四月十二");
    }
}

} // namespace unit_calendar_recurring
