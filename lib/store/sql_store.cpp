// The SQL store's transactions, writes and reads, written once for SQLite and PostgreSQL
// (store/sql_store.hpp); what the rows mean is read by store/rows.hpp. Large reads (a month's contacts or
// customers) go through Db::stream — on PostgreSQL a cursor, 20,000 rows a round trip — into the same
// readers, so both backends count alike. Each pass over contacts names the index that narrows it where the
// dialect can.
#include "store/sql_store.hpp"

#include "core/json.hpp"
#include "store/history.hpp"
#include "store/pg_db.hpp"
#include "store/rows.hpp"
#include "store/sqlite_db.hpp"
#include <cstdlib>

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
// The range $1..$2 of a narrower scope ($5), sorted into day order.
constexpr std::string_view kRangeInOrder = "happened_on BETWEEN $1::text AND $2::text AND voided_at IS NULL "
                                           "{} ORDER BY happened_on, customer_id, channel, rep_id";
// A tier or rep from a day on; a second change on the same day replaces the first.
constexpr std::string_view kPutTier =
    "INSERT INTO tier_history (customer_id, tier, effective_from, recorded_at) VALUES ($1, $2, $3, $4) ON "
    "CONFLICT (customer_id, effective_from) DO UPDATE SET tier = excluded.tier, recorded_at = "
    "excluded.recorded_at";
constexpr std::string_view kPutRep =
    "INSERT INTO assignments (customer_id, rep_id, effective_from, recorded_at) VALUES ($1, $2, $3, $4) ON "
    "CONFLICT (customer_id, effective_from) DO UPDATE SET rep_id = excluded.rep_id, recorded_at = "
    "excluded.recorded_at";
constexpr std::string_view kByDay = " ORDER BY k.happened_on, k.happened_at, k.id";

// A dialect's format string (store/dialect.hpp) filled in.
template <class... Args> std::string spell(std::string_view format, const Args&... args) {
    return fmt::format(fmt::runtime(format), args...);
}

template <class T> std::vector<int64_t> widened(const std::vector<T>& list) {
    return std::vector<int64_t>(list.begin(), list.end());
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

template <class S> void bind_fields(S& s, const Person& p) {
    s.bind(2, p.name)
        .bind(3, p.role)
        .bind(4, p.birthday)
        .bind(5, p.preferences)
        .bind(6, p.family)
        .bind(7, p.personality)
        .bind(8, p.note);
}

template <class S> void bind_fields(S& s, const LifeEvent& e) {
    s.bind(3, e.kind).bind(4, e.date.iso()).bind(5, e.note);
    if (e.person_id)
        s.bind(2, e.person_id);
    else
        s.bind_null(2);
}

} // namespace

template <class Db> std::string SqlStore<Db>::filter_sql(const Scope& filter) {
    switch (filter.kind) {
    case Scope::Kind::all:
    case Scope::Kind::tier: // tiers change in time: the caller keeps those of the tier on its day
        return "TRUE";
    case Scope::Kind::rep:
        return "c.id IN (SELECT customer_id FROM @assignments WHERE rep_id = $9::text)";
    case Scope::Kind::team:
        return "c.id IN (SELECT a.customer_id FROM @assignments a JOIN @reps r ON r.id = a.rep_id WHERE "
               "r.team = $9::text)";
    case Scope::Kind::code:
        return "c.code = $9::text";
    case Scope::Kind::ids:
        return fmt::format("c.id IN (SELECT value::bigint FROM {})", spell(Db::kDialect.json_values, 9));
    case Scope::Kind::codes:
        return fmt::format("c.code IN (SELECT value FROM {})", spell(Db::kDialect.json_values, 9));
    }
    return "TRUE";
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
                                                         const std::function<void(Stmt&)>& bind) {
    KQ_TRY(Stmt s, db_.stream(select_with_history(where)));
    bind(s);
    return rows::customers(s, on);
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
    return customers_on(filter_sql(filter), on, [&](Stmt& s) { s.bind(9, filter_value(filter)); });
}

template <class Db>
Result<std::vector<MonthCustomer>> SqlStore<Db>::month_customers(core::Month month, const Scope& filter) {
    KQ_TRY(std::vector<Rep> reps, list_reps());
    // Everyone's customers are counted first, so that the list is allocated once (growing a vector of
    // 200,000 customers cost 10 % of check-quota --all).
    size_t expected = 0;
    if (filter.kind == Scope::Kind::all && db_.source() == Source::tables) {
        KQ_TRY(Stmt count, db_.prepare("SELECT count(*) FROM customers"));
        KQ_TRY(bool row, count.step());
        if (row) expected = static_cast<size_t>(count.integer(0));
    }
    // $1 first day, $2 last day: active on some day of the month.
    KQ_TRY(Stmt s, db_.stream(select_with_history(fmt::format(
                       "(c.opened_on IS NULL OR c.opened_on <= $2::text) AND (c.closed_on IS NULL "
                       "OR c.closed_on >= $1::text) AND {}",
                       filter_sql(filter)))));
    s.bind(1, month.first().iso()).bind(2, month.last().iso()).bind(9, filter_value(filter));
    return rows::month_customers(s, month, std::move(reps), expected);
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

template <class Db> std::string SqlStore<Db>::select_contacts(std::string_view where, std::string_view from) {
    return fmt::format("SELECT {} FROM {} k JOIN @customers c ON c.id = k.customer_id WHERE {}",
                       rows::kContactColumns, from, where);
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
    const std::string where = fmt::format(
        "k.happened_on BETWEEN $1::text AND $2::text AND k.occasion <> '' AND {}", filter_sql(filter));
    KQ_TRY(Stmt s, db_.prepare(select_contacts(where) + std::string(kByDay)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, filter_value(filter));
    return rows::all(s, rows::contact<Stmt>);
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
        return fmt::format("{} WHERE {} AND {}", spell(Db::kDialect.indexed_by, index), which,
                           fmt::format(fmt::runtime(kRangeInOrder), late));
    };
    std::string where;
    switch (scope.kind) {
    case Scope::Kind::all: {
        const bool whole_months = from == core::Month::of(from).first() && to == core::Month::of(to).last();
        where = fmt::format("{} WHERE {}", spell(Db::kDialect.indexed_by, "contacts_month"),
                            fmt::format(fmt::runtime(kMonthsInOrder),
                                        whole_months ? "" : "AND happened_on BETWEEN $1::text AND $2::text",
                                        late));
        break;
    }
    case Scope::Kind::ids:
        if (scope.ids.empty()) return {};
        where = in_order("contacts_customer", spell(Db::kDialect.in_ids, "customer_id", 5));
        break;
    case Scope::Kind::rep:
        where = in_order("contacts_rep", "rep_id = $5::text");
        break;
    case Scope::Kind::team:
        where = in_order("contacts_rep", "rep_id IN (SELECT id FROM @reps WHERE team = $5::text)");
        break;
    case Scope::Kind::tier:
    case Scope::Kind::code:
    case Scope::Kind::codes:
        return Error{Exit::usage, "a pass over contacts is scoped by customer ids, rep or team"};
    }
    KQ_TRY(Stmt s, db_.stream(fmt::format("SELECT {} FROM @contacts{}",
                                          options.findings ? kFindingFacts : kCountFacts, where)));
    s.bind(1, from.iso()).bind(2, to.iso());
    if (scope.kind == Scope::Kind::all)
        s.bind(3, core::Month::of(from).iso()).bind(4, core::Month::of(to).iso());
    else if (scope.kind == Scope::Kind::ids)
        s.bind(5, id_list(Db::kDialect, scope.ids));
    else
        s.bind(5, scope.value);
    if (options.max_lag) s.bind(6, *options.max_lag);
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return {};
        if (options.findings)
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
    KQ_TRY(Stmt s, db_.prepare(select_contacts(spell(Db::kDialect.in_ids, "k.id", 3)) +
                               " ORDER BY k.happened_on, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, id_list(Db::kDialect, ids));
    return rows::all(s, rows::contact<Stmt>);
}

template <class Db> Result<void> SqlStore<Db>::set_place(int64_t customer_id, const Place& place) {
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

template <class Db>
Result<Voided> SqlStore<Db>::voided_contacts(core::Date from, core::Date to, int limit,
                                             const std::string& team) {
    KQ_TRY(Stmt s,
           db_.prepare(select_contacts("k.happened_on BETWEEN $1::text AND $2::text AND k.voided_at IS "
                                       "NOT NULL AND ($9::text = '' OR k.rep_id IN (SELECT id FROM "
                                       "@reps WHERE team = $9::text))") +
                       " ORDER BY k.happened_on, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, team);
    Voided v;
    KQ_TRY(v.first, rows::all(s, rows::contact<Stmt>));
    v.count = static_cast<int>(v.first.size());
    if (v.count > limit) v.first.resize(static_cast<size_t>(limit));
    return v;
}

template <class Db> Result<std::optional<Person>> SqlStore<Db>::find_person(int64_t id) {
    KQ_TRY(std::vector<Person> people, query_people("p.id = $1", id));
    if (people.empty()) return std::optional<Person>();
    return std::optional<Person>(people.front());
}

template <class Db>
Result<std::vector<Person>> SqlStore<Db>::list_people(int64_t customer_id, Removed removed) {
    return query_people(removed == Removed::included
                            ? "($1::bigint = 0 OR p.customer_id = $1::bigint)"
                            : "($1::bigint = 0 OR p.customer_id = $1::bigint) AND p.removed_at IS NULL",
                        customer_id);
}

template <class Db> Result<std::vector<Person>> SqlStore<Db>::people_of(const Scope& filter) {
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format("SELECT {} FROM @people p JOIN @customers c ON c.id = p.customer_id "
                                   "WHERE {} AND p.removed_at IS NULL ORDER BY c.code, p.id",
                                   rows::kPersonColumns, filter_sql(filter))));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::person<Stmt>);
}

// With `months`, only birthdays written in one of them (Db::kDialect.birthday_months: lunar ones $2, solar
// ones $3).
template <class Db>
Result<std::vector<Person>> SqlStore<Db>::birthdays_of(const Scope& filter, const BirthdayMonths* months) {
    const bool everyone = filter.kind == Scope::Kind::all;
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT p.id, p.customer_id, p.name, p.birthday FROM @people p {} "
                                           "WHERE p.birthday <> '' AND p.removed_at IS NULL AND {} {}",
                                           everyone ? "" : "JOIN @customers c ON c.id = p.customer_id",
                                           filter_sql(filter), months ? Db::kDialect.birthday_months : "")));
    if (!everyone) s.bind(9, filter_value(filter));
    if (months)
        s.bind(2, id_list(Db::kDialect, widened(months->lunar)))
            .bind(3, id_list(Db::kDialect, widened(months->solar)));
    return rows::all(s, rows::birthday<Stmt>);
}

template <class Db>
Result<std::vector<Person>> SqlStore<Db>::query_people(std::string_view where, int64_t id) {
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format("SELECT {} FROM @people p JOIN @customers c ON c.id = p.customer_id "
                                   "WHERE {} ORDER BY c.code, p.id",
                                   rows::kPersonColumns, where)));
    s.bind(1, id);
    return rows::all(s, rows::person<Stmt>);
}

template <class Db>
Result<std::vector<LifeEvent>> SqlStore<Db>::list_events(core::Date from, core::Date to, int64_t customer_id,
                                                         Removed removed) {
    return query_events(removed == Removed::included
                            ? "($3::bigint = 0 OR e.customer_id = $3::bigint)"
                            : "($3::bigint = 0 OR e.customer_id = $3::bigint) AND e.removed_at IS NULL",
                        from, to, customer_id, {});
}

template <class Db>
Result<std::vector<LifeEvent>> SqlStore<Db>::events_of(core::Date from, core::Date to, const Scope& filter,
                                                       const std::vector<std::string>& kinds) {
    const std::string where = filter_sql(filter) + " AND e.removed_at IS NULL";
    if (kinds.empty()) return query_events(where, from, to, 0, filter);
    std::string list = "[";
    for (const auto& kind : kinds) {
        if (list.size() > 1) list += ',';
        core::append_json_quoted(list, kind);
    }
    return query_events(
        fmt::format("{} AND e.kind IN (SELECT value FROM {})", where, spell(Db::kDialect.json_values, 4)),
        from, to, 0, filter, list + "]");
}

template <class Db>
Result<std::vector<LifeEvent>> SqlStore<Db>::query_events(std::string_view where, core::Date from,
                                                          core::Date to, int64_t customer_id,
                                                          const Scope& filter, const std::string& kinds) {
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format(
               "SELECT {} FROM @life_events e JOIN @customers c ON c.id = e.customer_id LEFT JOIN @people "
               "p ON p.id = e.person_id WHERE e.happened_on BETWEEN $1::text AND $2::text AND {} ORDER "
               "BY e.happened_on, e.id",
               rows::kEventColumns, where)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id).bind(9, filter_value(filter));
    if (!kinds.empty()) s.bind(4, kinds);
    return rows::all(s, rows::event<Stmt>);
}

// Transactions nest: the outermost is the dialect's (SQLite's BEGIN IMMEDIATE, retried while another
// process holds the lock), inner ones are savepoints.
template <class Db> Result<void> SqlStore<Db>::begin() {
    if (broken_) return *broken_;
    KQ_CHECK(depth_ == 0 ? db_.begin_write()
                         : db_.exec(fmt::format("SAVEPOINT kq_{}", depth_), "starting a transaction"));
    ++depth_;
    return {};
}

template <class Db> Result<void> SqlStore<Db>::commit() {
    if (broken_) return *broken_;
    KQ_CHECK(depth_ == 1 ? db_.commit_write()
                         : db_.exec(fmt::format("RELEASE SAVEPOINT kq_{}", depth_ - 1), "committing"));
    --depth_;
    return {};
}

// A rollback that fails leaves the transaction in a state nobody knows: the store refuses every write
// after it (an outer transaction must not commit what an inner one meant to undo).
template <class Db> void SqlStore<Db>::rollback() {
    if (depth_ == 0) return;
    --depth_;
    auto undone =
        depth_ == 0 ? db_.exec("ROLLBACK", "rolling back")
                    : db_.exec(fmt::format("ROLLBACK TO SAVEPOINT kq_{0}; RELEASE SAVEPOINT kq_{0}", depth_),
                               "rolling back");
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
    if (--read_depth_ == 0) (void)db_.exec("COMMIT", "ending a read");
}

template <class Db> Result<void> SqlStore<Db>::add_rep(const Rep& rep) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO reps (id, name, team, created_at) VALUES ($1, $2, $3, $4)",
                               "SELECT keqing_api.add_rep($1, $2, $3)"),
                       "adding a rep"));
    return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).bind(4, core::now().iso()).run();
}

template <class Db> Result<void> SqlStore<Db>::update_rep(const Rep& rep) {
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE reps SET name = $2, team = $3 WHERE id = $1",
                                       "SELECT keqing_api.update_rep($1, $2, $3)"),
                               "changing a rep"));
    return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).run();
}

template <class Db> Result<int64_t> SqlStore<Db>::add_customer(const Customer& c) {
    KQ_TRY(Stmt s,
           db_.prepare(
               by_role("INSERT INTO customers (code, name, opened_on, closed_on, phone, "
                       "address, stage, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       "SELECT keqing_api.add_customer($1, $2, $3, $4, $5, $6, $7, $9, $10)"),
               "adding a customer"));
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
    KQ_TRY(Stmt s,
           db_.prepare(by_role("UPDATE customers SET name = $2, opened_on = $3, closed_on = $4, phone = "
                               "$5, address = $6, stage = $7 WHERE id = $1",
                               "SELECT keqing_api.update_customer($1, $2, $3, $4, $5, $6, $7)"),
                       "changing a customer"));
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
    KQ_TRY(Stmt s, db_.prepare(sql, "changing a tier or rep assignment"));
    return s.bind(1, customer_id).bind(2, value).bind(3, from).bind(4, core::now().iso()).run();
}

// keqing_api.log_contact takes the first 17 and the ref, and sets logged_at, flags and lag itself, from the
// server's clock. 0: a contact with its ref was stored already.
template <class Db> Result<int64_t> SqlStore<Db>::add_contact(const Contact& c) {
    KQ_TRY(
        Stmt s,
        db_.prepare(
            by_role("INSERT INTO contacts (customer_id, channel, happened_on, happened_at, rep_id, "
                    "note, gift, occasion, feedback, preference, favour, family, competitor, "
                    "slow_mover, asked_help, solved, training, logged_at, flags, lag, ref) VALUES ($1, "
                    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
                    "$19, $20, $21) ON CONFLICT (customer_id, ref) WHERE ref <> '' DO NOTHING RETURNING id",
                    "SELECT keqing_api.log_contact($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                    "$14, $15, $16, $17, $21)"),
            "logging a contact"));
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
    s.bind(15, c.asked_help)
        .bind(16, c.solved)
        .bind(17, c.training)
        .bind(18, c.logged_at)
        .bind(19, contact_flags(c))
        .bind(20, contact_lag(c))
        .bind(21, c.ref);
    return db_.inserted_id(s);
}

template <class Db> Result<size_t> SqlStore<Db>::add_contacts(const std::vector<Contact>& contacts) {
    size_t stored = 0;
    for (const Contact& c : contacts) {
        KQ_TRY(int64_t id, add_contact(c));
        if (id > 0) ++stored;
    }
    return stored;
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
                       "reading earlier imports"));
    s.bind(1, hash);
    return rows::all(s, rows::import_record<Stmt>);
}

template <class Db> Result<void> SqlStore<Db>::record_import(const ImportRecord& r) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO imports (hash, file, rows, imported_at, login) VALUES ($1, "
                               "$2, $3, $4, $5)",
                               "SELECT keqing_api.record_import($1, $2, $3)"),
                       "recording an import"));
    return s.bind(1, r.hash).bind(2, r.file).bind(3, r.rows).bind(4, r.imported_at).bind(5, r.login).run();
}

template <class Db>
Result<void> SqlStore<Db>::void_contact(int64_t id, const std::string& reason, const std::string& at) {
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE contacts SET voided_at = $2, void_reason = $3 WHERE id = $1",
                                       "SELECT keqing_api.void_contact($1, $3)"),
                               "voiding a contact"));
    return s.bind(1, id).bind(2, at).bind(3, reason).run();
}

template <class Db>
Result<void> SqlStore<Db>::retag_contact(int64_t id, const std::string& occasion, const std::string& login,
                                         const std::string& at) {
    if (db_.source() == Source::api) {
        KQ_TRY(Stmt s, db_.prepare("SELECT keqing_api.retag_contact($1, $2)", "re-tagging a contact"));
        return s.bind(1, id).bind(2, occasion).run();
    }
    KQ_TRY(Stmt record,
           db_.prepare("INSERT INTO retags (contact_id, occasion, previous, login, at) SELECT id, $2, "
                       "occasion, $3, $4 FROM contacts WHERE id = $1",
                       "re-tagging a contact"));
    KQ_CHECK(record.bind(1, id).bind(2, occasion).bind(3, login).bind(4, at).run());
    KQ_TRY(Stmt s, db_.prepare("UPDATE contacts SET occasion = $2 WHERE id = $1", "re-tagging a contact"));
    return s.bind(1, id).bind(2, occasion).run();
}

template <class Db> Result<int64_t> SqlStore<Db>::add_person(const Person& p) {
    KQ_TRY(Stmt s, db_.prepare(by_role("INSERT INTO people (customer_id, name, role, birthday, "
                                       "preferences, family, personality, note, created_at) VALUES ($1, $2, "
                                       "$3, $4, $5, $6, $7, $8, $9) RETURNING id",
                                       "SELECT keqing_api.add_person($1, $2, $3, $4, $5, $6, $7, $8)"),
                               "adding a person"));
    bind_fields(s, p);
    s.bind(1, p.customer_id).bind(9, core::now().iso());
    return db_.inserted_id(s);
}

template <class Db> Result<void> SqlStore<Db>::update_person(const Person& p) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("UPDATE people SET name = $2, role = $3, birthday = $4, preferences = $5, "
                               "family = $6, personality = $7, note = $8 WHERE id = $1",
                               "SELECT keqing_api.update_person($1, $2, $3, $4, $5, $6, $7, $8)"),
                       "changing a person"));
    bind_fields(s, p);
    return s.bind(1, p.id).run();
}

template <class Db> Result<int64_t> SqlStore<Db>::add_event(const LifeEvent& e) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO life_events (customer_id, person_id, kind, "
                               "happened_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                               "SELECT keqing_api.add_event($1, $2, $3, $4, $5)"),
                       "recording a life event"));
    bind_fields(s, e);
    s.bind(1, e.customer_id).bind(6, core::now().iso());
    return db_.inserted_id(s);
}

template <class Db> Result<void> SqlStore<Db>::update_event(const LifeEvent& e) {
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE life_events SET person_id = $2, kind = $3, happened_on = $4, "
                                       "note = $5 WHERE id = $1",
                                       "SELECT keqing_api.update_event($1, $2, $3, $4, $5)"),
                               "changing a life event"));
    bind_fields(s, e);
    return s.bind(1, e.id).run();
}

template class SqlStore<SqliteDb>;
template class SqlStore<PgDb>;

} // namespace keqing::store
