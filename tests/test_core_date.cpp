// Tests for core/date: strict parsing, month lengths, leap years and arithmetic.
#include "core/date.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_date {

using namespace keqing;
using core::Date;
using core::Month;

TEST_SUITE("core::date") {
    TEST_CASE("days in month for 28-, 29-, 30- and 31-day months") {
        CHECK(core::days_in_month(2026, 2) == 28);
        CHECK(core::days_in_month(2024, 2) == 29);
        CHECK(core::days_in_month(2000, 2) == 29);
        CHECK(core::days_in_month(1900, 2) == 28);
        CHECK(core::days_in_month(2100, 2) == 28);
        CHECK(core::days_in_month(2026, 4) == 30);
        CHECK(core::days_in_month(2026, 12) == 31);
    }

    TEST_CASE("parse accepts real dates and round-trips") {
        auto d = core::parse_date("2024-02-29", "--date");
        REQUIRE(d.ok());
        CHECK(d->iso() == "2024-02-29");
        CHECK(d->year() == 2024);
        CHECK(d->month() == 2);
        CHECK(d->day() == 29);
        CHECK(Date::from_ymd(1970, 1, 1).serial() == 0);
        CHECK(Date::from_ymd(2026, 11, 23).plus_days(8).iso() == "2026-12-01");
        CHECK(Date::from_ymd(2026, 3, 1) - Date::from_ymd(2026, 2, 1) == 28);
    }

    TEST_CASE("parse rejects impossible and malformed dates with a clear message") {
        auto feb30 = core::parse_date("2026-02-30", "--date");
        REQUIRE_FALSE(feb30.ok());
        CHECK(feb30.error().code == Exit::data);
        CHECK(feb30.error().message == "--date: '2026-02-30' is not a real date: February 2026 has 28 days");
        CHECK_FALSE(core::parse_date("2025-02-29", "x").ok());
        CHECK_FALSE(core::parse_date("2026-13-01", "x").ok());
        CHECK_FALSE(core::parse_date("2026-00-10", "x").ok());
        CHECK_FALSE(core::parse_date("2026-1-5", "x").ok());
        CHECK_FALSE(core::parse_date("20261105", "x").ok());
        CHECK_FALSE(core::parse_date("", "x").ok());
        CHECK_FALSE(core::parse_date("2026-11-05 ", "x").ok());
        CHECK_FALSE(core::parse_date("2026-04-31", "x").ok());
    }

    TEST_CASE("months: first, last, next and parsing") {
        auto m = core::parse_month("2024-02", "--month");
        REQUIRE(m.ok());
        CHECK(m->first().iso() == "2024-02-01");
        CHECK(m->last().iso() == "2024-02-29");
        CHECK(Month{2026, 12}.next().iso() == "2027-01");
        CHECK(Month{2026, 1}.previous().iso() == "2025-12");
        CHECK_FALSE(core::parse_month("2026-13", "--month").ok());
        CHECK_FALSE(core::parse_month("2026-1", "--month").ok());
    }

    TEST_CASE("times of day") {
        CHECK(*core::parse_time("09:05", "--time") == "09:05");
        CHECK(*core::parse_time("9:05", "--time") == "09:05");
        CHECK_FALSE(core::parse_time("24:00", "--time").ok());
        CHECK_FALSE(core::parse_time("12:60", "--time").ok());
        CHECK_FALSE(core::parse_time("noon", "--time").ok());
    }

    TEST_CASE("KEQING_NOW fixes the clock") {
        setenv("KEQING_NOW", "2026-11-20T15:45", 1);
        CHECK(core::now().iso() == "2026-11-20T15:45");
        CHECK(core::today().iso() == "2026-11-20");
        unsetenv("KEQING_NOW");
    }
}

} // namespace unit_core_date
