// One month's check for a scope: the tier quotas (SPEC §3), the occasion, birthday and life-event
// obligations of the scope's customers, and the rep goals — what check-quota prints and exits on.
#pragma once

#include <optional>
#include <unordered_map>

#include "compliance/goals.hpp"
#include "occasions/obligations.hpp"

namespace keqing::compliance {

struct Check {
    MonthResult month;
    std::vector<occasions::Obligation> obligations; // windows meeting the month, scope customers only
    std::vector<RepGoals> goals;                    // empty for customer and tier scopes
    std::vector<store::FollowUp> followups; // open at the end of `followups_day`, scope customers only
    core::Date followups_day;               // as_of, or the month's last day when earlier
    // check-quota --with-plan: each customer's first contact in the rep's plan of the week from as_of (code →
    // day); unset without the flag.
    std::optional<std::unordered_map<std::string, core::Date>> planned = {};
};

Result<Check> run_check(store::Store& store, const rules::Rules& rules, core::Month month, core::Date as_of,
                        const Scope& scope);

// True when a quota is behind or missed, an obligation is open, overdue or missed, a goal is behind or
// missed, or a follow-up is overdue: check-quota's exit status 1.
bool anything_due(const Check& check);

} // namespace keqing::compliance
