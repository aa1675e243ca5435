// The SQL store's people and life events, written once for SQLite and PostgreSQL (store/sql_store.hpp):
// finding and listing them, a scope's birthdays (narrowed to the months asked for), a range's events, and
// adding and editing them.
#include "core/json.hpp"

#include "core/i18n.hpp"
#include "store/birthday_months.hpp"
#include "store/pg_db.hpp"
#include "store/rows.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

namespace keqing::store {
namespace {

template <class T> std::vector<int64_t> widened_ids(const std::vector<T>& list) {
    return std::vector<int64_t>(list.begin(), list.end());
}

// A dialect's format string (store/dialect.hpp) filled in.
template <class... Args> std::string spell_people(std::string_view format, const Args&... args) {
    return fmt::format(fmt::runtime(format), args...);
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

// With `months`, only birthdays written in one of them (may_fall_in): in SQL where the dialect has it
// (Db::kDialect.birthday_months: lunar ones $2, solar ones $3), else on each row as it comes.
template <class Db>
Result<std::vector<Person>> SqlStore<Db>::birthdays_of(const Scope& filter, const BirthdayMonths* months) {
    const bool everyone = filter.kind == Scope::Kind::all;
    const bool in_sql = months && !Db::kDialect.birthday_months.empty();
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT p.id, p.customer_id, p.name, p.birthday FROM @people p {} "
                                           "WHERE p.birthday <> '' AND p.removed_at IS NULL AND {} {}",
                                           everyone ? "" : "JOIN @customers c ON c.id = p.customer_id",
                                           filter_sql(filter), in_sql ? Db::kDialect.birthday_months : "")));
    if (!everyone) s.bind(9, filter_value(filter));
    if (in_sql) {
        s.bind(2, id_list(Db::kDialect, widened_ids(months->lunar)))
            .bind(3, id_list(Db::kDialect, widened_ids(months->solar)));
    }
    if (in_sql || !months) return rows::all(s, rows::birthday<Stmt>);
    std::vector<Person> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        if (may_fall_in(s.view(3), *months)) out.push_back(rows::birthday(s));
    }
    return out;
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
    // (By the event's own customer, which life_events_customer finds: query_events.)
    const std::string where = filter_sql(filter, "e.customer_id") + " AND e.removed_at IS NULL";
    if (kinds.empty()) return query_events(where, from, to, 0, filter);
    std::string list = "[";
    for (const auto& kind : kinds) {
        if (list.size() > 1) list += ',';
        core::append_json_quoted(list, kind);
    }
    return query_events(fmt::format("{} AND e.kind IN (SELECT value FROM {})", where,
                                    spell_people(Db::kDialect.json_values, 4)),
                        from, to, 0, filter, list + "]");
}

template <class Db>
Result<std::vector<LifeEvent>> SqlStore<Db>::query_events(std::string_view where, core::Date from,
                                                          core::Date to, int64_t customer_id,
                                                          const Scope& filter, const std::string& kinds) {
    // Some customers' events are read through their customers (life_events_customer), never through the
    // days (life_events_date): the days' index, which the planner still chose for one rep's hundred
    // customers, read every customer's events of those days — 10,000 rows for 3 (PostgreSQL, `year`). The
    // day test on an expression is one no index answers.
    const bool by_customer = filter.kind != Scope::Kind::all && filter.kind != Scope::Kind::tier;
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format(
               "SELECT {} FROM @life_events e JOIN @customers c ON c.id = e.customer_id LEFT JOIN @people "
               "p ON p.id = e.person_id WHERE {} BETWEEN $1::text AND $2::text AND {} ORDER "
               "BY e.happened_on, e.id",
               rows::kEventColumns, by_customer ? "(e.happened_on || '')" : "e.happened_on", where)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id).bind(9, filter_value(filter));
    if (!kinds.empty()) s.bind(4, kinds);
    return rows::all(s, rows::event<Stmt>);
}

template <class Db> Result<int64_t> SqlStore<Db>::add_person(const Person& p) {
    roster_changing();
    KQ_TRY(Stmt s, db_.prepare(by_role("INSERT INTO people (customer_id, name, role, birthday, "
                                       "preferences, family, personality, note, created_at) VALUES ($1, $2, "
                                       "$3, $4, $5, $6, $7, $8, $9) RETURNING id",
                                       "SELECT keqing_api.add_person($1, $2, $3, $4, $5, $6, $7, $8)"),
                               N_("adding a person")));
    bind_fields(s, p);
    s.bind(1, p.customer_id).bind(9, core::now().iso());
    return db_.inserted_id(s);
}

template <class Db> Result<void> SqlStore<Db>::update_person(const Person& p) {
    roster_changing();
    KQ_TRY(Stmt s,
           db_.prepare(by_role("UPDATE people SET name = $2, role = $3, birthday = $4, preferences = $5, "
                               "family = $6, personality = $7, note = $8 WHERE id = $1",
                               "SELECT keqing_api.update_person($1, $2, $3, $4, $5, $6, $7, $8)"),
                       N_("changing a person")));
    bind_fields(s, p);
    return s.bind(1, p.id).run();
}

template <class Db> Result<int64_t> SqlStore<Db>::add_event(const LifeEvent& e) {
    roster_changing();
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO life_events (customer_id, person_id, kind, "
                               "happened_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                               "SELECT keqing_api.add_event($1, $2, $3, $4, $5)"),
                       N_("recording a life event")));
    bind_fields(s, e);
    s.bind(1, e.customer_id).bind(6, core::now().iso());
    return db_.inserted_id(s);
}

template <class Db> Result<void> SqlStore<Db>::update_event(const LifeEvent& e) {
    roster_changing();
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE life_events SET person_id = $2, kind = $3, happened_on = $4, "
                                       "note = $5 WHERE id = $1",
                                       "SELECT keqing_api.update_event($1, $2, $3, $4, $5)"),
                               N_("changing a life event")));
    bind_fields(s, e);
    return s.bind(1, e.id).run();
}

template Result<std::optional<Person>> SqlStore<SqliteDb>::find_person(int64_t id);
template Result<std::vector<Person>> SqlStore<SqliteDb>::list_people(int64_t customer_id, Removed removed);
template Result<std::vector<Person>> SqlStore<SqliteDb>::people_of(const Scope& filter);
template Result<std::vector<Person>> SqlStore<SqliteDb>::birthdays_of(const Scope& filter,
                                                                      const BirthdayMonths* months);
template Result<std::vector<Person>> SqlStore<SqliteDb>::query_people(std::string_view where, int64_t id);
template Result<std::vector<LifeEvent>> SqlStore<SqliteDb>::list_events(core::Date from, core::Date to,
                                                                        int64_t customer_id, Removed removed);
template Result<std::vector<LifeEvent>> SqlStore<SqliteDb>::events_of(core::Date from, core::Date to,
                                                                      const Scope& filter,
                                                                      const std::vector<std::string>& kinds);
template Result<std::vector<LifeEvent>>
SqlStore<SqliteDb>::query_events(std::string_view where, core::Date from, core::Date to, int64_t customer_id,
                                 const Scope& filter, const std::string& kinds);
template Result<int64_t> SqlStore<SqliteDb>::add_person(const Person& p);
template Result<void> SqlStore<SqliteDb>::update_person(const Person& p);
template Result<int64_t> SqlStore<SqliteDb>::add_event(const LifeEvent& e);
template Result<void> SqlStore<SqliteDb>::update_event(const LifeEvent& e);
template Result<std::optional<Person>> SqlStore<PgDb>::find_person(int64_t id);
template Result<std::vector<Person>> SqlStore<PgDb>::list_people(int64_t customer_id, Removed removed);
template Result<std::vector<Person>> SqlStore<PgDb>::people_of(const Scope& filter);
template Result<std::vector<Person>> SqlStore<PgDb>::birthdays_of(const Scope& filter,
                                                                  const BirthdayMonths* months);
template Result<std::vector<Person>> SqlStore<PgDb>::query_people(std::string_view where, int64_t id);
template Result<std::vector<LifeEvent>> SqlStore<PgDb>::list_events(core::Date from, core::Date to,
                                                                    int64_t customer_id, Removed removed);
template Result<std::vector<LifeEvent>> SqlStore<PgDb>::events_of(core::Date from, core::Date to,
                                                                  const Scope& filter,
                                                                  const std::vector<std::string>& kinds);
template Result<std::vector<LifeEvent>> SqlStore<PgDb>::query_events(std::string_view where, core::Date from,
                                                                     core::Date to, int64_t customer_id,
                                                                     const Scope& filter,
                                                                     const std::string& kinds);
template Result<int64_t> SqlStore<PgDb>::add_person(const Person& p);
template Result<void> SqlStore<PgDb>::update_person(const Person& p);
template Result<int64_t> SqlStore<PgDb>::add_event(const LifeEvent& e);
template Result<void> SqlStore<PgDb>::update_event(const LifeEvent& e);

} // namespace keqing::store
