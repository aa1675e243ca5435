// The one shape every file import shares (customers, reps, people, events, contacts): how it runs and
// what it did.
#pragma once

#include "core/date.hpp"
#include "core/encoding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::core {

struct ImportOptions {
    // Unknown columns are an error unless ignored; a dry run checks and counts, and stores nothing.
    bool ignore_unknown = false;
    bool dry_run = false;
    // How the file's bytes are read: UTF-8 when they are, else GB18030 (core/encoding.hpp).
    Encoding encoding = Encoding::automatic;
    // Roster files: apply rows that differ from what is stored (else they are refused, naming the first
    // difference), from `from` (the first day of the tier and rep changes; required only when there is
    // one), and `force` changes that contradict recorded contacts (as `roster close/tier/assign --force`).
    bool update = false;
    std::optional<Date> from = {};
    bool force = false;
    // Contacts: a file whose content was imported before is refused unless `again`; `default_rep` fills
    // an empty rep column; `who` is the rep running the import, recorded with it.
    bool again = false;
    std::string default_rep = {};
    std::string who = {};
};

// What an import did (or, in a dry run, would do). `rows` is the file's rows; `added` the new records
// (for contacts: the rows but those whose ref the customer has already); `changes` has one line per
// changed row; `late` counts contacts logged late.
struct ImportSummary {
    int rows = 0;
    int added = 0, changed = 0, unchanged = 0;
    int late = 0;
    std::vector<std::string> changes = {};
};

} // namespace keqing::core
