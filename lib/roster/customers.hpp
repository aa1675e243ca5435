// Roster operations on customers and reps: add, edit, effective-dated tier and rep changes, close and
// reopen (SPEC §4, §5); CSV imports are roster/imports.hpp.
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <unordered_map>

namespace keqing::roster {

// Checks a customer against the rules and the roster (code, name, tier, dates, a known rep).
Result<void> check_customer(store::Store& store, const rules::Rules& rules, const store::Customer& c);
// An optional date: none for blank text; `what` names it in errors.
Result<std::optional<core::Date>> optional_date(std::string_view text, std::string_view what);

// Adds one customer after validating it against the rules and the roster.
Result<store::Customer> add_customer(store::Store& store, const rules::Rules& rules,
                                     store::Customer customer);

// Which customers `roster list` shows: those active on the day (all with include_closed), of one rep,
// tier or team when given; each with the stage in effect that day.
struct Listing {
    std::string rep, tier, team;
    bool include_closed = false;
};
Result<std::vector<store::Customer>> list_customers(store::Store& store, core::Date on, const Listing& which);
// The area and coordinates of `customers`, by id (a customer without either has an empty place).
using Places = std::unordered_map<int64_t, store::Place>;
Result<Places> places_of(store::Store& store, const std::vector<store::Customer>& customers);
// "LAT,LON" as `--geo` and the CSV's lat, lon columns write them (up to 6 decimals, no trailing zeros).
std::string degrees_text(double degrees);

// Fields `roster edit` may change; absent ones stay as they are.
// `area` is the customer's 区/街道 (plan keeps a day's visits in few areas); `geo` is "LAT,LON" in degrees,
// or "none" to clear the coordinates.
struct CustomerEdit {
    std::optional<std::string> name, phone, address, stage, opened_on, area, geo;
};
// Coordinates written "30.27,120.15" (latitude, longitude in degrees): `what` names the option in errors.
Result<store::Place> parse_geo(std::string_view text, std::string_view what);
// `stage` is recorded from `today` (roster/stages.hpp; a stage not in the rules is refused).
Result<store::Customer> edit_customer(store::Store& store, const rules::Rules& rules,
                                      const std::string& query, const CustomerEdit& edit, core::Date today);

// Whether a roster change may contradict what is recorded: a closing day before the customer's last
// contact, a tier or rep from a day before it opened. Without Force::yes such a change is refused with the
// reason.
enum class Force { no, yes };
// The checks themselves, for every path that makes such a change (the commands below, imports): a tier or
// rep (`what`) from `from`; closing `c` after its last active day `on`.
Result<void> check_from(const store::Customer& c, std::string_view what, core::Date from, Force force);
Result<void> check_closing(store::Store& store, const store::Customer& c, core::Date on, Force force);

// What a tier or rep change did: the customer after it, and — when the value asked for is already in
// effect on that day, so nothing was written — the line that says so.
struct Change {
    store::Customer customer;
    std::string unchanged;
};

// Tier and rep changes from a day on (history is kept; past months keep their tier).
Result<Change> change_tier(store::Store& store, const rules::Rules& rules, const std::string& query,
                           const std::string& tier, core::Date from, core::Date today,
                           Force force = Force::no);
Result<Change> change_rep(store::Store& store, const std::string& query, const std::string& rep,
                          core::Date from, core::Date today, Force force = Force::no);
// Closes a customer after its last active day `on` (refused before its last contact that is not voided,
// unless forced); reopen clears the closing date.
Result<store::Customer> close_customer(store::Store& store, const std::string& query, core::Date on,
                                       core::Date today, Force force = Force::no);
Result<store::Customer> reopen_customer(store::Store& store, const std::string& query, core::Date today);

// Adds a rep; ids are short ASCII handles (letters, digits, '.', '_', '-').
Result<store::Rep> add_rep(store::Store& store, store::Rep rep);

} // namespace keqing::roster
