// Rep-level monthly goals (R9 ask for help, R10 solve problems per customer, R11 formal training at a
// tier's customers) and the per-visit checklist completeness (R12–R17), evaluated for a month.
#pragma once

#include "compliance/evaluate.hpp"

#include <array>

namespace keqing::compliance {

struct GoalResult {
    std::string id;       // "R9", "R10", "R11"
    std::string label;    // for people, in core::language(): "asked customers for help"
    std::string label_en; // the same in English, for JSON and CSV
    int required = 0;
    int done = 0;
    int expected = 0;
    Status status = Status::met;
    std::string detail; // what is missing, for people (core::language())
    // done and required count customers (R10: those that had their problems solved, of those that must):
    // the detail then says how many customers are still short, and names them.
    bool per_customer = false;
    std::string detail_en; // the detail in English, for JSON and CSV
};

struct ChecklistResult {
    int visits = 0;
    int complete = 0;
    std::array<int, 6> recorded{}; // per item R12..R17
};

// The place of each goal in RepGoals::goals, named by the contact flag that counts toward it.
enum class Goal : size_t { asked_help = 0, solved = 1, training = 2 };

struct RepGoals {
    std::string rep;
    std::string team;
    std::vector<GoalResult> goals; // R9, R10, R11: index with Goal
    ChecklistResult checklist;
    Status status = Status::met; // worst goal
};

// Goals for every rep that owns a customer in `month` (the customers and tiers of `month`), sorted by
// rep. R9 counts the rep's own contacts; R10 counts problems solved for each of the rep's customers,
// by anyone; R11 counts distinct customers of the training tier the rep trained. Pace and status work
// as for quotas (SPEC §3); R10 needs ceil(goal × active_days / days_in_month) per customer.
Result<std::vector<RepGoals>> evaluate_goals(store::Store& store, const rules::Rules& rules,
                                             const MonthResult& month);

// True when any goal is behind or missed.
bool any_goal_owed(const std::vector<RepGoals>& goals);

} // namespace keqing::compliance
