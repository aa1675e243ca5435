// Life events a contact's notes suggest (issue 18 item 4): an event kind whose `words` (rules) appear in
// the R15 family note or the note proposes that event — shown by log-visit and remind with the command
// that records it, never recorded by itself.
#pragma once

#include "core/result.hpp"
#include "rules/rules.hpp"
#include "store/roster_store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace keqing::occasions {

// One proposed life event: the kind, the word that suggested it, and the contact it came from.
struct Proposal {
    const rules::EventKind* kind = nullptr;
    std::string word;
    std::string customer_code;
    core::Date date; // the contact's day: the event's day unless the rep knows better
};

// A customer's events of a kind within this many days of a contact make a proposal of that kind moot: the
// event is known already.
inline constexpr int kKnownEventDays = 60;

// The event kinds whose words appear in `text`, each once, in rules order, with the first word found.
std::vector<Proposal> proposed_by(const rules::Rules& rules, std::string_view text);

// What `contact`'s family note and note propose, less the kinds recorded for its customer within
// kKnownEventDays of it.
Result<std::vector<Proposal>> proposals_for(store::RosterStore& store, const rules::Rules& rules,
                                            const store::Contact& contact);

} // namespace keqing::occasions
