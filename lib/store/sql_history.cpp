// The SQL store's history reads and removals (issue 20), written once for SQLite and PostgreSQL: the contacts
// a history asks for, streamed; the contact a rep logged last (what log-visit --undo voids); people and life
// events removed with a reason (schemas/011) — on a server, for every role but the owner, through keqing_api.
#include "store/pg_db.hpp"

#include "core/i18n.hpp"
#include "store/rows.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

namespace keqing::store {
namespace {

// The filters of a history read: the days $1..$2 (and their months $9..$10, which the contacts_month index
// narrows by), customer $3, rep $4, team $5, channel $6, occasion $7 (a tag, or the kind before its colon:
// `event` for event:12), voided ones unless $8 is 0.
constexpr std::string_view kHistoryWhere =
    "substr(k.happened_on, 1, 7) BETWEEN $9::text AND $10::text AND k.happened_on BETWEEN $1::text AND "
    "$2::text AND ($3::bigint = 0 OR k.customer_id = $3::bigint) AND ($4::text = '' OR k.rep_id = $4::text) "
    "AND ($5::text = '' OR k.rep_id IN (SELECT id FROM @reps WHERE team = $5::text)) AND ($6::text = '' OR "
    "k.channel = $6::text) AND ($7::text = '' OR k.occasion = $7::text OR substr(k.occasion, 1, "
    "length($7::text) "
    "+ 1) = $7::text || ':') AND ($8::integer = 1 OR k.voided_at IS NULL) ORDER BY k.happened_on, "
    "k.happened_at, "
    "k.id";

} // namespace

template <class Db>
Result<void> SqlStore<Db>::each_contact(const ContactQuery& q,
                                        const std::function<Result<void>(const Contact&)>& visit) {
    KQ_CHECK(begin_read());   // a cursor (PostgreSQL) lives in a transaction
    const EndRead end{*this}; // however the pass ends
    KQ_TRY(Stmt s, db_.stream(select_contacts(kHistoryWhere)));
    s.bind(1, q.from.iso())
        .bind(2, q.to.iso())
        .bind(3, q.customer_id)
        .bind(4, q.rep)
        .bind(5, q.team)
        .bind(6, q.channel)
        .bind(7, q.occasion)
        .bind(8, int64_t{q.voided ? 1 : 0})
        .bind(9, core::Month::of(q.from).iso())
        .bind(10, core::Month::of(q.to).iso());
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) return {};
        KQ_CHECK(visit(rows::contact(s)));
    }
}

template <class Db>
Result<std::optional<Contact>> SqlStore<Db>::last_logged(const std::string& rep, const std::string& since) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.rep_id = $3::text AND k.logged_at >= $4::text AND "
                                               "k.voided_at IS NULL") +
                               " ORDER BY k.id DESC LIMIT 1"));
    s.bind(1, std::string("0001-01-01")).bind(2, std::string("9999-12-31")).bind(3, rep).bind(4, since);
    KQ_TRY(std::vector<Contact> found, rows::all(s, rows::contact<Stmt>));
    if (found.empty()) return std::optional<Contact>();
    return std::optional<Contact>(std::move(found.front()));
}

template <class Db>
Result<void> SqlStore<Db>::remove_person(int64_t id, const std::string& reason, const std::string& at) {
    roster_changing();
    KQ_TRY(Stmt s, db_.prepare(by_role("UPDATE people SET removed_at = $3, removed_reason = $2 WHERE id = $1",
                                       "SELECT keqing_api.remove_person($1, $2)"),
                               N_("removing a person")));
    return s.bind(1, id).bind(2, reason).bind(3, at).run();
}

template <class Db> Result<std::optional<LifeEvent>> SqlStore<Db>::find_event(int64_t id) {
    KQ_TRY(std::vector<LifeEvent> found, query_events("e.id = $3::bigint", core::Date::from_ymd(1, 1, 1),
                                                      core::Date::from_ymd(9999, 12, 31), id, {}));
    if (found.empty()) return std::optional<LifeEvent>();
    return std::optional<LifeEvent>(std::move(found.front()));
}

template <class Db>
Result<void> SqlStore<Db>::remove_event(int64_t id, const std::string& reason, const std::string& at) {
    roster_changing();
    KQ_TRY(Stmt s,
           db_.prepare(by_role("UPDATE life_events SET removed_at = $3, removed_reason = $2 WHERE id = $1",
                               "SELECT keqing_api.remove_event($1, $2)"),
                       N_("removing a life event")));
    return s.bind(1, id).bind(2, reason).bind(3, at).run();
}

#define KEQING_HISTORY_MEMBERS(Db)                                                                           \
    template Result<void> SqlStore<Db>::each_contact(const ContactQuery&,                                    \
                                                     const std::function<Result<void>(const Contact&)>&);    \
    template Result<std::optional<Contact>> SqlStore<Db>::last_logged(const std::string&,                    \
                                                                      const std::string&);                   \
    template Result<void> SqlStore<Db>::remove_person(int64_t, const std::string&, const std::string&);      \
    template Result<std::optional<LifeEvent>> SqlStore<Db>::find_event(int64_t);                             \
    template Result<void> SqlStore<Db>::remove_event(int64_t, const std::string&, const std::string&);
KEQING_HISTORY_MEMBERS(SqliteDb)
KEQING_HISTORY_MEMBERS(PgDb)
#undef KEQING_HISTORY_MEMBERS

} // namespace keqing::store
