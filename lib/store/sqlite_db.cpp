// SQLite connection set-up (files created only when asked, 0600 in 0700 folders; WAL, foreign keys,
// busy timeout) and the statement cache.
#include "store/sqlite_db.hpp"

#include "core/files.hpp"
#include "core/huge_blocks.hpp"
#include "core/i18n.hpp"
#include "core/reasons.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace keqing::store {

Stmt::~Stmt() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Stmt& Stmt::bind_text(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind_text_kept(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Stmt& Stmt::bind_number(int index, int64_t number) {
    sqlite3_bind_int64(stmt_, index, number);
    return *this;
}

Stmt& Stmt::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

void Stmt::reset() {
    sqlite3_reset(stmt_); // (its answer repeats the last step's, already reported)
}

Result<bool> Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return db_->error(N_("running a query"));
}

std::string Stmt::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::string_view Stmt::view(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string_view();
}

int64_t Stmt::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
bool Stmt::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

SqliteDb::~SqliteDb() {
    for (auto& [sql, stmt] : cache_)
        sqlite3_finalize(stmt);
    if (db_) sqlite3_close(db_);
}

namespace {

// The page cache's first pages: one region on transparent huge pages, so that a small read (one rep's
// check-quota reads about 600 pages) touches two huge pages instead of faulting in 600 small ones, each
// a trap costing 10-15 us on a virtual machine (issue 23 target 3). Pages beyond it come from malloc.
constexpr size_t kPageCacheBytes = 2 * core::kHugePageBytes;
constexpr int kPageSize = 4096; // the page size keqing's databases have (SQLite's default)

void give_page_cache() {
    int header = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK || header <= 0) return;
    void* region = core::map_huge_pages(kPageCacheBytes); // the kernel backs only what is touched
    if (!region) return;
    const int slot = (kPageSize + header + 7) & ~7;
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, region, slot, static_cast<int>(kPageCacheBytes / slot)) !=
        SQLITE_OK)
        core::unmap_huge_pages(region, kPageCacheBytes);
}

// Process-wide settings, made once before SQLite initialises (sqlite3_config fails after; then SQLite's
// defaults stay). No memory statistics (nothing reads them): with them every allocation of every
// connection takes one process-wide lock, which the two connections of a shared read would contend for.
bool configure_sqlite() {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    give_page_cache();
    return true;
}

} // namespace

Result<void> SqliteDb::connect(const std::string& path, Create create) {
    static const bool configured = configure_sqlite();
    (void)configured;
    path_ = path;
    const std::filesystem::path p(path);
    if (create == Create::no) {
        // Nothing is created for a read: a mistyped --db must not leave folders and an empty database behind.
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
            return db_error(
                "database {} does not exist; create it by adding a rep (roster rep add ID --name NAME, "
                "or roster rep import reps.csv), or check --db / KEQING_DB",
                path);
    } else {
        if (p.has_parent_path()) {
            if (const int failed = core::create_private_folders(p.parent_path()))
                return db_error("cannot create the folder for database {}: {}; check --db or KEQING_DB", path,
                                core::reason(failed));
        }
        // A new database file is made 0600 whatever the umask (set exactly, as the umask may cut bits even
        // from 0600). SQLite creates the -wal and -shm files with the database file's own mode, and fchmods
        // them to it should the umask have cut bits (os_unix.c: findCreateFileMode, robust_open), so they
        // are 0600 too; tests/e2e/test_storage.sh checks all three under umask 000.
        std::error_code ec;
        if (!std::filesystem::exists(p, ec)) {
            const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0 && errno != EEXIST)
                return db_error("cannot create database {}: {}; check --db or KEQING_DB", path,
                                core::reason(errno));
            if (fd >= 0) {
                (void)::fchmod(fd, 0600);
                ::close(fd);
            }
        }
    }
    // One connection per thread (never shared), so SQLite need not lock it on every call. The file exists
    // by now: SQLite is never asked to create one.
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK)
        return error(N_("opening"));
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    return exec("PRAGMA foreign_keys = ON", N_("opening"));
}

Result<void> SqliteDb::configure(Memory memory) {
    // The first read of a non-database file fails here, with SQLite's "file is not a database". Switching
    // a new file to WAL needs an exclusive lock, which SQLite reports busy at once while another process
    // opens the same new file: hence the retries.
    KQ_CHECK(exec_retrying("PRAGMA journal_mode = WAL", N_("opening")));
    KQ_CHECK(exec("PRAGMA synchronous = NORMAL", N_("opening")));
    // No memory map: its touched pages count in the process's resident memory (up to 128 MB more per run at
    // 200,000 customers, issue 23), and reading through the page cache measured no slower.
    if (memory == Memory::full) {
        KQ_CHECK(exec("PRAGMA mmap_size = 0", N_("opening")));
        KQ_CHECK(exec("PRAGMA cache_size = -16384", N_("opening")));
    } else {
        KQ_CHECK(exec("PRAGMA cache_size = -4096", N_("opening")));
    }
    return {};
}

Result<void> SqliteDb::open(const std::string& path, Memory memory) {
    KQ_CHECK(connect(path, Create::no));
    return configure(memory);
}

namespace {

constexpr std::string_view kReturningId = " RETURNING id";

// SQLite's own texts of the failures a person meets (sqlite3_errstr's), marked for the catalog; any other
// message of SQLite's is shown as it is.
constexpr const char* kSqliteTexts[] = {
    N_("unable to open database file"),
    N_("database is locked"),
    N_("attempt to write a readonly database"),
    N_("database or disk is full"),
    N_("disk I/O error"),
    N_("file is not a database"),
    N_("database disk image is malformed"),
    N_("cannot open"),
};

// SQLite's message in the reader's language when it is one of kSqliteTexts.
std::string sqlite_text(const char* message) {
    for (const char* known : kSqliteTexts)
        if (std::string_view(known) == message) return core::tr(known);
    return message;
}

// `text` in SQLite's spelling: @names resolved to tables, $N read as ?N, ::type casts and a final
// RETURNING id dropped (inserted_id reads the id); quoted text is kept as it is.
std::string sqlite_spelling(std::string_view text) {
    if (text.ends_with(kReturningId)) text.remove_suffix(kReturningId.size());
    const std::string sql = resolve_relations(text, Source::tables);
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::string out;
    out.reserve(sql.size());
    bool quoted = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') quoted = !quoted;
        if (quoted) {
            out += c;
        } else if (c == '$' && i + 1 < sql.size() && digit(sql[i + 1])) {
            out += '?';
        } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
            i += 2;
            while (i < sql.size() && core::is_identifier_char(sql[i]))
                ++i;
            if (sql.compare(i, 2, "[]") == 0) i += 2;
            --i;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

Result<Stmt> SqliteDb::prepare(std::string_view text, std::string_view /*doing*/) {
    if (auto it = cache_.find(text); it != cache_.end()) return Stmt(*this, it->second);
    const std::string sql = sqlite_spelling(text);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
        return error(N_("preparing a query"));
    cache_.emplace(std::string(text), stmt);
    return Stmt(*this, stmt);
}

Result<int64_t> SqliteDb::inserted_id(Stmt& s) {
    KQ_CHECK(s.run());
    return sqlite3_changes(db_) > 0 ? static_cast<int64_t>(sqlite3_last_insert_rowid(db_)) : 0;
}

Result<void> SqliteDb::begin_read() {
    if (auto r = exec("BEGIN; SELECT count(*) FROM sqlite_schema", N_("starting a read")); !r) {
        (void)exec("ROLLBACK", N_("ending a read"));
        return r;
    }
    return {};
}

Result<void> SqliteDb::begin_write() {
    if (relax_next_) {
        relax_next_ = false;
        KQ_CHECK(exec("PRAGMA foreign_keys = OFF", N_("starting a transaction")));
        relaxed_ = true;
    }
    if (auto begun = exec_retrying("BEGIN IMMEDIATE", N_("starting a transaction")); !begun) {
        (void)enforce_again();
        return begun;
    }
    return {};
}

Result<void> SqliteDb::commit_write() {
    KQ_CHECK(exec_retrying("COMMIT", N_("committing"))); // (a failed COMMIT is rolled back next)
    return enforce_again();
}

Result<void> SqliteDb::rollback_write() {
    auto undone = exec("ROLLBACK", N_("rolling back"));
    auto enforced = enforce_again();
    return undone ? enforced : undone;
}

Result<void> SqliteDb::enforce_again() {
    if (!relaxed_) return {};
    relaxed_ = false;
    return exec("PRAGMA foreign_keys = ON", N_("committing"));
}

Result<void> SqliteDb::exec(std::string_view sql, std::string_view doing) {
    char* message = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message);
        return error(doing);
    }
    return {};
}

bool SqliteDb::try_exec(std::string_view sql) {
    sqlite3_busy_timeout(db_, 0);
    const bool ok = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    return ok;
}

Result<void> SqliteDb::exec_retrying(std::string_view sql, std::string_view doing) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(kLockWaitMs);
    std::minstd_rand jitter(static_cast<unsigned>(::getpid()) ^
                            static_cast<unsigned>(clock::now().time_since_epoch().count()));
    int pause_ms = 1;
    while (true) {
        const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) return {};
        if ((rc & 0xff) != SQLITE_BUSY || clock::now() >= deadline) return error(doing);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(pause_ms + static_cast<int>(jitter() % (pause_ms + 1))));
        pause_ms = std::min(pause_ms * 2, 100);
    }
}

Error SqliteDb::error(std::string_view doing) const {
    const int code = db_ ? sqlite3_extended_errcode(db_) : SQLITE_CANTOPEN;
    const char* message = db_ ? sqlite3_errmsg(db_) : "cannot open";
    const int system_errno = db_ ? sqlite3_system_errno(db_) : 0;
    const char* hint = N_("check --db or KEQING_DB");
    if ((code & 0xff) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT)
        hint = N_("the disk is full; free space and try again (nothing was written)");
    else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        hint = N_("another keqing process holds the database; try again");
    else if ((code & 0xff) == SQLITE_READONLY)
        hint = N_("the database file or its folder is read-only; make both writable, or point --db elsewhere "
                  "(nothing was written)");
    else if ((code & 0xff) == SQLITE_CANTOPEN)
        hint =
            N_("cannot open the file or create its -wal / -shm files beside it; check that the folder exists "
               "and is writable (--db or KEQING_DB)");
    else if ((code & 0xff) == SQLITE_IOERR)
        hint = N_("reading or writing the file failed; check the disk and the file, then try again");
    else if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT)
        hint = N_(
            "the file is not a keqing database or is damaged; check --db or KEQING_DB, or restore the file "
            "from a backup");
    return db_error("database {}: {} failed: {}; {}", path_, core::tr_text(doing), sqlite_text(message),
                    core::tr(hint));
}

} // namespace keqing::store
