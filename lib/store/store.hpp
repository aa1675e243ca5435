// The one interface all persistence goes through (SPEC §6), implemented for SQLite and for PostgreSQL.
// Every method returns a Result; SQL never leaves the implementations.
#pragma once

#include "core/result.hpp"
#include "store/followups.hpp"
#include "store/types.hpp"

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace keqing::store {

// How find_customers matches its text.
enum class Match { code, name, prefix, substring };

class Store : public FollowUpStore {
  public:
    virtual ~Store() = default;

    // Transactions: imports and multi-row edits run inside one.
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;

    // Read transactions: every read until end_read() sees the database as it was when the first began
    // (inside a write transaction they change nothing). They nest.
    virtual Result<void> begin_read() = 0;
    virtual void end_read() = 0;
    // Begins a read like begin_read() and, when the backend can, opens a second connection that reads
    // the very same snapshot until it goes away, for reading side by side on another thread; nullptr when
    // none can be had right now (a writer holds the database, a read-only file, a transaction already
    // open): then read everything here.
    virtual Result<std::unique_ptr<Store>> begin_shared_read() = 0;

    virtual Result<void> add_rep(const Rep& rep) = 0;
    virtual Result<std::optional<Rep>> find_rep(const std::string& id) = 0;
    virtual Result<std::vector<Rep>> list_reps() = 0;
    // Changes a rep's name and team.
    virtual Result<void> update_rep(const Rep& rep) = 0;

    // Inserts a customer with its first tier and rep (effective from opened_on, or since always).
    virtual Result<int64_t> add_customer(const Customer& customer) = 0;
    // Updates name, dates, phone, address and stage (tier and rep change through history).
    virtual Result<void> update_customer(const Customer& customer) = 0;
    // Customers matching `text`, with tier and rep in effect on `on`, sorted by code.
    virtual Result<std::vector<Customer>> find_customers(const std::string& text, Match how,
                                                         core::Date on) = 0;
    // Customers (those `filter` allows) with tier and rep in effect on `on`, sorted by code.
    virtual Result<std::vector<Customer>> list_customers(core::Date on,
                                                         const CustomerFilter& filter = {}) = 0;
    // The opening day of every customer `filter` allows that has one (anniversaries of working together),
    // by id — a read of two columns, not of whole customers.
    virtual Result<std::vector<std::pair<int64_t, core::Date>>>
    opening_days(const CustomerFilter& filter) = 0;
    // Records a tier (or rep) from a day on; a second change on the same day replaces the first.
    virtual Result<void> set_tier(int64_t customer_id, const std::string& tier, core::Date from) = 0;
    virtual Result<void> assign_rep(int64_t customer_id, const std::string& rep, core::Date from) = 0;
    virtual Result<std::vector<HistoryEntry>> tier_history(int64_t customer_id) = 0;
    virtual Result<std::vector<HistoryEntry>> rep_history(int64_t customer_id) = 0;
    // The rep histories of the customers `filter` allows, as (customer id, entry) by customer and day.
    virtual Result<std::vector<std::pair<int64_t, HistoryEntry>>>
    rep_histories(const CustomerFilter& filter) = 0;

    virtual Result<int64_t> add_contact(const Contact& contact) = 0;
    // Inserts many contacts (an import's batch; their ids are not needed) and returns how many it stored: a
    // contact whose customer has one with the same ref already is left out.
    virtual Result<size_t> add_contacts(const std::vector<Contact>& contacts) = 0;
    // The earlier imports of a file's content (by hash), newest first. Inside a write transaction it also
    // makes any other import of the same content wait until this transaction ends.
    virtual Result<std::vector<ImportRecord>> claim_import(const std::string& hash) = 0;
    // Records an import (its time and login are the store's to fill on a server).
    virtual Result<void> record_import(const ImportRecord& record) = 0;
    virtual Result<std::optional<Contact>> find_contact(int64_t id) = 0;
    virtual Result<void> void_contact(int64_t id, const std::string& reason, const std::string& at) = 0;
    // Changes contact `id`'s occasion tag ('' removes it), recording the tag before and after, `login` and
    // `at` (schemas/008; on a server, its login and clock).
    virtual Result<void> retag_contact(int64_t id, const std::string& occasion, const std::string& login,
                                       const std::string& at) = 0;
    // A customer's contacts (voided included) in [from, to], oldest first.
    virtual Result<std::vector<Contact>> customer_contacts(int64_t customer_id, core::Date from,
                                                           core::Date to) = 0;
    // Contacts in [from, to] tagged with an occasion (voided included), of the customers `filter` allows,
    // oldest first.
    virtual Result<std::vector<Contact>> tagged_contacts(core::Date from, core::Date to,
                                                         const CustomerFilter& filter) = 0;
    // Every contact in [from, to] (voided included), for export and reports, oldest first.
    virtual Result<std::vector<Contact>> contacts_between(core::Date from, core::Date to) = 0;

    virtual Result<int64_t> add_person(const Person& person) = 0;
    virtual Result<void> update_person(const Person& person) = 0;
    virtual Result<std::optional<Person>> find_person(int64_t id) = 0;
    // People of one customer (`customer_id` > 0) or of every customer, by customer code then id.
    virtual Result<std::vector<Person>> list_people(int64_t customer_id = 0) = 0;
    // People of the customers `filter` allows.
    virtual Result<std::vector<Person>> people_of(const CustomerFilter& filter) = 0;
    // People with a birthday at the customers `filter` allows (and, when `months` is given, written with
    // one of those months): only id, customer id, name and birthday are filled (what birthday obligations
    // need), in no particular order.
    virtual Result<std::vector<Person>> birthdays_of(const CustomerFilter& filter,
                                                     const BirthdayMonths* months = nullptr) = 0;
    virtual Result<int64_t> add_event(const LifeEvent& event) = 0;
    // Changes a life event's person, kind, day and note.
    virtual Result<void> update_event(const LifeEvent& event) = 0;
    // Life events that happened in [from, to] (of one customer when `customer_id` > 0), oldest first.
    virtual Result<std::vector<LifeEvent>> list_events(core::Date from, core::Date to,
                                                       int64_t customer_id = 0) = 0;
    // Life events in [from, to] at the customers `filter` allows, oldest first.
    virtual Result<std::vector<LifeEvent>> events_of(core::Date from, core::Date to,
                                                     const CustomerFilter& filter) = 0;

    // One pass over the contacts of [from, to] in `scope`, voided ones left out, each handed to `visit`:
    // everyone's in the order of the contacts_month index (month, customer, channel, day, rep), a narrower
    // scope's by day, customer, channel and rep (compliance/activity.hpp adds them up).
    virtual Result<void> scan_contacts(core::Date from, core::Date to, const ContactScope& scope,
                                       ScanOptions options,
                                       const std::function<void(const ContactFacts&)>& visit) = 0;
    // The contacts with these ids among those of [from, to], by day and id.
    virtual Result<std::vector<Contact>> contacts_with_ids(core::Date from, core::Date to,
                                                           const std::vector<int64_t>& ids) = 0;
    // The codes of the customers with these ids.
    virtual Result<std::unordered_map<int64_t, std::string>>
    customer_codes(const std::vector<int64_t>& ids) = 0;

    // The voided contacts of [from, to] (at most `limit`, oldest first) in Quality::voided, with the whole
    // count; a non-empty `team` keeps contacts logged by that team's reps.
    virtual Result<Quality> voided_contacts(core::Date from, core::Date to, int limit,
                                            const std::string& team) = 0;

    // Customers (those `filter` allows) active on some day of `month`, tier on the reference day, rep on the
    // month's last day.
    virtual Result<std::vector<MonthCustomer>> month_customers(core::Month month,
                                                               const CustomerFilter& filter = {}) = 0;

    // What opening found worth a warning (one line each, for stderr), handed over once.
    virtual std::vector<std::string> take_warnings() { return {}; }
    // True when this open made a new database (on SQLite: a missing or empty file set up), so that the
    // command says so once.
    virtual bool created() const { return false; }
};

// Opens the SQLite database at `path` and migrates it. A missing or empty file is created (with its
// folders) only when `create` says so, and is otherwise a database error saying how to create one; a file
// holding another application's tables is refused, never migrated.
Result<std::unique_ptr<Store>> open_sqlite(const std::string& path, Create create = Create::yes);
// Opens the database at `location` — a postgresql:// URL, or a SQLite file (created only as `create`
// says) — and migrates it.
Result<std::unique_ptr<Store>> open_store(const std::string& location, Create create);

// One snapshot read from two connections (Store::begin_shared_read), for pairs of reads side by side on
// two threads — or in turn on the one connection when no twin could be had. The read ends with it.
class SharedRead {
  public:
    explicit SharedRead(Store& store) : store_(store) {}
    SharedRead(const SharedRead&) = delete;
    SharedRead& operator=(const SharedRead&) = delete;
    ~SharedRead();

    // Begins the read; reads run through run() until this goes away.
    Result<void> begin();
    // Runs `here(store)` on this thread and `there(twin)` on a second one; returns the first error.
    Result<void> run(const std::function<Result<void>(Store&)>& here,
                     const std::function<Result<void>(Store&)>& there);

  private:
    Store& store_;
    std::unique_ptr<Store> twin_;
    bool begun_ = false;
};

// What a successful transaction ends with: commit, or roll back (dry runs).
enum class Finish { commit, rollback };

// Runs `body` inside a transaction: commits when it succeeds (unless told to roll back), rolls back when
// it fails.
template <class F>
auto in_transaction(Store& store, F&& body, Finish finish = Finish::commit) -> decltype(body()) {
    KQ_CHECK(store.begin());
    auto result = body();
    if (!result || finish == Finish::rollback) {
        store.rollback();
        return result;
    }
    if (auto c = store.commit(); !c) {
        store.rollback();
        return std::move(c).error();
    }
    return result;
}

} // namespace keqing::store
