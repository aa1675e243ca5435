// The reminder digest per rep (remind): obligations due or overdue, customers behind pace per channel,
// and rep goals at risk, within a horizon — most urgent first, each saying what, for whom, by when and
// which rule. Deterministic for a given as-of.
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::remind {

struct Item {
    enum class Kind { obligation, pace, goal };
    Kind kind = Kind::obligation;
    std::string uid;   // stable: the same reminder has the same uid every day it is shown
    std::string rule;  // R1 … R11
    std::string state; // overdue, due (window closes today or pace owed today), open, upcoming
    core::Date due;    // by when
    core::Date starts; // when it can first be done (window start; as_of for pace and goals)
    std::string customer_code, customer_name;
    std::string what; // "中秋节: visit+gift, message", "visit: 3 more to be on pace (8 by 11-30)"
    std::string tag;  // obligations: what a satisfying contact is tagged with (log-visit --occasion)
    std::vector<std::string> actions; // obligations: the actions still to make ("visit+gift")
    std::string person;
    std::string personality, hint, preferences; // of the person concerned or the customer's key person
};

struct Digest {
    std::string rep, rep_name, team;
    core::Date as_of;
    int days = 7;
    std::vector<Item> items;
};

// Digests for one rep, or every rep when `rep` is empty; horizon `days` after as_of.
Result<std::vector<Digest>> build_digests(store::Store& store, const rules::Rules& rules, core::Date as_of,
                                          int days, const std::string& rep);

} // namespace keqing::remind
