// The PostgreSQL implementation of Store, declared for its two source files: pg_store.cpp (connecting,
// migrations recorded in keqing.keqing_schema, transactions, exported snapshots and every write) and
// pg_reads.cpp (every read). Private to lib/store. The same schema as SQLite (schemas/, translated by
// migration_sql), in the schema `keqing`: the owner reads and writes its tables; every other role holds no
// privilege on them and goes through the keqing_api functions (schemas/006_private_tables.sql,
// docs/SECURITY.md) — the same read SQL over other relations (store/relations.hpp), and API calls for writes.
#pragma once

#include "store/pg_db.hpp"
#include "store/store.hpp"

#include <utility>

namespace keqing::store {

class PgStore final : public Store {
  public:
    // Connects and migrates; with `snapshot`, starts a read of that exported snapshot instead.
    Result<void> open(const std::string& url);

    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> begin_read() override;
    void end_read() override;
    Result<std::unique_ptr<Store>> begin_shared_read() override;

    Result<void> add_rep(const Rep& rep) override;
    Result<void> update_rep(const Rep& rep) override;
    Result<std::optional<Rep>> find_rep(const std::string& id) override;
    Result<std::vector<Rep>> list_reps() override;

    Result<int64_t> add_customer(const Customer& customer) override;
    Result<void> update_customer(const Customer& customer) override;
    Result<std::vector<Customer>> find_customers(const std::string& text, Match how, core::Date on) override;
    Result<std::vector<Customer>> list_customers(core::Date on, const CustomerFilter& filter) override;
    Result<void> set_tier(int64_t customer_id, const std::string& tier, core::Date from) override;
    Result<void> assign_rep(int64_t customer_id, const std::string& rep, core::Date from) override;
    Result<std::vector<HistoryEntry>> tier_history(int64_t customer_id) override;
    Result<std::vector<HistoryEntry>> rep_history(int64_t customer_id) override;
    Result<std::vector<std::pair<int64_t, HistoryEntry>>>
    rep_histories(const CustomerFilter& filter) override;

    Result<int64_t> add_contact(const Contact& contact) override;
    Result<size_t> add_contacts(const std::vector<Contact>& contacts) override;
    Result<std::vector<ImportRecord>> claim_import(const std::string& hash) override;
    Result<void> record_import(const ImportRecord& record) override;
    Result<std::optional<Contact>> find_contact(int64_t id) override;
    Result<void> void_contact(int64_t id, const std::string& reason, const std::string& at) override;
    Result<std::vector<Contact>> customer_contacts(int64_t customer_id, core::Date from,
                                                   core::Date to) override;
    Result<std::vector<Contact>> tagged_contacts(core::Date from, core::Date to,
                                                 const CustomerFilter& filter) override;
    Result<std::vector<Contact>> contacts_between(core::Date from, core::Date to) override;

    Result<int64_t> add_person(const Person& person) override;
    Result<void> update_person(const Person& person) override;
    Result<std::optional<Person>> find_person(int64_t id) override;
    Result<std::vector<Person>> list_people(int64_t customer_id) override;
    Result<std::vector<Person>> people_of(const CustomerFilter& filter) override;
    Result<std::vector<Person>> birthdays_of(const CustomerFilter& filter,
                                             const BirthdayMonths* months) override;
    Result<int64_t> add_event(const LifeEvent& event) override;
    Result<void> update_event(const LifeEvent& event) override;
    Result<std::vector<LifeEvent>> list_events(core::Date from, core::Date to, int64_t customer_id) override;
    Result<std::vector<LifeEvent>> events_of(core::Date from, core::Date to,
                                             const CustomerFilter& filter) override;

    Result<Activity> activity(core::Date from, core::Date to, CountPolicy policy, const ContactScope& scope,
                              const FindingRules* findings) override;
    Result<Quality> voided_contacts(core::Date from, core::Date to, int limit,
                                    const std::string& team) override;
    Result<std::vector<MonthCustomer>> month_customers(core::Month month,
                                                       const CustomerFilter& filter) override;

    std::vector<std::string> take_warnings() override { return std::exchange(warnings_, {}); }

  private:
    // The SQL condition on customers `c` for a filter; its value binds to $9.
    static std::string_view filter_sql(const CustomerFilter& filter);
    // The contacts `k` (from `from`: @contacts, the days $1..$2, or @contact, the contact $1) with their
    // customers `c` where `where` holds.
    static std::string select_contacts(std::string_view where, std::string_view from = "@contacts");
    Result<std::vector<Contact>> collect_contacts(PgStmt& s);
    Result<std::vector<Customer>> customers_on(std::string_view where, core::Date on,
                                               const std::function<void(PgStmt&)>& bind);
    Result<void> complete_findings(Quality& found, int limit, core::Date from, core::Date to);
    Result<std::vector<LifeEvent>> query_events(std::string_view where, core::Date from, core::Date to,
                                                int64_t customer_id, const CustomerFilter& filter);
    Result<std::vector<Person>> query_people(std::string_view where, int64_t id);
    Result<void> put_history(std::string_view sql, int64_t customer_id, const std::string& value,
                             const std::string& from);
    Result<std::vector<HistoryEntry>> history(std::string_view sql, int64_t customer_id);
    Result<int64_t> insert_returning_id(PgStmt& s);
    Result<void> migrate();
    Result<int> legacy_version();
    Result<void> upgrade(int version);
    Result<void> check_version(int version, int latest);
    Result<void> warn_if_open_to_public();
    Error not_a_keqing_role();
    // The SQL of a write for this connection: on the tables (the owner), or through keqing_api.
    std::string_view by_role(std::string_view tables, std::string_view api) const {
        return db_.source() == Source::api ? api : tables;
    }

    PgDb db_;
    int depth_ = 0;               // write transactions and savepoints
    int read_depth_ = 0;          // read transactions (outside write ones)
    std::optional<Error> broken_; // a rollback failed: no more writes (rollback())
    std::vector<std::string> warnings_;
};

// Opens the PostgreSQL database at a postgresql:// URL and migrates it.
Result<std::unique_ptr<Store>> open_postgres(const std::string& url);

} // namespace keqing::store
