// The rep's working days in the rules: `workdays` (weekdays, "mon-fri" by default) and `holidays` (days off
// whatever their weekday), and the weekday list syntax `plan --workdays` shares.
#include "rules/rules.hpp"
#include "rules/toml_checks.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace keqing::rules {
namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int weekday_index(std::string_view name) {
    for (size_t i = 0; i < kWeekdayNames.size(); ++i)
        if (name == kWeekdayNames[i]) return static_cast<int>(i);
    return -1;
}

} // namespace

int weekday_of(core::Date d) {
    return ((d.serial() % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday
}

bool Rules::workday(core::Date d) const {
    return workdays[static_cast<size_t>(weekday_of(d))] &&
           !std::binary_search(holidays.begin(), holidays.end(), d);
}

Result<std::array<bool, 7>> parse_weekdays(std::string_view text, std::string_view what) {
    std::array<bool, 7> days{};
    bool any = false;
    for (std::string_view rest = text; !rest.empty();) {
        const size_t comma = rest.find(',');
        const std::string_view part = core::trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const size_t dash = part.find('-');
        const int first = weekday_index(core::trim(part.substr(0, dash)));
        const int last =
            dash == std::string_view::npos ? first : weekday_index(core::trim(part.substr(dash + 1)));
        if (first < 0 || last < first)
            return data_error("{}: '{}' is not a list of weekdays; write them as mon-fri or mon,wed,sat",
                              what, text);
        for (int d = first; d <= last; ++d)
            days[static_cast<size_t>(d)] = any = true;
    }
    if (!any)
        return data_error("{}: no working day in '{}'; write them as mon-fri or mon,wed,sat", what, text);
    return days;
}

Result<void> parse_working_days(std::string_view source, const toml::table& root, Rules& rules) {
    if (const toml::node* n = root.get("workdays")) {
        const auto* v = n->as_string();
        if (!v) return data_error("{}: workdays must be text such as \"mon-fri\"", at(source, *n));
        KQ_TRY(rules.workdays, parse_weekdays(v->get(), at(source, *n)));
    }
    if (const toml::node* n = root.get("holidays")) {
        const auto* list = n->as_array();
        if (!list)
            return data_error("{}: holidays must be a list of days [\"2026-10-01\", …]", at(source, *n));
        for (const toml::node& day : *list) {
            const auto* v = day.as_string();
            if (!v) return data_error("{}: a holiday is a day written \"YYYY-MM-DD\"", at(source, day));
            KQ_TRY(core::Date d, core::parse_date(v->get(), at(source, day)));
            rules.holidays.push_back(d);
        }
        std::sort(rules.holidays.begin(), rules.holidays.end());
    }
    return {};
}

} // namespace keqing::rules
