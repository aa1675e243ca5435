// Follow-up items (issue 18) as check-quota, the card and the report show them: a table of open items with
// their state on a day, the same as JSON, and the report's counts per rep.
#pragma once

#include "core/json.hpp"
#include "followups/followups.hpp"
#include "rules/rules.hpp"

#include <string>
#include <vector>

namespace keqing::output {

// The items, one line each (number, kind, customer when `with_customer`, text, owner, opened, due, state on
// `day`, rule), indented by two spaces.
std::string render_followups(const std::vector<store::FollowUp>& items, const rules::Rules& rules,
                             core::Date day, bool with_customer);

// The items as a JSON array of {"id","kind","rule","customer","customer_name","body","rep","opened_on",
// "due_on","state","person","started_on","closed_on","reason"}, their state on `day`.
void write_followups(core::JsonWriter& j, const std::vector<store::FollowUp>& items,
                     const rules::Rules& rules, core::Date day);

// The items as CSV in the import's format (followups::kFollowUpColumns), as stored.
std::string render_followups_csv(const std::vector<store::FollowUp>& items);

// The report's counts as a table: REP, OPENED, CLOSED, DONE, OPEN, OVERDUE, MEDIAN DAYS (the last row,
// rep "", is everyone: "all").
std::string render_followup_counts(const std::vector<followups::Counts>& counts);

// The counts as a JSON array of {"rep","opened","closed","done","open","overdue","median_days_to_close"}.
void write_followup_counts(core::JsonWriter& j, const std::vector<followups::Counts>& counts);

} // namespace keqing::output
