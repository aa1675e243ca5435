// The reminder digest per rep (remind): obligations due or overdue, quotas behind pace or near their
// deadline per channel, and rep goals at risk, within a horizon — most urgent first, each saying what, for
// whom, by when and which rule. A digest is for the start of its day (docs/DECISIONS.md, "remind's day"),
// goes to the rep assigned on that day, and is deterministic for a given day.
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace keqing::remind {

struct Item {
    // deadline: a quota still unmet within rules.deadline_days of its deadline, or one the rep's days left
    // cannot hold at rules.max_visits_per_day.
    // followup: an open follow-up item (a promise, a problem, a slow mover) due within the horizon or
    // overdue.
    // gaps: what the customer's file lacks (roster/gaps.hpp), named at most once every
    // rules.gaps.remind_every_days.
    // proposal: a life event a recent family note (R15) proposes, with the command that records it
    // (remind/proposals.hpp).
    enum class Kind { obligation, pace, goal, deadline, followup, gaps, proposal };
    Kind kind = Kind::obligation;
    std::string uid;  // stable: the same reminder has the same uid every day it is shown
    std::string rule; // R1 … R11
    // overdue; due (window closes today, pace owed today, a quota's deadline near); open; upcoming
    enum class State { overdue, due, open, upcoming };
    State state = State::open;
    core::Date due;    // by when
    core::Date starts; // when it can first be done (window start; as_of for pace and goals)
    std::string customer_code, customer_name;
    std::string what;    // for people (core::language()): "中秋节 2026-10-06: visit+gift, message"
    std::string what_en; // the same in English, for JSON: "visit: 3 more to be on pace (…)"
    std::string tag;     // obligations: what a satisfying contact is tagged with (log-visit --occasion)
    std::string channel; // pace and deadline: the channel owed
    int owed = 0;        // pace and deadline: contacts still to make this month (required - done)
    int required = 0, done = 0;       // pace and deadline: the month's requirement and what counts so far
    std::vector<std::string> actions; // obligations: the actions still to make ("visit+gift")
    int64_t followup = 0;             // followup: the item's number (log-visit --kept / --solved / --close)
    std::string command;              // proposal: the command that records the event
    std::string person;
    std::string personality, hint, preferences; // of the person concerned or the customer's key person
    std::optional<core::Date> planned;          // remind --with-plan: the customer's first day in the plan
};

// The state as JSON and calendar files spell it: "overdue", "due", "open", "upcoming".
std::string_view to_string(Item::State state);

struct Digest {
    std::string rep, rep_name, team;
    core::Date as_of;
    int days = 7;
    std::vector<Item> items;
};

// Digests for one rep, or every rep when `rep` is empty (by rep id), for the start of day `as_of` (contacts
// already logged for that day count, none of it is over yet); horizon `days` after as_of. Customers go to
// the rep assigned on as_of; a customer not active on as_of gets no quota item.
Result<std::vector<Digest>> build_digests(store::Store& store, const rules::Rules& rules, core::Date as_of,
                                          int days, const std::string& rep);

// How many reps each_digest reads at a time by default: some thousands of customers at 20–300 a rep.
inline constexpr size_t kRepsPerBatch = 100;

// Every rep's digest, as build_digests(…, "") returns them, handed to `each` in rep id order: the reps are
// taken `reps_per_batch` at a time, and a batch's customers (those ever assigned to its reps), obligations,
// people and evaluations are read, turned into its digests and freed before the next batch is read — so
// that remind --all holds one batch, not the whole company. All batches read one snapshot.
Result<void> each_digest(store::Store& store, const rules::Rules& rules, core::Date as_of, int days,
                         size_t reps_per_batch, const std::function<Result<void>(Digest&&)>& each);

} // namespace keqing::remind
