// Follow-up items and complaints to and from CSV (issue 18): the export writes the import's format; the
// import checks every row before any is kept, all in one transaction, and names the file and line of the
// first bad row. Rows match what is stored by customer, kind, text and opening day: the same again is
// unchanged, different is refused (numbers are the database's own, and close with log-visit or roster).
#pragma once

#include "core/import.hpp"
#include "followups/complaints.hpp"

#include <string>
#include <vector>

namespace keqing::followups {

// The follow-up CSV: id,customer,kind,body,person,rep,opened_on,due_on,status,started_on,closed_on,reason
// (id and rep are the database's: read back only to check the rep).
extern const std::vector<std::string> kFollowUpColumns;
// The complaint CSV: one row per recorded step (a complaint without one: a row with step blank), the
// complaint repeated on each: customer,body,person,opened_on,due_on,step,done_on,note.
extern const std::vector<std::string> kComplaintColumns;

// follow-ups.csv: customer,kind,body,opened_on,due_on + optional id,person,rep,status (open, in_progress,
// done, dropped; default open),started_on,closed_on,reason.
Result<core::ImportSummary> import_followups(store::Store& store, const rules::Rules& rules,
                                             const std::string& path, const core::ImportOptions& options,
                                             core::Date today);

// complaints.csv: customer,body,opened_on,due_on + optional person,step,done_on,note; a complaint's steps
// in its kind's order, after those stored.
Result<core::ImportSummary> import_complaints(store::Store& store, const rules::Rules& rules,
                                              const std::string& path, const core::ImportOptions& options,
                                              core::Date today);

} // namespace keqing::followups
