// What one pass over a range's contacts adds up to (compliance::activity): tallies per customer, rep and
// channel, and the report's data-quality findings — the judge's records, which the store never sees.
#pragma once

#include "core/huge_blocks.hpp"
#include "store/types.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace keqing::compliance {

using store::Contact;

// Per customer, rep and channel: the contacts in a range that count, and what they recorded toward the
// rep goals (R9–R11) and the visit checklist (R12–R17). Rep and channel are indexes into the names of the
// Activity that holds the tally.
struct Tally {
    int64_t customer_id = 0;
    uint32_t rep = 0;
    uint32_t channel = 0;
    int count = 0;
    int asked_help = 0;
    int solved = 0;
    int training = 0;
    int complete = 0;              // visits with all six checklist items
    std::array<int, 6> recorded{}; // visits with each checklist item
};

// Tallies grow without copying (hundreds of thousands at national scale), in blocks on huge pages.
using Tallies = std::deque<Tally, core::HugeBlockAllocator<Tally>>;

// Several contacts of one customer on one channel on one day: possibly logged twice.
struct Duplicate {
    int64_t customer_id = 0;
    std::string customer_code;
    std::string channel;
    core::Date date;
    int count = 0;
    std::string reps; // comma-separated, in order
};

// A rep's day with more visits than is plausible.
struct BusyDay {
    std::string rep;
    core::Date date;
    int visits = 0;
};

// Data-quality findings for a range (lists are capped; counts are whole).
struct Quality {
    int late_count = 0;
    std::vector<Contact> late;
    int duplicate_count = 0;
    std::vector<Duplicate> duplicates;
    int voided_count = 0;
    std::vector<Contact> voided;
    std::vector<BusyDay> busy_days;
};

// Which contacts count: voided never; late ones only when count_late.
struct CountPolicy {
    bool count_late = true;
    int late_after_days = 3;
};

// What a pass looks for besides the tallies (the report's data-quality checks), and how many of each it
// lists; the counts are always whole.
struct FindingRules {
    int late_after_days = 3;
    int max_visits_per_day = 12;
    int limit = 200;
    std::vector<std::string> in_person; // the channels whose contacts make a day busy
    // Per channel, how many same-day contacts with one customer are ordinary (rules::Channel); a channel
    // not listed allows 1. 0: never a duplicate.
    std::vector<std::pair<std::string, int>> same_day_limits = {};
};

// What one pass over a range's contacts adds up to: the tallies of those that count and, when asked, the
// late contacts (count and first ones), the duplicates and the busy days among all that were not voided
// (the voided ones come from Store::voided_contacts).
struct Activity {
    std::vector<std::string> reps;     // names of Tally::rep
    std::vector<std::string> channels; // names of Tally::channel
    Tallies tallies;
    Quality findings;
    // True when the tallies hold every contact their reps logged in the range, wherever (a pass over
    // everyone's, or the part of one that remind --all keeps for a batch of reps): the goals read each
    // rep's own contacts from them, not from a pass of their own.
    bool whole_for_reps = false;
    // A narrower scope's pass: the ids of every contact it read (late ones included), in the order read; and,
    // when it was given them, the customers whose contacts it read (sorted).
    std::vector<int64_t> contact_ids;
    std::vector<int64_t> customer_ids;

    const std::string& rep_of(const Tally& t) const { return reps[t.rep]; }
    const std::string& channel_of(const Tally& t) const { return channels[t.channel]; }
};

} // namespace keqing::compliance
