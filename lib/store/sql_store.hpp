// Store over SQL, written once for both backends: every query and write in sql_reads.cpp and
// sql_writes.cpp, over a connection type `Db` (SqliteDb or PgDb) that prepares and runs it and knows its
// dialect. The SQL is spelled as PostgreSQL reads it — $N parameters, ::type casts, @table names that
// store/relations.hpp resolves — and SqliteDb translates it (?N, no casts, the tables themselves). What a
// dialect really does differently is the Db's: id lists, JSON arrays, the name of strpos, INDEXED BY, the
// birthday-month test, how a write or read transaction begins, and the import lock. What differs beyond SQL
// (opening, migrations, snapshots shared between connections, batch inserts) is SqliteStore's and
// PgStore's. Private to lib/store.
#pragma once

#include "store/relations.hpp"
#include "store/store.hpp"

#include <functional>
#include <optional>

namespace keqing::store {

template <class Db> class SqlStore : public Store {
  public:
    using Stmt = typename Db::Statement;

    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> begin_read() override;
    void end_read() override;

    Result<void> add_rep(const Rep& rep) override;
    Result<void> update_rep(const Rep& rep) override;
    Result<std::optional<Rep>> find_rep(const std::string& id) override;
    Result<std::vector<Rep>> list_reps() override;
    // In sql_complete.cpp.
    Result<std::vector<std::string>> complete(Completable what, const std::string& prefix,
                                              int limit) override;

    Result<int64_t> add_customer(const Customer& customer) override;
    Result<void> update_customer(const Customer& customer) override;
    Result<std::vector<Customer>> find_customers(const std::string& text, Match how, core::Date on) override;
    Result<std::vector<Customer>> list_customers(core::Date on, const Scope& filter) override;
    Result<std::vector<std::pair<int64_t, core::Date>>> opening_days(const Scope& filter) override;
    Result<void> set_tier(int64_t customer_id, const std::string& tier, core::Date from) override;
    Result<void> assign_rep(int64_t customer_id, const std::string& rep, core::Date from) override;
    Result<std::vector<HistoryEntry>> tier_history(int64_t customer_id) override;
    Result<std::vector<HistoryEntry>> rep_history(int64_t customer_id) override;
    Result<std::vector<CustomerKey>> customer_keys(const Scope& filter) override;
    Result<std::vector<std::pair<int64_t, HistoryEntry>>> rep_histories(const Scope& filter) override;
    // In sql_stages.cpp.
    Result<void> set_stage(int64_t customer_id, const std::string& stage, core::Date from) override;
    Result<std::vector<HistoryEntry>> stage_history(int64_t customer_id) override;
    Result<std::vector<std::pair<int64_t, HistoryEntry>>> stage_histories(const Scope& filter) override;

    Result<int64_t> add_contact(const Contact& contact) override;
    // (add_contacts is each backend's own: a batch statement on PostgreSQL, one reused statement on SQLite.)
    Result<std::vector<ImportRecord>> claim_import(const std::string& hash) override;
    Result<void> record_import(const ImportRecord& record) override;
    Result<std::optional<Contact>> find_contact(int64_t id) override;
    Result<void> void_contact(int64_t id, const std::string& reason, const std::string& at) override;
    Result<void> retag_contact(int64_t id, const std::string& occasion, const std::string& login,
                               const std::string& at) override;
    Result<std::vector<Contact>> customer_contacts(int64_t customer_id, core::Date from,
                                                   core::Date to) override;
    Result<std::vector<Contact>> tagged_contacts(core::Date from, core::Date to,
                                                 const Scope& filter) override;
    Result<std::vector<int64_t>> contact_ids_of_reps(core::Date from, core::Date to,
                                                     const std::vector<std::string>& reps,
                                                     const std::vector<int64_t>& seen = {}) override;
    Result<std::vector<Contact>> contacts_between(core::Date from, core::Date to) override;
    Result<void> each_contact(const ContactQuery& query,
                              const std::function<Result<void>(const Contact&)>& visit) override;
    Result<std::optional<Contact>> last_logged(const std::string& rep, const std::string& since) override;

    Result<int64_t> add_person(const Person& person) override;
    Result<void> update_person(const Person& person) override;
    Result<std::optional<Person>> find_person(int64_t id) override;
    Result<std::vector<Person>> list_people(int64_t customer_id, Removed removed) override;
    Result<void> remove_person(int64_t id, const std::string& reason, const std::string& at) override;
    Result<std::vector<Person>> people_of(const Scope& filter) override;
    Result<std::vector<Person>> birthdays_of(const Scope& filter, const BirthdayMonths* months) override;
    Result<int64_t> add_event(const LifeEvent& event) override;
    Result<void> update_event(const LifeEvent& event) override;
    Result<std::vector<LifeEvent>> list_events(core::Date from, core::Date to, int64_t customer_id,
                                               Removed removed) override;
    Result<std::optional<LifeEvent>> find_event(int64_t id) override;
    Result<void> remove_event(int64_t id, const std::string& reason, const std::string& at) override;
    Result<std::vector<LifeEvent>> events_of(core::Date from, core::Date to, const Scope& filter,
                                             const std::vector<std::string>& kinds) override;

    Result<void> scan_contacts(core::Date from, core::Date to, const Scope& scope, ScanOptions options,
                               const std::function<void(const ContactFacts&)>& visit) override;
    Result<std::vector<Contact>> contacts_with_ids(core::Date from, core::Date to,
                                                   const std::vector<int64_t>& ids) override;
    Result<std::unordered_map<int64_t, std::string>> customer_codes(const std::vector<int64_t>& ids) override;
    Result<std::pair<int64_t, int64_t>> customer_id_span() override;
    Result<void> set_place(int64_t customer_id, const Place& place) override;
    Result<std::unordered_map<int64_t, Place>> customer_places(const std::vector<int64_t>& ids) override;
    Result<Voided> voided_contacts(core::Date from, core::Date to, int limit,
                                   const std::string& team) override;
    Result<std::vector<MonthCustomer>> month_customers(core::Month month, const Scope& filter) override;

    // Follow-ups (store/followups.hpp), in sql_followups.cpp.
    Result<int64_t> add_followup(int64_t contact_id, core::Date contact_day, const std::string& kind,
                                 const std::string& body, core::Date due_on, int64_t person_id) override;
    Result<int64_t> open_followup(const FollowUp& item) override;
    Result<void> start_followup(int64_t id, core::Date day) override;
    Result<void> close_followup(int64_t id, const std::string& status, const std::string& reason,
                                core::Date day, int64_t contact_id) override;
    Result<std::optional<FollowUp>> find_followup(int64_t id) override;
    Result<std::vector<FollowUp>> followups_of(core::Date from, core::Date to, const Scope& filter) override;
    Result<int64_t> add_followup_step(int64_t id, const std::string& step, const std::string& note,
                                      core::Date day, bool closes) override;
    Result<std::vector<FollowUpStep>> followup_steps(int64_t id) override;

    // Trainings (store/trainings.hpp), in sql_training.cpp.
    Result<int64_t> add_training(const Training& training) override;
    Result<std::optional<Training>> find_training(int64_t id) override;
    Result<std::vector<Training>> trainings_of(core::Date from, core::Date to, const Scope& filter,
                                               Removed removed) override;
    Result<void> remove_training(int64_t id, const std::string& reason, const std::string& at) override;

  protected:
    // The customers `c` that the reads of follow-ups, trainings and tagged contacts join (`relation`, with
    // columns id, code and name at least) and the condition `filter` sets on them (`where`), its values
    // bound by `bind`: here @customers and filter_sql ($9). PostgreSQL's store may name the customers it
    // keeps for the read instead (pg_kept.cpp), and the tagged contacts of those customers alone (`tagged`,
    // the contacts `k` of the days $1..$2 that the read of tagged contacts takes: here all of @contacts).
    struct Customers {
        std::string relation;
        std::string where;
        std::function<void(Stmt&)> bind;
        std::string tagged = "@contacts";
    };
    virtual Result<Customers> customers_for(const Scope& filter);
    // Each customer's team: its rep's, from the directory (only those reps read).
    virtual Result<std::vector<MonthCustomer>> with_teams(std::vector<MonthCustomer> customers);
    // Called before each write of reps, customers, their histories, stages or places, people or life events
    // (what a store may keep for a read: keep_roster_reads).
    virtual void roster_changing() {}
    // The SQL of a write for this connection: on the tables (SQLite, PostgreSQL's owner), or through
    // keqing_api (every other PostgreSQL role, docs/SECURITY.md).
    std::string_view by_role(std::string_view tables, std::string_view api) const {
        return db_.source() == Source::api ? api : tables;
    }

    // The columns a contact is written with, $1..$21 in this order, and their values bound to a statement.
    static constexpr std::string_view kContactWrites =
        "customer_id, channel, happened_on, happened_at, rep_id, note, gift, occasion, feedback, preference, "
        "favour, family, competitor, slow_mover, asked_help, solved, training, logged_at, flags, lag, ref";
    static constexpr std::string_view kContactValues =
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21";
    static void bind_contact(Stmt& s, const Contact& c);
    // One contact's insert on the tables (RETURNING id: its number, none when its ref was stored already).
    static const std::string& contact_insert();

    // The SQL condition on customers `c` for a filter; its value (filter_value) binds to $9. A filter by
    // customer id or rep tests `id` instead of c.id when given (a row's own customer id, so that the planner
    // can read that table by customer).
    static std::string filter_sql(const Scope& filter, std::string_view id = "c.id");

    Db db_;
    int depth_ = 0;               // write transactions and savepoints
    int read_depth_ = 0;          // read transactions (outside write ones)
    std::optional<Error> broken_; // a rollback failed: no more writes (rollback())

  private:
    // The contacts `k` (from `from`: @contacts, the days $1..$2, or @contact, the contact $1) with their
    // customers `c` where `where` holds.
    static std::string select_contacts(std::string_view where, std::string_view from = "@contacts",
                                       std::string_view customers = "@customers c");
    // Customers matching `where` (its parameters set by `bind`) with the tier and rep in effect on `on`
    // (`expected`: at most that many, when known).
    Result<std::vector<Customer>> customers_on(std::string_view where, core::Date on,
                                               const std::function<void(Stmt&)>& bind, size_t expected = 0);
    Result<std::vector<LifeEvent>> query_events(std::string_view where, core::Date from, core::Date to,
                                                int64_t customer_id, const Scope& filter,
                                                const std::string& kinds = {});
    Result<std::vector<Person>> query_people(std::string_view where, int64_t id);
    Result<void> put_history(std::string_view sql, int64_t customer_id, const std::string& value,
                             const std::string& from);
    Result<std::vector<HistoryEntry>> history(std::string_view sql, int64_t customer_id);
    // (`customers`: the relation `c` they join, as customers_for names it.)
    Result<std::vector<FollowUp>> query_followups(std::string_view where,
                                                  const std::function<void(Stmt&)>& bind,
                                                  std::string_view customers = "@customers c");
    Result<std::vector<Training>> query_trainings(std::string_view where,
                                                  const std::function<void(Stmt&)>& bind,
                                                  std::string_view customers = "@customers c");
};

} // namespace keqing::store
