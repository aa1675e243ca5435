// Complaints (issue 18 item 2, seed 002): follow-up items of a kind with steps — recorded by a contact, then
// judged, given a department, a remedy, an approval, the customer notified, carried out and summed up —,
// each step recorded once, in the rules' order, dated; the last one closes the item.
#pragma once

#include "followups/followups.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::followups {

// Records step `step` of open item `id` on `day` with what was decided: the next step of its kind's steps,
// not before it was opened nor before its last step. The kind's last step closes the item as done.
Result<store::FollowUpStep> record_step(store::Store& store, const rules::Rules& rules, int64_t id,
                                        const std::string& step, const std::string& note, core::Date day,
                                        bool dry_run);

// An item with steps as seen on a day: its recorded steps, the next one, its age and state.
struct Stepped {
    store::FollowUp item;
    std::vector<store::FollowUpStep> steps;
    std::string next; // the next step to record; empty once closed
    int age_days = 0; // days from its opening to its closing, or to the day when still open
    State state = State::open;
};

// The items of kinds with steps (complaints) of the customers `filter` allows that were open some day of
// [from, to], seen at the end of `to`; `open_only`: only those still open then. By due day.
Result<std::vector<Stepped>> stepped_items(store::Store& store, const rules::Rules& rules, core::Date from,
                                           core::Date to, const store::Scope& filter, bool open_only);

// The items of `items` with steps (complaints), with theirs among `steps`, seen at the end of `day`;
// `open_only`: only those still open then.
std::vector<Stepped> stepped_of(const rules::Rules& rules, const std::vector<store::FollowUp>& items,
                                const std::vector<store::FollowUpStep>& steps, core::Date day,
                                bool open_only);

// Item `id` with its steps, seen at the end of `day`.
Result<Stepped> stepped_item(store::Store& store, const rules::Rules& rules, int64_t id, core::Date day);

} // namespace keqing::followups
