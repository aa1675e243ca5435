// The birthday month test of a month's birthday read, on the text as it is stored.
#include "store/birthday_months.hpp"

#include <algorithm>

namespace keqing::store {
namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// The leading digits of `text` as a number (SQLite's CAST of a text to INTEGER stops at the first other
// character); numbers past any month's are capped, which no list holds.
int leading_number(std::string_view text) {
    int n = 0;
    for (const char c : text) {
        if (!digit(c)) break;
        n = std::min(n * 10 + (c - '0'), 1000);
    }
    return n;
}

bool listed(const std::vector<int>& list, int month) {
    return std::find(list.begin(), list.end(), month) != list.end();
}

// The byte where the fifth character from the end starts (UTF-8), or npos for a text of fewer.
size_t fifth_from_end(std::string_view text) {
    int seen = 0;
    for (size_t i = text.size(); i-- > 0;) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++seen == 5) return i;
    }
    return std::string_view::npos;
}

} // namespace

bool may_fall_in(std::string_view birthday, const BirthdayMonths& months) {
    constexpr std::string_view kLunar = "lunar:";
    if (birthday.starts_with(kLunar)) {
        std::string_view rest = birthday.substr(kLunar.size());
        const size_t first = rest.starts_with('L') ? 1 : 0; // 'lunar:[0-9]*-*' or 'lunar:L[0-9]*-*'
        if (rest.size() > first && digit(rest[first]) &&
            rest.find('-', first + 1) != std::string_view::npos) {
            rest.remove_prefix(std::min(rest.find_first_not_of('L'), rest.size())); // ltrim(…, 'L')
            return listed(months.lunar, leading_number(rest));
        }
    }
    // substr(birthday, -5, 3) GLOB '[0-9][0-9]-': three ASCII characters, so three bytes where they start.
    const size_t at = fifth_from_end(birthday);
    if (at != std::string_view::npos && digit(birthday[at]) && digit(birthday[at + 1]) &&
        birthday[at + 2] == '-')
        return listed(months.solar, leading_number(birthday.substr(at, 2)));
    return true;
}

} // namespace keqing::store
