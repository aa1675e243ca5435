// A solar year's festival dates from the rules' recurring dates.
#include "occasions/calendar_year.hpp"

#include "calendar/lunar.hpp"

#include <algorithm>

namespace keqing::occasions {

Result<std::vector<DatedOccasion>> year_calendar(const rules::Rules& rules, int year) {
    if (year < calendar::kFirstYear || year > calendar::kLastYear)
        return data_error(
            "--calendar {}: the Chinese calendar is known for {} to {}; pick a year in that range", year,
            calendar::kFirstYear, calendar::kLastYear);
    std::vector<DatedOccasion> out;
    for (const auto& o : rules.occasions) {
        const std::string label = o.date.kind == calendar::Recurring::Kind::lunar
                                      ? calendar::lunar_label(o.date.month, o.date.day, o.date.leap)
                                      : o.date.text();
        for (const core::Date d : calendar::occurrences(o.date, core::Date::from_ymd(year, 1, 1),
                                                        core::Date::from_ymd(year, 12, 31)))
            out.push_back(DatedOccasion{d, o.id, o.name, label});
    }
    std::sort(out.begin(), out.end(), [](const DatedOccasion& a, const DatedOccasion& b) {
        return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
    return out;
}

} // namespace keqing::occasions
