// Follow-up items (issue 18): promises, problems and slow movers a contact opens and a later contact closes
// — checked against the rules' kinds and the contact, stored, and read back with their state on a day and
// the counts the report shows.
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::followups {

// One item to open with a contact: a [[followup]] kind, its text, a due day (empty: the kind's due_days
// after the contact), and the customer's contact person it is about (a name or #id; empty: none).
struct Open {
    std::string kind;
    std::string body;
    std::string due;
    std::string person = {};
};

// How an item is closed: kept (a promise), solved (a problem, a slow mover) — both "done" —, or dropped.
enum class How { kept, solved, dropped };

struct Close {
    int64_t id = 0;
    How how = How::dropped;
    std::string reason; // dropped: why (required)
};

// What a contact opens and closes.
struct Changes {
    std::vector<Open> open;
    std::vector<Close> close;
    bool empty() const { return open.empty() && close.empty(); }
};

struct Applied {
    std::vector<store::FollowUp> opened, closed; // as stored
};

// Opens and closes `changes` with stored contact `contact`: every kind in the rules, every text and day
// valid, every item closed open, at the contact's customer, of a kind the option closes, opened on or
// before the contact. Call inside the contact's transaction: an error leaves everything unstored.
Result<Applied> apply(store::Store& store, const rules::Rules& rules, const store::Contact& contact,
                      const Changes& changes);

// Drops item `id` with a reason on `day` without a contact (log-visit --close N --reason TEXT).
Result<store::FollowUp> drop(store::Store& store, const rules::Rules& rules, int64_t id,
                             const std::string& reason, core::Date day, bool dry_run);

// The R10 "problem solved" text of a contact that closes items with --solved: the first such item's
// solved_text (empty when it closes none, or the item does not exist — apply() then says why).
Result<std::string> solved_by(store::Store& store, const Changes& changes);

// The text a contact closing problem `item` records as its R10 "problem solved" ("#3 退货慢").
std::string solved_text(const store::FollowUp& item);

// An item's state at the end of `day`: done or dropped once closed by then; otherwise overdue after its due
// day, due on it, in progress once started before that, open before.
enum class State { open, in_progress, due, overdue, done, dropped };
State state_on(const store::FollowUp& item, core::Date day);
std::string_view to_string(State state);
// Whether the item is still open or in progress (not done, not dropped) at the end of `day`.
bool is_open(const store::FollowUp& item, core::Date day);

// The open items of the customers `filter` allows at the end of `as_of`, by due day.
Result<std::vector<store::FollowUp>> open_on(store::Store& store, core::Date as_of,
                                             const store::Scope& filter);

// The current person of customer `customer_id` that `text` names (a name or an id, "#12" too), or 0 for an
// empty text; `option` names where it was given.
Result<int64_t> person_id_of(store::Store& store, int64_t customer_id, const std::string& customer_code,
                             const std::string& text, std::string_view option);

// Puts open item `id` in progress on `day` (roster followup start N): not before it was opened.
Result<store::FollowUp> start(store::Store& store, int64_t id, core::Date day, bool dry_run);

// An item opened without a contact (roster complaint add): at the customer `customer` names, of a kind,
// about a person, opened on `opened` and due on `due` (empty: the kind's due_days later).
struct OpenAt {
    std::string customer, kind, body, person, due;
    core::Date opened;
};
Result<store::FollowUp> open_at(store::Store& store, const rules::Rules& rules, const OpenAt& open,
                                core::Date today, bool dry_run);

// What the report counts for a rep (or everyone) over a range of days.
struct Counts {
    std::string rep;
    int opened = 0;                    // opened in the range
    int closed = 0;                    // done or dropped in the range
    int done = 0;                      // of those, done
    int overdue = 0;                   // open and past due at the range's end (or as-of, when earlier)
    int open = 0;                      // open at that day
    std::optional<double> median_days; // days from opening to closing, of those closed in the range
};

// Counts per owner rep (sorted by rep) and, last, for everyone (rep ""), of `items` over [from, to] seen
// at the end of `until`.
std::vector<Counts> count(const std::vector<store::FollowUp>& items, core::Date from, core::Date to,
                          core::Date until);

} // namespace keqing::followups
