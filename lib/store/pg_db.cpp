// libpq connection set-up, prepared statements with text parameters, batched cursors, and the mapping
// of SQLSTATE codes to keqing's exit statuses.
#include "store/pg_db.hpp"

#include <algorithm>
#include <cstdlib>

namespace keqing::store {
namespace {

// Rows fetched per round trip when reading through a cursor.
constexpr int kBatch = 20000;

// The types of $1 … $n as the server is told them: inferred (0) for the parameters `sql` uses, text for
// the numbers it skips (the server cannot infer a type for those).
std::vector<Oid> parameter_types(std::string_view sql) {
    constexpr Oid kText = 25;
    std::vector<Oid> types;
    for (size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] != '$' || i + 1 >= sql.size() || sql[i + 1] < '0' || sql[i + 1] > '9') continue;
        size_t n = 0, j = i + 1;
        while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
            n = n * 10 + static_cast<size_t>(sql[j++] - '0');
        if (types.size() < n) types.resize(n, kText);
        types[n - 1] = 0;
        i = j - 1;
    }
    return types;
}

// The first line of a libpq message, without its "ERROR:  " prefix.
std::string first_line(std::string_view text) {
    text = text.substr(0, text.find('\n'));
    for (std::string_view prefix : {"ERROR:  ", "FATAL:  "})
        if (text.starts_with(prefix)) text.remove_prefix(prefix.size());
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r'))
        text.remove_suffix(1);
    return std::string(text);
}

// `url` with any password taken out.
std::string without_password(const std::string& url) {
    std::string out = url;
    const size_t scheme = out.find("://");
    const size_t at = out.find('@', scheme == std::string::npos ? 0 : scheme + 3);
    if (scheme != std::string::npos && at != std::string::npos) {
        const size_t colon = out.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
    for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 9)) {
        const size_t end = std::min(out.find('&', p), out.size());
        out.replace(p + 9, end - p - 9, "…");
    }
    return out;
}

} // namespace

bool is_postgres_url(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

PgStmt::PgStmt(PgStmt&& other) noexcept
    : db_(other.db_), sql_(std::move(other.sql_)), name_(std::move(other.name_)),
      doing_(std::move(other.doing_)), cursor_(std::move(other.cursor_)), params_(std::move(other.params_)),
      result_(std::exchange(other.result_, nullptr)), row_(other.row_), executed_(other.executed_),
      exhausted_(other.exhausted_), own_transaction_(other.own_transaction_) {
    other.cursor_.clear();
    other.own_transaction_ = false;
}

PgStmt::~PgStmt() {
    finish();
}

void PgStmt::finish() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    if (!cursor_.empty() && db_->handle() && PQtransactionStatus(db_->handle()) == PQTRANS_INTRANS) {
        if (PGresult* r = PQexec(db_->handle(), ("CLOSE " + cursor_).c_str())) PQclear(r);
    }
    if (own_transaction_) (void)db_->exec("COMMIT", "ending a read");
    own_transaction_ = false;
    cursor_.clear();
}

PgStmt& PgStmt::bind(int index, std::string_view text) {
    if (params_.size() < static_cast<size_t>(index)) params_.resize(static_cast<size_t>(index));
    params_[static_cast<size_t>(index - 1)] = std::string(text);
    return *this;
}

PgStmt& PgStmt::bind(int index, int64_t number) {
    return bind(index, std::string_view(std::to_string(number)));
}

PgStmt& PgStmt::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

PgStmt& PgStmt::bind_null(int index) {
    if (params_.size() < static_cast<size_t>(index)) params_.resize(static_cast<size_t>(index));
    params_[static_cast<size_t>(index - 1)].reset();
    return *this;
}

Result<void> PgStmt::execute() {
    // Parameters beyond the last the SQL names are not sent; those not bound are NULL.
    const std::vector<Oid> types = parameter_types(sql_);
    const int count = static_cast<int>(types.size());
    params_.resize(types.size());
    std::vector<const char*> values;
    for (const auto& p : params_)
        values.push_back(p ? p->c_str() : nullptr);
    PGconn* conn = db_->handle();
    if (!name_.empty()) {
        result_ = PQexecPrepared(conn, name_.c_str(), count, values.data(), nullptr, nullptr, 0);
        const auto status = PQresultStatus(result_);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return db_->error(doing_, result_);
        return {};
    }
    // A cursor lives in a transaction: outside one, the statement opens its own and ends it when done.
    if (PQtransactionStatus(conn) == PQTRANS_IDLE) {
        KQ_CHECK(db_->exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a read"));
        own_transaction_ = true;
    }
    cursor_ = db_->next_cursor();
    PGresult* declared = PQexecParams(conn, ("DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql_).c_str(),
                                      count, types.data(), values.data(), nullptr, nullptr, 0);
    const bool ok = PQresultStatus(declared) == PGRES_COMMAND_OK;
    Error failed = ok ? Error{} : db_->error(doing_, declared);
    PQclear(declared);
    if (!ok) {
        cursor_.clear();
        return failed;
    }
    return fetch();
}

Result<void> PgStmt::fetch() {
    if (result_) PQclear(result_);
    result_ = PQexec(db_->handle(), fmt::format("FETCH FORWARD {} FROM {}", kBatch, cursor_).c_str());
    row_ = -1;
    if (PQresultStatus(result_) != PGRES_TUPLES_OK) return db_->error("reading rows", result_);
    return {};
}

Result<bool> PgStmt::step() {
    if (!executed_) {
        executed_ = true;
        KQ_CHECK(execute());
    }
    while (true) {
        if (result_ && row_ + 1 < PQntuples(result_)) {
            ++row_;
            return true;
        }
        if (cursor_.empty() || exhausted_) return false;
        KQ_CHECK(fetch());
        if (PQntuples(result_) == 0) {
            exhausted_ = true;
            return false;
        }
    }
}

void PgStmt::reset() {
    finish();
    row_ = -1;
    executed_ = false;
    exhausted_ = false;
}

Result<void> PgStmt::run() {
    KQ_TRY([[maybe_unused]] bool row, step());
    return {};
}

std::string PgStmt::text(int column) const {
    return std::string(view(column));
}

std::string_view PgStmt::view(int column) const {
    return std::string_view(PQgetvalue(result_, row_, column),
                            static_cast<size_t>(PQgetlength(result_, row_, column)));
}

int64_t PgStmt::integer(int column) const {
    return std::strtoll(PQgetvalue(result_, row_, column), nullptr, 10);
}

bool PgStmt::is_null(int column) const {
    return PQgetisnull(result_, row_, column) != 0;
}

PgDb::~PgDb() {
    if (conn_) PQfinish(conn_);
}

Result<void> PgDb::open(const std::string& url) {
    url_ = url;
    where_ = without_password(url);
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK)
        return db_error(
            "cannot connect to database {}: {}; check --db, KEQING_DB or `db` in the config file, that the "
            "server is running and that this role may log in",
            where_, first_line(PQerrorMessage(conn_)));
    PQsetClientEncoding(conn_, "UTF8");
    KQ_CHECK(exec("SET client_min_messages = warning", "opening"));
    return {};
}

Result<PgStmt> PgDb::prepare(std::string_view sql, std::string_view doing) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
        const std::string name = "kq_" + std::to_string(prepared_.size() + 1);
        const std::vector<Oid> types = parameter_types(sql);
        PGresult* r = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), static_cast<int>(types.size()),
                                types.data());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        Error failed = ok ? Error{} : error("preparing a query", r);
        PQclear(r);
        if (!ok) return failed;
        it = prepared_.emplace(std::string(sql), name).first;
    }
    return PgStmt(*this, it->first, it->second, doing);
}

PgStmt PgDb::stream(std::string_view sql) {
    return PgStmt(*this, std::string(sql), "");
}

Result<void> PgDb::exec(std::string_view sql, std::string_view doing) {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    const auto status = PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    Error failed = ok ? Error{} : error(doing, r);
    PQclear(r);
    if (!ok) return failed;
    return {};
}

Result<std::string> PgDb::value(std::string_view sql, std::string_view doing) {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        Error failed = error(doing, r);
        PQclear(r);
        return failed;
    }
    std::string out = PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return out;
}

Error PgDb::error(std::string_view doing, const PGresult* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    last_state_ = state ? state : "";
    const std::string_view code = last_state_;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string message = primary ? first_line(primary) : first_line(PQerrorMessage(conn_));
    last_message_ = message;
    const char* user = conn_ ? PQuser(conn_) : "";
    if (code == "42501")
        return data_error(
            "database {}: {} refused for role {}: {}; a rep reads and logs only for its own customers, "
            "a manager for its teams', and only an admin changes the roster (docs/TEAMS.md)",
            where_, doing, user, message);
    if (code == "23505")
        return data_error("database {}: {} failed: {}; it exists already", where_, doing, message);
    if (code == "23503" || code == "23502" || code == "22P02")
        return data_error("database {}: {} failed: {}; check the values given", where_, doing, message);
    if (code == "40001" || code == "40P01")
        return db_error("database {}: {} failed: {}; another keqing process changed the same rows, try again",
                        where_, doing, message);
    if (code == "53100")
        return db_error(
            "database {}: {} failed: {}; the server's disk is full, free space and try again (nothing "
            "was written)",
            where_, doing, message);
    if (code.starts_with("08") || !conn_ || PQstatus(conn_) != CONNECTION_OK)
        return db_error("database {}: {} failed: {}; check that the server is running and reachable", where_,
                        doing, message);
    return db_error("database {}: {} failed: {}", where_, doing, message);
}

} // namespace keqing::store
