// The SQLite implementation of Store, part one: opening and migrating (PRAGMA user_version), nested
// transactions, and every write. Reads live in sqlite_reads.cpp.
#include "store/sqlite_store.hpp"

#include "store/activity.hpp"
#include "store/migrations.hpp"
#include "store/rows.hpp"

#include <algorithm>
#include <array>

namespace keqing::store {
namespace {

constexpr std::string_view kPutTier =
    "INSERT INTO tier_history (customer_id, tier, effective_from, recorded_at) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET tier = excluded.tier, "
    "recorded_at = excluded.recorded_at";
constexpr std::string_view kPutRep =
    "INSERT INTO assignments (customer_id, rep_id, effective_from, recorded_at) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET rep_id = excluded.rep_id, "
    "recorded_at = excluded.recorded_at";

} // namespace

Result<void> SqliteStore::open(const std::string& path, Create create, SqliteDb::Memory memory) {
    KQ_CHECK(db_.connect(path, create));
    KQ_CHECK(check_identity(create)); // before configure(), which writes WAL mode into the file's header
    KQ_CHECK(db_.configure(memory));
    return migrate();
}

// Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT (retried while another process holds the
// lock), inner ones are savepoints.
Result<void> SqliteStore::begin() {
    if (broken_) return *broken_;
    KQ_CHECK(depth_ == 0 ? db_.exec_retrying("BEGIN IMMEDIATE", "starting a transaction")
                         : db_.exec(fmt::format("SAVEPOINT kq_{}", depth_), "starting a transaction"));
    ++depth_;
    return {};
}

Result<void> SqliteStore::commit() {
    if (broken_) return *broken_;
    KQ_CHECK(depth_ == 1 ? db_.exec_retrying("COMMIT", "committing")
                         : db_.exec(fmt::format("RELEASE kq_{}", depth_ - 1), "committing"));
    --depth_;
    return {};
}

// A rollback that fails leaves the transaction in a state nobody knows: the store refuses every write
// after it (an outer transaction must not commit what an inner one meant to undo).
void SqliteStore::rollback() {
    if (depth_ == 0) return;
    --depth_;
    auto undone = depth_ == 0
                      ? db_.exec("ROLLBACK", "rolling back")
                      : db_.exec(fmt::format("ROLLBACK TO kq_{0}; RELEASE kq_{0}", depth_), "rolling back");
    if (!undone && !broken_)
        broken_ = Error{Exit::database,
                        undone.error().message + "; nothing more is written: run the command again"};
}

Result<void> SqliteStore::begin_read() {
    if (depth_ > 0 || read_depth_++ > 0) return {};
    // In WAL mode the snapshot is taken by the transaction's first read.
    if (auto r = db_.exec("BEGIN; SELECT count(*) FROM sqlite_schema", "starting a read"); !r) {
        read_depth_ = 0;
        (void)db_.exec("ROLLBACK", "ending a read");
        return r;
    }
    return {};
}

void SqliteStore::end_read() {
    if (depth_ > 0 || read_depth_ == 0) return;
    if (--read_depth_ == 0) (void)db_.exec("COMMIT", "ending a read");
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
    (void)gate.exec("ROLLBACK", "releasing the write lock");
    return std::unique_ptr<Store>(std::move(twin));
}

Result<void> SqliteStore::add_rep(const Rep& rep) {
    KQ_TRY(Stmt s, db_.prepare("INSERT INTO reps (id, name, team, created_at) VALUES (?1, ?2, ?3, ?4)"));
    return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).bind(4, core::now().iso()).run();
}

Result<void> SqliteStore::update_rep(const Rep& rep) {
    KQ_TRY(Stmt s, db_.prepare("UPDATE reps SET name = ?2, team = ?3 WHERE id = ?1"));
    return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).run();
}

Result<int64_t> SqliteStore::add_customer(const Customer& c) {
    KQ_TRY(Stmt s,
           db_.prepare("INSERT INTO customers (code, name, opened_on, closed_on, phone, address, stage, "
                       "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    KQ_CHECK(s.bind(1, c.code)
                 .bind(2, c.name)
                 .bind(3, iso_or_null(c.opened_on))
                 .bind(4, iso_or_null(c.closed_on))
                 .bind(5, c.phone)
                 .bind(6, c.address)
                 .bind(7, c.stage)
                 .bind(8, core::now().iso())
                 .run());
    const int64_t id = sqlite3_last_insert_rowid(db_.handle());
    const std::string from = c.opened_on ? c.opened_on->iso() : std::string(kSinceAlways);
    KQ_CHECK(put_history(kPutTier, id, c.tier, from));
    KQ_CHECK(put_history(kPutRep, id, c.rep, from));
    return id;
}

Result<void> SqliteStore::update_customer(const Customer& c) {
    KQ_TRY(Stmt s, db_.prepare("UPDATE customers SET name = ?2, opened_on = ?3, closed_on = ?4, phone = ?5, "
                               "address = ?6, stage = ?7 WHERE id = ?1"));
    return s.bind(1, c.id)
        .bind(2, c.name)
        .bind(3, iso_or_null(c.opened_on))
        .bind(4, iso_or_null(c.closed_on))
        .bind(5, c.phone)
        .bind(6, c.address)
        .bind(7, c.stage)
        .run();
}

Result<void> SqliteStore::set_tier(int64_t customer_id, const std::string& tier, core::Date from) {
    return put_history(kPutTier, customer_id, tier, from.iso());
}

Result<void> SqliteStore::assign_rep(int64_t customer_id, const std::string& rep, core::Date from) {
    return put_history(kPutRep, customer_id, rep, from.iso());
}

Result<int64_t> SqliteStore::add_contact(const Contact& c) {
    KQ_TRY(
        Stmt s,
        db_.prepare("INSERT INTO contacts (customer_id, channel, happened_on, happened_at, rep_id, note, "
                    "gift, occasion, feedback, preference, favour, family, competitor, slow_mover, "
                    "asked_help, solved, training, logged_at, flags, lag, ref) VALUES (?1, ?2, ?3, ?4, ?5, "
                    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21) "
                    "ON CONFLICT (customer_id, ref) WHERE ref <> '' DO NOTHING"));
    s.bind(1, c.customer_id)
        .bind(2, c.channel)
        .bind(3, c.date.iso())
        .bind(4, c.time)
        .bind(5, c.rep)
        .bind(6, c.note)
        .bind(7, c.gift)
        .bind(8, c.occasion);
    for (int i = 0; i < 6; ++i)
        s.bind(9 + i, c.checklist[static_cast<size_t>(i)]);
    KQ_CHECK(s.bind(15, c.asked_help)
                 .bind(16, c.solved)
                 .bind(17, c.training)
                 .bind(18, c.logged_at)
                 .bind(19, contact_flags(c))
                 .bind(20, contact_lag(c))
                 .bind(21, c.ref)
                 .run());
    return sqlite3_changes(db_.handle()) > 0 ? static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()))
                                             : 0;
}

// In-process, one prepared insert per row is as fast as SQLite inserts go.
Result<size_t> SqliteStore::add_contacts(const std::vector<Contact>& contacts) {
    size_t stored = 0;
    for (const Contact& c : contacts) {
        KQ_TRY(int64_t id, add_contact(c));
        if (id > 0) ++stored;
    }
    return stored;
}

// The write transaction (BEGIN IMMEDIATE) already keeps every other writer waiting.
Result<std::vector<ImportRecord>> SqliteStore::claim_import(const std::string& hash) {
    KQ_TRY(Stmt s,
           db_.prepare(
               "SELECT hash, file, rows, imported_at, login FROM imports WHERE hash = ?1 ORDER BY id DESC"));
    s.bind(1, hash);
    return rows::all(s, rows::import_record<Stmt>);
}

Result<void> SqliteStore::record_import(const ImportRecord& r) {
    KQ_TRY(Stmt s,
           db_.prepare(
               "INSERT INTO imports (hash, file, rows, imported_at, login) VALUES (?1, ?2, ?3, ?4, ?5)"));
    return s.bind(1, r.hash).bind(2, r.file).bind(3, r.rows).bind(4, r.imported_at).bind(5, r.login).run();
}

Result<void> SqliteStore::void_contact(int64_t id, const std::string& reason, const std::string& at) {
    KQ_TRY(Stmt s, db_.prepare("UPDATE contacts SET voided_at = ?2, void_reason = ?3 WHERE id = ?1"));
    return s.bind(1, id).bind(2, at).bind(3, reason).run();
}

Result<int64_t> SqliteStore::add_person(const Person& p) {
    KQ_TRY(Stmt s, db_.prepare("INSERT INTO people (customer_id, name, role, birthday, preferences, family, "
                               "personality, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    KQ_CHECK(s.bind(1, p.customer_id)
                 .bind(2, p.name)
                 .bind(3, p.role)
                 .bind(4, p.birthday)
                 .bind(5, p.preferences)
                 .bind(6, p.family)
                 .bind(7, p.personality)
                 .bind(8, p.note)
                 .bind(9, core::now().iso())
                 .run());
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()));
}

Result<void> SqliteStore::update_person(const Person& p) {
    KQ_TRY(Stmt s, db_.prepare("UPDATE people SET name = ?2, role = ?3, birthday = ?4, preferences = ?5, "
                               "family = ?6, personality = ?7, note = ?8 WHERE id = ?1"));
    return s.bind(1, p.id)
        .bind(2, p.name)
        .bind(3, p.role)
        .bind(4, p.birthday)
        .bind(5, p.preferences)
        .bind(6, p.family)
        .bind(7, p.personality)
        .bind(8, p.note)
        .run();
}

Result<void> SqliteStore::update_event(const LifeEvent& e) {
    KQ_TRY(Stmt s,
           db_.prepare("UPDATE life_events SET person_id = ?2, kind = ?3, happened_on = ?4, note = ?5 "
                       "WHERE id = ?1"));
    s.bind(1, e.id);
    if (e.person_id)
        s.bind(2, e.person_id);
    else
        s.bind_null(2);
    return s.bind(3, e.kind).bind(4, e.date.iso()).bind(5, e.note).run();
}

Result<int64_t> SqliteStore::add_event(const LifeEvent& e) {
    KQ_TRY(Stmt s, db_.prepare("INSERT INTO life_events (customer_id, person_id, kind, happened_on, note, "
                               "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.bind(1, e.customer_id);
    if (e.person_id)
        s.bind(2, e.person_id);
    else
        s.bind_null(2);
    KQ_CHECK(s.bind(3, e.kind).bind(4, e.date.iso()).bind(5, e.note).bind(6, core::now().iso()).run());
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()));
}

Result<void> SqliteStore::put_history(std::string_view sql, int64_t customer_id, const std::string& value,
                                      const std::string& from) {
    KQ_TRY(Stmt s, db_.prepare(sql));
    return s.bind(1, customer_id).bind(2, value).bind(3, from).bind(4, core::now().iso()).run();
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
