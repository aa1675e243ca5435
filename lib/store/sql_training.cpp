// The SQL store's training records (store/trainings.hpp, schemas/014), written once for SQLite and
// PostgreSQL: on a server every role but the owner adds and removes them through keqing_api, which checks
// the customer, the rep and the attendees itself.
#include "store/pg_db.hpp"

#include "core/i18n.hpp"
#include "store/rows.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

#include <charconv>

namespace keqing::store {
namespace {

// The columns of a training `t` and its customer `c`, as training() reads them.
constexpr std::string_view kTrainingColumns =
    "t.id, t.customer_id, c.code, t.rep_id, t.held_on, t.topic, t.in_person, t.attendees, t.note, "
    "coalesce(t.removed_at, ''), coalesce(t.removed_reason, '')";

// "12,15" → {12, 15}.
std::vector<int64_t> attendee_ids(std::string_view text) {
    std::vector<int64_t> out;
    while (!text.empty()) {
        const size_t comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        int64_t id = 0;
        if (std::from_chars(part.data(), part.data() + part.size(), id).ec == std::errc()) out.push_back(id);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

std::string attendee_text(const std::vector<int64_t>& ids) {
    std::string out;
    for (const int64_t id : ids)
        out += fmt::format("{}{}", out.empty() ? "" : ",", id);
    return out;
}

template <class S> Training training(const S& s) {
    Training t;
    t.id = s.integer(0);
    t.customer_id = s.integer(1);
    t.customer_code = s.text(2);
    t.rep = s.text(3);
    t.day = rows::date(s, 4).value_or(core::Date{});
    t.topic = s.text(5);
    t.in_person = s.integer(6) != 0;
    t.attendees = attendee_ids(s.view(7));
    t.note = s.text(8);
    t.removed_at = s.text(9);
    t.removed_reason = s.text(10);
    return t;
}

} // namespace

template <class Db> Result<int64_t> SqlStore<Db>::add_training(const Training& t) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("INSERT INTO trainings (customer_id, rep_id, held_on, topic, in_person, "
                               "attendees, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                               "RETURNING id",
                               "SELECT keqing_api.add_training($1, $2, $3, $4, $5, $6, $7)"),
                       N_("recording a training")));
    s.bind(1, t.customer_id).bind(2, t.rep).bind(3, t.day.iso()).bind(4, t.topic).bind(5, t.in_person);
    s.bind(6, attendee_text(t.attendees)).bind(7, t.note);
    if (db_.source() != Source::api) s.bind(8, core::now().iso());
    return db_.inserted_id(s);
}

template <class Db>
Result<std::vector<Training>> SqlStore<Db>::query_trainings(std::string_view where,
                                                            const std::function<void(Stmt&)>& bind,
                                                            std::string_view customers) {
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT {} FROM @trainings t JOIN {} ON c.id = "
                                           "t.customer_id WHERE {} ORDER BY t.held_on, t.id",
                                           kTrainingColumns, customers, where),
                               N_("reading trainings")));
    bind(s);
    return rows::all(s, training<Stmt>);
}

template <class Db> Result<std::optional<Training>> SqlStore<Db>::find_training(int64_t id) {
    KQ_TRY(std::vector<Training> found,
           query_trainings("t.id = $1::bigint", [&](Stmt& s) { s.bind(1, id); }));
    if (found.empty()) return std::optional<Training>();
    return std::optional<Training>(std::move(found.front()));
}

template <class Db>
Result<std::vector<Training>> SqlStore<Db>::trainings_of(core::Date from, core::Date to, const Scope& filter,
                                                         Removed removed) {
    KQ_TRY(Customers customers, customers_for(filter));
    const std::string where =
        fmt::format("t.held_on BETWEEN $1::text AND $2::text {} AND {}",
                    removed == Removed::included ? "" : "AND t.removed_at IS NULL", customers.where);
    return query_trainings(
        where,
        [&](Stmt& s) {
            s.bind(1, from.iso()).bind(2, to.iso());
            customers.bind(s);
        },
        customers.relation);
}

template <class Db>
Result<void> SqlStore<Db>::remove_training(int64_t id, const std::string& reason, const std::string& at) {
    KQ_TRY(Stmt s,
           db_.prepare(by_role("UPDATE trainings SET removed_at = $3, removed_reason = $2 WHERE id = $1",
                               "SELECT keqing_api.remove_training($1, $2)"),
                       N_("removing a training")));
    s.bind(1, id).bind(2, reason);
    if (db_.source() != Source::api) s.bind(3, at);
    return s.run();
}

// The members above, for both connection types (the class itself is instantiated in sql_store.cpp).
#define KEQING_TRAINING_MEMBERS(Db)                                                                          \
    template Result<int64_t> SqlStore<Db>::add_training(const Training&);                                    \
    template Result<std::vector<Training>> SqlStore<Db>::query_trainings(                                    \
        std::string_view, const std::function<void(SqlStore<Db>::Stmt&)>&, std::string_view);                \
    template Result<std::optional<Training>> SqlStore<Db>::find_training(int64_t);                           \
    template Result<std::vector<Training>> SqlStore<Db>::trainings_of(core::Date, core::Date, const Scope&,  \
                                                                      Removed);                              \
    template Result<void> SqlStore<Db>::remove_training(int64_t, const std::string&, const std::string&);
KEQING_TRAINING_MEMBERS(SqliteDb)
KEQING_TRAINING_MEMBERS(PgDb)
#undef KEQING_TRAINING_MEMBERS

} // namespace keqing::store
