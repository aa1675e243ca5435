// The PostgreSQL store: the SQL store (store/sql_store.hpp) over one server connection, with what only
// PostgreSQL does — migrations recorded in keqing.keqing_schema and run only by the owner, exported
// snapshots shared with a second connection, contacts inserted a thousand per statement. The same schema as
// SQLite (schemas/, translated by migration_sql), in the schema `keqing`: the owner reads and writes its
// tables; every other role holds no privilege on them and goes through the keqing_api functions
// (schemas/006_private_tables.sql, docs/SECURITY.md) — the same read SQL over other relations
// (store/relations.hpp), and API calls for writes. Private to lib/store.
#pragma once

#include "store/kept_rows.hpp"
#include "store/pg_db.hpp"
#include "store/sql_store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace keqing::store {

class PgStore final : public SqlStore<PgDb> {
  public:
    // Connects and migrates.
    Result<void> open(const std::string& url);
    Result<std::unique_ptr<Store>> begin_shared_read() override;
    // Rows go a thousand per statement.
    Result<size_t> add_contacts(const std::vector<Contact>& contacts) override;
    std::vector<std::string> take_warnings() override { return std::exchange(warnings_, {}); }

    // One rep's (or listed customers') reads: kept within a read, and through keqing_api in one call each
    // (pg_reads.cpp).
    Result<std::optional<Rep>> find_rep(const std::string& id) override;
    Result<std::vector<Customer>> find_customers(const std::string& text, Match how, core::Date on) override;
    Result<std::vector<Customer>> list_customers(core::Date on, const Scope& filter) override;
    Result<std::vector<MonthCustomer>> month_customers(core::Month month, const Scope& filter) override;
    Result<std::vector<std::pair<int64_t, core::Date>>> opening_days(const Scope& filter) override;
    Result<std::vector<int64_t>> contact_ids_of_reps(core::Date from, core::Date to,
                                                     const std::vector<std::string>& reps,
                                                     const std::vector<int64_t>& seen = {}) override;
    // Within a read, a rep's people and life events are asked for once too and narrowed on the client.
    Result<std::vector<Person>> people_of(const Scope& filter) override;
    Result<std::vector<Person>> birthdays_of(const Scope& filter, const BirthdayMonths* months) override;
    Result<std::vector<LifeEvent>> events_of(core::Date from, core::Date to, const Scope& filter,
                                             const std::vector<std::string>& kinds) override;
    Result<std::vector<LifeEvent>> list_events(core::Date from, core::Date to, int64_t customer_id,
                                               Removed removed) override;
    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    void end_read() override;
    void keep_roster_reads() override;
    // Within a read whose passes reach back to a known day (expect_contact_scans), the kept customers'
    // contacts are read once from that day and each pass over some of them is answered from those rows.
    void expect_contact_scans(core::Date from) override { scans_from_ = from; }
    Result<void> scan_contacts(core::Date from, core::Date to, const Scope& scope, ScanOptions options,
                               const std::function<void(const ContactFacts&)>& visit) override;

  private:
    // One rep's customers with their whole tier and rep history (or one customer's, asked for by code), read
    // once in a read — or in a write that keeps them (keep_roster_reads) — through keqing_api or, by the
    // owner, from the tables: every later ask for those customers, or for some of them, is answered from
    // these rows (pg_reads.cpp).
    struct Kept {
        std::string rep;          // empty: one customer's, asked for by code
        KeptRows rows;            // keqing_api.customer_histories' columns and order
        std::vector<int64_t> ids; // the customers', sorted
        // Asked for when first needed: the people of these customers not removed (people_of's order), their
        // life events of every day not removed (events_of's) named by the people's names.
        std::optional<std::vector<Person>> people;
        std::optional<std::vector<LifeEvent>> events;
        // Asked for at the first pass over their contacts when the read said how far back its passes reach:
        // the unvoided contacts of these customers from `from` through `to`, as scan_contacts reads them.
        struct Contacts {
            core::Date from, to;
            KeptRows rows;
        };
        std::optional<Contacts> contacts;
        // Every person's name, removed or not, by id: read with the people.
        std::unordered_map<int64_t, std::string> names;
    };
    // The kept rows that answer `filter` (reading them first for a rep's), or null: not in a read, or
    // customers the kept rows do not hold.
    Result<const Kept*> kept_for(const Scope& filter);
    // The kept rows `filter` keeps (and `also`, when given), as a statement's.
    static KeptRows::Cursor kept_cursor(const Kept& kept, const Scope& filter,
                                        const std::function<bool(const KeptRows&, size_t)>& also = {});
    // The kept rows when `filter` is a rep's customers or some of them (kept_for), else null; with the ids
    // `filter` keeps (empty: all of them).
    Result<const Kept*> kept_customers(const Scope& filter, std::vector<int64_t>& ids);
    // Read the kept customers' people, and their life events, into the kept rows (once).
    Result<void> keep_people();
    Result<void> keep_events();
    // Through keqing_api, the reps found by reps_named() (reps() would read every rep).
    Result<std::vector<MonthCustomer>> with_teams(std::vector<MonthCustomer> customers) override;
    Result<void> migrate();
    Result<int> legacy_version();
    Result<void> upgrade(int version);
    Result<void> check_version(int version, int latest);
    Result<void> warn_if_open_to_public();
    Error not_a_keqing_role();

    void roster_changing() override;
    void forget_kept();
    // The kept customers, when `filter` keeps some of them, as the customers the reads of follow-ups,
    // trainings and tagged contacts join (pg_kept.cpp).
    Result<Customers> customers_for(const Scope& filter) override;
    // Whether the kept rows may answer now: in a read, or in a write that keeps them.
    bool keeping() const;

    std::vector<std::string> warnings_;
    std::optional<Kept> kept_;
    bool kept_in_write_ = false;           // the write transaction writes contacts and follow-ups only
    std::optional<core::Date> scans_from_; // how far back the read's passes over contacts reach
};

// Opens the PostgreSQL database at a postgresql:// URL and migrates it.
Result<std::unique_ptr<Store>> open_postgres(const std::string& url);

} // namespace keqing::store
