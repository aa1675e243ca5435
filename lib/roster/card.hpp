// The customer card (客户资料卡): who the customer is, its tier and rep history, this month's standing
// and what recent visits learned about its clerks and competitors.
#pragma once

#include "compliance/evaluate.hpp"
#include "occasions/obligations.hpp"
#include "roster/gaps.hpp"
#include "store/store.hpp"

namespace keqing::roster {

struct Card {
    store::Customer customer;
    store::Place place; // its area and coordinates
    std::optional<store::Rep> rep;
    std::vector<store::HistoryEntry> tiers;
    std::vector<store::HistoryEntry> reps;
    std::vector<store::HistoryEntry> stages; // the relationship stage's history (customer.stage: as of as_of)
    std::vector<store::Contact> recent;      // the last 90 days, newest last
    compliance::MonthResult month;           // the month of as_of, this customer only
    std::vector<store::Person> people;
    std::vector<occasions::Obligation> obligations;          // windows meeting [as_of − 7, as_of + 30]
    std::vector<store::FollowUp> followups;                  // open on as_of, or closed in the last 90 days
    std::vector<Gap> gaps;                                   // what the file lacks on as_of (roster/gaps.hpp)
    std::vector<store::Training> trainings;                  // held in the 365 days up to as_of (R11)
    std::unordered_map<int64_t, std::string> attendee_names; // the people trainings name, removed ones too
};

// Gathers the card of the customer `query` names, as of `as_of`.
Result<Card> customer_card(store::Store& store, const rules::Rules& rules, const std::string& query,
                           core::Date as_of);

} // namespace keqing::roster
