// One rep's reads on a team server (issue 23 target 3). Within a read (one snapshot), a rep's customers with
// their whole tier and rep history are asked for once and kept (store/kept_rows.hpp): the month's customers,
// the opening days, the customers of a day and any of them by id or code are then narrowed on the client —
// remind asked for them four times. A role that reads through keqing_api (docs/SECURITY.md: a rep, a manager
// or an admin, each command on a new connection whose backend meets every API function cold) reads them from
// one call of schema 17's functions, where the shared SQL (store/sql_store.cpp, sql_contacts.cpp) would join
// customers(), tier_history() and assignments() — three or four calls, each reading every customer the
// session sees — or read reps() whole to find one rep; the owner reads them with the shared SQL, once. The
// scopes not listed here read as SqlStore does.
#include "core/i18n.hpp"
#include "store/dialect.hpp"
#include "store/pg_store.hpp"
#include "store/rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <string>

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

// Whether `filter` is a scope the kept rows may answer, and customer_histories narrows to itself: one rep's
// customers, listed ones, or one by its code.
bool narrowed(const Scope& filter) {
    return filter.kind == Scope::Kind::rep || filter.kind == Scope::Kind::ids ||
           filter.kind == Scope::Kind::code;
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
    if (how != Match::code) return SqlStore::find_customers(text, how, on);
    return list_customers(on, Scope{Scope::Kind::code, text});
}

Result<std::vector<Customer>> PgStore::list_customers(core::Date on, const Scope& filter) {
    if (!narrowed(filter)) return SqlStore::list_customers(on, filter);
    KQ_TRY(const Kept* kept, kept_for(filter));
    if (kept) {
        KeptRows::Cursor rows = kept_cursor(*kept, filter);
        return rows::customers(rows, on);
    }
    if (db_.source() != Source::api) return SqlStore::list_customers(on, filter);
    KQ_TRY(PgStmt s, db_.stream(fmt::format(kHistories, "TRUE")));
    bind_scope(s, filter);
    return rows::customers(s, on);
}

Result<std::vector<MonthCustomer>> PgStore::month_customers(core::Month month, const Scope& filter) {
    if (!narrowed(filter)) return SqlStore::month_customers(month, filter);
    const std::string first = month.first().iso(), last = month.last().iso();
    KQ_TRY(const Kept* kept, kept_for(filter));
    if (kept) {
        // Active on some day of the month, as the SQL below asks (ISO days compare as text).
        KeptRows::Cursor rows = kept_cursor(*kept, filter, [&](const KeptRows& r, size_t row) {
            return (r.is_null_at(row, 3) || r.view_at(row, 3) <= last) &&
                   (r.is_null_at(row, 4) || r.view_at(row, 4) >= first);
        });
        KQ_TRY(std::vector<MonthCustomer> out, rows::month_customers(rows, month, 0));
        return with_teams(std::move(out));
    }
    if (db_.source() != Source::api) return SqlStore::month_customers(month, filter);
    // $1 first day, $2 last day: active on some day of the month.
    KQ_TRY(PgStmt s,
           db_.stream(fmt::format(kHistories, "(h.opened_on IS NULL OR h.opened_on <= $2::text) AND "
                                              "(h.closed_on IS NULL OR h.closed_on >= $1::text)")));
    s.bind(1, first).bind(2, last);
    bind_scope(s, filter);
    KQ_TRY(std::vector<MonthCustomer> out, rows::month_customers(s, month, 0));
    return with_teams(std::move(out));
}

// Each customer's team: its rep's, from the company's directory.
Result<std::vector<MonthCustomer>> PgStore::with_teams(std::vector<MonthCustomer> customers) {
    if (db_.source() != Source::api) return SqlStore::with_teams(std::move(customers));
    const std::vector<std::string> ids = rows::reps_of(customers);
    if (ids.empty()) return customers;
    KQ_TRY(PgStmt r, db_.prepare("SELECT id, name, team FROM keqing_api.reps_named(ARRAY(SELECT "
                                 "json_array_elements_text($1::json)))"));
    r.bind(1, filter_value(Scope::of_reps(ids)));
    KQ_TRY(std::vector<Rep> reps, rows::all(r, rows::rep<PgStmt>));
    rows::set_teams(customers, std::move(reps));
    return customers;
}

Result<std::vector<std::pair<int64_t, core::Date>>> PgStore::opening_days(const Scope& filter) {
    if (!narrowed(filter)) return SqlStore::opening_days(filter);
    std::vector<std::pair<int64_t, core::Date>> out;
    KQ_TRY(const Kept* kept, kept_for(filter));
    if (kept) {
        KeptRows::Cursor rows = kept_cursor(*kept, filter);
        while (true) {
            KQ_TRY(bool row, rows.step());
            if (!row) break;
            if (const auto day = rows::date(rows, 3)) out.emplace_back(rows.integer(0), *day);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    if (db_.source() != Source::api) return SqlStore::opening_days(filter);
    KQ_TRY(PgStmt s,
           db_.stream("SELECT DISTINCT h.id, h.opened_on FROM keqing_api.customer_histories($3::text, "
                      "$4::bigint[], $5::text) h WHERE h.opened_on IS NOT NULL ORDER BY h.id"));
    bind_scope(s, filter);
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return out;
        if (const auto day = rows::date(s, 1)) out.emplace_back(s.integer(0), *day);
    }
}

// Through keqing_api the reps' contacts are read through the session's customers, each one's contacts of
// those days: those the pass saw are left out before any is read (schema 20's contact_ids_elsewhere) — a
// rep's own customers are all it sees, and all its pass read.
Result<std::vector<int64_t>> PgStore::contact_ids_of_reps(core::Date from, core::Date to,
                                                          const std::vector<std::string>& reps,
                                                          const std::vector<int64_t>& seen) {
    if (db_.source() != Source::api) return SqlStore::contact_ids_of_reps(from, to, reps, seen);
    std::vector<int64_t> out;
    if (reps.empty()) return out;
    KQ_TRY(PgStmt s,
           db_.stream(seen.empty()
                          ? "SELECT k.id FROM keqing_api.contact_ids_of_reps($1::text, $2::text, "
                            "ARRAY(SELECT json_array_elements_text($3::json))) AS k(id)"
                          : "SELECT k.id FROM keqing_api.contact_ids_elsewhere($1::text, $2::text, "
                            "ARRAY(SELECT json_array_elements_text($3::json)), $4::bigint[]) AS k(id)"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, filter_value(Scope::of_reps(reps)));
    if (!seen.empty()) s.bind(4, id_list(kPostgresDialect, seen));
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return out;
        out.push_back(s.integer(0));
    }
}

// Kept only while keeping(): a read, which sees one snapshot (the next may see other rows), or a write
// that changes no customer. A rep's customers are read and kept when first asked for, and one customer by
// its code when nothing is kept yet.
Result<const PgStore::Kept*> PgStore::kept_for(const Scope& filter) {
    if (!keeping()) return nullptr;
    if ((filter.kind == Scope::Kind::rep && (!kept_ || kept_->rep != filter.value)) ||
        (filter.kind == Scope::Kind::code && !kept_)) {
        // The owner: the shared SQL's customers with their histories, in the same columns and order.
        const bool api = db_.source() == Source::api;
        KQ_TRY(PgStmt s,
               db_.stream(api ? fmt::format(kHistories, "TRUE") : select_with_history(filter_sql(filter))));
        if (api)
            bind_scope(s, filter);
        else
            s.bind(9, filter_value(filter));
        KQ_TRY(KeptRows rows, KeptRows::read(s, 12));
        std::vector<int64_t> ids;
        for (size_t row = 0; row < rows.size(); ++row)
            ids.push_back(rows.integer_at(row, 0));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        kept_ = Kept{filter.kind == Scope::Kind::rep ? filter.value : std::string(),
                     std::move(rows),
                     std::move(ids),
                     std::nullopt,
                     std::nullopt,
                     std::nullopt,
                     {}};
    }
    if (!kept_) return nullptr;
    switch (filter.kind) {
    case Scope::Kind::rep:
        return &*kept_;
    case Scope::Kind::ids:
        // Only when it holds every one: another may be a customer the session sees but the rep never had.
        for (const int64_t id : filter.ids)
            if (!std::binary_search(kept_->ids.begin(), kept_->ids.end(), id)) return nullptr;
        return &*kept_;
    case Scope::Kind::code:
        return kept_->rows.ids_where(1, filter.value).empty() ? nullptr : &*kept_;
    default:
        return nullptr;
    }
}

KeptRows::Cursor PgStore::kept_cursor(const Kept& kept, const Scope& filter,
                                      const std::function<bool(const KeptRows&, size_t)>& also) {
    std::vector<int64_t> ids = filter.kind == Scope::Kind::ids ? filter.ids : std::vector<int64_t>();
    std::sort(ids.begin(), ids.end());
    return kept.rows.cursor([&](const KeptRows& r, size_t row) {
        if (filter.kind == Scope::Kind::ids &&
            !std::binary_search(ids.begin(), ids.end(), r.integer_at(row, 0)))
            return false;
        if (filter.kind == Scope::Kind::code && r.view_at(row, 1) != filter.value) return false;
        return !also || also(r, row);
    });
}

} // namespace keqing::store
