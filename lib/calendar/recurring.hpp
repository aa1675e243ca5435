// Dates that come back every year — festivals and birthdays — on the solar or the lunar calendar,
// written `MM-DD`, `YYYY-MM-DD`, `lunar:M-D` or `lunar:L4-12` (leap month), and their occurrences.
#pragma once

#include "core/date.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace keqing::calendar {

struct Recurring {
    enum class Kind { solar, lunar };
    Kind kind = Kind::solar;
    int month = 1;
    int day = 1;
    bool leap = false; // lunar only: the leap month of that number
    int year = 0;      // solar dates written with a year (a birth date); 0 otherwise

    // Canonical text: "1985-03-12", "03-12", "lunar:8-15", "lunar:L4-12".
    std::string text() const;
    friend bool operator==(const Recurring&, const Recurring&) = default;
};

// Parses a recurring date; `what` names the input in errors.
Result<Recurring> parse_recurring(std::string_view text, std::string_view what);

// Solar dates on which `r` falls between `from` and `to` (inclusive), in order. Rules: a lunar date in a
// leap month falls in the leap month in years that have it and in the ordinary month otherwise; an
// ordinary lunar date never falls in the leap month; day 30 of a 29-day lunar month falls on day 29;
// a solar 02-29 falls on 02-28 in common years. Days outside 1901..2099 have no lunar occurrences.
std::vector<core::Date> occurrences(const Recurring& r, core::Date from, core::Date to);

// "农历八月十五"-style Chinese rendering of a lunar month and day, for calendars and cards.
std::string lunar_label(int month, int day, bool leap);

} // namespace keqing::calendar
