// Tests for core/when: dates and months as people say them, resolved against fixed today dates
// (a Friday, a Monday, a Sunday, month and year boundaries, leap days).
#include "core/when.hpp"
#include "support.hpp"

#include <string>

using namespace keqing;
using core::Date;

namespace {

const Date kFriday = Date::from_ymd(2026, 11, 20);
const Date kMonday = Date::from_ymd(2026, 11, 16);
const Date kSunday = Date::from_ymd(2026, 11, 22);

// The day `text` means on `today`, as ISO text, or the error message.
std::string day(std::string_view text, Date today = kFriday) {
    auto d = core::parse_spoken_date(text, "--date", today);
    return d ? d->iso() : d.error().message;
}

std::string month(std::string_view text, Date today = kFriday) {
    auto m = core::parse_spoken_month(text, "--month", today);
    return m ? m->iso() : m.error().message;
}

} // namespace

TEST_SUITE("core::when") {
    TEST_CASE("ISO dates are read as before") {
        CHECK(day("2026-11-05") == "2026-11-05");
        CHECK(day("2024-02-29") == "2024-02-29");
        CHECK(day("2026-02-30") == "--date: '2026-02-30' is not a real date: February 2026 has 28 days");
        CHECK(day("2026年11月5日") == "2026-11-05");
        CHECK(day("2026/11/5") == "2026-11-05");
    }

    TEST_CASE("today, yesterday and days ago, in English and Chinese") {
        CHECK(day("today") == "2026-11-20");
        CHECK(day(" Today ") == "2026-11-20");
        CHECK(day("今天") == "2026-11-20");
        CHECK(day("yesterday") == "2026-11-19");
        CHECK(day("昨天") == "2026-11-19");
        CHECK(day("前天") == "2026-11-18");
        CHECK(day("大前天") == "2026-11-17");
        CHECK(day("-3") == "2026-11-17");
        CHECK(day("-0") == "2026-11-20");
        CHECK(day("-20") == "2026-10-31");
        CHECK(day("+1") == "2026-11-21");
        CHECK(day("tomorrow") == "2026-11-21");
        CHECK(day("明天") == "2026-11-21");
        CHECK(day("-99999").starts_with("--date: '-99999' is not a number of days"));
        CHECK(day("-3d").starts_with("--date: '-3d' is not a number of days"));
    }

    TEST_CASE("a weekday is the latest such day on or before today") {
        CHECK(day("fri") == "2026-11-20");
        CHECK(day("FRIDAY") == "2026-11-20");
        CHECK(day("thu") == "2026-11-19");
        CHECK(day("sat") == "2026-11-14");
        CHECK(day("mon") == "2026-11-16");
        CHECK(day("周一") == "2026-11-16");
        CHECK(day("星期天") == "2026-11-15");
        CHECK(day("星期日") == "2026-11-15");
        CHECK(day("mon", kMonday) == "2026-11-16");
        CHECK(day("sun", kMonday) == "2026-11-15");
        CHECK(day("tue", kMonday) == "2026-11-10");
        CHECK(day("sun", kSunday) == "2026-11-22");
        CHECK(day("mon", kSunday) == "2026-11-16");
    }

    TEST_CASE("上周 and 这周 name a day of the previous or current Monday-Sunday week") {
        CHECK(day("上周五") == "2026-11-13");
        CHECK(day("上周一") == "2026-11-09");
        CHECK(day("上周日") == "2026-11-15");
        CHECK(day("上星期三") == "2026-11-11");
        CHECK(day("这周三") == "2026-11-18");
        CHECK(day("本周日") == "2026-11-22");
        CHECK(day("上周五", kMonday) == "2026-11-13");
        CHECK(day("上周日", kMonday) == "2026-11-15");
        CHECK(day("上周五", kSunday) == "2026-11-13");
        CHECK(day("上周一", Date::from_ymd(2027, 1, 1)) == "2026-12-21");
        CHECK(day("上周八").starts_with("--date: '上周八' is not a date"));
    }

    TEST_CASE("a year-less day is the latest such day not after today") {
        CHECK(day("11-05") == "2026-11-05");
        CHECK(day("11-20") == "2026-11-20");
        CHECK(day("11-21") == "2025-11-21");
        CHECK(day("11月5日") == "2026-11-05");
        CHECK(day("12月25号") == "2025-12-25");
        const Date new_year = Date::from_ymd(2027, 1, 1);
        CHECK(day("-1", new_year) == "2026-12-31");
        CHECK(day("12-31", new_year) == "2026-12-31");
        CHECK(day("01-01", new_year) == "2027-01-01");
        CHECK(day("1月2日", new_year) == "2026-01-02");
    }

    TEST_CASE("leap days") {
        CHECK(day("yesterday", Date::from_ymd(2028, 3, 1)) == "2028-02-29");
        CHECK(day("02-29", Date::from_ymd(2028, 3, 1)) == "2028-02-29");
        CHECK(day("02-29", Date::from_ymd(2027, 3, 1)) == "2024-02-29");
        CHECK(day("2028年2月29日") == "2028-02-29");
        CHECK(day("2026年2月29日") == "--date: '2026年2月29日' is not a real date: 2026-02 has 28 days");
        CHECK(day("2月30日") == "--date: '2月30日' is not a real date: month 2 has 29 days");
        CHECK(day("13月1日") == "--date: '13月1日' has no month 13; months run 1 to 12");
    }

    TEST_CASE("slashed days are refused when both readings are real") {
        CHECK(day("5/6") == "--date: '5/6' is ambiguous: 2026-05-06 or 2026-06-05; write 2026-05-06");
        CHECK(day("5/6/2026") ==
              "--date: '5/6/2026' is ambiguous: 2026-05-06 or 2026-06-05; write 2026-05-06");
        CHECK(day("5/13") == "2026-05-13");
        CHECK(day("13/5") == "2026-05-13");
        CHECK(day("5/5") == "2026-05-05");
        CHECK(day("2026/5/6") == "2026-05-06");
        CHECK(day("13/13") == "--date: '13/13' is not a real date; write YYYY-MM-DD");
    }

    TEST_CASE("anything else is refused naming the option and the forms") {
        for (const char* text : {"", "fri day", "someday", "-", "2026年", "5//6", "上周", "周八", "11-"})
            CHECK(day(text).starts_with("--date: '" + std::string(text) + "' is not"));
    }

    TEST_CASE("months this, last, -N, 上月 and year-less 11月") {
        CHECK(month("2026-03") == "2026-03");
        CHECK(month("this") == "2026-11");
        CHECK(month("本月") == "2026-11");
        CHECK(month("last") == "2026-10");
        CHECK(month("LAST") == "2026-10");
        CHECK(month("上月") == "2026-10");
        CHECK(month("上个月") == "2026-10");
        CHECK(month("-1") == "2026-10");
        CHECK(month("-11") == "2025-12");
        CHECK(month("11月") == "2026-11");
        CHECK(month("12月") == "2025-12");
        CHECK(month("2026年3月") == "2026-03");
        const Date new_year = Date::from_ymd(2027, 1, 1);
        CHECK(month("last", new_year) == "2026-12");
        CHECK(month("上月", new_year) == "2026-12");
        CHECK(month("-13", new_year) == "2025-12");
        CHECK(month("1月", new_year) == "2027-01");
        CHECK(month("13月") == "--month: '13月' has no month 13; months run 1 to 12");
        CHECK(month("2026-13") == "--month: '2026-13' has no month 13; months run 01 to 12");
        CHECK(month("yesterday").starts_with("--month: 'yesterday' is not a month; write YYYY-MM"));
        CHECK(month("-5000").starts_with("--month: '-5000' is not a month"));
    }
}
