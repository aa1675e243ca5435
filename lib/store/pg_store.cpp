// The PostgreSQL store's own part: connecting and migrating (the version lives in the table
// keqing_schema), reads that share an exported snapshot, and contacts inserted a thousand per statement.
#include "store/pg_store.hpp"

#include "core/i18n.hpp"
#include "store/migrations.hpp"
#include "store/rows.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace keqing::store {

using libpq::pq;

Result<void> PgStore::open(const std::string& url) {
    KQ_CHECK(db_.open(url));
    return migrate();
}

// The twin imports this read's exported snapshot: both see exactly the same rows. Only the owner reads side
// by side: the bootstrap takes pg_export_snapshot from everyone else (a snapshot's name counts its
// backend's transactions), and a role that sees only its own customers reads little enough in turn.
Result<std::unique_ptr<Store>> PgStore::begin_shared_read() {
    if (depth_ > 0 || read_depth_ > 0 || db_.source() == Source::api) {
        KQ_CHECK(begin_read());
        return std::unique_ptr<Store>();
    }
    KQ_CHECK(begin_read());
    auto snapshot = db_.value("SELECT pg_export_snapshot()", N_("exporting a snapshot"));
    // A snapshot id is hexadecimal digits and dashes; it is spelled into SET TRANSACTION, which takes no
    // parameters.
    if (!snapshot || snapshot->empty() ||
        !std::all_of(snapshot->begin(), snapshot->end(), [](char c) { return std::isxdigit(c) || c == '-'; }))
        return std::unique_ptr<Store>();
    auto twin = std::make_unique<PgStore>();
    if (!twin->db_.open(db_.url())) return std::unique_ptr<Store>();
    twin->db_.set_source(db_.source());
    if ((db_.source() == Source::tables && !twin->db_.exec("SET search_path = keqing", N_("opening"))) ||
        !twin->db_.begin_read() ||
        !twin->db_.exec(fmt::format("SET TRANSACTION SNAPSHOT '{}'", *snapshot), N_("sharing a snapshot")))
        return std::unique_ptr<Store>();
    twin->read_depth_ = 1;
    return std::unique_ptr<Store>(std::move(twin));
}

namespace {

// A PostgreSQL array literal of texts: {"a","b\"c"}.
void append_text_element(std::string& out, std::string_view text) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

} // namespace

// Rows go a thousand per statement, as arrays that unnest() turns back into rows (COPY is not allowed
// into tables with row-level security): one round trip per thousand contacts, not per contact. Each
// statement answers how many it stored (a contact whose ref is stored already is left out).
Result<size_t> PgStore::add_contacts(const std::vector<Contact>& contacts) {
    constexpr size_t kRows = 1000;
    static const std::string insert = fmt::format(
        "WITH added AS (INSERT INTO contacts ({}) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], "
        "$4::text[], $5::text[], $6::text[], $7::integer[], $8::text[], $9::text[], $10::text[], "
        "$11::text[], "
        "$12::text[], $13::text[], $14::text[], $15::integer[], $16::text[], $17::integer[], $18::text[], "
        "$19::integer[], $20::integer[], $21::text[]) ON CONFLICT (customer_id, ref) WHERE ref <> '' DO "
        "NOTHING RETURNING 1) SELECT count(*) FROM added",
        kContactWrites);
    KQ_TRY(PgStmt s,
           db_.prepare(
               by_role(insert,
                       "SELECT count(*) FROM keqing_api.log_contacts($1::bigint[], $2::text[], $3::text[], "
                       "$4::text[], $5::text[], $6::text[], $7::integer[], $8::text[], $9::text[], "
                       "$10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::integer[], "
                       "$16::text[], $17::integer[], $21::text[])"),
               N_("importing contacts")));
    size_t stored = 0;
    for (size_t start = 0; start < contacts.size(); start += kRows) {
        std::array<std::string, 21> columns;
        for (auto& c : columns)
            c = "{";
        for (size_t i = start; i < std::min(contacts.size(), start + kRows); ++i) {
            const Contact& c = contacts[i];
            auto number = [&](size_t column, int64_t n) {
                columns[column] += (columns[column].size() > 1 ? "," : "") + std::to_string(n);
            };
            number(0, c.customer_id);
            append_text_element(columns[1], c.channel);
            append_text_element(columns[2], c.date.iso());
            append_text_element(columns[3], c.time);
            append_text_element(columns[4], c.rep);
            append_text_element(columns[5], c.note);
            number(6, c.gift);
            append_text_element(columns[7], c.occasion);
            for (size_t k = 0; k < 6; ++k)
                append_text_element(columns[8 + k], c.checklist[k]);
            number(14, c.asked_help);
            append_text_element(columns[15], c.solved);
            number(16, c.training);
            append_text_element(columns[17], c.logged_at);
            number(18, contact_flags(c));
            number(19, contact_lag(c));
            append_text_element(columns[20], c.ref);
        }
        s.reset();
        for (size_t k = 0; k < columns.size(); ++k)
            s.bind(static_cast<int>(k + 1), columns[k] + "}");
        KQ_TRY(bool row, s.step());
        if (row) stored += static_cast<size_t>(s.integer(0));
    }
    return stored;
}

// What a connection finds: schema 6's layout (the schema `keqing`), which the owner (or a superuser) may
// use and every other role reaches through keqing_api; an older layout (keqing_schema in the role's
// current schema); or nothing yet. Only the owner migrates.
Result<void> PgStore::migrate() {
    const int latest = migrations().back().version;
    KQ_TRY(std::string layout,
           db_.value("SELECT CASE WHEN to_regnamespace('keqing') IS NULL THEN 'none' WHEN "
                     "has_schema_privilege('keqing', 'USAGE') THEN 'tables' ELSE 'api' END",
                     N_("opening")));
    if (layout == "api") {
        db_.set_source(Source::api);
        auto v = db_.value("SELECT keqing_api.schema_version()", N_("reading the schema version"));
        if (!v && db_.last_state() == "42501") return not_a_keqing_role();
        if (!v) return std::move(v).error();
        return check_version(std::stoi(*v), latest);
    }
    int version = 0;
    if (layout == "tables") {
        // One round trip: the search path and the version.
        KQ_TRY(
            std::string v,
            db_.value("SET search_path = keqing; SELECT coalesce(max(version), 0) FROM keqing.keqing_schema",
                      N_("reading the schema version")));
        version = std::stoi(v);
    } else {
        KQ_TRY(version, legacy_version());
    }
    if (version >= latest) return check_version(version, latest);
    return upgrade(version);
}

// The version of a database keqing laid out before schema 6 (0: none), read through the role's search path.
Result<int> PgStore::legacy_version() {
    const auto exists =
        db_.value("SELECT to_regclass('keqing_schema') IS NOT NULL", N_("reading the schema version"));
    if (!exists) return exists.error();
    if (*exists != "t") return 0;
    auto v =
        db_.value("SELECT coalesce(max(version), 0) FROM keqing_schema", N_("reading the schema version"));
    if (!v && db_.last_state() == "42501") return not_a_keqing_role();
    if (!v) return std::move(v).error();
    return std::stoi(*v);
}

Error PgStore::not_a_keqing_role() {
    return data_error("database {}: role {} is not a keqing role; an admin makes it a member of keqing_rep, "
                      "keqing_manager or keqing_admin (docs/TEAMS.md)",
                      db_.where(), pq().PQuser(db_.handle()));
}

Result<void> PgStore::check_version(int version, int latest) {
    if (version > latest)
        return db_error(
            "database {} has schema version {}, newer than this keqing understands ({}); upgrade keqing",
            db_.where(), version, latest);
    if (version < latest)
        return db_error(
            "database {} has schema version {}; the database's owner must open it once with this keqing "
            "to bring it to schema version {} (docs/TEAMS.md)",
            db_.where(), version, latest);
    return {};
}

// One migrator at a time (an advisory lock); the version is read again once it is held. The tables are
// made in (and, from an older layout, moved to) the schema `keqing`.
Result<void> PgStore::upgrade(int version) {
    const auto all = migrations();
    const int latest = all.back().version;
    // Schema 4 creates the keqing roles: the role that first opens a database needs to be allowed to, unless
    // the bootstrap (schemas/pg_bootstrap.sql) made them.
    if (version < 4) {
        const auto can = db_.value("SELECT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = "
                                   "current_user) OR (SELECT count(*) = 3 FROM pg_roles WHERE rolname IN "
                                   "('keqing_admin', 'keqing_manager', 'keqing_rep'))",
                                   N_("checking the role's rights"));
        if (!can) return can.error();
        if (*can != "t")
            return db_error(
                "database {}: role {} may not create roles, and the first open of a keqing database "
                "needs keqing_rep, keqing_manager and keqing_admin; run schemas/pg_bootstrap.sql as a "
                "superuser first (docs/TEAMS.md)",
                db_.where(), pq().PQuser(db_.handle()));
    }
    KQ_CHECK(begin());
    auto fail = [&](std::string_view what) -> Error {
        const std::string reason = db_.last_message();
        rollback();
        return db_error(
            "database {}: {} failed: {}; the database's owner must open it once with this keqing to bring "
            "it to schema version {} (docs/TEAMS.md)",
            db_.where(), core::tr_text(what), reason, latest);
    };
    if (!db_.exec("SELECT pg_advisory_xact_lock(7355608); CREATE SCHEMA IF NOT EXISTS keqing",
                  N_("locking the schema")))
        return fail(N_("upgrading the schema"));
    auto moved =
        db_.value("SELECT to_regclass('keqing.keqing_schema') IS NOT NULL", N_("reading the schema version"));
    if (!moved) return fail(N_("upgrading the schema"));
    if (*moved == "t") {
        auto v = db_.value("SELECT coalesce(max(version), 0) FROM keqing.keqing_schema",
                           N_("reading the schema version"));
        if (!v) return fail(N_("upgrading the schema"));
        version = std::stoi(*v);
    } else {
        auto v = legacy_version();
        if (!v) return fail(N_("upgrading the schema"));
        version = *v;
    }
    if (version >= latest) {
        KQ_CHECK(commit());
        KQ_CHECK(db_.exec("SET search_path = keqing", N_("opening")));
        return check_version(version, latest);
    }
    // The new tables go to `keqing`; an older layout's are found in the schema that held them.
    auto path =
        db_.prepare("SELECT set_config('search_path', concat_ws(', ', 'keqing', (SELECT quote_ident(nspname) "
                    "FROM pg_namespace WHERE oid = (SELECT relnamespace FROM pg_class WHERE oid = "
                    "to_regclass('keqing_schema')) AND nspname <> 'keqing')), true)",
                    N_("upgrading the schema"));
    if (!path || !path->run()) return fail(N_("upgrading the schema"));
    // A new database's version table (schema 4 grants on it); an older layout's moves with its tables.
    if (!db_.exec(
            "DO $$ BEGIN IF to_regclass('keqing_schema') IS NULL THEN CREATE TABLE keqing.keqing_schema "
            "(version INTEGER NOT NULL); END IF; END $$",
            N_("upgrading the schema")))
        return fail(N_("upgrading the schema"));
    for (const Migration& m : all) {
        if (m.version <= version) continue;
        if (!db_.exec(migration_sql(m.sql, Dialect::postgresql), N_("migrating")))
            return fail(fmt::format("migration {}", m.name));
    }
    auto record = [&]() -> Result<void> {
        KQ_CHECK(db_.exec("CREATE TABLE IF NOT EXISTS keqing.keqing_schema (version INTEGER NOT NULL); "
                          "DELETE FROM keqing.keqing_schema",
                          N_("recording the schema version")));
        KQ_TRY(PgStmt s, db_.prepare("INSERT INTO keqing.keqing_schema (version) VALUES ($1)"));
        return s.bind(1, latest).run();
    };
    if (!record()) return fail(N_("recording the schema version"));
    KQ_CHECK(commit());
    KQ_CHECK(db_.exec("SET search_path = keqing", N_("opening")));
    return warn_if_open_to_public();
}

// The bootstrap's part (schemas/pg_bootstrap.sql) that keqing cannot do itself: one warning when missing.
Result<void> PgStore::warn_if_open_to_public() {
    KQ_TRY(std::string open,
           db_.value("SELECT concat_ws(', ', CASE WHEN has_database_privilege('public', current_database(), "
                     "'CONNECT') THEN 'CONNECT' END, CASE WHEN has_database_privilege('public', "
                     "current_database(), 'TEMP') THEN 'TEMP' END, CASE WHEN has_function_privilege("
                     "'public', 'pg_catalog.pg_stat_get_live_tuples(oid)', 'EXECUTE') THEN 'the table "
                     "statistics' END)",
                     "checking the database's privileges"));
    if (!open.empty())
        warnings_.push_back(core::trf("database {}: every role of the server may still use {} here; run "
                                      "schemas/pg_bootstrap.sql as a superuser (docs/TEAMS.md)",
                                      db_.where(), open));
    return {};
}

Result<std::unique_ptr<Store>> open_postgres(const std::string& url) {
    auto store = std::make_unique<PgStore>();
    KQ_CHECK(store->open(url));
    return std::unique_ptr<Store>(std::move(store));
}

} // namespace keqing::store
