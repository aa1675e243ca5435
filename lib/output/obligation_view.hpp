// Obligations and rep goals as text tables and JSON, shared by check-quota, the customer card and the
// report.
#pragma once

#include "compliance/goals.hpp"
#include "core/json.hpp"
#include "core/sink.hpp"
#include "occasions/intel.hpp"
#include "occasions/obligations.hpp"

#include <string>
#include <vector>

namespace keqing::output {

// One line per obligation: day, customer, occasion, window, state, what is still to do.
std::string render_obligations(const std::vector<occasions::Obligation>& obligations,
                               const rules::Rules& rules, bool with_customer);
// The same written into `out` (a long list never sits whole in memory).
void render_obligations(core::Sink& out, const occasions::Listing& obligations, const rules::Rules& rules,
                        bool with_customer);
// Why a contact tagged for `o` did not count, for people: "R7 needs the assigned rep in person (wang was
// assigned on 11-03)".
std::string not_counted_why(const occasions::Obligation& o, const occasions::NotCounted& n);
// The same with the contact: "contact #12 by li did not count: R7 needs …".
std::string not_counted_text(const occasions::Obligation& o, const occasions::NotCounted& n);
// A life event a contact's notes suggest, and on a second line the command that records it: "proposed:
// 重大疾病 (illness, R8) at HZ013 — the notes say “手术”", "  if so, record it …: roster event add HZ013 …".
std::string proposal_line(const occasions::Proposal& p);
// "visit+gift, message"
std::string actions_text(const std::vector<rules::Action>& actions, const rules::Rules& rules);
// Appends the obligations as a JSON array value.
void write_obligations(core::JsonWriter& j, const std::vector<occasions::Obligation>& obligations,
                       const rules::Rules& rules);
void write_obligations(core::JsonWriter& j, const occasions::Listing& obligations, const rules::Rules& rules);

// One line per rep and goal, with the checklist completeness of the rep's visits.
std::string render_goals(const std::vector<compliance::RepGoals>& goals);
// Appends the goals as a JSON array value.
void write_goals(core::JsonWriter& j, const std::vector<compliance::RepGoals>& goals);

} // namespace keqing::output
