// Recurring-date parsing and the occurrence rules for lunar leap months, short lunar months and
// solar leap days.
#include "calendar/recurring.hpp"

#include "calendar/lunar.hpp"

#include <algorithm>
#include <charconv>

namespace keqing::calendar {
namespace {

bool read_int(std::string_view text, int& out) {
    if (text.empty() || text.size() > 4) return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

} // namespace

std::string Recurring::text() const {
    if (kind == Kind::lunar) return fmt::format("lunar:{}{}-{}", leap ? "L" : "", month, day);
    if (year) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    return fmt::format("{:02}-{:02}", month, day);
}

Result<Recurring> parse_recurring(std::string_view text, std::string_view what) {
    Recurring r;
    if (text.starts_with("lunar:")) {
        std::string_view rest = text.substr(6);
        r.kind = Recurring::Kind::lunar;
        if (rest.starts_with('L') || rest.starts_with('l')) {
            r.leap = true;
            rest.remove_prefix(1);
        }
        const auto dash = rest.find('-');
        if (dash == std::string_view::npos || !read_int(rest.substr(0, dash), r.month) ||
            !read_int(rest.substr(dash + 1), r.day))
            return data_error(
                "{}: '{}' is not a lunar date; write lunar:M-D (lunar:8-15) or lunar:L4-12 for a "
                "leap month",
                what, text);
        if (r.month < 1 || r.month > 12 || r.day < 1 || r.day > 30)
            return data_error("{}: '{}' is not a lunar date: months run 1-12 and days 1-30", what, text);
        return r;
    }
    if (text.size() == 10) {
        KQ_TRY(core::Date d, core::parse_date(text, what));
        r.year = d.year();
        r.month = d.month();
        r.day = d.day();
        return r;
    }
    if (text.size() == 5 && text[2] == '-' && read_int(text.substr(0, 2), r.month) &&
        read_int(text.substr(3), r.day)) {
        if (r.month < 1 || r.month > 12 || r.day < 1 || r.day > core::days_in_month(2000, r.month))
            return data_error("{}: '{}' is not a real month and day", what, text);
        return r;
    }
    return data_error("{}: '{}' is not a date; write YYYY-MM-DD, MM-DD, lunar:M-D or lunar:L4-12", what,
                      text);
}

std::vector<core::Date> occurrences(const Recurring& r, core::Date from, core::Date to) {
    std::vector<core::Date> out;
    if (to < from) return out;
    for (int year = from.year() - 1; year <= to.year(); ++year) {
        std::optional<core::Date> date;
        if (r.kind == Recurring::Kind::solar) {
            if (year < from.year()) continue;
            const int day = std::min(r.day, core::days_in_month(year, r.month));
            date = core::Date::from_ymd(year, r.month, day);
        } else {
            const bool leap = r.leap && leap_month(year) == r.month;
            const int length = month_days(year, r.month, leap);
            if (length == 0) continue;
            const auto solar = to_solar(LunarYmd{year, r.month, leap, std::min(r.day, length)});
            if (!solar) continue;
            date = core::Date::from_ymd(solar->y, solar->m, solar->d);
        }
        if (*date >= from && *date <= to) out.push_back(*date);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string lunar_label(int month, int day, bool leap) {
    static constexpr const char* kMonths[] = {"正", "二", "三", "四", "五", "六",
                                              "七", "八", "九", "十", "冬", "腊"};
    static constexpr const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    std::string d;
    if (day <= 10)
        d = std::string("初") + kDigits[day];
    else if (day < 20)
        d = std::string("十") + kDigits[day - 10];
    else if (day == 20)
        d = "二十";
    else if (day < 30)
        d = std::string("廿") + kDigits[day - 20];
    else
        d = "三十";
    return fmt::format("{}{}月{}", leap ? "闰" : "", kMonths[month - 1], d);
}

} // namespace keqing::calendar
