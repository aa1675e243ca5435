// Training records (R11, issue 18 item 6): a formal training (药品知识或药店营销知识培训) given at a customer
// — its topic, day, the rep who gave it, in person or not, and which of the customer's people attended —
// recorded, listed and removed with a reason.
#pragma once

#include "store/store.hpp"

#include <string>
#include <vector>

namespace keqing::roster {

// What `roster training add` records.
struct TrainingInput {
    std::string customer; // code or name
    std::string topic;
    core::Date day;                     // not after today
    std::vector<std::string> attendees; // people of the customer, by number (12 or #12) or name
    bool in_person = true;
    std::string rep; // who gave it
    std::string note;
};

// Records a training after checking it (a topic, a day not after `today`, a known rep, attendees who are
// people of the customer, each once).
Result<store::Training> add_training(store::Store& store, const TrainingInput& input, core::Date today);

// The trainings held in [from, to] at customer `query` (every customer the session sees when empty), by day.
Result<std::vector<store::Training>> list_trainings(store::Store& store, const std::string& query,
                                                    core::Date from, core::Date to, core::Date today,
                                                    store::Removed removed = store::Removed::left_out);

// Removes training `id` with a reason: kept with when and why, no longer counted for R11.
Result<store::Training> remove_training(store::Store& store, int64_t id, const std::string& reason);

} // namespace keqing::roster
