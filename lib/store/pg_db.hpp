// Thin RAII wrappers over libpq: a connection with cached prepared statements taking text parameters, and
// statements whose rows are read in batches through a cursor, so that all SQL runs with bound parameters
// and every error becomes a Result with one line a user can act on.
#pragma once

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "store/dialect.hpp"
#include "store/libpq.hpp"
#include "store/relations.hpp"
#include "store/statement.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::store {

class PgDb;

// A statement with its parameters ($1, $2 … bound by number, as text) and, once run, its rows.
class PgStmt : public StatementBase<PgStmt> {
  public:
    PgStmt(PgDb& db, std::string sql, std::string name, std::string_view doing = N_("running a query"))
        : db_(&db), sql_(std::move(sql)), name_(std::move(name)), doing_(doing) {}
    PgStmt(PgStmt&& other) noexcept;
    ~PgStmt();

    PgStmt& bind_text(int index, std::string_view text);
    PgStmt& bind_text_kept(int index, std::string_view text) { return bind_text(index, text); }
    PgStmt& bind_number(int index, int64_t number);
    PgStmt& bind_null(int index);

    // Runs the statement on the first call; then true with a row, false when done.
    Result<bool> step();
    // Forgets the last run's rows, so that the statement can run again (with new parameters).
    void reset();

    std::string text(int column) const;
    std::string_view view(int column) const;
    int64_t integer(int column) const;
    bool is_null(int column) const;

  private:
    friend class PgDb;
    Result<void> execute();
    Result<void> open_cursor(int count, const Oid* types, const char* const* values);
    Result<void> fetch();
    void finish();

    PgDb* db_;
    std::string sql_;
    std::string name_;   // the prepared statement's name; empty until it runs a second time (PgDb::prepare)
    std::string doing_;  // what running it does, for errors (marked N_, translated when shown)
    std::string cursor_; // the cursor's name while it is open
    std::vector<std::optional<std::string>> params_;
    PGresult* result_ = nullptr;
    int row_ = -1;
    bool streamed_ = false; // read through a cursor (PgDb::stream)
    bool executed_ = false;
    bool exhausted_ = false;
    bool own_transaction_ = false; // a cursor's transaction this statement began
};

// One connection, its prepared statements, whether a transaction is open, and PostgreSQL's dialect of the
// SQL store (store/sql_store.hpp), whose SQL is spelled as PostgreSQL reads it.
class PgDb : public Connection {
  public:
    using Statement = PgStmt;
    ~PgDb();

    // Connects to a postgresql:// URL.
    Result<void> open(const std::string& url);
    // Where this connection's reads take the tables' rows from (store/relations.hpp): the tables for the
    // owner, keqing_api for everyone else. prepare() and stream() resolve @names with it.
    void set_source(Source source) { source_ = source; }
    Source source() const { return source_; }
    // A statement for `sql`, run unnamed the first time and prepared once per connection when it runs
    // again; `doing` names it in errors.
    Result<PgStmt> prepare(std::string_view sql, std::string_view doing = N_("running a query"));
    // The prepared statement's name for `sql`: empty the first time (run it unnamed), prepared the second.
    Result<std::string> prepared_name(const std::string& sql, std::string_view doing);
    // A statement whose rows are fetched in batches through a cursor: for reads of hundreds of thousands
    // of rows; only inside a transaction.
    Result<PgStmt> stream(std::string_view sql);
    // The outermost write transaction.
    Result<void> begin_write() { return exec("BEGIN", N_("starting a transaction")); }
    Result<void> commit_write() { return exec("COMMIT", N_("committing")); }
    Result<void> rollback_write() { return exec("ROLLBACK", N_("rolling back")); }
    // A read-only transaction that sees one snapshot throughout.
    Result<void> begin_read() {
        return exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", N_("starting a read"));
    }
    // Inside a write transaction, makes every other import of the same content (by hash) wait until it ends:
    // an advisory lock for the owner (keqing_api.claim_import takes the same for everyone else).
    Result<void> lock_import(std::string_view hash);

    // The dialect (store/dialect.hpp).
    static constexpr const SqlDialect& kDialect = kPostgresDialect;
    // The id the statement answered (RETURNING id, or a keqing_api function's result).
    Result<int64_t> inserted_id(PgStmt& s);
    // Statements without parameters owed to the server — the session's settings after connecting, the
    // COMMIT that ends a cursor's own read — sent in front of the next request, in its round trip.
    void owe(std::string sql) { owed_.push_back(std::move(sql)); }
    // A cursor its statement is done with, in a transaction that goes on: its CLOSE is owed too (before any
    // COMMIT owed), unless the transaction has failed by the time the next request goes — ending it then
    // closes the cursor, and a CLOSE would fail in its place.
    void owe_close(const std::string& cursor) { closes_.push_back("CLOSE " + cursor); }
    // Whether a COMMIT is owed: the transaction libpq reports open has ended as far as keqing is concerned.
    bool owes_commit() const;
    // A request queued by a PQsend… call, for pipeline().
    using Send = std::function<int(PGconn*)>;
    // Sends what is owed, then the requests, in one round trip (libpq's pipeline mode; what is owed is synced
    // on its own, so that a failing request never undoes it): the requests' results in order, for the
    // caller to clear (one after a failed one answers PGRES_PIPELINE_ABORTED); an error when sending
    // failed or an owed statement did.
    Result<std::vector<PGresult*>> pipeline(const std::vector<Send>& sends, std::string_view doing);
    // Runs SQL text with no parameters (may hold several statements); `doing` names it in errors.
    Result<void> exec(std::string_view sql, std::string_view doing = N_("updating"));
    // The first column of the first row of a query without parameters.
    Result<std::string> value(std::string_view sql, std::string_view doing);
    // An error for a failed command: the server's one-line message and, by its SQLSTATE, what to do.
    Error error(std::string_view doing, const PGresult* result);
    // The SQLSTATE and one-line message of the last failure.
    const std::string& last_state() const { return last_state_; }
    const std::string& last_message() const { return last_message_; }
    PGconn* handle() const { return conn_; }
    // The URL without its password, for messages.
    const std::string& where() const { return where_; }
    std::string url() const { return url_; }
    std::string next_cursor() { return "kq_cursor_" + std::to_string(++cursors_); }

  private:
    // `sql` (simple-query text) after the statements owed, which it then no longer owes.
    std::string with_owed(std::string_view sql);
    // The cursors' CLOSEs owed, put in front of what else is owed — or dropped, in a failed transaction.
    void owe_closes();

    PGconn* conn_ = nullptr;
    std::vector<std::string> owed_;
    std::vector<std::string> closes_;
    std::string url_;
    std::string where_;
    std::map<std::string, std::string, std::less<>> prepared_; // SQL → statement name
    std::set<std::string, std::less<>> ran_once_;              // SQL run once, unnamed
    Source source_ = Source::tables;
    int cursors_ = 0;
    std::string last_state_, last_message_;
};

// True for a postgresql:// or postgres:// URL.
bool is_postgres_url(std::string_view location);

} // namespace keqing::store
