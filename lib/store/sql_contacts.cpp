// The SQL store's contacts, written once for SQLite and PostgreSQL (store/sql_store.hpp): single contacts,
// a customer's, the tagged and the voided ones, the month scans that counting reads, and the writes (log,
// import claim and record, void, re-tag). Large reads go through Db::stream — on PostgreSQL a cursor, 20,000
// rows a round trip — into the same readers, so both backends count alike; each pass over contacts names the
// index that narrows it where the dialect can.
#include "store/pg_db.hpp"

#include "core/i18n.hpp"
#include "store/rows.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

namespace keqing::store {
namespace {

// The columns a pass over contacts reads (all of them in the contacts_month index): what counting needs,
// and what the findings add.
constexpr std::string_view kCountFacts = "customer_id, channel, rep_id, flags";
constexpr std::string_view kFindingFacts = "customer_id, channel, rep_id, flags, lag, happened_on, id";
// The months $3..$4 (and, unless the range is whole months, the days $1..$2), read in the order of the
// contacts_month index; late contacts (lag over $6) left out unless they count.
constexpr std::string_view kMonthsInOrder =
    "substr(happened_on, 1, 7) BETWEEN $3::text AND $4::text {} AND voided_at IS NULL {} "
    "ORDER BY substr(happened_on, 1, 7), customer_id, channel, happened_on, rep_id";
// Part of one month $3 (and, unless it is whole, of the days $1..$2): the customers $7..$8, a range of the
// contacts_month index after the month's equality (which the ORDER BY leaves out: SQLite sorts again when
// it names the constant month).
constexpr std::string_view kMonthPartInOrder =
    "substr(happened_on, 1, 7) = $3::text {} AND customer_id BETWEEN $7::bigint AND $8::bigint AND voided_at "
    "IS NULL {} ORDER BY customer_id, channel, happened_on, rep_id";
// The range $1..$2 of a narrower scope ($5), sorted into day order.
constexpr std::string_view kRangeInOrder = "happened_on BETWEEN $1::text AND $2::text AND voided_at IS NULL "
                                           "{} ORDER BY happened_on, customer_id, channel, rep_id, id";
constexpr std::string_view kByDay = " ORDER BY k.happened_on, k.happened_at, k.id";

// The months from `from` to `to` as a JSON array, or "" when they are more than `most`.
std::string months_of(core::Date from, core::Date to, int most) {
    std::string out = "[";
    int n = 0;
    for (core::Month m = core::Month::of(from); m <= core::Month::of(to); m = m.next()) {
        if (++n > most) return "";
        if (n > 1) out += ',';
        out += '"' + m.iso() + '"';
    }
    return out + "]";
}

// A dialect's format string (store/dialect.hpp) filled in.
template <class... Args> std::string spell_contacts(std::string_view format, const Args&... args) {
    return fmt::format(fmt::runtime(format), args...);
}

} // namespace

template <class Db>
std::string SqlStore<Db>::select_contacts(std::string_view where, std::string_view from,
                                          std::string_view customers) {
    return fmt::format("SELECT {} FROM {} k JOIN {} ON c.id = k.customer_id WHERE {}", rows::kContactColumns,
                       from, customers, where);
}

template <class Db> Result<std::optional<Contact>> SqlStore<Db>::find_contact(int64_t id) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.id = $1", "@contact")));
    s.bind(1, id);
    KQ_TRY(std::vector<Contact> found, rows::all(s, rows::contact<Stmt>));
    if (found.empty()) return std::optional<Contact>();
    return std::optional<Contact>(std::move(found.front()));
}

template <class Db>
Result<std::vector<Contact>> SqlStore<Db>::customer_contacts(int64_t customer_id, core::Date from,
                                                             core::Date to) {
    KQ_TRY(Stmt s,
           db_.prepare(select_contacts("k.customer_id = $3 AND k.happened_on BETWEEN $1::text AND $2::text") +
                       std::string(kByDay)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id);
    return rows::all(s, rows::contact<Stmt>);
}

template <class Db>
Result<std::vector<Contact>> SqlStore<Db>::tagged_contacts(core::Date from, core::Date to,
                                                           const Scope& filter) {
    KQ_TRY(Customers customers, customers_for(filter));
    const std::string where = fmt::format(
        "k.happened_on BETWEEN $1::text AND $2::text AND k.occasion <> '' AND {}", customers.where);
    KQ_TRY(Stmt s,
           db_.prepare(select_contacts(where, customers.tagged, customers.relation) + std::string(kByDay)));
    s.bind(1, from.iso()).bind(2, to.iso());
    customers.bind(s);
    return rows::all(s, rows::contact<Stmt>);
}

template <class Db>
Result<std::vector<int64_t>>
SqlStore<Db>::contact_ids_of_reps(core::Date from, core::Date to, const std::vector<std::string>& reps,
                                  const std::vector<int64_t>& /*seen: all are read*/) {
    std::vector<int64_t> out;
    if (reps.empty()) return out;
    // Where the dialect says so, both from indexes alone: the reps' contacts, less the range's voided ones.
    const std::string of_reps =
        fmt::format("SELECT id FROM @contacts{} WHERE {} AND happened_on BETWEEN $1::text AND "
                    "$2::text",
                    spell_contacts(Db::kDialect.indexed_by, "contacts_rep"),
                    spell_contacts(Db::kDialect.in_texts, "rep_id", 3));
    KQ_TRY(Stmt s,
           db_.stream(Db::kDialect.voids_from_indexes
                          ? fmt::format("{} EXCEPT SELECT id FROM @contacts{} WHERE voided_at IS NOT NULL "
                                        "AND happened_on BETWEEN $1::text AND $2::text",
                                        of_reps, spell_contacts(Db::kDialect.indexed_by, "contacts_voided"))
                          : of_reps + " AND voided_at IS NULL"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, filter_value(Scope::of_reps(reps)));
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return out;
        out.push_back(s.integer(0));
    }
}

template <class Db>
Result<std::vector<Contact>> SqlStore<Db>::contacts_between(core::Date from, core::Date to) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("substr(k.happened_on, 1, 7) BETWEEN $3::text AND $4::text "
                                               "AND k.happened_on BETWEEN $1::text AND $2::text") +
                               std::string(kByDay)));
    s.bind(1, from.iso())
        .bind(2, to.iso())
        .bind(3, core::Month::of(from).iso())
        .bind(4, core::Month::of(to).iso());
    return rows::all(s, rows::contact<Stmt>);
}

// Everyone's contacts are read in the order of the covering contacts_month index (no sorting, each
// customer's contacts together); a narrower scope through the index that narrows it, sorted by day.
template <class Db>
Result<void> SqlStore<Db>::scan_contacts(core::Date from, core::Date to, const Scope& scope,
                                         ScanOptions options,
                                         const std::function<void(const ContactFacts&)>& visit) {
    const std::string_view late = options.max_lag ? "AND lag <= $6::integer" : "";
    const auto in_order = [&](std::string_view index, std::string_view which) {
        return fmt::format("{} WHERE {} AND {}", spell_contacts(Db::kDialect.indexed_by, index), which,
                           fmt::format(fmt::runtime(kRangeInOrder), late));
    };
    const std::string months = scope.kind == Scope::Kind::ids ? months_of(from, to, 12) : "";
    std::string where;
    switch (scope.kind) {
    case Scope::Kind::all: {
        const bool whole_months = from == core::Month::of(from).first() && to == core::Month::of(to).last();
        if (options.customers && core::Month::of(from) != core::Month::of(to))
            return Error{Exit::usage, "a part of a pass over contacts covers one month"};
        where = fmt::format("{} WHERE {}", spell_contacts(Db::kDialect.indexed_by, "contacts_month"),
                            fmt::format(fmt::runtime(options.customers ? kMonthPartInOrder : kMonthsInOrder),
                                        whole_months ? "" : "AND happened_on BETWEEN $1::text AND $2::text",
                                        late));
        break;
    }
    case Scope::Kind::ids:
        if (scope.ids.empty()) return {};
        // Within a year the covering contacts_month index holds every fact read: a seek per month and
        // customer and no table row (a table page per contact through contacts_customer, issue 23).
        where = months.empty()
                    ? in_order("contacts_customer", spell_contacts(Db::kDialect.in_ids, "customer_id", 5))
                    : in_order("contacts_month",
                               fmt::format("substr(happened_on, 1, 7) IN (SELECT value FROM {}) AND {}",
                                           spell_contacts(Db::kDialect.json_values, 3),
                                           spell_contacts(Db::kDialect.in_ids, "customer_id", 5)));
        break;
    case Scope::Kind::rep:
        where = in_order("contacts_rep", "rep_id = $5::text");
        break;
    case Scope::Kind::team:
        where = in_order("contacts_rep", "rep_id IN (SELECT id FROM @reps WHERE team = $5::text)");
        break;
    case Scope::Kind::reps:
        if (scope.codes.empty()) return {};
        where = in_order("contacts_rep", spell_contacts(Db::kDialect.in_texts, "rep_id", 5));
        break;
    case Scope::Kind::tier:
    case Scope::Kind::code:
    case Scope::Kind::codes:
        return Error{Exit::usage, "a pass over contacts is scoped by customer ids, reps or team"};
    }
    // A narrower scope's contacts come whole (their ids and lags are in its indexes too): few, and the goals
    // tell by their ids whether a rep's own were all among them.
    const bool whole = options.findings || scope.kind != Scope::Kind::all;
    KQ_TRY(Stmt s,
           db_.stream(fmt::format("SELECT {} FROM @contacts{}", whole ? kFindingFacts : kCountFacts, where)));
    s.bind(1, from.iso()).bind(2, to.iso());
    if (scope.kind == Scope::Kind::all)
        s.bind(3, core::Month::of(from).iso()).bind(4, core::Month::of(to).iso());
    else if (scope.kind == Scope::Kind::ids && !months.empty())
        s.bind(3, months).bind(5, id_list(Db::kDialect, scope.ids));
    else if (scope.kind == Scope::Kind::ids)
        s.bind(5, id_list(Db::kDialect, scope.ids));
    else if (scope.kind == Scope::Kind::reps)
        s.bind(5, filter_value(scope));
    else
        s.bind(5, scope.value);
    if (options.max_lag) s.bind(6, *options.max_lag);
    if (options.customers && scope.kind == Scope::Kind::all)
        s.bind(7, options.customers->first).bind(8, options.customers->second);
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return {};
        if (whole)
            visit(ContactFacts{s.integer(6), s.integer(0), s.view(1), s.view(2), s.view(5), s.integer(3),
                               s.integer(4)});
        else
            visit(ContactFacts{0, s.integer(0), s.view(1), s.view(2), {}, s.integer(3), 0});
    }
}

template <class Db>
Result<std::vector<Contact>> SqlStore<Db>::contacts_with_ids(core::Date from, core::Date to,
                                                             const std::vector<int64_t>& ids) {
    if (ids.empty()) return std::vector<Contact>();
    KQ_TRY(Stmt s, db_.prepare(select_contacts(spell_contacts(Db::kDialect.in_ids, "k.id", 3)) +
                               " ORDER BY k.happened_on, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, id_list(Db::kDialect, ids));
    return rows::all(s, rows::contact<Stmt>);
}

template <class Db>
Result<Voided> SqlStore<Db>::voided_contacts(core::Date from, core::Date to, int limit,
                                             const std::string& team) {
    KQ_TRY(Stmt s,
           db_.prepare(select_contacts("k.happened_on BETWEEN $1::text AND $2::text AND k.voided_at IS "
                                       "NOT NULL AND ($9::text = '' OR k.rep_id IN (SELECT id FROM "
                                       "@reps WHERE team = $9::text))") +
                       " ORDER BY k.happened_on, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, team);
    // Only the first `limit` are read whole; the rest are counted (a year's voided contacts at 200,000
    // customers would be tens of thousands of full records, held to the end of the report).
    Voided v;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        if (v.count < limit) v.first.push_back(rows::contact(s));
        ++v.count;
    }
    return v;
}

// (The contact's texts are bound where they are: it outlives the statement's run — every caller runs the
// statement and lets it go while holding the contact. An import binds a million.)
template <class Db> void SqlStore<Db>::bind_contact(Stmt& s, const Contact& c) {
    s.bind(1, c.customer_id)
        .bind_kept(2, c.channel)
        .bind(3, c.date.iso())
        .bind_kept(4, c.time)
        .bind_kept(5, c.rep)
        .bind_kept(6, c.note)
        .bind(7, c.gift)
        .bind_kept(8, c.occasion);
    for (int i = 0; i < 6; ++i)
        s.bind_kept(9 + i, c.checklist[static_cast<size_t>(i)]);
    s.bind(15, c.asked_help)
        .bind_kept(16, c.solved)
        .bind(17, c.training)
        .bind_kept(18, c.logged_at)
        .bind(19, contact_flags(c))
        .bind(20, contact_lag(c))
        .bind_kept(21, c.ref);
}

template <class Db> const std::string& SqlStore<Db>::contact_insert() {
    static const std::string insert = fmt::format(
        "INSERT INTO contacts ({}) VALUES ({}) ON CONFLICT (customer_id, ref) WHERE ref <> '' DO NOTHING "
        "RETURNING id",
        kContactWrites, kContactValues);
    return insert;
}

// keqing_api.log_contact takes the first 17 and the ref, and sets logged_at, flags and lag itself, from the
// server's clock. 0: a contact with its ref was stored already.
template <class Db> Result<int64_t> SqlStore<Db>::add_contact(const Contact& c) {
    KQ_TRY(Stmt s, db_.prepare(by_role(contact_insert(),
                                       "SELECT keqing_api.log_contact($1, $2, $3, $4, $5, $6, $7, $8, "
                                       "$9, $10, $11, $12, $13, $14, $15, $16, $17, $21)"),
                               N_("logging a contact")));
    bind_contact(s, c);
    return db_.inserted_id(s);
}

// Inside a write transaction the dialect's lock (SQLite's write lock, PostgreSQL's advisory lock on the
// hash; keqing_api.claim_import takes the same) keeps every other import of the same content waiting.
template <class Db> Result<std::vector<ImportRecord>> SqlStore<Db>::claim_import(const std::string& hash) {
    KQ_CHECK(db_.lock_import(hash));
    KQ_TRY(Stmt s,
           db_.prepare(by_role("SELECT hash, file, rows, imported_at, login FROM imports WHERE hash = "
                               "$1 ORDER BY id DESC",
                               "SELECT hash, file, rows, imported_at, login FROM "
                               "keqing_api.claim_import($1)"),
                       N_("reading earlier imports")));
    s.bind(1, hash);
    return rows::all(s, rows::import_record<Stmt>);
}

template <class Db> Result<void> SqlStore<Db>::record_import(const ImportRecord& r) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO imports (hash, file, rows, imported_at, login) VALUES ($1, "
                               "$2, $3, $4, $5)",
                               "SELECT keqing_api.record_import($1, $2, $3)"),
                       N_("recording an import")));
    return s.bind(1, r.hash).bind(2, r.file).bind(3, r.rows).bind(4, r.imported_at).bind(5, r.login).run();
}

template <class Db>
Result<void> SqlStore<Db>::void_contact(int64_t id, const std::string& reason, const std::string& at) {
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE contacts SET voided_at = $2, void_reason = $3 WHERE id = $1",
                                       "SELECT keqing_api.void_contact($1, $3)"),
                               N_("voiding a contact")));
    return s.bind(1, id).bind(2, at).bind(3, reason).run();
}

template <class Db>
Result<void> SqlStore<Db>::retag_contact(int64_t id, const std::string& occasion, const std::string& login,
                                         const std::string& at) {
    if (db_.source() == Source::api) {
        KQ_TRY(Stmt s, db_.prepare("SELECT keqing_api.retag_contact($1, $2)", N_("re-tagging a contact")));
        return s.bind(1, id).bind(2, occasion).run();
    }
    KQ_TRY(Stmt record,
           db_.prepare("INSERT INTO retags (contact_id, occasion, previous, login, at) SELECT id, $2, "
                       "occasion, $3, $4 FROM contacts WHERE id = $1",
                       N_("re-tagging a contact")));
    KQ_CHECK(record.bind(1, id).bind(2, occasion).bind(3, login).bind(4, at).run());
    KQ_TRY(Stmt s,
           db_.prepare("UPDATE contacts SET occasion = $2 WHERE id = $1", N_("re-tagging a contact")));
    return s.bind(1, id).bind(2, occasion).run();
}

template std::string SqlStore<SqliteDb>::select_contacts(std::string_view, std::string_view,
                                                         std::string_view);
template Result<std::optional<Contact>> SqlStore<SqliteDb>::find_contact(int64_t id);
template Result<std::vector<Contact>> SqlStore<SqliteDb>::customer_contacts(int64_t customer_id,
                                                                            core::Date from, core::Date to);
template Result<std::vector<Contact>> SqlStore<SqliteDb>::tagged_contacts(core::Date from, core::Date to,
                                                                          const Scope& filter);
template Result<std::vector<Contact>> SqlStore<SqliteDb>::contacts_between(core::Date from, core::Date to);
template Result<std::vector<int64_t>>
SqlStore<SqliteDb>::contact_ids_of_reps(core::Date from, core::Date to, const std::vector<std::string>& reps,
                                        const std::vector<int64_t>& seen);
template Result<void>
SqlStore<SqliteDb>::scan_contacts(core::Date from, core::Date to, const Scope& scope, ScanOptions options,
                                  const std::function<void(const ContactFacts&)>& visit);
template Result<std::vector<Contact>> SqlStore<SqliteDb>::contacts_with_ids(core::Date from, core::Date to,
                                                                            const std::vector<int64_t>& ids);
template Result<Voided> SqlStore<SqliteDb>::voided_contacts(core::Date from, core::Date to, int limit,
                                                            const std::string& team);
template void SqlStore<SqliteDb>::bind_contact(Stmt& s, const Contact& c);
template const std::string& SqlStore<SqliteDb>::contact_insert();
template Result<int64_t> SqlStore<SqliteDb>::add_contact(const Contact& c);
template Result<std::vector<ImportRecord>> SqlStore<SqliteDb>::claim_import(const std::string& hash);
template Result<void> SqlStore<SqliteDb>::record_import(const ImportRecord& r);
template Result<void> SqlStore<SqliteDb>::void_contact(int64_t id, const std::string& reason,
                                                       const std::string& at);
template Result<void> SqlStore<SqliteDb>::retag_contact(int64_t id, const std::string& occasion,
                                                        const std::string& login, const std::string& at);
template std::string SqlStore<PgDb>::select_contacts(std::string_view, std::string_view, std::string_view);
template Result<std::optional<Contact>> SqlStore<PgDb>::find_contact(int64_t id);
template Result<std::vector<Contact>> SqlStore<PgDb>::customer_contacts(int64_t customer_id, core::Date from,
                                                                        core::Date to);
template Result<std::vector<Contact>> SqlStore<PgDb>::tagged_contacts(core::Date from, core::Date to,
                                                                      const Scope& filter);
template Result<std::vector<Contact>> SqlStore<PgDb>::contacts_between(core::Date from, core::Date to);
template Result<std::vector<int64_t>>
SqlStore<PgDb>::contact_ids_of_reps(core::Date from, core::Date to, const std::vector<std::string>& reps,
                                    const std::vector<int64_t>& seen);
template Result<void> SqlStore<PgDb>::scan_contacts(core::Date from, core::Date to, const Scope& scope,
                                                    ScanOptions options,
                                                    const std::function<void(const ContactFacts&)>& visit);
template Result<std::vector<Contact>> SqlStore<PgDb>::contacts_with_ids(core::Date from, core::Date to,
                                                                        const std::vector<int64_t>& ids);
template Result<Voided> SqlStore<PgDb>::voided_contacts(core::Date from, core::Date to, int limit,
                                                        const std::string& team);
template void SqlStore<PgDb>::bind_contact(Stmt& s, const Contact& c);
template const std::string& SqlStore<PgDb>::contact_insert();
template Result<int64_t> SqlStore<PgDb>::add_contact(const Contact& c);
template Result<std::vector<ImportRecord>> SqlStore<PgDb>::claim_import(const std::string& hash);
template Result<void> SqlStore<PgDb>::record_import(const ImportRecord& r);
template Result<void> SqlStore<PgDb>::void_contact(int64_t id, const std::string& reason,
                                                   const std::string& at);
template Result<void> SqlStore<PgDb>::retag_contact(int64_t id, const std::string& occasion,
                                                    const std::string& login, const std::string& at);

} // namespace keqing::store
