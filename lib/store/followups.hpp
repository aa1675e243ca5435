// The narrow store interface of follow-up items (issue 18, schemas/009): promises, problems, slow movers and
// complaints opened by a contact and kept until closed. Store inherits it; SqlStore implements it in
// sql_followups.cpp.
#pragma once

#include "core/result.hpp"
#include "store/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::store {

// One follow-up item as stored, with its customer's code and name.
struct FollowUp {
    int64_t id = 0;
    int64_t customer_id = 0;
    std::string customer_code, customer_name;
    std::string kind; // a [[followup]] kind of the rules
    std::string body; // what was promised, the problem, the slow mover and why
    std::string rep;  // its owner
    core::Date opened_on, due_on;
    std::string status;                              // open, in_progress, done, dropped
    std::optional<core::Date> started_on, closed_on; // in progress from (schemas/015), done or dropped on
    int64_t person_id = 0;                           // the customer's contact person it is about (0: none)
    std::string person_name;
    std::string reason;
    int64_t opened_by = 0, closed_by = 0; // the contacts that opened and closed it (0: none)
};

// One recorded step of a follow-up item (schemas/012: a complaint's 判定, 责任部门 …).
struct FollowUpStep {
    int64_t id = 0;
    int64_t followup_id = 0;
    std::string step;
    core::Date done_on;
    std::string note;
};

class FollowUpStore {
  public:
    virtual ~FollowUpStore() = default;
    // Opens a follow-up from stored contact `contact_id` of day `contact_day`: at its customer, owned by its
    // rep, opened on its day, about person `person_id` (0: none); returns the new id. (The day narrows a
    // team server's search for the contact among the session's own.)
    virtual Result<int64_t> add_followup(int64_t contact_id, core::Date contact_day, const std::string& kind,
                                         const std::string& body, core::Date due_on, int64_t person_id) = 0;
    // Opens follow-up `item` without a contact (roster complaint add, the imports) in its state: its
    // customer, kind, body, person, opened and due days, status and days; owned by the rep the customer was
    // assigned to on its opening day. Returns the new id.
    virtual Result<int64_t> open_followup(const FollowUp& item) = 0;
    // Marks open follow-up `id` in progress from `day`.
    virtual Result<void> start_followup(int64_t id, core::Date day) = 0;
    // Closes follow-up `id` as `status` (done, dropped) with a reason, on `day` (on a server: the day of
    // `contact_id`, or its today when 0), by contact `contact_id` (0: none).
    virtual Result<void> close_followup(int64_t id, const std::string& status, const std::string& reason,
                                        core::Date day, int64_t contact_id) = 0;
    virtual Result<std::optional<FollowUp>> find_followup(int64_t id) = 0;
    // The follow-ups of the customers `filter` allows that were open on some day of [from, to] (opened by
    // `to`, not closed before `from`), by due day and id.
    virtual Result<std::vector<FollowUp>> followups_of(core::Date from, core::Date to,
                                                       const Scope& filter) = 0;
    // Records step `step` of open follow-up `id` on `day` (the first puts it in progress); `closes`: the
    // item is done that day, with the note as how. Returns the step's id.
    virtual Result<int64_t> add_followup_step(int64_t id, const std::string& step, const std::string& note,
                                              core::Date day, bool closes) = 0;
    // The recorded steps of follow-up `id` (0: of every follow-up the session sees), by item, day and id.
    virtual Result<std::vector<FollowUpStep>> followup_steps(int64_t id) = 0;
};

} // namespace keqing::store
