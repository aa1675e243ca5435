// Plain records exchanged between the store and the rest of the library.
#pragma once

#include "core/i18n.hpp"

#include "core/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace keqing::store {

// Whether opening may make a database that is not there yet.
enum class Create {
    no,  // the SQLite file must exist and hold a keqing database (every command but adding reps)
    yes, // a missing or empty SQLite file becomes a new keqing database (its folders too)
};

// A sales rep (业务员) and the team they belong to.
struct Rep {
    std::string id;
    std::string name;
    std::string team;
};

// A customer (a pharmacy) with the tier and rep in effect on the day it was read for.
struct Customer {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<core::Date> opened_on;
    std::optional<core::Date> closed_on;
    std::string phone;
    std::string address;
    std::string stage;
    std::string tier;
    std::string rep;
};

// A customer as checking a contact needs it (RosterStore::customer_keys): no history, no contact details.
struct CustomerKey {
    int64_t id = 0;
    std::string code;
    std::optional<core::Date> opened_on;
    std::optional<core::Date> closed_on;
};

// Where a customer is (plan): its area (区/街道) and optional coordinates in WGS 84 degrees.
struct Place {
    std::string area;
    std::optional<double> lat, lon; // both or neither
};

// One step of a customer's tier or rep history; `from` is empty for "since the customer's start".
struct HistoryEntry {
    std::string value;
    std::optional<core::Date> from;
    std::string recorded_at;
};

// The per-visit checklist R12–R17, in rule order.
inline constexpr std::array<const char*, 6> kChecklistColumns = {"feedback", "preference", "favour",
                                                                 "family",   "competitor", "slow_mover"};
// Their labels, for people: marked for translation (core::tr() them where shown).
inline constexpr std::array<const char*, 6> kChecklistLabels = {
    N_("R12 product feedback"), N_("R13 clerk preference"), N_("R14 done for a preference"),
    N_("R15 clerk family"),     N_("R16 competitor"),       N_("R17 slow movers")};
// The bits of a contact's `flags` (store/rows.hpp) that hold its checklist items, one per column above.
inline constexpr int64_t kChecklistBits = (int64_t{1} << kChecklistColumns.size()) - 1;

// One contact with a customer: what happened, when, who logged it, and when it was recorded.
struct Contact {
    int64_t id = 0;
    int64_t customer_id = 0;
    std::string customer_code;
    std::string channel;
    core::Date date;
    std::string time;
    std::string rep;
    std::string note;
    bool gift = false;
    std::string occasion;
    std::array<std::string, 6> checklist;
    bool asked_help = false;
    std::string solved;
    bool training = false;
    std::string logged_at;
    std::string voided_at;
    std::string void_reason;
    std::string ref; // the source system's id for it (imports), or empty
};

// A contacts file imported once: its content's SHA-256, where it was read from, how many contacts it
// stored, when and by whom.
struct ImportRecord {
    std::string hash;
    std::string file;
    int rows = 0;
    std::string imported_at;
    std::string login;
};

// A customer as evaluated for one month: tier on the reference day, rep at the month's end.
struct MonthCustomer {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<core::Date> opened_on;
    std::optional<core::Date> closed_on;
    std::string tier;
    std::string rep;
    std::string team;
};

// A person at a customer (clerk, owner, pharmacist) and what the reps know of them.
struct Person {
    int64_t id = 0;
    int64_t customer_id = 0;
    std::string customer_code;
    std::string name;
    std::string role;
    std::string birthday; // canonical recurring-date text, or empty
    std::string preferences;
    std::string family;
    std::string personality;
    std::string note;
    std::string removed_at;     // YYYY-MM-DDTHH:MM when removed (kept, never deleted), or empty
    std::string removed_reason; // why it was removed
};

// A life event at a customer (wedding, birth, bereavement …), optionally of one person.
struct LifeEvent {
    int64_t id = 0;
    int64_t customer_id = 0;
    std::string customer_code;
    int64_t person_id = 0; // 0 = none
    std::string person_name;
    std::string kind;
    core::Date date;
    std::string note;
    std::string removed_at;     // YYYY-MM-DDTHH:MM when removed (kept, never deleted), or empty
    std::string removed_reason; // why it was removed
};

// Whether a read of people or life events includes the removed ones (the lists' --removed); every read that
// makes obligations leaves them out.
enum class Removed { left_out, included };

// Which contacts a history read streams (log-visit --list): those that happened in [from, to], at one
// customer (`customer_id`, 0 = any), logged by one rep or by one team's reps (`rep`, `team`), on one channel,
// tagged with one occasion (a tag — mid-autumn, event:12 — or a kind of tag: event, birthday) ("" = any of
// each); voided ones included unless `voided` is false.
struct ContactQuery {
    core::Date from;
    core::Date to;
    int64_t customer_id = 0;
    std::string rep;
    std::string team;
    std::string channel;
    std::string occasion;
    bool voided = true;
};

// The months a birthday must be written with to fall in some window (every occurrence of a recurring
// date lies in the month it is written with): solar month numbers for solar dates, lunar ones (leap or
// not) for lunar dates.
struct BirthdayMonths {
    std::vector<int> solar;
    std::vector<int> lunar;
};

// Which customers or contacts a read covers; the one scope type of the library.
// - As the customers a query returns (Store::month_customers, list_customers…): all; those ever assigned to
//   a rep (`value`), to one of a list of reps (`reps`), or to a team's reps; one code; a list of ids; a list
//   of codes. `tier` reads everyone:
//   a customer's tier changes in time, and the caller keeps those of the tier on the day it judges
//   (compliance::scope_customers).
// - As the contacts one pass reads (ScanStore::scan_contacts): all; those at the `ids` customers; those
//   that one rep, a list of reps or one team's reps logged. Other kinds are refused there.
// - As what a person asked for (check-quota, report, remind): all, rep, team, tier, one customer (code).
struct Scope {
    enum class Kind { all, rep, team, tier, code, ids, codes, reps };
    Kind kind = Kind::all;
    std::string value = {};              // rep, team, tier or code
    std::vector<int64_t> ids = {};       // Kind::ids
    std::vector<std::string> codes = {}; // Kind::codes; rep ids for Kind::reps

    static Scope of_ids(std::vector<int64_t> ids) { return {Kind::ids, {}, std::move(ids), {}}; }
    static Scope of_codes(std::vector<std::string> codes) { return {Kind::codes, {}, {}, std::move(codes)}; }
    static Scope of_reps(std::vector<std::string> reps) { return {Kind::reps, {}, {}, std::move(reps)}; }
};

// One contact that was not voided, as a pass over contacts streams it (Store::scan_contacts): just what
// counting and checking it needs, valid during the visit only.
struct ContactFacts {
    int64_t id = 0; // ScanOptions::findings or a scope narrower than all only
    int64_t customer_id = 0;
    std::string_view channel;
    std::string_view rep;
    std::string_view day; // YYYY-MM-DD; ScanOptions::findings or a scope narrower than all only
    int64_t flags = 0;
    int64_t lag = 0; // ScanOptions::findings or a scope narrower than all only
};

// What a pass over contacts reads: with `findings` (always for a scope narrower than all), also each
// contact's id, day and lag; with `max_lag`,
// only the contacts logged at most that many days late.
struct ScanOptions {
    bool findings = false;
    std::optional<int64_t> max_lag = std::nullopt;
    // Everyone's contacts of one month, only those of the customers with ids in [first, second]: a part of
    // the month's pass (compliance::SplitPass).
    std::optional<std::pair<int64_t, int64_t>> customers = std::nullopt;
};

// The voided contacts of a range: the first ones, and how many there are in all.
struct Voided {
    int count = 0;
    std::vector<Contact> first;
};

} // namespace keqing::store
