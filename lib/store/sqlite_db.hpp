// Thin RAII wrappers over the SQLite C API: a connection and cached prepared statements with typed
// binding, so that all SQL runs as prepared statements and errors become Results.
#pragma once

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "store/dialect.hpp"
#include "store/relations.hpp"
#include "store/statement.hpp"
#include "store/types.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keqing::store {

class SqliteDb;

// A prepared statement borrowed from the connection's cache; reset and unbound when it goes away.
class Stmt : public StatementBase<Stmt> {
  public:
    Stmt(SqliteDb& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
    Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}
    ~Stmt();

    Stmt& bind_text(int index, std::string_view text);
    Stmt& bind_text_kept(int index, std::string_view text); // (SQLITE_STATIC: see bind_kept)
    Stmt& bind_number(int index, int64_t number);
    Stmt& bind_null(int index);

    // Advances: true with a row, false when done.
    Result<bool> step();
    // Back to before the first step, to be bound and run again (what it had bound stays bound).
    void reset();

    std::string text(int column) const;
    // The column's text without a copy, valid until the next step.
    std::string_view view(int column) const;
    int64_t integer(int column) const;
    bool is_null(int column) const;

  private:
    SqliteDb* db_;
    sqlite3_stmt* stmt_;
};

// How long one statement may wait in all for another process's lock before "database is locked".
inline constexpr int kLockWaitMs = 30000;
// SQLite's own wait for a lock within one call.
inline constexpr int kBusyTimeoutMs = 10000;

// One connection with a statement cache keyed by SQL text, and SQLite's dialect of the SQL store
// (store/sql_store.hpp), whose SQL is spelled as PostgreSQL reads it: prepare() reads $N as ?N, drops
// ::type casts and a one-row insert's RETURNING id, and names the tables for @names (store/relations.hpp).
class SqliteDb : public Connection {
  public:
    using Statement = Stmt;
    ~SqliteDb();

    // How much memory a connection may use to read: a 16 MB page cache, or (a helper connection beside the
    // main one) 4 MB. Neither maps the file: mapped pages would count in the process's peak RSS.
    enum class Memory { full, small };
    // Opens the file — creating it (mode 0600) and its folders (0700) only with Create::yes; a missing file
    // is otherwise an error saying how to create one — with foreign keys and a busy timeout. Writes nothing
    // into the file: the caller may look at it before configure().
    Result<void> connect(const std::string& path, Create create);
    // Switches the file to WAL (written into its header) and sets the memory limits.
    Result<void> configure(Memory memory);
    // connect() to a file that exists, then configure().
    Result<void> open(const std::string& path, Memory memory = Memory::full);
    // A cached prepared statement for `sql` (in either spelling); `doing` is PostgreSQL's alone.
    Result<Stmt> prepare(std::string_view sql, std::string_view doing = {});
    // A large read: on SQLite, any prepared statement steps through its rows as it goes.
    Result<Stmt> stream(std::string_view sql) { return prepare(sql); }
    // The outermost write transaction: BEGIN IMMEDIATE (and COMMIT), retried while another process holds
    // the lock.
    // After relax_foreign_keys(), that next transaction runs without SQLite's foreign-key lookups (turned
    // off before it begins: the PRAGMA does nothing inside one), turned on again however it ends.
    Result<void> begin_write();
    Result<void> commit_write();
    Result<void> rollback_write();
    void relax_foreign_keys() { relax_next_ = true; }
    // A read transaction whose snapshot (in WAL mode) is taken at once, by a first read.
    Result<void> begin_read();
    // The write transaction already keeps every other import waiting.
    Result<void> lock_import(std::string_view /*hash*/) { return {}; }

    // The dialect (store/dialect.hpp). Reads name the tables themselves.
    static constexpr Source source() { return Source::tables; }
    static constexpr const SqlDialect& kDialect = kSqliteDialect;
    // The id a one-row INSERT stored (prepare() drops its RETURNING id: RETURNING costs SQLite 4× the
    // insert): 0 when it stored nothing (ON CONFLICT DO NOTHING).
    Result<int64_t> inserted_id(Stmt& s);
    // Runs SQL text with no parameters (migrations, PRAGMAs, BEGIN/COMMIT); `doing` names it in errors.
    Result<void> exec(std::string_view sql, std::string_view doing = N_("updating"));
    // Runs SQL that takes effect whole or not at all (BEGIN IMMEDIATE, COMMIT, the journal-mode PRAGMA),
    // retrying with growing, jittered pauses while SQLite reports the database busy — also where it does
    // so without waiting out the busy timeout — for up to kLockWaitMs in all.
    Result<void> exec_retrying(std::string_view sql, std::string_view doing);
    // Runs SQL once without waiting for another process's lock: true when it succeeded.
    bool try_exec(std::string_view sql);
    // An error naming the database path and SQLite's message.
    Error error(std::string_view doing) const;
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
    std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
    bool relax_next_ = false; // relax_foreign_keys() was called: the next begin_write() turns them off
    bool relaxed_ = false;    // the running write transaction began with them off
    // Turns foreign keys on again after a relaxed transaction.
    Result<void> enforce_again();
};

} // namespace keqing::store
