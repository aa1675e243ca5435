// The SQL store's follow-up items (store/followups.hpp, schemas/009), written once for SQLite and PostgreSQL:
// on a server every role but the owner opens and closes them through keqing_api, which takes the customer,
// owner and days from the contacts themselves.
#include "store/pg_db.hpp"

#include "core/i18n.hpp"
#include "store/rows.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

namespace keqing::store {
namespace {

// The columns of a follow-up `f` and its customer `c`, as followup() reads them.
constexpr std::string_view kFollowUpColumns =
    "f.id, f.customer_id, c.code, c.name, f.kind, f.body, f.rep_id, f.opened_on, f.due_on, f.status, "
    "f.closed_on, f.reason, coalesce(f.opened_by, 0), coalesce(f.closed_by, 0), f.started_on, "
    "coalesce(f.person_id, 0), coalesce(p.name, '')";

template <class S> FollowUp followup(const S& s) {
    FollowUp f;
    f.id = s.integer(0);
    f.customer_id = s.integer(1);
    f.customer_code = s.text(2);
    f.customer_name = s.text(3);
    f.kind = s.text(4);
    f.body = s.text(5);
    f.rep = s.text(6);
    f.opened_on = rows::date(s, 7).value_or(core::Date{});
    f.due_on = rows::date(s, 8).value_or(core::Date{});
    f.status = s.text(9);
    f.closed_on = rows::date(s, 10);
    f.reason = s.text(11);
    f.opened_by = s.integer(12);
    f.closed_by = s.integer(13);
    f.started_on = rows::date(s, 14);
    f.person_id = s.integer(15);
    f.person_name = s.text(16);
    return f;
}

} // namespace

namespace {
template <class S> void bind_followup_ref(S& s, int index, int64_t id) {
    if (id)
        s.bind(index, id);
    else
        s.bind_null(index);
}
std::optional<std::string> followup_day_or_null(const std::optional<core::Date>& day) {
    return day ? std::optional<std::string>(day->iso()) : std::nullopt;
}
} // namespace

template <class Db>
Result<int64_t> SqlStore<Db>::add_followup(int64_t contact_id, core::Date contact_day,
                                           const std::string& kind, const std::string& body,
                                           core::Date due_on, int64_t person_id) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO followups (customer_id, kind, body, rep_id, opened_on, "
                               "due_on, opened_by, created_at, person_id) SELECT customer_id, $2, $3, "
                               "rep_id, happened_on, $4, id, $6, $5 FROM contacts WHERE id = $1 "
                               "RETURNING id",
                               "SELECT keqing_api.add_followup($1, $2, $3, $4, $5, $6)"),
                       N_("opening a follow-up")));
    s.bind(1, contact_id).bind(2, kind).bind(3, body).bind(4, due_on.iso());
    bind_followup_ref(s, 5, person_id);
    s.bind(6, db_.source() == Source::api ? contact_day.iso() : core::now().iso());
    return db_.inserted_id(s);
}

template <class Db> Result<int64_t> SqlStore<Db>::open_followup(const FollowUp& f) {
    KQ_TRY(
        Stmt s,
        db_.prepare(by_role("INSERT INTO followups (customer_id, kind, body, person_id, opened_on, due_on, "
                            "status, started_on, closed_on, reason, rep_id, created_at) SELECT $1, $2, $3, "
                            "$4, $5, $6, $7, $8, $9, $10, a.rep_id, $11 FROM assignments a WHERE "
                            "a.customer_id = $1 AND a.effective_from <= $5 ORDER BY a.effective_from DESC "
                            "LIMIT 1 RETURNING id",
                            "SELECT keqing_api.open_followup($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"),
                    N_("opening a follow-up")));
    s.bind(1, f.customer_id).bind(2, f.kind).bind(3, f.body);
    bind_followup_ref(s, 4, f.person_id);
    s.bind(5, f.opened_on.iso()).bind(6, f.due_on.iso()).bind(7, f.status);
    s.bind(8, followup_day_or_null(f.started_on))
        .bind(9, followup_day_or_null(f.closed_on))
        .bind(10, f.reason);
    if (db_.source() != Source::api) s.bind(11, core::now().iso());
    return db_.inserted_id(s);
}

template <class Db> Result<void> SqlStore<Db>::start_followup(int64_t id, core::Date day) {
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE followups SET status = 'in_progress', started_on = $2 "
                                       "WHERE id = $1",
                                       "SELECT keqing_api.start_followup($1, $2)"),
                               N_("starting a follow-up")));
    s.bind(1, id).bind(2, day.iso());
    return s.run();
}

template <class Db>
Result<void> SqlStore<Db>::close_followup(int64_t id, const std::string& status, const std::string& reason,
                                          core::Date day, int64_t contact_id) {
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE followups SET status = $2, reason = $3, closed_by = $4, "
                                       "closed_on = $5 WHERE id = $1",
                                       "SELECT keqing_api.close_followup($1, $2, $3, $4)"),
                               N_("closing a follow-up")));
    s.bind(1, id).bind(2, status).bind(3, reason).bind(5, day.iso());
    if (contact_id)
        s.bind(4, contact_id);
    else
        s.bind_null(4);
    return s.run();
}

template <class Db>
Result<std::vector<FollowUp>> SqlStore<Db>::query_followups(std::string_view where,
                                                            const std::function<void(Stmt&)>& bind,
                                                            std::string_view customers) {
    // The follow-ups drive the join ("+" keeps SQLite from reaching them through each customer): there are
    // few of them beside the customers, but a database analysed while it had none has statistics only for
    // the customers, and SQLite would then read all 200,000 of them to find none (70 ms in a report).
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format("SELECT {} FROM @followups f JOIN {} ON c.id = "
                                   "+f.customer_id LEFT JOIN @people p ON p.id = f.person_id WHERE {} "
                                   "ORDER BY f.due_on, f.id",
                                   kFollowUpColumns, customers, where),
                       N_("reading follow-ups")));
    bind(s);
    return rows::all(s, followup<Stmt>);
}

template <class Db> Result<std::optional<FollowUp>> SqlStore<Db>::find_followup(int64_t id) {
    KQ_TRY(std::vector<FollowUp> found,
           query_followups("f.id = $1::bigint", [&](Stmt& s) { s.bind(1, id); }));
    if (found.empty()) return std::optional<FollowUp>();
    return std::optional<FollowUp>(std::move(found.front()));
}

template <class Db>
Result<std::vector<FollowUp>> SqlStore<Db>::followups_of(core::Date from, core::Date to,
                                                         const Scope& filter) {
    KQ_TRY(Customers customers, customers_for(filter));
    const std::string where =
        fmt::format("f.opened_on <= $2::text AND (f.closed_on IS NULL OR f.closed_on >= $1::text) AND {}",
                    customers.where);
    return query_followups(
        where,
        [&](Stmt& s) {
            s.bind(1, from.iso()).bind(2, to.iso());
            customers.bind(s);
        },
        customers.relation);
}

template <class Db>
Result<int64_t> SqlStore<Db>::add_followup_step(int64_t id, const std::string& step, const std::string& note,
                                                core::Date day, bool closes) {
    KQ_TRY(Stmt s, db_.prepare(by_role("INSERT INTO followup_steps (followup_id, step, done_on, note, "
                                       "created_at) VALUES ($1, $2, $4, $3, $5) RETURNING id",
                                       "SELECT keqing_api.add_followup_step($1, $2, $3, $4, $5)"),
                               N_("recording a step")));
    s.bind(1, id).bind(2, step).bind(3, note).bind(4, day.iso());
    if (db_.source() == Source::api)
        s.bind(5, closes);
    else
        s.bind(5, core::now().iso());
    KQ_TRY(int64_t step_id, db_.inserted_id(s));
    if (db_.source() == Source::api) return step_id;
    KQ_TRY(Stmt start,
           db_.prepare("UPDATE followups SET status = 'in_progress', started_on = $2 WHERE id = $1 "
                       "AND status = 'open'",
                       N_("starting a follow-up")));
    start.bind(1, id).bind(2, day.iso());
    KQ_CHECK(start.run());
    if (closes) KQ_CHECK(close_followup(id, "done", note, day, 0));
    return step_id;
}

template <class Db> Result<std::vector<FollowUpStep>> SqlStore<Db>::followup_steps(int64_t id) {
    KQ_TRY(Stmt s, db_.prepare("SELECT s.id, s.followup_id, s.step, s.done_on, s.note FROM @followup_steps s "
                               "WHERE $1::bigint = 0 OR s.followup_id = $1::bigint "
                               "ORDER BY s.followup_id, s.done_on, s.id",
                               N_("reading follow-up steps")));
    s.bind(1, id);
    return rows::all(s, [](const Stmt& r) {
        FollowUpStep st;
        st.id = r.integer(0);
        st.followup_id = r.integer(1);
        st.step = r.text(2);
        st.done_on = rows::date(r, 3).value_or(core::Date{});
        st.note = r.text(4);
        return st;
    });
}

// The members above, for both connection types (the class itself is instantiated in sql_store.cpp).
#define KEQING_FOLLOWUP_MEMBERS(Db)                                                                          \
    template Result<int64_t> SqlStore<Db>::add_followup(int64_t, core::Date, const std::string&,             \
                                                        const std::string&, core::Date, int64_t);            \
    template Result<int64_t> SqlStore<Db>::open_followup(const FollowUp&);                                   \
    template Result<void> SqlStore<Db>::start_followup(int64_t, core::Date);                                 \
    template Result<void> SqlStore<Db>::close_followup(int64_t, const std::string&, const std::string&,      \
                                                       core::Date, int64_t);                                 \
    template Result<std::vector<FollowUp>> SqlStore<Db>::query_followups(                                    \
        std::string_view, const std::function<void(SqlStore<Db>::Stmt&)>&, std::string_view);                \
    template Result<std::optional<FollowUp>> SqlStore<Db>::find_followup(int64_t);                           \
    template Result<std::vector<FollowUp>> SqlStore<Db>::followups_of(core::Date, core::Date, const Scope&); \
    template Result<int64_t> SqlStore<Db>::add_followup_step(int64_t, const std::string&,                    \
                                                             const std::string&, core::Date, bool);          \
    template Result<std::vector<FollowUpStep>> SqlStore<Db>::followup_steps(int64_t);
KEQING_FOLLOWUP_MEMBERS(SqliteDb)
KEQING_FOLLOWUP_MEMBERS(PgDb)
#undef KEQING_FOLLOWUP_MEMBERS

} // namespace keqing::store
