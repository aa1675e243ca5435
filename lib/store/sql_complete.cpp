// The SQL store's completion reads (RosterStore::complete): customer codes, rep ids and team names that
// start with what a shell has typed, as a range of the column's index with a LIMIT, on both backends.
#include "store/pg_db.hpp"

#include "core/i18n.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <fmt/core.h>

namespace keqing::store {
namespace {

// The first text after every text that starts with `prefix`, in byte order: the prefix with its last
// character raised by one when it is ASCII, else followed by U+10FFFF (the highest character). The exact
// prefix test in the query keeps the result right wherever a collation orders otherwise.
std::string past_prefix(const std::string& prefix) {
    if (!prefix.empty() && static_cast<unsigned char>(prefix.back()) < 0x7e) {
        std::string upper = prefix;
        ++upper.back();
        return upper;
    }
    return prefix + "\xf4\x8f\xbf\xbf";
}

} // namespace

template <class Db>
Result<std::vector<std::string>> SqlStore<Db>::complete(Completable what, const std::string& prefix,
                                                        int limit) {
    // table and column: `code` and `id` are unique (indexed); teams are few, read from the reps
    const auto [table, column] = what == Completable::customer_code ? std::pair{"@customers", "code"}
                                 : what == Completable::rep_id      ? std::pair{"@reps", "id"}
                                                                    : std::pair{"@reps", "team"};
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT DISTINCT {1} FROM {0} WHERE {1} >= $1::text AND {1} < "
                                           "$2::text AND substr({1}, 1, length($1::text)) = $1::text "
                                           "AND {1} <> '' ORDER BY {1} LIMIT $3::integer",
                                           table, column),
                               N_("completing")));
    s.bind(1, prefix).bind(2, past_prefix(prefix)).bind(3, static_cast<int64_t>(limit));
    std::vector<std::string> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(s.text(0));
    }
    return out;
}

template Result<std::vector<std::string>> SqlStore<SqliteDb>::complete(Completable, const std::string&, int);
template Result<std::vector<std::string>> SqlStore<PgDb>::complete(Completable, const std::string&, int);

} // namespace keqing::store
