// The SQL store's transactions and its reps and customers (with their tier and rep histories, places and
// codes), written once for SQLite and PostgreSQL (store/sql_store.hpp); contacts are in sql_contacts.cpp,
// people and life events in sql_people.cpp. What the rows mean is read by store/rows.hpp.
#include "store/sql_store.hpp"

#include "core/i18n.hpp"
#include "store/history.hpp"
#include "store/pg_db.hpp"
#include "store/rows.hpp"
#include "store/sqlite_db.hpp"
#include <cstdlib>

namespace keqing::store {
namespace {

// A tier or rep from a day on; a second change on the same day replaces the first.
constexpr std::string_view kPutTier =
    "INSERT INTO tier_history (customer_id, tier, effective_from, recorded_at) VALUES ($1, $2, $3, $4) ON "
    "CONFLICT (customer_id, effective_from) DO UPDATE SET tier = excluded.tier, recorded_at = "
    "excluded.recorded_at";
constexpr std::string_view kPutRep =
    "INSERT INTO assignments (customer_id, rep_id, effective_from, recorded_at) VALUES ($1, $2, $3, $4) ON "
    "CONFLICT (customer_id, effective_from) DO UPDATE SET rep_id = excluded.rep_id, recorded_at = "
    "excluded.recorded_at";

// The most customers a whole-company list is allocated for at once (month_customers).
constexpr int64_t kMaxReservedCustomers = int64_t{1} << 20;

// A dialect's format string (store/dialect.hpp) filled in.
template <class... Args> std::string spell(std::string_view format, const Args&... args) {
    return fmt::format(fmt::runtime(format), args...);
}

// What an insert and an update of a customer, a person or a life event share, bound to $2 on.
template <class S> void bind_fields(S& s, const Customer& c) {
    s.bind(2, c.name)
        .bind(3, iso_or_null(c.opened_on))
        .bind(4, iso_or_null(c.closed_on))
        .bind(5, c.phone)
        .bind(6, c.address)
        .bind(7, c.stage);
}

} // namespace

template <class Db> std::string SqlStore<Db>::filter_sql(const Scope& filter, std::string_view id) {
    switch (filter.kind) {
    case Scope::Kind::all:
    case Scope::Kind::tier: // tiers change in time: the caller keeps those of the tier on its day
        return "TRUE";
    case Scope::Kind::rep:
        return fmt::format("{} IN (SELECT customer_id FROM @assignments WHERE rep_id = $9::text)", id);
    case Scope::Kind::reps:
        return fmt::format(
            "{} IN (SELECT customer_id FROM @assignments WHERE rep_id IN (SELECT value FROM {}))", id,
            spell(Db::kDialect.json_values, 9));
    case Scope::Kind::team:
        return fmt::format(
            "{} IN (SELECT a.customer_id FROM @assignments a JOIN @reps r ON r.id = a.rep_id WHERE "
            "r.team = $9::text)",
            id);
    case Scope::Kind::code:
        return "c.code = $9::text";
    case Scope::Kind::ids:
        return fmt::format("{} IN (SELECT value::bigint FROM {})", id, spell(Db::kDialect.json_values, 9));
    case Scope::Kind::codes:
        return fmt::format("c.code IN (SELECT value FROM {})", spell(Db::kDialect.json_values, 9));
    }
    return "TRUE";
}

template <class Db> auto SqlStore<Db>::customers_for(const Scope& filter) -> Result<Customers> {
    return Customers{"@customers c", filter_sql(filter),
                     [value = filter_value(filter)](Stmt& s) { s.bind(9, value); }};
}

template <class Db> Result<std::optional<Rep>> SqlStore<Db>::find_rep(const std::string& id) {
    KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM @reps WHERE id = $1"));
    s.bind(1, id);
    KQ_TRY(std::vector<Rep> found, rows::all(s, rows::rep<Stmt>));
    if (found.empty()) return std::optional<Rep>();
    return std::optional<Rep>(std::move(found.front()));
}

template <class Db> Result<std::vector<Rep>> SqlStore<Db>::list_reps() {
    KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM @reps ORDER BY team, id"));
    return rows::all(s, rows::rep<Stmt>);
}

template <class Db>
Result<std::vector<Customer>> SqlStore<Db>::customers_on(std::string_view where, core::Date on,
                                                         const std::function<void(Stmt&)>& bind,
                                                         size_t expected) {
    KQ_TRY(Stmt s, db_.stream(select_with_history(where)));
    bind(s);
    return rows::customers(s, on, expected);
}

template <class Db>
Result<std::vector<Customer>> SqlStore<Db>::find_customers(const std::string& text, Match how,
                                                           core::Date on) {
    const std::string where =
        how == Match::code   ? "c.code = $2::text"
        : how == Match::name ? "c.name = $2::text"
        : how == Match::prefix
            ? "(substr(c.name, 1, length($2::text)) = $2::text OR substr(lower(c.code), 1, length($2::text)) "
              "= lower($2::text))"
            : fmt::format("{}(c.name, $2::text) > 0", Db::kDialect.find);
    return customers_on(where, on, [&](Stmt& s) { s.bind(2, text); });
}

template <class Db>
Result<std::vector<Customer>> SqlStore<Db>::list_customers(core::Date on, const Scope& filter) {
    // A list of ids (the customers of some dates, say, thousands of them): at most that many.
    const size_t expected = filter.kind == Scope::Kind::ids ? filter.ids.size() : 0;
    return customers_on(
        filter_sql(filter), on, [&](Stmt& s) { s.bind(9, filter_value(filter)); }, expected);
}

template <class Db> Result<std::vector<CustomerKey>> SqlStore<Db>::customer_keys(const Scope& filter) {
    KQ_TRY(Stmt s, db_.stream(fmt::format("SELECT c.id, c.code, c.opened_on, c.closed_on FROM @customers c "
                                          "WHERE {}",
                                          filter_sql(filter))));
    s.bind(9, filter_value(filter));
    return rows::all(s, [](const Stmt& row) {
        return CustomerKey{row.integer(0), row.text(1), rows::date(row, 2), rows::date(row, 3)};
    });
}

template <class Db>
Result<std::vector<MonthCustomer>> SqlStore<Db>::month_customers(core::Month month, const Scope& filter) {
    // Everyone's list is allocated once (growing a vector of 200,000 customers cost 10 % of check-quota
    // --all), for as many customers as their ids span: two seeks, where count(*) read an index through
    // (12 ms at 200,000). Ids spread over more than a million leave the list to grow.
    size_t expected = 0;
    if (filter.kind == Scope::Kind::all && db_.source() == Source::tables) {
        KQ_TRY(const auto span, customer_id_span());
        const int64_t ids = span.second - span.first + 1;
        if (ids > 0 && ids <= kMaxReservedCustomers) expected = static_cast<size_t>(ids);
    }
    if (filter.kind == Scope::Kind::all && Db::kDialect.side_by_side) {
        // Everyone: the customers and their two histories each read in id order and merged, then put in
        // code order — no index lookup per customer (issue 23).
        KQ_TRY(Stmt c, db_.stream("SELECT c.id, c.code, c.name, c.opened_on, c.closed_on FROM @customers c "
                                  "WHERE (c.opened_on IS NULL OR c.opened_on <= $2::text) AND (c.closed_on "
                                  "IS NULL OR c.closed_on >= $1::text) ORDER BY c.id"));
        c.bind(1, month.first().iso()).bind(2, month.last().iso());
        KQ_TRY(Stmt tiers, db_.stream("SELECT customer_id, tier, effective_from FROM @tier_history ORDER BY "
                                      "customer_id, effective_from"));
        KQ_TRY(Stmt assigned, db_.stream("SELECT customer_id, rep_id, effective_from FROM @assignments ORDER "
                                         "BY customer_id, effective_from"));
        KQ_TRY(std::vector<Rep> reps, list_reps());
        return rows::month_customers_merged(c, tiers, assigned, month, std::move(reps), expected);
    }
    // $1 first day, $2 last day: active on some day of the month.
    KQ_TRY(Stmt s, db_.stream(select_with_history(fmt::format(
                       "(c.opened_on IS NULL OR c.opened_on <= $2::text) AND (c.closed_on IS NULL "
                       "OR c.closed_on >= $1::text) AND {}",
                       filter_sql(filter)))));
    s.bind(1, month.first().iso()).bind(2, month.last().iso()).bind(9, filter_value(filter));
    KQ_TRY(std::vector<MonthCustomer> out, rows::month_customers(s, month, expected));
    return with_teams(std::move(out));
}

// The teams of the reps these customers have only (one rep's check read every rep, issue 23).
template <class Db>
Result<std::vector<MonthCustomer>> SqlStore<Db>::with_teams(std::vector<MonthCustomer> customers) {
    const std::vector<std::string> ids = rows::reps_of(customers);
    if (ids.empty()) return customers;
    KQ_TRY(Stmt r,
           db_.prepare(fmt::format("SELECT id, name, team FROM @reps WHERE id IN (SELECT value FROM {})",
                                   spell(Db::kDialect.json_values, 1))));
    r.bind(1, filter_value(Scope::of_reps(ids)));
    KQ_TRY(std::vector<Rep> reps, rows::all(r, rows::rep<Stmt>));
    rows::set_teams(customers, std::move(reps));
    return customers;
}

template <class Db>
Result<std::vector<std::pair<int64_t, core::Date>>> SqlStore<Db>::opening_days(const Scope& filter) {
    KQ_TRY(
        Stmt s,
        db_.stream(fmt::format(
            "SELECT c.id, c.opened_on FROM @customers c WHERE c.opened_on IS NOT NULL AND {} ORDER BY c.id",
            filter_sql(filter))));
    s.bind(9, filter_value(filter));
    std::vector<std::pair<int64_t, core::Date>> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return out;
        if (const auto day = rows::date(s, 1)) out.emplace_back(s.integer(0), *day);
    }
}

template <class Db> Result<std::vector<HistoryEntry>> SqlStore<Db>::tier_history(int64_t customer_id) {
    return history("SELECT tier, effective_from, recorded_at FROM @tier_history WHERE customer_id = $1 "
                   "ORDER BY effective_from",
                   customer_id);
}

template <class Db> Result<std::vector<HistoryEntry>> SqlStore<Db>::rep_history(int64_t customer_id) {
    return history("SELECT rep_id, effective_from, recorded_at FROM @assignments WHERE customer_id = $1 "
                   "ORDER BY effective_from",
                   customer_id);
}

template <class Db>
Result<std::vector<std::pair<int64_t, HistoryEntry>>> SqlStore<Db>::rep_histories(const Scope& filter) {
    KQ_TRY(Stmt s, db_.stream(fmt::format(rows::kRepHistories, filter_sql(filter))));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::customer_history_entry<Stmt>);
}

template <class Db>
Result<std::vector<HistoryEntry>> SqlStore<Db>::history(std::string_view sql, int64_t customer_id) {
    KQ_TRY(Stmt s, db_.prepare(sql));
    s.bind(1, customer_id);
    return rows::all(s, rows::history_entry<Stmt>);
}

template <class Db> Result<void> SqlStore<Db>::set_place(int64_t customer_id, const Place& place) {
    roster_changing();
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE customers SET area = $2, lat = $3::float8, lon = $4::float8 "
                                       "WHERE id = $1",
                                       "SELECT keqing_api.set_place($1, $2, $3::float8, $4::float8)"),
                               "setting a customer's place"));
    s.bind(1, customer_id).bind(2, place.area);
    const auto degrees = [](const std::optional<double>& v) {
        return v ? std::optional<std::string>(fmt::format("{}", *v)) : std::nullopt;
    };
    return s.bind(3, degrees(place.lat)).bind(4, degrees(place.lon)).run();
}

template <class Db>
Result<std::unordered_map<int64_t, Place>> SqlStore<Db>::customer_places(const std::vector<int64_t>& ids) {
    std::unordered_map<int64_t, Place> places;
    if (ids.empty()) return places;
    KQ_TRY(Stmt s, db_.prepare("SELECT id, area, lat, lon FROM @customers WHERE " +
                               spell(Db::kDialect.in_ids, "id", 1)));
    s.bind(1, id_list(Db::kDialect, ids));
    const auto degrees = [&s](int column) -> std::optional<double> {
        if (s.is_null(column)) return std::nullopt;
        return std::strtod(s.text(column).c_str(), nullptr);
    };
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return places;
        places[s.integer(0)] = Place{s.text(1), degrees(2), degrees(3)};
    }
}

template <class Db>
Result<std::unordered_map<int64_t, std::string>>
SqlStore<Db>::customer_codes(const std::vector<int64_t>& ids) {
    std::unordered_map<int64_t, std::string> codes;
    if (ids.empty()) return codes;
    KQ_TRY(Stmt s,
           db_.prepare("SELECT id, code FROM @customers WHERE " + spell(Db::kDialect.in_ids, "id", 1)));
    s.bind(1, id_list(Db::kDialect, ids));
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return codes;
        codes[s.integer(0)] = s.text(1);
    }
}

template <class Db> Result<std::pair<int64_t, int64_t>> SqlStore<Db>::customer_id_span() {
    // One subquery each: SQLite takes min(id) or max(id) alone from the end of the table, both in one
    // select by reading an index through (25 ms at 200,000 customers, before a whole-company pass).
    KQ_TRY(Stmt s, db_.prepare("SELECT (SELECT coalesce(min(id), 0) FROM @customers), (SELECT "
                               "coalesce(max(id), 0) FROM @customers)"));
    KQ_TRY(bool row, s.step());
    if (!row) return std::pair<int64_t, int64_t>{0, 0};
    return std::pair{s.integer(0), s.integer(1)};
}

// Transactions nest: the outermost is the dialect's (SQLite's BEGIN IMMEDIATE, retried while another
// process holds the lock), inner ones are savepoints.
template <class Db> Result<void> SqlStore<Db>::begin() {
    if (broken_) return *broken_;
    KQ_CHECK(depth_ == 0 ? db_.begin_write()
                         : db_.exec(fmt::format("SAVEPOINT kq_{}", depth_), N_("starting a transaction")));
    ++depth_;
    return {};
}

template <class Db> Result<void> SqlStore<Db>::commit() {
    if (broken_) return *broken_;
    KQ_CHECK(depth_ == 1 ? db_.commit_write()
                         : db_.exec(fmt::format("RELEASE SAVEPOINT kq_{}", depth_ - 1), N_("committing")));
    --depth_;
    return {};
}

// A rollback that fails leaves the transaction in a state nobody knows: the store refuses every write
// after it (an outer transaction must not commit what an inner one meant to undo).
template <class Db> void SqlStore<Db>::rollback() {
    if (depth_ == 0) return;
    --depth_;
    auto undone =
        depth_ == 0 ? db_.rollback_write()
                    : db_.exec(fmt::format("ROLLBACK TO SAVEPOINT kq_{0}; RELEASE SAVEPOINT kq_{0}", depth_),
                               N_("rolling back"));
    if (!undone && !broken_)
        broken_ = Error{Exit::database,
                        undone.error().message + "; nothing more is written: run the command again"};
}

template <class Db> Result<void> SqlStore<Db>::begin_read() {
    if (depth_ > 0 || read_depth_++ > 0) return {};
    if (auto r = db_.begin_read(); !r) {
        read_depth_ = 0;
        return r;
    }
    return {};
}

template <class Db> void SqlStore<Db>::end_read() {
    if (depth_ > 0 || read_depth_ == 0) return;
    if (--read_depth_ == 0) (void)db_.exec("COMMIT", N_("ending a read"));
}

template <class Db> Result<void> SqlStore<Db>::add_rep(const Rep& rep) {
    roster_changing();
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO reps (id, name, team, created_at) VALUES ($1, $2, $3, $4)",
                               "SELECT keqing_api.add_rep($1, $2, $3)"),
                       N_("adding a rep")));
    return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).bind(4, core::now().iso()).run();
}

template <class Db> Result<void> SqlStore<Db>::update_rep(const Rep& rep) {
    roster_changing();
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE reps SET name = $2, team = $3 WHERE id = $1",
                                       "SELECT keqing_api.update_rep($1, $2, $3)"),
                               N_("changing a rep")));
    return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).run();
}

template <class Db> Result<int64_t> SqlStore<Db>::add_customer(const Customer& c) {
    roster_changing();
    KQ_TRY(Stmt s,
           db_.prepare(
               by_role("INSERT INTO customers (code, name, opened_on, closed_on, phone, "
                       "address, stage, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       "SELECT keqing_api.add_customer($1, $2, $3, $4, $5, $6, $7, $9, $10)"),
               N_("adding a customer")));
    bind_fields(s, c);
    s.bind(1, c.code).bind(8, core::now().iso()).bind(9, c.tier).bind(10, c.rep);
    KQ_TRY(int64_t id, db_.inserted_id(s));
    if (id == 0) return db_error("adding customer {} stored nothing; please report it", c.code);
    if (db_.source() == Source::api) return id; // keqing_api.add_customer recorded the first tier and rep
    const std::string from = c.opened_on ? c.opened_on->iso() : std::string(kSinceAlways);
    KQ_CHECK(put_history(kPutTier, id, c.tier, from));
    KQ_CHECK(put_history(kPutRep, id, c.rep, from));
    return id;
}

template <class Db> Result<void> SqlStore<Db>::update_customer(const Customer& c) {
    roster_changing();
    KQ_TRY(Stmt s,
           db_.prepare(by_role("UPDATE customers SET name = $2, opened_on = $3, closed_on = $4, phone = "
                               "$5, address = $6, stage = $7 WHERE id = $1",
                               "SELECT keqing_api.update_customer($1, $2, $3, $4, $5, $6, $7)"),
                       N_("changing a customer")));
    bind_fields(s, c);
    return s.bind(1, c.id).run();
}

template <class Db>
Result<void> SqlStore<Db>::set_tier(int64_t customer_id, const std::string& tier, core::Date from) {
    return put_history(by_role(kPutTier, "SELECT keqing_api.set_tier($1, $2, $3)"), customer_id, tier,
                       from.iso());
}

template <class Db>
Result<void> SqlStore<Db>::assign_rep(int64_t customer_id, const std::string& rep, core::Date from) {
    return put_history(by_role(kPutRep, "SELECT keqing_api.assign_rep($1, $2, $3)"), customer_id, rep,
                       from.iso());
}

template <class Db>
Result<void> SqlStore<Db>::put_history(std::string_view sql, int64_t customer_id, const std::string& value,
                                       const std::string& from) {
    roster_changing();
    KQ_TRY(Stmt s, db_.prepare(sql, N_("changing a tier or rep assignment")));
    return s.bind(1, customer_id).bind(2, value).bind(3, from).bind(4, core::now().iso()).run();
}

template class SqlStore<SqliteDb>;
template class SqlStore<PgDb>;

} // namespace keqing::store
