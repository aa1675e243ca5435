// Inside the plan: the contacts it must place, as scheduler tasks beside what people read of them, built from
// the occasions engine's obligations and the month's evaluation.
#pragma once

#include "compliance/evaluate.hpp"
#include "occasions/obligations.hpp"
#include "plan/plan.hpp"
#include "plan/schedule.hpp"

#include <map>
#include <vector>

namespace keqing::plan {

// What the tasks are read against: the rep's customers on the plan's first day (by index), the rules, the
// first day, and each customer's area phase (where in each stretch of working days its visits fall, so that
// one area's customers share days).
struct Inputs {
    const rules::Rules* rules = nullptr;
    core::Date from;
    std::vector<store::Customer> customers;
    std::map<int64_t, int> index_of; // customer id → index
    std::vector<double> phase;       // per customer, in [0, 1)
    std::vector<std::string> areas;  // per customer: recorded, else from the address
};

// Tasks and their entries, side by side; and what is missed before any scheduling (overdue obligations).
struct Work {
    const Inputs* in = nullptr;
    std::vector<Task> tasks;
    std::vector<Entry> entries;
    std::vector<Missed> missed;
    // Adds a task with its entry, naming the customer in it.
    void add(Task task, Entry entry, int customer);
    // Fills in the entry's customer code, name and tier.
    void name(Entry& entry, int customer) const;
};

// One task per action still to make of each open or upcoming obligation of the customers (overdue ones
// are missed: the plan never leaves an obligation's window).
void add_obligations(const std::vector<occasions::Obligation>& obligations, const Inputs& in, Work& work);
// One task per contact still owed in the evaluated month, less those the obligations already plan on the
// same channel in that month.
void add_quotas(const compliance::MonthResult& month, const Inputs& in, Work& work);

} // namespace keqing::plan
