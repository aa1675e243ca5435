// A big load into SQLite (an import of contacts): a larger page cache while it runs and, when the load is
// at least half as large as the contacts already stored, the contacts' non-unique indexes dropped and built
// once at the end — one sort per index instead of a random insert per row and index; when it is smaller than
// that but still large, its rows held in a temporary table and stored at the end sorted by customer and
// day, so that the inserts walk the indexes in their order (docs/PERFORMANCE.md).
#include "core/i18n.hpp"
#include "store/sqlite_store.hpp"

#include <fmt/core.h>

#include <string>
#include <utility>
#include <vector>

namespace keqing::store {
namespace {

// The page cache of a load, in KiB (SQLite's negative cache_size), and the one set back after it
// (SqliteDb::configure's for a full connection).
constexpr int kLoadCacheKib = 65536;
constexpr int kCacheKib = 16384;
// While the indexes are built, a small cache, which is also what SQLite's sorter keeps in memory before it
// writes a sorted run to a temporary file, and helper threads that sort and merge those runs: the three
// indexes over 1 M rows took 2.3 s against 3.9 s sorting 64 MB runs on one thread.
constexpr int kBuildCacheKib = 2048;
constexpr int kBuildThreads = 2;
// The indexes are built at the end when the load is at least 1/kDwarfs of the contacts stored: building
// them reads every row once and sorts, inserting through them costs a random descent per row and index
// (1 M rows into 1.3 M: 35 s of CPU through them, 20 s built at the end; into 13.4 M: through them).
constexpr int64_t kDwarfs = 2;
// A load of at least kStageRows rows that does not dwarf the contacts stored is staged: held in
// temp.keqing_load, then stored sorted by (customer, day), the order of contacts_customer, of the month's
// part of contacts_month and of a rep's newest days in contacts_rep. Row by row in the file's order each
// insert lands on a random page of each index (1 M contacts into 13.4 M with the sqlite3 shell: 57 s, sorted
// 14 s). A smaller load's rows are too few to share pages: held, they would only be written twice.
constexpr size_t kStageRows = 10000;

} // namespace

Result<void> SqliteStore::begin_load(size_t rows) {
    // (A load rolled back earlier left nothing to put back: the rollback restored the indexes and took the
    // temporary table away.)
    deferred_indexes_.clear();
    staging_ = false;
    KQ_CHECK(db_.exec(fmt::format("PRAGMA cache_size = -{}", kLoadCacheKib), N_("importing contacts")));
    loading_ = true;
    // The contacts stored so far: the highest number is enough to judge (numbers grow as contacts are
    // stored) and costs one step down the table, where count(*) would read an index through.
    int64_t stored = 0;
    {
        KQ_TRY(Stmt highest, db_.prepare("SELECT coalesce(max(id), 0) FROM contacts"));
        KQ_TRY(bool any, highest.step());
        if (any) stored = highest.integer(0);
    } // (a statement left running would keep DROP INDEX from running)
    if (static_cast<int64_t>(rows) * kDwarfs < stored) {
        if (rows < kStageRows) return {};
        // (Untyped columns: the rows are checked as they go into contacts.)
        KQ_CHECK(db_.exec(fmt::format("DROP TABLE IF EXISTS temp.keqing_load; CREATE TEMP TABLE keqing_load "
                                      "(seq INTEGER PRIMARY KEY, {})",
                                      kContactWrites),
                          N_("importing contacts")));
        staging_ = true;
        staged_ = 0;
        return {};
    }
    // Unique indexes stay: they decide which rows a conflict leaves out as the rows go in. So do partial
    // ones: a row they leave out costs them nothing, and building one again would read the whole table.
    std::vector<std::pair<std::string, std::string>> indexes;
    {
        KQ_TRY(Stmt list,
               db_.prepare(
                   "SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list('contacts') "
                   "l ON l.name = m.name WHERE m.type = 'index' AND l.\"unique\" = 0 AND l.partial = 0 AND "
                   "m.sql IS NOT NULL ORDER BY m.name"));
        while (true) {
            KQ_TRY(bool row, list.step());
            if (!row) break;
            indexes.emplace_back(list.text(0), list.text(1));
        }
    }
    for (auto& [name, sql] : indexes) {
        KQ_CHECK(db_.exec(fmt::format("DROP INDEX \"{}\"", name), N_("importing contacts")));
        deferred_indexes_.push_back(std::move(sql));
    }
    return {};
}

// One statement for the batch, bound and run for each contact: finding it by its text in the connection's
// cache for each of a million contacts (hashing and comparing its 400 characters) was a tenth of the time
// the thread storing them spent.
Result<size_t> SqliteStore::add_contacts(const std::vector<Contact>& contacts) {
    static const std::string hold =
        fmt::format("INSERT INTO temp.keqing_load ({}) VALUES ({})", kContactWrites, kContactValues);
    KQ_TRY(Stmt s, db_.prepare(staging_ ? hold : contact_insert(), N_("importing contacts")));
    size_t stored = 0;
    for (const Contact& c : contacts) {
        bind_contact(s, c);
        KQ_TRY(const int64_t id, db_.inserted_id(s)); // (staged: always a new row)
        if (id > 0) ++stored;
        s.reset();
    }
    if (staging_) staged_ += stored;
    if (!deferred_indexes_.empty()) {
        // The schema's pages, changed by the DROP INDEXes, read once a batch: a dirty page read goes back to
        // the front of SQLite's page cache, so they are not the first written to the WAL when the cache is
        // full. Written there at the start and changed again by the CREATE INDEXes at the end, they made
        // SQLite rewrite the WAL's checksums from its first frame at the commit: reading back every frame
        // of the import (0.2 of the commit's 0.85 s for 1 M contacts; docs/PERFORMANCE.md).
        KQ_TRY(Stmt schema, db_.prepare("SELECT count(*) FROM sqlite_master", N_("importing contacts")));
        KQ_CHECK(schema.run());
    }
    return stored;
}

Result<size_t> SqliteStore::end_load() {
    if (!loading_) return size_t{0};
    loading_ = false;
    size_t left_out = 0;
    if (staging_) {
        staging_ = false;
        // (WHERE true: an upsert's SELECT needs a WHERE, SQLite's grammar says.)
        static const std::string store = fmt::format(
            "INSERT INTO contacts ({0}) SELECT {0} FROM temp.keqing_load WHERE true ORDER BY customer_id, "
            "happened_on, seq ON CONFLICT (customer_id, ref) WHERE ref <> '' DO NOTHING",
            kContactWrites);
        KQ_CHECK(db_.exec(store, N_("importing contacts")));
        {
            KQ_TRY(Stmt changes, db_.prepare("SELECT changes()"));
            KQ_TRY(bool row, changes.step());
            const auto stored = static_cast<size_t>(row ? changes.integer(0) : 0);
            left_out = staged_ > stored ? staged_ - stored : 0;
        }
        KQ_CHECK(db_.exec("DROP TABLE temp.keqing_load", N_("importing contacts")));
        staged_ = 0;
    }
    if (!deferred_indexes_.empty()) {
        KQ_CHECK(db_.exec(
            fmt::format("PRAGMA cache_size = -{}; PRAGMA threads = {}", kBuildCacheKib, kBuildThreads),
            N_("importing contacts")));
        for (const std::string& sql : deferred_indexes_)
            KQ_CHECK(db_.exec(sql, N_("importing contacts")));
        deferred_indexes_.clear();
        KQ_CHECK(db_.exec("PRAGMA threads = 0", N_("importing contacts")));
    }
    KQ_CHECK(db_.exec(fmt::format("PRAGMA cache_size = -{}", kCacheKib), N_("importing contacts")));
    return left_out;
}

} // namespace keqing::store
