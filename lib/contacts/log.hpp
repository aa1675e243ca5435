// Recording contacts (SPEC §4 log-visit): one contact from the command line, voiding with a reason,
// and all-or-nothing CSV import; each validated against the rules and the roster.
#pragma once

#include "compliance/evaluate.hpp"
#include "compliance/goals.hpp"
#include "core/import.hpp"
#include "followups/followups.hpp"
#include "occasions/intel.hpp"
#include "occasions/obligations.hpp"
#include "rules/rules.hpp"
#include "store/store.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::contacts {

// One contact as the user described it; empty fields take their defaults.
struct LogRequest {
    std::string customer;            // code or unambiguous name
    std::string channel;             // a channel id; empty: the rules' default_channel()
    std::optional<std::string> date; // YYYY-MM-DD, default today
    std::optional<std::string> time; // HH:MM, default now when the date is today
    std::string rep;                 // who made the contact
    std::string note;
    bool gift = false;
    std::string occasion;
    std::array<std::string, 6> checklist; // R12–R17
    bool asked_help = false;
    std::string solved;
    bool training = false;
    followups::Changes followup_changes; // items the contact opens and closes (issue 18)
};

// What was (or, in a dry run, would be) stored, and where that leaves the customer this month.
struct LogOutcome {
    store::Contact contact;
    store::Customer customer;
    int days_late = 0; // days between the contact and its logging beyond late_after_days; 0 = not late
    compliance::MonthResult month;
    occasions::TagChoice tag;                        // the obligation the contact was tagged for, if any
    std::optional<occasions::Obligation> obligation; // that obligation after the contact
    followups::Applied followups_applied;            // the items it opened and closed
    // The contact's rep's goals (R9–R11) for its month, after it, when it carries a goal flag (asked for
    // help, a problem solved, a training): what each flag counted toward.
    std::optional<compliance::RepGoals> goals;
    // Life events the contact's family note or note suggests and the customer's record lacks (proposed
    // only: occasions/intel.hpp).
    std::vector<occasions::Proposal> proposals = {};
};

// Validates and stores one contact (and the follow-ups it opens and closes: a contact closing one with
// --solved records that item as its R10 problem solved, unless the request names one) (nothing is written
// when `dry_run`).
Result<LogOutcome> log_contact(store::Store& store, const rules::Rules& rules, const LogRequest& request,
                               bool dry_run);

// What re-tagging a contact changed (or, in a dry run, would change).
struct RetagOutcome {
    store::Contact contact;                          // with its new tag
    std::string previous;                            // the tag it had ("" = none)
    occasions::TagChoice tag;                        // the obligation it is tagged for now, if any
    std::optional<occasions::Obligation> obligation; // that obligation after the change
    bool changed = true;                             // false: it had that tag already
};

// Re-tags contact `id` for the obligation `requested` names (as --occasion does when logging), or, with
// an empty `requested`, removes its tag; recorded with `who` and the time. No contact is added: its counts
// move with the tag. A voided contact keeps its tag.
Result<RetagOutcome> retag_contact(store::Store& store, const rules::Rules& rules, int64_t id,
                                   const std::string& requested, const std::string& who, bool dry_run);

// Voids contact `id` with a reason (kept and shown, never deleted).
Result<store::Contact> void_contact(store::Store& store, int64_t id, const std::string& reason);

// The reason an undone contact is voided with.
inline constexpr std::string_view kUndoReason = "undo";
// Voids, with the reason "undo", the contact `rep` logged last, when it was logged at most the rules'
// undo_hours ago and is not voided yet (so a second undo voids the one before); nothing is written when
// `dry_run`. No such contact is a data error saying how far undo reaches.
Result<store::Contact> undo_last(store::Store& store, const rules::Rules& rules, const std::string& rep,
                                 bool dry_run);

// Options used: ignore_unknown, dry_run, again, default_rep, who (core::ImportOptions).
// Loads contacts.csv (columns customer,channel,date + optional time,rep,note,gift,occasion, the checklist
// columns, asked_help,solved,training,ref). One bad row loads nothing. An `occasion` value must name an
// obligation the row's date falls in; rows are not tagged automatically. The file's content (its SHA-256)
// is remembered: the same content again is refused, naming when it was imported, unless `again`; a row
// whose `ref` (the source system's id) its customer has already is left out, so overlapping exports import
// once.
Result<core::ImportSummary> import_contacts(store::Store& store, const rules::Rules& rules,
                                            const std::string& path, const core::ImportOptions& options);
// The distinct values of an import file's customer column, in order of first appearance (what the import
// reads ahead, in batches); a malformed file yields those before the fault.
std::vector<std::string> customers_in_file(std::string_view text, const std::string& path,
                                           bool ignore_unknown);

// Checklist items R12–R17 a visit left empty, as labels.
std::vector<std::string> missing_checklist(const store::Contact& contact);

} // namespace keqing::contacts
