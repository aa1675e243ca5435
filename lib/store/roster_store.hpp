// The roster side of the store: reps, customers with their tier and rep histories, the people at each
// customer and their life events — what roster edits and what every check reads about customers.
#pragma once

#include "core/result.hpp"
#include "store/types.hpp"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keqing::store {

// How find_customers matches its text.
enum class Match { code, name, prefix, substring };

// What a shell's completion asks the store for (apps/common/complete.hpp).
enum class Completable { customer_code, rep_id, team };

class RosterStore {
  public:
    virtual ~RosterStore() = default;

    virtual Result<void> add_rep(const Rep& rep) = 0;
    virtual Result<std::optional<Rep>> find_rep(const std::string& id) = 0;
    virtual Result<std::vector<Rep>> list_reps() = 0;
    // At most `limit` distinct customer codes, rep ids or team names that start with `prefix` (as typed:
    // bytes, case kept), sorted: a range of an index, fast at any size (a shell waits for it on Tab).
    virtual Result<std::vector<std::string>> complete(Completable what, const std::string& prefix,
                                                      int limit) = 0;
    // Changes a rep's name and team.
    virtual Result<void> update_rep(const Rep& rep) = 0;

    // Inserts a customer with its first tier and rep (effective from opened_on, or since always).
    virtual Result<int64_t> add_customer(const Customer& customer) = 0;
    // Updates name, dates, phone and address (tier, rep and stage change through history; the column
    // `stage` of schemas up to 12 is written back as read).
    virtual Result<void> update_customer(const Customer& customer) = 0;
    // Sets a customer's area and coordinates (roster edit --area / --geo).
    virtual Result<void> set_place(int64_t customer_id, const Place& place) = 0;
    // The places of the customers with these ids (those the session sees), by id.
    virtual Result<std::unordered_map<int64_t, Place>> customer_places(const std::vector<int64_t>& ids) = 0;
    // Customers matching `text`, with tier and rep in effect on `on`, sorted by code.
    virtual Result<std::vector<Customer>> find_customers(const std::string& text, Match how,
                                                         core::Date on) = 0;
    // Customers (those `filter` allows) with tier and rep in effect on `on`, sorted by code.
    virtual Result<std::vector<Customer>> list_customers(core::Date on, const Scope& filter = {}) = 0;
    // The customers `filter` allows with their id, code, opening and closing days only (what checking a
    // contact needs; no history read): in no particular order.
    virtual Result<std::vector<CustomerKey>> customer_keys(const Scope& filter) = 0;
    // Customers (those `filter` allows) active on some day of `month`, tier on the reference day, rep on the
    // month's last day.
    virtual Result<std::vector<MonthCustomer>> month_customers(core::Month month,
                                                               const Scope& filter = {}) = 0;
    // The opening day of every customer `filter` allows that has one (anniversaries of working together),
    // by id — a read of two columns, not of whole customers.
    virtual Result<std::vector<std::pair<int64_t, core::Date>>> opening_days(const Scope& filter) = 0;
    // Records a tier (or rep) from a day on; a second change on the same day replaces the first.
    virtual Result<void> set_tier(int64_t customer_id, const std::string& tier, core::Date from) = 0;
    virtual Result<void> assign_rep(int64_t customer_id, const std::string& rep, core::Date from) = 0;
    virtual Result<std::vector<HistoryEntry>> tier_history(int64_t customer_id) = 0;
    virtual Result<std::vector<HistoryEntry>> rep_history(int64_t customer_id) = 0;
    // The rep histories of the customers `filter` allows, as (customer id, entry) by customer and day.
    virtual Result<std::vector<std::pair<int64_t, HistoryEntry>>> rep_histories(const Scope& filter) = 0;
    // Relationship stages (schemas/013): a stage id from a day on (a second change on the same day replaces
    // the first), one customer's history by day, and the histories of the customers `filter` allows.
    virtual Result<void> set_stage(int64_t customer_id, const std::string& stage, core::Date from) = 0;
    virtual Result<std::vector<HistoryEntry>> stage_history(int64_t customer_id) = 0;
    virtual Result<std::vector<std::pair<int64_t, HistoryEntry>>> stage_histories(const Scope& filter) = 0;

    virtual Result<int64_t> add_person(const Person& person) = 0;
    virtual Result<void> update_person(const Person& person) = 0;
    // A person by number, removed or not.
    virtual Result<std::optional<Person>> find_person(int64_t id) = 0;
    // People of one customer (`customer_id` > 0) or of every customer, by customer code then id; the removed
    // ones only when asked.
    virtual Result<std::vector<Person>> list_people(int64_t customer_id = 0,
                                                    Removed removed = Removed::left_out) = 0;
    // Marks a person removed at `at` with a reason (kept, never deleted; every read but find_person and
    // list_people(…, Removed::included) leaves it out from then on).
    virtual Result<void> remove_person(int64_t id, const std::string& reason, const std::string& at) = 0;
    // People of the customers `filter` allows (removed ones left out, as in every read below).
    virtual Result<std::vector<Person>> people_of(const Scope& filter) = 0;
    // People with a birthday at the customers `filter` allows (and, when `months` is given, written with
    // one of those months): only id, customer id, name and birthday are filled (what birthday obligations
    // need), in no particular order.
    virtual Result<std::vector<Person>> birthdays_of(const Scope& filter,
                                                     const BirthdayMonths* months = nullptr) = 0;
    virtual Result<int64_t> add_event(const LifeEvent& event) = 0;
    // Changes a life event's person, kind, day and note.
    virtual Result<void> update_event(const LifeEvent& event) = 0;
    // Life events that happened in [from, to] (of one customer when `customer_id` > 0), oldest first; the
    // removed ones only when asked.
    virtual Result<std::vector<LifeEvent>> list_events(core::Date from, core::Date to,
                                                       int64_t customer_id = 0,
                                                       Removed removed = Removed::left_out) = 0;
    // A life event by number, removed or not.
    virtual Result<std::optional<LifeEvent>> find_event(int64_t id) = 0;
    // Marks a life event removed, as remove_person does a person: the obligation it made is withdrawn.
    virtual Result<void> remove_event(int64_t id, const std::string& reason, const std::string& at) = 0;
    // Life events in [from, to] at the customers `filter` allows (of these kinds only, when given), oldest
    // first.
    virtual Result<std::vector<LifeEvent>> events_of(core::Date from, core::Date to, const Scope& filter,
                                                     const std::vector<std::string>& kinds = {}) = 0;
};

} // namespace keqing::store
