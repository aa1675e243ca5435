// Roster operations on customers and reps: add, edit, effective-dated tier and rep changes, close and
// reopen, and all-or-nothing CSV import / export (SPEC §4, §5).
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>

namespace keqing::roster {

// Adds one customer after validating it against the rules and the roster.
Result<store::Customer> add_customer(store::Store& store, const rules::Rules& rules, store::Customer customer);

// Fields `roster edit` may change; absent ones stay as they are.
struct CustomerEdit {
    std::optional<std::string> name, phone, address, stage, opened_on;
};
Result<store::Customer> edit_customer(store::Store& store, const std::string& query, const CustomerEdit& edit,
                                      core::Date today);

// Tier and rep changes from a day on (history is kept; past months keep their tier).
Result<store::Customer> change_tier(store::Store& store, const rules::Rules& rules, const std::string& query,
                                    const std::string& tier, core::Date from, core::Date today);
Result<store::Customer> change_rep(store::Store& store, const std::string& query, const std::string& rep,
                                   core::Date from, core::Date today);
// Closes a customer after its last active day `on`; reopen clears the closing date.
Result<store::Customer> close_customer(store::Store& store, const std::string& query, core::Date on,
                                       core::Date today);
Result<store::Customer> reopen_customer(store::Store& store, const std::string& query, core::Date today);

struct ImportOptions {
    bool ignore_unknown = false;
    bool dry_run = false;
};
struct ImportSummary {
    int rows = 0;
};
// Loads customers.csv (columns code,name,tier,rep + optional opened_on,closed_on,phone,address,stage):
// every row is validated first; one bad row loads nothing.
Result<ImportSummary> import_customers(store::Store& store, const rules::Rules& rules, const std::string& path,
                                       const ImportOptions& options);

// Adds a rep; ids are short ASCII handles (letters, digits, '.', '_', '-').
Result<store::Rep> add_rep(store::Store& store, store::Rep rep);
// Loads reps.csv (columns id + optional name,team), all or nothing.
Result<ImportSummary> import_reps(store::Store& store, const std::string& path, const ImportOptions& options);

} // namespace keqing::roster
