// Life events the family notes (R15) of recent contacts propose (issue 18 item 4), as digest items: each
// says what the notes say and the one command that records the event, every day from the contact for
// kProposalDays, until the event is recorded (a proposal is never recorded by itself).
#pragma once

#include "remind/digest.hpp"

#include <map>
#include <utility>

namespace keqing::remind {

// How many days after its contact a proposal is repeated in the digest.
inline constexpr int kProposalDays = 30;

// The proposals of the contacts of [as_of − kProposalDays, as_of] at the customers of `current` with a
// family note, one per customer and event kind (the first note that proposes it), each paired with the
// rep `current` assigns its customer to on as_of.
Result<std::vector<std::pair<std::string, Item>>> proposal_items(store::Store& store,
                                                                 const rules::Rules& rules, core::Date as_of,
                                                                 const std::vector<store::Customer>& current);

} // namespace keqing::remind
