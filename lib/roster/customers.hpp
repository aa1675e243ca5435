// Roster operations on customers and reps: add, edit, effective-dated tier and rep changes, close and
// reopen (SPEC §4, §5); CSV imports are roster/imports.hpp.
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>

namespace keqing::roster {

// Checks a customer against the rules and the roster (code, name, tier, dates, a known rep).
Result<void> check_customer(store::Store& store, const rules::Rules& rules, const store::Customer& c);
// An optional date: none for blank text; `what` names it in errors.
Result<std::optional<core::Date>> optional_date(std::string_view text, std::string_view what);

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

// Adds a rep; ids are short ASCII handles (letters, digits, '.', '_', '-').
Result<store::Rep> add_rep(store::Store& store, store::Rep rep);

} // namespace keqing::roster
