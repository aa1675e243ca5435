// The SQLite store's own part: opening a file (and refusing one that is not keqing's), migrating (PRAGMA
// user_version), and a read's snapshot shared with a second connection.
#include "store/sqlite_store.hpp"

#include "core/i18n.hpp"
#include "store/migrations.hpp"
#include "store/rows.hpp"

#include <algorithm>
#include <array>

namespace keqing::store {

Result<void> SqliteStore::open(const std::string& path, Create create, SqliteDb::Memory memory) {
    KQ_CHECK(db_.connect(path, create));
    KQ_CHECK(check_identity(create)); // before configure(), which writes WAL mode into the file's header
    KQ_CHECK(db_.configure(memory));
    return migrate();
}

// Two connections take the same snapshot when neither can see a commit the other missed: a third holds
// the write lock (if it can have it at once) while both begin their reads.
Result<std::unique_ptr<Store>> SqliteStore::begin_shared_read() {
    if (depth_ > 0 || read_depth_ > 0) {
        KQ_CHECK(begin_read());
        return std::unique_ptr<Store>();
    }
    SqliteDb gate;
    const bool locked = gate.open(db_.path(), SqliteDb::Memory::small) && gate.try_exec("BEGIN IMMEDIATE");
    KQ_CHECK(begin_read());
    if (!locked) return std::unique_ptr<Store>();
    auto twin = std::make_unique<SqliteStore>();
    if (!twin->open(db_.path(), Create::no, SqliteDb::Memory::small) || !twin->begin_read())
        return std::unique_ptr<Store>();
    (void)gate.exec("ROLLBACK", N_("releasing the write lock"));
    return std::unique_ptr<Store>(std::move(twin));
}

Result<int64_t> SqliteStore::schema_version() {
    KQ_TRY(Stmt s, db_.prepare("PRAGMA user_version"));
    KQ_TRY(bool row, s.step());
    return row ? s.integer(0) : 0;
}

// keqing's tables since schema 1: a file at a schema version without them is not keqing's.
constexpr std::array<std::string_view, 5> kKeqingTables = {"assignments", "contacts", "customers", "reps",
                                                           "tier_history"};

Result<void> SqliteStore::check_identity(Create create) {
    // The version and the tables in one statement, so one snapshot: read apart, another process's migration
    // committing in between showed its tables at version 0 (tests/e2e/test_concurrency.sh, 8 first reps).
    KQ_TRY(Stmt s,
           db_.prepare("SELECT (SELECT user_version FROM pragma_user_version), name FROM (SELECT NULL AS "
                       "name UNION ALL SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite\\_%' ESCAPE '\\') ORDER BY name"));
    int64_t version = 0;
    std::vector<std::string> tables;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        version = s.integer(0);
        if (!s.is_null(1)) tables.push_back(s.text(1));
    }
    if (version == 0 && tables.empty()) {
        if (create == Create::yes) return {};
        return db_error(
            "database {} is empty, not yet a keqing database; create it by adding a rep (roster rep add "
            "ID --name NAME, or roster rep import reps.csv), or check --db / KEQING_DB",
            db_.path());
    }
    std::string missing;
    for (std::string_view table : kKeqingTables)
        if (missing.empty() && std::find(tables.begin(), tables.end(), table) == tables.end())
            missing = table;
    if (version == 0 || !missing.empty()) {
        std::string listed;
        for (size_t i = 0; i < tables.size() && i < 3; ++i)
            listed += (i ? ", " : "") + tables[i];
        if (tables.size() > 3) listed += fmt::format(" and {} more", tables.size() - 3);
        return db_error(
            "database {} is not a keqing database: {}; it was left as it is — check --db or KEQING_DB",
            db_.path(),
            version == 0 ? fmt::format("it holds another application's tables ({})", listed)
                         : fmt::format("it is at schema version {} but has no table '{}'", version, missing));
    }
    return {};
}

Result<void> SqliteStore::migrate() {
    const auto all = migrations();
    const int latest = all.empty() ? 0 : all.back().version;
    KQ_TRY(int64_t version, schema_version());
    if (version > latest)
        return db_error("database {} has schema version {}, newer than this keqing understands ({}); "
                        "upgrade keqing",
                        db_.path(), version, latest);
    if (version == latest) return {};
    KQ_CHECK(begin());
    // Another process may have migrated while this one waited for the write lock.
    if (auto again = schema_version(); !again) {
        rollback();
        return std::move(again).error();
    } else {
        version = *again;
    }
    const bool empty = version == 0;
    for (const Migration& m : all) {
        if (m.version <= version) continue;
        if (auto r = db_.exec(migration_sql(m.sql, Dialect::sqlite)); !r) {
            rollback();
            return db_error("database {}: migration {} failed: {}", db_.path(), m.name, r.error().message);
        }
        if (auto r = db_.exec(fmt::format("PRAGMA user_version = {}", m.version)); !r) {
            rollback();
            return std::move(r).error();
        }
    }
    KQ_CHECK(commit());
    created_ = empty;
    return {};
}

Result<std::unique_ptr<Store>> open_sqlite(const std::string& path, Create create) {
    auto store = std::make_unique<SqliteStore>();
    KQ_CHECK(store->open(path, create));
    return std::unique_ptr<Store>(std::move(store));
}

} // namespace keqing::store
