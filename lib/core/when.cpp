// The spoken-date parser: tries each accepted form in turn against a fixed today; anything that
// could mean two days is refused with both readings so the user can write the one they meant.
#include "core/when.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace keqing::core {
namespace {

constexpr int kMaxDays = 3660;
constexpr int kMaxMonths = 1200;
constexpr const char* kForms =
    "YYYY-MM-DD, today, yesterday, -3, mon..sun, 昨天, 前天, 周五, 上周五 or 11-05";

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A whole string of 1..`width` ASCII digits as a number.
std::optional<int> number(std::string_view s, size_t width) {
    if (s.empty() || s.size() > width) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    int n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

bool eat(std::string_view& s, std::string_view prefix) {
    if (s.substr(0, prefix.size()) != prefix) return false;
    s.remove_prefix(prefix.size());
    return true;
}

// Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday).
int weekday(Date d) {
    return ((d.serial() % 7) + 7 + 3) % 7;
}

std::optional<int> english_weekday(std::string_view s) {
    static constexpr std::array<const char*, 7> names = {"monday", "tuesday",  "wednesday", "thursday",
                                                         "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i) {
        const std::string_view full = names[static_cast<size_t>(i)];
        if (s == full || s == full.substr(0, 3) || (i == 1 && s == "tues") || (i == 3 && s == "thur") ||
            (i == 3 && s == "thurs"))
            return i;
    }
    return std::nullopt;
}

std::optional<int> chinese_weekday(std::string_view s) {
    static constexpr std::array<const char*, 8> digits = {"一", "二", "三", "四", "五", "六", "日", "天"};
    if (!eat(s, "周") && !eat(s, "星期") && !eat(s, "礼拜")) return std::nullopt;
    for (int i = 0; i < 8; ++i)
        if (s == digits[static_cast<size_t>(i)]) return i == 7 ? 6 : i;
    return std::nullopt;
}

bool real(int y, int m, int d) {
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// The latest month-day not after today, looking back up to eight years (for 02-29).
std::optional<Date> latest(int m, int d, Date today) {
    for (int y = today.year(); y >= today.year() - 8; --y)
        if (real(y, m, d) && Date::from_ymd(y, m, d) <= today) return Date::from_ymd(y, m, d);
    return std::nullopt;
}

Result<Date> checked(int y, int m, int d, std::string_view text, std::string_view what) {
    if (y < 1900 || y > 2199)
        return data_error("{}: year {} in '{}' is out of range; use a year from 1900 to 2199", what, y, text);
    if (m < 1 || m > 12) return data_error("{}: '{}' has no month {}; months run 1 to 12", what, text, m);
    if (!real(y, m, d))
        return data_error("{}: '{}' is not a real date: {}-{:02} has {} days", what, text, y, m,
                          days_in_month(y, m));
    return Date::from_ymd(y, m, d);
}

Result<Date> year_less(int m, int d, std::string_view text, std::string_view what, Date today) {
    if (m < 1 || m > 12) return data_error("{}: '{}' has no month {}; months run 1 to 12", what, text, m);
    if (d < 1 || d > days_in_month(2024, m))
        return data_error("{}: '{}' is not a real date: month {} has {} days", what, text, m,
                          days_in_month(2024, m));
    if (auto day = latest(m, d, today)) return *day;
    return data_error("{}: '{}' is not a real date in recent years; write YYYY-MM-DD", what, text);
}

// 5/6 or 5/6/2026: month/day or day/month; accepted only when one reading is a real date.
Result<Date> slashed(std::string_view a, std::string_view b, std::optional<int> year, std::string_view text,
                     std::string_view what, Date today) {
    const auto x = number(a, 2), y = number(b, 2);
    if (!x || !y) return data_error("{}: '{}' is not a date; write {}", what, text, kForms);
    std::vector<Date> readings;
    for (auto [m, d] : {std::pair{*x, *y}, std::pair{*y, *x}}) {
        std::optional<Date> day;
        if (year && real(*year, m, d)) day = Date::from_ymd(*year, m, d);
        if (!year && m >= 1 && m <= 12) day = latest(m, d, today);
        if (day && (readings.empty() || readings.front() != *day)) readings.push_back(*day);
    }
    if (readings.size() == 1) return readings.front();
    if (readings.empty()) return data_error("{}: '{}' is not a real date; write YYYY-MM-DD", what, text);
    return data_error("{}: '{}' is ambiguous: {} or {}; write {}", what, text, readings[0].iso(),
                      readings[1].iso(), readings[0].iso());
}

std::optional<int> signed_count(std::string_view s, char sign, int bound) {
    if (s.size() < 2 || s.front() != sign) return std::nullopt;
    const auto n = number(s.substr(1), 5);
    if (!n || *n > bound) return std::nullopt;
    return *n;
}

bool has_control(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

} // namespace

Result<Date> parse_spoken_date(std::string_view text, std::string_view what, Date today) {
    if (has_control(text))
        return data_error("{}: the date has a control character (a newline?); write {}", what, kForms);
    const std::string low = lower_trimmed(text);
    std::string_view s = low;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') return parse_date(s, what);
    if (s == "today" || s == "今天" || s == "今日") return today;
    if (s == "yesterday" || s == "昨天" || s == "昨日") return today.plus_days(-1);
    if (s == "前天") return today.plus_days(-2);
    if (s == "大前天") return today.plus_days(-3);
    if (s == "tomorrow" || s == "明天") return today.plus_days(1);
    if (s.size() > 1 && (s[0] == '-' || s[0] == '+')) {
        if (auto n = signed_count(s, '-', kMaxDays)) return today.plus_days(-*n);
        if (auto n = signed_count(s, '+', kMaxDays)) return today.plus_days(*n);
        return data_error("{}: '{}' is not a number of days; write -1 to -{} (days ago) or +1 to +{}", what,
                          text, kMaxDays, kMaxDays);
    }
    if (auto w = english_weekday(s)) return today.plus_days(-((weekday(today) - *w + 7) % 7));
    if (auto w = chinese_weekday(s)) return today.plus_days(-((weekday(today) - *w + 7) % 7));
    const Date monday = today.plus_days(-weekday(today));
    std::string_view rest = s;
    if (eat(rest, "上")) {
        if (auto w = chinese_weekday(rest)) return monday.plus_days(*w - 7);
    }
    rest = s;
    if (eat(rest, "这") || eat(rest, "本")) {
        if (auto w = chinese_weekday(rest)) return monday.plus_days(*w);
    }
    // 2026年11月5日, 11月5日 (or 号).
    rest = s;
    std::optional<int> year;
    if (const size_t at = rest.find("年"); at != std::string_view::npos) {
        year = number(rest.substr(0, at), 4);
        if (!year) return data_error("{}: '{}' is not a date; write {}", what, text, kForms);
        rest.remove_prefix(at + std::string_view("年").size());
    }
    if (const size_t at = rest.find("月"); at != std::string_view::npos) {
        std::string_view day = rest.substr(at + std::string_view("月").size());
        if (!(day.ends_with("日") || day.ends_with("号")))
            return data_error("{}: '{}' is not a date; write {}", what, text, kForms);
        day.remove_suffix(std::string_view("日").size());
        const auto m = number(rest.substr(0, at), 2), d = number(day, 2);
        if (!m || !d) return data_error("{}: '{}' is not a date; write {}", what, text, kForms);
        return year ? checked(*year, *m, *d, text, what) : year_less(*m, *d, text, what, today);
    }
    if (year) return data_error("{}: '{}' is not a date; write {}", what, text, kForms);
    // 11-05, 2026/11/5, 5/6, 5/6/2026.
    if (const size_t dash = s.find('-');
        dash != std::string_view::npos && s.find('/') == std::string_view::npos) {
        const auto m = number(s.substr(0, dash), 2), d = number(s.substr(dash + 1), 2);
        if (m && d) return year_less(*m, *d, text, what, today);
    }
    if (const size_t a = s.find('/'); a != std::string_view::npos) {
        const size_t b = s.find('/', a + 1);
        if (b == std::string_view::npos)
            return slashed(s.substr(0, a), s.substr(a + 1), std::nullopt, text, what, today);
        if (a == 4) {
            const auto y = number(s.substr(0, 4), 4), m = number(s.substr(5, b - 5), 2),
                       d = number(s.substr(b + 1), 2);
            if (y && m && d) return checked(*y, *m, *d, text, what);
        } else if (auto y = number(s.substr(b + 1), 4); y && s.size() - b - 1 == 4) {
            return slashed(s.substr(0, a), s.substr(a + 1, b - a - 1), y, text, what, today);
        }
    }
    return data_error("{}: '{}' is not a date; write {}", what, text, kForms);
}

Result<Month> parse_spoken_month(std::string_view text, std::string_view what, Date today) {
    if (has_control(text))
        return data_error(
            "{}: the month has a control character (a newline?); write YYYY-MM, this, last or 上月", what);
    const std::string low = lower_trimmed(text);
    std::string_view s = low;
    const Month now = Month::of(today);
    if (s.size() == 7 && s[4] == '-') return parse_month(s, what);
    if (s == "this" || s == "本月" || s == "这个月" || s == "这月") return now;
    if (s == "last" || s == "上月" || s == "上个月") return now.previous();
    if (s == "next" || s == "下月" || s == "下个月") return now.next();
    if (auto n = signed_count(s, '-', kMaxMonths)) {
        Month m = now;
        for (int i = 0; i < *n; ++i)
            m = m.previous();
        if (m.year < 1900) return data_error("{}: '{}' is before 1900; write YYYY-MM", what, text);
        return m;
    }
    if (s.ends_with("月")) {
        std::string_view rest = s.substr(0, s.size() - std::string_view("月").size());
        std::optional<int> year;
        if (const size_t at = rest.find("年"); at != std::string_view::npos) {
            year = number(rest.substr(0, at), 4);
            if (!year)
                return data_error("{}: '{}' is not a month; write YYYY-MM, this, last, -1 or 上月", what,
                                  text);
            rest.remove_prefix(at + std::string_view("年").size());
        }
        if (const auto m = number(rest, 2)) {
            if (*m < 1 || *m > 12)
                return data_error("{}: '{}' has no month {}; months run 1 to 12", what, text, *m);
            if (year && (*year < 1900 || *year > 2199))
                return data_error("{}: year {} in '{}' is out of range; use a year from 1900 to 2199", what,
                                  *year, text);
            if (year) return Month{*year, *m};
            return Month{*m <= now.month ? now.year : now.year - 1, *m};
        }
    }
    return data_error("{}: '{}' is not a month; write YYYY-MM, this, last, -1 or 上月", what, text);
}

} // namespace keqing::core
