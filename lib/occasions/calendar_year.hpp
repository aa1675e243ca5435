// The dated occasions of one solar year (`remind --calendar YEAR`): each festival of the rules on the
// day the official Chinese calendar puts it.
#pragma once

#include "rules/rules.hpp"

#include <vector>

namespace keqing::occasions {

struct DatedOccasion {
    core::Date date;
    std::string id;
    std::string name;
    std::string calendar; // "农历八月十五" for lunar occasions, "10-01" for solar ones
};

// The year's occasions sorted by date (then id); years outside 1901..2099 are a data error.
Result<std::vector<DatedOccasion>> year_calendar(const rules::Rules& rules, int year);

} // namespace keqing::occasions
