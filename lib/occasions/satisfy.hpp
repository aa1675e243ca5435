// Matching tagged contacts to obligations (inside the occasions engine): which contact makes which action,
// which contacts do not qualify (another rep, not in person, logged late) and the state that results.
#pragma once

#include "occasions/obligations.hpp"

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace keqing::occasions {

// Whether a contact can make an action: its channel, a gift where one is asked, a note where required.
bool fits(const rules::Action& action, const store::Contact& contact, const rules::Rules& rules,
          bool note_required);

// The rep a history says is in effect on `day`: the latest entry starting on or before it, else the
// earliest; empty for an empty history. Entries may come in any order.
std::string assigned_on(const std::vector<store::HistoryEntry>& history, core::Date day);

// Whether a contact's lateness is weighed (satisfaction) or left aside (choosing its tag).
enum class Lateness { counts, ignored };

// Why contact `c` does not qualify for `o`, if it does not: made by another rep than `assigned` (the rep
// assigned to the customer on the contact's day) when the rule asks for the assigned rep, on a channel not
// in person when it asks for one, or logged late when the rules do not count late contacts.
std::optional<NotCounted> refusal(const Obligation& o, const store::Contact& c, const rules::Rules& rules,
                                  const std::string& assigned, Lateness lateness = Lateness::counts);

// Days between a contact and its logging when beyond rules.late_after_days; 0 = not late.
int days_late(const store::Contact& contact, const rules::Rules& rules);

// Fills satisfied_by, not_counted, state and uid of every obligation in `out` from the contacts tagged for
// it, as of the end of `as_of`; reads the tagged contacts of the customers `filter` allows and, when a rule
// asks for the assigned rep, those customers' rep histories.
Result<void> satisfy_all(store::Store& store, const rules::Rules& rules, core::Date as_of,
                         const store::Scope& filter, std::vector<Obligation>& out);

// satisfy_all in two steps, for obligations made a slice at a time: the contacts tagged in the days
// [first, last] and the overdue days after (those of the customers `filter` allows), read once; then any
// slice of obligations whose windows lie in [first, last] satisfied from them.
class TaggedContacts {
  public:
    TaggedContacts() = default;
    TaggedContacts(TaggedContacts&&) = default; // by_tag_ points into contacts_: moved, never copied
    TaggedContacts& operator=(TaggedContacts&&) = default;
    TaggedContacts(const TaggedContacts&) = delete;
    TaggedContacts& operator=(const TaggedContacts&) = delete;
    static Result<TaggedContacts> read(store::Store& store, const rules::Rules& rules, core::Date first,
                                       core::Date last, const store::Scope& filter);
    // satisfy_all's work on `out`; reads the rep histories it needs.
    Result<void> satisfy(store::Store& store, const rules::Rules& rules, core::Date as_of,
                         std::vector<Obligation>& out) const;

  private:
    std::vector<store::Contact> contacts_;
    std::map<std::pair<int64_t, std::string>, std::vector<const store::Contact*>> by_tag_;
};

} // namespace keqing::occasions
