// Relationship stages (issue 18 item 5; seed 000's 客户关系周期): a stage from the rules' list, recorded from
// a day on with history like a tier, read for a day, and named for people.
#pragma once

#include "roster/customers.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace keqing::roster {

// The id of the stage `text` names (its id or its name); a data error naming `what` (--stage, a file's
// column) and every stage of the rules otherwise.
Result<std::string> stage_id(const rules::Rules& rules, std::string_view text, std::string_view what);

// The entry of a stage history (sorted by day) in effect on `day`: the latest that starts on or before it;
// none before the first (a stage is not assumed back to before it was recorded).
std::optional<store::HistoryEntry> stage_on(const std::vector<store::HistoryEntry>& history, core::Date day);

// A stored stage for people: its name in the rules, or — a value of an older database that is no stage of
// the rules — the value with "(not in the rules)".
std::string stage_name(const rules::Rules& rules, std::string_view stored);

// Records customer `query`'s stage `stage` (an id or name of the rules) from `from` on. When that stage is
// already in effect on `from`, nothing is written and the Change says so. A day before the customer opened
// is refused unless forced.
Result<Change> change_stage(store::Store& store, const rules::Rules& rules, const std::string& query,
                            const std::string& stage, core::Date from, core::Date today,
                            Force force = Force::no);

// Sets each customer's `stage` to the stage id in effect on `day` (empty when none), from one read of the
// stage histories.
Result<void> fill_stages(store::Store& store, std::vector<store::Customer>& customers, core::Date day);

// The stage histories of the customers `filter` allows, by customer id (each sorted by day).
Result<std::unordered_map<int64_t, std::vector<store::HistoryEntry>>>
stage_histories(store::Store& store, const store::Scope& filter);

} // namespace keqing::roster
