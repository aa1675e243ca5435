// Complaints (issue 18 item 2) as `roster complaint list` and `show` print them: a table, CSV or JSON of
// items with their age, state, steps and next step; one item with every step.
#pragma once

#include "core/json.hpp"
#include "followups/complaints.hpp"
#include "output/quota_view.hpp"

#include <string>
#include <vector>

namespace keqing::output {

// The items: a table (#, CODE, CUSTOMER, OWNER, OPENED, DUE, AGE, STATE, NEXT STEP, WHAT), CSV with the
// header id,customer,customer_name,rep,body,opened_on,due_on,age_days,state,next_step,steps (steps: "STEP
// DAY: NOTE" joined by "; "), or a JSON array of {"id","customer","customer_name","rep","body","opened_on",
// "due_on","age_days","state","closed_on","next_step","steps":[{"step","done_on","note"}]}.
std::string render_complaints(const std::vector<followups::Stepped>& items, Format format);

// The items as render_complaints' JSON array, into `j`.
void write_complaints(core::JsonWriter& j, const std::vector<followups::Stepped>& items);

// The items as CSV in the import's format (followups::kComplaintColumns): a row per recorded step.
std::string render_complaints_export(const std::vector<followups::Stepped>& items);

// One item: its header line, then 记录 and every recorded step, one a line, then the next step.
std::string render_complaint(const followups::Stepped& item, const rules::Rules& rules);

} // namespace keqing::output
