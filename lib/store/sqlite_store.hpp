// The SQLite implementation of Store, declared for its two source files: sqlite_store.cpp (opening,
// migrations, transactions and every write) and sqlite_reads.cpp (customers with their tier and rep
// history, one-pass contact activity, people, events and flagged contacts). Private to lib/store.
#pragma once

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

#include <functional>

namespace keqing::store {

class SqliteStore final : public Store {
  public:
    // Opens `path` (creating a missing or empty file only with Create::yes), refuses a file that is not a
    // keqing database before anything is written into it, and migrates.
    Result<void> open(const std::string& path, Create create,
                      SqliteDb::Memory memory = SqliteDb::Memory::full);
    bool created() const override { return created_; }

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

  private:
    // The SQL condition on customers `c` for a filter; its value binds to ?9.
    static std::string_view filter_sql(const CustomerFilter& filter);
    // SELECT of contacts `k` joined to their customer `c`, as rows::contact reads them.
    static std::string select_contacts(std::string_view where);
    Result<std::vector<Contact>> collect_contacts(Stmt& s);
    // Customers matching `where` (its parameters set by `bind`) with the tier and rep in effect on `on`.
    Result<std::vector<Customer>> customers_on(std::string_view where, core::Date on,
                                               const std::function<void(Stmt&)>& bind);
    // Completes a pass's findings: names the duplicates (their customers' codes), orders them by day, code
    // and channel and cuts the list to `limit`; reads the late contacts listed whole.
    Result<void> complete_findings(Quality& found, int limit);
    Result<std::vector<LifeEvent>> query_events(std::string_view where, core::Date from, core::Date to,
                                                int64_t customer_id, const CustomerFilter& filter);
    Result<std::vector<Person>> query_people(std::string_view where, int64_t id);
    Result<void> put_history(std::string_view sql, int64_t customer_id, const std::string& value,
                             const std::string& from);
    Result<std::vector<HistoryEntry>> history(std::string_view sql, int64_t customer_id);
    Result<int64_t> schema_version();
    // Refuses a file keqing must not touch: another application's tables, or (without Create::yes) an empty
    // file that would need creating.
    Result<void> check_identity(Create create);
    Result<void> migrate();

    SqliteDb db_;
    int depth_ = 0;               // write transactions and savepoints
    int read_depth_ = 0;          // read transactions (outside write ones)
    std::optional<Error> broken_; // a rollback failed: no more writes (rollback())
    bool created_ = false;        // this open set up an empty database
};

} // namespace keqing::store
