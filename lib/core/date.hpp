// Civil dates, months and times of day: strict ISO parsing with helpful errors, calendar arithmetic,
// and the clock (overridable with KEQING_NOW for reproducible tests).
#pragma once

#include "core/result.hpp"

#include <compare>
#include <string>
#include <string_view>

namespace keqing::core {

// True for Gregorian leap years.
bool is_leap_year(int year);
// Days in a month of a year (28..31).
int days_in_month(int year, int month);

// A calendar day, stored as days since 1970-01-01.
class Date {
  public:
    Date() = default;
    // The date of a valid year, month (1-12) and day; the caller has validated them.
    static Date from_ymd(int year, int month, int day);
    static Date from_serial(int days) { return Date(days); }

    int serial() const { return days_; }
    int year() const;
    int month() const;
    int day() const;
    // ISO 8601 text, YYYY-MM-DD.
    std::string iso() const;
    Date plus_days(int n) const { return Date(days_ + n); }
    friend int operator-(Date a, Date b) { return a.days_ - b.days_; }
    friend auto operator<=>(const Date&, const Date&) = default;

  private:
    explicit Date(int days) : days_(days) {}
    int days_ = 0;
};

// Parses YYYY-MM-DD strictly; `what` names the input in the error ("--date", "row 4 column date").
Result<Date> parse_date(std::string_view text, std::string_view what);

// A calendar month.
struct Month {
    int year = 1970;
    int month = 1;

    static Month of(Date d) { return Month{d.year(), d.month()}; }
    Date first() const { return Date::from_ymd(year, month, 1); }
    Date last() const { return Date::from_ymd(year, month, days()); }
    int days() const { return days_in_month(year, month); }
    Month next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
    Month previous() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }
    // YYYY-MM.
    std::string iso() const;
    friend auto operator<=>(const Month&, const Month&) = default;
};

// Parses YYYY-MM strictly.
Result<Month> parse_month(std::string_view text, std::string_view what);

// Parses a time of day HH:MM (24-hour), returning it normalised.
Result<std::string> parse_time(std::string_view text, std::string_view what);

// The current local date and time; KEQING_NOW=YYYY-MM-DDTHH:MM overrides it (tests, replays).
struct Now {
    Date date;
    std::string time; // HH:MM
    // (One allocation: an import stamps a million contacts with it.)
    std::string iso() const {
        std::string out = date.iso();
        out.reserve(out.size() + 1 + time.size());
        out += 'T';
        out += time;
        return out;
    }
};
Now now();
// Today's local date (see now()).
inline Date today() {
    return now().date;
}

} // namespace keqing::core
