// The SQL store's relationship-stage history (schemas/013), written once for SQLite and PostgreSQL, like the
// tier history: on a server every role but the owner writes it through keqing_api.set_stage.
#include "store/pg_db.hpp"
#include "store/rows.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

namespace keqing::store {
namespace {

// A stage from a day on; a second change on the same day replaces the first.
constexpr std::string_view kPutStage =
    "INSERT INTO stage_history (customer_id, stage, effective_from, recorded_at) VALUES ($1, $2, $3, $4) ON "
    "CONFLICT (customer_id, effective_from) DO UPDATE SET stage = excluded.stage, recorded_at = "
    "excluded.recorded_at";

// The stage histories of the customers a filter allows (filter_sql, parameter 9), as kRepHistories.
constexpr std::string_view kStageHistories =
    "SELECT s.stage, s.effective_from, s.recorded_at, s.customer_id FROM @stage_history s "
    "JOIN @customers c ON c.id = s.customer_id WHERE {} ORDER BY s.customer_id, s.effective_from";

} // namespace

template <class Db>
Result<void> SqlStore<Db>::set_stage(int64_t customer_id, const std::string& stage, core::Date from) {
    return put_history(by_role(kPutStage, "SELECT keqing_api.set_stage($1, $2, $3)"), customer_id, stage,
                       from.iso());
}

template <class Db> Result<std::vector<HistoryEntry>> SqlStore<Db>::stage_history(int64_t customer_id) {
    return history("SELECT stage, effective_from, recorded_at FROM @stage_history WHERE customer_id = $1 "
                   "ORDER BY effective_from",
                   customer_id);
}

template <class Db>
Result<std::vector<std::pair<int64_t, HistoryEntry>>> SqlStore<Db>::stage_histories(const Scope& filter) {
    KQ_TRY(Stmt s, db_.stream(fmt::format(kStageHistories, filter_sql(filter))));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::customer_history_entry<Stmt>);
}

// The members above, for both connection types (the class itself is instantiated in sql_store.cpp).
#define KEQING_STAGE_MEMBERS(Db)                                                                             \
    template Result<void> SqlStore<Db>::set_stage(int64_t, const std::string&, core::Date);                  \
    template Result<std::vector<HistoryEntry>> SqlStore<Db>::stage_history(int64_t);                         \
    template Result<std::vector<std::pair<int64_t, HistoryEntry>>> SqlStore<Db>::stage_histories(            \
        const Scope&);
KEQING_STAGE_MEMBERS(SqliteDb)
KEQING_STAGE_MEMBERS(PgDb)
#undef KEQING_STAGE_MEMBERS

} // namespace keqing::store
