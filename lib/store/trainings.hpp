// The narrow store interface of training records (R11, schemas/014): what was taught at a customer, when,
// by whom, in person or not, and which of its people attended. Store inherits it; SqlStore implements it in
// sql_training.cpp.
#pragma once

#include "core/result.hpp"
#include "store/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::store {

// One training as stored, with its customer's code.
struct Training {
    int64_t id = 0;
    int64_t customer_id = 0;
    std::string customer_code;
    std::string rep; // who gave it
    core::Date day;
    std::string topic;
    bool in_person = true;
    std::vector<int64_t> attendees; // ids of the customer's people
    std::string note;
    std::string removed_at, removed_reason; // empty unless removed
};

class TrainingStore {
  public:
    virtual ~TrainingStore() = default;
    // Records a training (its id and code are ignored); returns the new id.
    virtual Result<int64_t> add_training(const Training& training) = 0;
    // A training by number, removed or not.
    virtual Result<std::optional<Training>> find_training(int64_t id) = 0;
    // The trainings held in [from, to] at the customers `filter` allows, by day and id; the removed ones only
    // when asked.
    virtual Result<std::vector<Training>> trainings_of(core::Date from, core::Date to, const Scope& filter,
                                                       Removed removed = Removed::left_out) = 0;
    // Marks a training removed at `at` with a reason (kept, never deleted; R11 no longer counts it).
    virtual Result<void> remove_training(int64_t id, const std::string& reason, const std::string& at) = 0;
};

} // namespace keqing::store
