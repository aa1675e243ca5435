// One rep's reads on a team server for a role that reads through keqing_api (docs/SECURITY.md): a rep, a
// manager or an admin, each command on a new connection whose backend meets every API function cold. Where
// the shared SQL (store/sql_store.cpp, sql_contacts.cpp) joins customers(), tier_history() and assignments()
// — three or four calls, each reading every customer the session sees — or reads reps() whole to find one
// rep, these read the same rows, in the same order, from one call of schema 17's functions (issue 23 target
// 3). The owner, and the scopes not listed here, read as SqlStore does.
#include "core/i18n.hpp"
#include "store/dialect.hpp"
#include "store/pg_store.hpp"
#include "store/rows.hpp"

#include <fmt/format.h>

namespace keqing::store {
namespace {

// select_with_history's columns (store/history.hpp) and order, from keqing_api.customer_histories: $3 the
// rep whose customers are read, $4 their ids, $5 their code (each NULL: any); codes and days ordered byte by
// byte, as the tables' COLLATE "C" columns are.
constexpr std::string_view kHistories =
    "SELECT h.id, h.code, h.name, h.opened_on, h.closed_on, h.phone, h.address, h.stage, h.tier, "
    "h.tier_from, "
    "h.rep_id, h.rep_from FROM keqing_api.customer_histories($3::text, $4::bigint[], $5::text) h WHERE {} "
    "ORDER BY "
    "h.code COLLATE \"C\", h.tier_from COLLATE \"C\", h.rep_from COLLATE \"C\"";

// Whether `filter` is a scope customer_histories narrows to itself: one rep's customers, listed ones, or one
// by its code.
bool one_call(const PgDb& db, const Scope& filter) {
    return db.source() == Source::api &&
           (filter.kind == Scope::Kind::rep || filter.kind == Scope::Kind::ids ||
            filter.kind == Scope::Kind::code);
}

void bind_scope(PgStmt& s, const Scope& filter) {
    s.bind_null(3).bind_null(4).bind_null(5);
    if (filter.kind == Scope::Kind::rep) s.bind(3, filter.value);
    if (filter.kind == Scope::Kind::ids) s.bind(4, id_list(kPostgresDialect, filter.ids));
    if (filter.kind == Scope::Kind::code) s.bind(5, filter.value);
}

} // namespace

Result<std::optional<Rep>> PgStore::find_rep(const std::string& id) {
    if (db_.source() != Source::api) return SqlStore::find_rep(id);
    KQ_TRY(PgStmt s, db_.prepare("SELECT id, name, team FROM keqing_api.reps_named(ARRAY[$1::text])"));
    s.bind(1, id);
    KQ_TRY(std::vector<Rep> found, rows::all(s, rows::rep<PgStmt>));
    if (found.empty()) return std::optional<Rep>();
    return std::optional<Rep>(std::move(found.front()));
}

Result<std::vector<Customer>> PgStore::find_customers(const std::string& text, Match how, core::Date on) {
    if (db_.source() != Source::api || how != Match::code) return SqlStore::find_customers(text, how, on);
    return list_customers(on, Scope{Scope::Kind::code, text});
}

Result<std::vector<Customer>> PgStore::list_customers(core::Date on, const Scope& filter) {
    if (!one_call(db_, filter)) return SqlStore::list_customers(on, filter);
    KQ_TRY(PgStmt s, db_.stream(fmt::format(kHistories, "TRUE")));
    bind_scope(s, filter);
    return rows::customers(s, on);
}

Result<std::vector<MonthCustomer>> PgStore::month_customers(core::Month month, const Scope& filter) {
    if (!one_call(db_, filter)) return SqlStore::month_customers(month, filter);
    // $1 first day, $2 last day: active on some day of the month.
    KQ_TRY(PgStmt s,
           db_.stream(fmt::format(kHistories, "(h.opened_on IS NULL OR h.opened_on <= $2::text) AND "
                                              "(h.closed_on IS NULL OR h.closed_on >= $1::text)")));
    s.bind(1, month.first().iso()).bind(2, month.last().iso());
    bind_scope(s, filter);
    KQ_TRY(std::vector<MonthCustomer> out, rows::month_customers(s, month, 0));
    const std::vector<std::string> ids = rows::reps_of(out);
    if (ids.empty()) return out;
    KQ_TRY(PgStmt r, db_.prepare("SELECT id, name, team FROM keqing_api.reps_named(ARRAY(SELECT "
                                 "json_array_elements_text($1::json)))"));
    r.bind(1, filter_value(Scope::of_reps(ids)));
    KQ_TRY(std::vector<Rep> reps, rows::all(r, rows::rep<PgStmt>));
    rows::set_teams(out, std::move(reps));
    return out;
}

Result<std::vector<std::pair<int64_t, core::Date>>> PgStore::opening_days(const Scope& filter) {
    if (!one_call(db_, filter)) return SqlStore::opening_days(filter);
    KQ_TRY(PgStmt s,
           db_.stream("SELECT DISTINCT h.id, h.opened_on FROM keqing_api.customer_histories($3::text, "
                      "$4::bigint[], $5::text) h WHERE h.opened_on IS NOT NULL ORDER BY h.id"));
    bind_scope(s, filter);
    std::vector<std::pair<int64_t, core::Date>> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return out;
        if (const auto day = rows::date(s, 1)) out.emplace_back(s.integer(0), *day);
    }
}

Result<std::vector<int64_t>> PgStore::contact_ids_of_reps(core::Date from, core::Date to,
                                                          const std::vector<std::string>& reps) {
    if (db_.source() != Source::api) return SqlStore::contact_ids_of_reps(from, to, reps);
    std::vector<int64_t> out;
    if (reps.empty()) return out;
    KQ_TRY(PgStmt s,
           db_.stream("SELECT k.id FROM keqing_api.contact_ids_of_reps($1::text, $2::text, ARRAY(SELECT "
                      "json_array_elements_text($3::json))) AS k(id)"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, filter_value(Scope::of_reps(reps)));
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return out;
        out.push_back(s.integer(0));
    }
}

} // namespace keqing::store
