// libpq connection set-up, prepared statements with text parameters, batched cursors, and the mapping
// of SQLSTATE codes to keqing's exit statuses.
#include "store/pg_db.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cstdlib>

namespace keqing::store {

using libpq::pq;
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

// A connection URL as libpq parsed it: the options to show, in libpq's order, and the secret values.
struct Conninfo {
    std::vector<std::pair<std::string, std::string>> shown; // keyword, value
    std::vector<std::string> secrets;                       // non-empty values never to be printed

    std::string value(std::string_view keyword) const {
        for (const auto& [k, v] : shown)
            if (k == keyword) return v;
        return "";
    }
};

// True for an option whose value is a secret: password, sslpassword, any keyword naming a password, and
// whatever libpq itself hides ('*').
bool is_secret(const PQconninfoOption& option) {
    return std::string_view(option.keyword).find("password") != std::string_view::npos ||
           (option.dispchar && std::string_view(option.dispchar).find('*') != std::string_view::npos);
}

// `text` percent-encoded except RFC 3986's unreserved characters and those in `keep`, so that it reads
// back as itself in a URL.
std::string encoded(std::string_view text, std::string_view keep = "") {
    std::string out;
    for (const char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '.' || c == '_' || c == '~' ||
                           keep.find(c) != std::string_view::npos;
        if (plain)
            out += c;
        else
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// Why libpq could not parse a URL, in libpq's own words only. Its messages quote the offending part of
// the URL (`invalid percent-encoded token: "se%zzret"`, or the whole URL), and that part may itself hold
// quotes or line breaks, so nothing from the first quote on is kept: the words before it are always
// libpq's. The few messages whose first quote is libpq's own are completed here. keqing never calls
// setlocale, so libpq writes English; should a translation use other quotes, its non-ASCII text is
// dropped rather than risk showing the URL.
std::string parse_failure(std::string_view message) {
    std::string_view words = message.substr(0, message.find_first_of("\"'\n"));
    while (!words.empty() && (words.back() == ' ' || words.back() == ':' || words.back() == '\r'))
        words.remove_suffix(1);
    static constexpr std::pair<std::string_view, std::string_view> kCompleted[] = {
        {"end of string reached when looking for matching",
         "unterminated IPv6 host address (a '[' without its ']')"},
        {"extra key/value separator", "extra key/value separator '=' in a query parameter"},
        {"missing key/value separator", "missing key/value separator '=' in a query parameter"},
        {"unexpected character", "unexpected character in the URL"},
    };
    for (const auto& [start, completed] : kCompleted)
        if (words == start) return std::string(completed);
    if (words.empty() || std::any_of(words.begin(), words.end(), [](char c) { return c < ' ' || c > '~'; }))
        return "libpq cannot parse it";
    return std::string(words);
}

// The error for a URL that cannot be used as written: names where URLs come from, never the URL itself.
Error malformed_url(std::string_view reason) {
    return db_error(
        "database URL given by --db, KEQING_DB or `db` in the config file is malformed: {}; write it "
        "as postgresql://USER@HOST:PORT/DBNAME and keep the password in ~/.pgpass",
        reason);
}

// `url` parsed by libpq (no connection made), or an error that shows nothing of its text.
Result<Conninfo> parse_url(const std::string& url) {
    KQ_CHECK(libpq::load());
    char* message = nullptr;
    PQconninfoOption* options = pq().PQconninfoParse(url.c_str(), &message);
    if (!options) {
        const std::string reason = message ? parse_failure(message) : "out of memory";
        pq().PQfreemem(message);
        return malformed_url(reason);
    }
    Conninfo parsed;
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val) continue;
        if (!is_secret(*o))
            parsed.shown.emplace_back(o->keyword, o->val);
        else if (*o->val)
            parsed.secrets.emplace_back(o->val);
    }
    pq().PQconninfoFree(options);
    // libpq ends the user name and password at the first '@' (or at a '/' before any '@'), so a password
    // holding an unencoded '@' or '/' spills into the host, port or database name, which messages show.
    // None of those holds an '@' in a URL written as it should be (%40).
    for (const char* keyword : {"host", "hostaddr", "port", "dbname"})
        if (parsed.value(keyword).find('@') != std::string::npos)
            return malformed_url(
                "an '@' in the host, port or database name, as when a password holds an '@' or "
                "'/' (write those as %40 and %2F)");
    return parsed;
}

// The URL rebuilt from its parsed options for messages, so that no secret and nothing libpq ignored can
// show: postgresql://USER@HOST:PORT,…/DBNAME?OPTION=VALUE&…. A socket folder as host reads %2Ftmp%2Fpg.
std::string display_url(const Conninfo& c) {
    const std::string host = c.value("host"), hostaddr = c.value("hostaddr"), port = c.value("port");
    const std::string& hosts = host.empty() ? hostaddr : host;
    const std::vector<std::string_view> names = split(hosts, ','), ports = split(port, ',');
    // libpq gives one port to every host, or one per host; other counts stay options for libpq to refuse.
    const bool ports_fit = ports.size() == 1 || ports.size() == names.size();
    std::string out = "postgresql://";
    if (const std::string user = c.value("user"); !user.empty()) out += encoded(user) + "@";
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ',';
        const std::string_view name = names[i];
        out += name.find(':') != std::string_view::npos ? "[" + encoded(name, ":") + "]" : encoded(name);
        const std::string_view name_port = ports.size() == 1 ? ports[0] : ports_fit ? ports[i] : "";
        if (!name_port.empty()) out += ":" + encoded(name_port);
    }
    if (const std::string dbname = c.value("dbname"); !dbname.empty()) out += "/" + encoded(dbname);
    char separator = '?';
    for (const auto& [keyword, value] : c.shown) {
        const bool in_authority = keyword == "user" || keyword == "dbname" ||
                                  (keyword == "port" && ports_fit) ||
                                  keyword == (host.empty() ? "hostaddr" : "host");
        if (in_authority) continue;
        out += separator + encoded(keyword) + "=" + encoded(value);
        separator = '&';
    }
    return out;
}

// `text` with every occurrence of each secret replaced by "…".
std::string scrubbed(std::string text, const std::vector<std::string>& secrets) {
    constexpr std::string_view kHidden = "…";
    for (const std::string& secret : secrets) {
        if (secret.empty()) continue;
        for (size_t p = text.find(secret); p != std::string::npos; p = text.find(secret, p + kHidden.size()))
            text.replace(p, secret.size(), kHidden);
    }
    return text;
}

} // namespace

bool is_postgres_url(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

PgStmt::PgStmt(PgStmt&& other) noexcept
    : db_(other.db_), sql_(std::move(other.sql_)), name_(std::move(other.name_)),
      doing_(std::move(other.doing_)), cursor_(std::move(other.cursor_)), params_(std::move(other.params_)),
      result_(std::exchange(other.result_, nullptr)), row_(other.row_), streamed_(other.streamed_),
      executed_(other.executed_), exhausted_(other.exhausted_), own_transaction_(other.own_transaction_) {
    other.cursor_.clear();
    other.own_transaction_ = false;
}

PgStmt::~PgStmt() {
    finish();
}

void PgStmt::finish() {
    if (result_) pq().PQclear(result_);
    result_ = nullptr;
    // The statement's own read transaction closes its cursor as it ends: no CLOSE then. Its COMMIT, or the
    // CLOSE of a cursor in a transaction that goes on, goes with the next request, in that request's round
    // trip (one round trip for a read that fits in one batch, as a plain query).
    if (!cursor_.empty() && !own_transaction_ && db_->handle() && !db_->owes_commit() &&
        pq().PQtransactionStatus(db_->handle()) == PQTRANS_INTRANS)
        db_->owe_close(cursor_);
    if (own_transaction_) db_->owe("COMMIT");
    own_transaction_ = false;
    cursor_.clear();
}

PgStmt& PgStmt::bind_text(int index, std::string_view text) {
    if (params_.size() < static_cast<size_t>(index)) params_.resize(static_cast<size_t>(index));
    params_[static_cast<size_t>(index - 1)] = std::string(text);
    return *this;
}

PgStmt& PgStmt::bind_number(int index, int64_t number) {
    return bind_text(index, std::to_string(number));
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
    if (streamed_) return open_cursor(count, types.data(), values.data());
    if (name_.empty()) {
        KQ_TRY(name_, db_->prepared_name(sql_, doing_));
    }
    KQ_TRY(std::vector<PGresult*> results,
           db_->pipeline({[&](PGconn* conn) {
                             return name_.empty()
                                        ? pq().PQsendQueryParams(conn, sql_.c_str(), count, types.data(),
                                                                 values.data(), nullptr, nullptr, 0)
                                        : pq().PQsendQueryPrepared(conn, name_.c_str(), count, values.data(),
                                                                   nullptr, nullptr, 0);
                         }},
                         doing_));
    result_ = results.front();
    const auto status = pq().PQresultStatus(result_);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return db_->error(doing_, result_);
    return {};
}

// A cursor lives in a transaction: outside one, the statement opens its own, which finish() ends. The
// BEGIN, the DECLARE and the first FETCH go in one round trip: a read that fits in one batch (most reads
// of one rep's customers) costs one round trip, as a plain query would, and a large one stays in batches.
Result<void> PgStmt::open_cursor(int count, const Oid* types, const char* const* values) {
    const bool own = db_->owes_commit() || pq().PQtransactionStatus(db_->handle()) == PQTRANS_IDLE;
    cursor_ = db_->next_cursor();
    const std::string declare = "DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql_;
    const std::string batch = fmt::format("FETCH FORWARD {} FROM {}", kBatch, cursor_);
    const auto text = [](const std::string& sql) {
        return [&sql](PGconn* conn) {
            return pq().PQsendQueryParams(conn, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0);
        };
    };
    static const std::string kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    std::vector<PgDb::Send> sends;
    if (own) sends.push_back(text(kBeginRead));
    sends.push_back([&](PGconn* conn) {
        return pq().PQsendQueryParams(conn, declare.c_str(), count, types, values, nullptr, nullptr, 0);
    });
    sends.push_back(text(batch));
    own_transaction_ = own; // finish() ends the transaction, whatever came of the read
    auto results = db_->pipeline(sends, doing_);
    if (!results) {
        cursor_.clear();
        return std::move(results).error();
    }
    // The first failure is the one to report (the requests after it were not run).
    Error failed;
    bool ok = true;
    for (size_t i = 0; i < results->size(); ++i) {
        PGresult* r = (*results)[i];
        const bool last = i + 1 == results->size();
        if (ok && pq().PQresultStatus(r) != (last ? PGRES_TUPLES_OK : PGRES_COMMAND_OK)) {
            ok = false;
            failed = db_->error(last ? std::string_view(N_("reading rows")) : std::string_view(doing_), r);
        }
        if (last && ok)
            result_ = r;
        else
            pq().PQclear(r);
    }
    if (!ok) {
        cursor_.clear();
        return failed;
    }
    row_ = -1;
    // A short batch is the last: no FETCH that would only say so.
    if (pq().PQntuples(result_) < kBatch) exhausted_ = true;
    return {};
}

Result<void> PgStmt::fetch() {
    if (result_) pq().PQclear(result_);
    result_ = pq().PQexec(db_->handle(), fmt::format("FETCH FORWARD {} FROM {}", kBatch, cursor_).c_str());
    row_ = -1;
    if (pq().PQresultStatus(result_) != PGRES_TUPLES_OK) return db_->error(N_("reading rows"), result_);
    // A short batch is the last: no FETCH that would only say so.
    if (pq().PQntuples(result_) < kBatch) exhausted_ = true;
    return {};
}

Result<bool> PgStmt::step() {
    if (!executed_) {
        executed_ = true;
        KQ_CHECK(execute());
    }
    while (true) {
        if (result_ && row_ + 1 < pq().PQntuples(result_)) {
            ++row_;
            return true;
        }
        if (cursor_.empty() || exhausted_) return false;
        KQ_CHECK(fetch());
        if (pq().PQntuples(result_) == 0) {
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

std::string PgStmt::text(int column) const {
    return std::string(view(column));
}

std::string_view PgStmt::view(int column) const {
    return std::string_view(pq().PQgetvalue(result_, row_, column),
                            static_cast<size_t>(pq().PQgetlength(result_, row_, column)));
}

int64_t PgStmt::integer(int column) const {
    return std::strtoll(pq().PQgetvalue(result_, row_, column), nullptr, 10);
}

bool PgStmt::is_null(int column) const {
    return pq().PQgetisnull(result_, row_, column) != 0;
}

PgDb::~PgDb() {
    if (!conn_) return;
    // A COMMIT still owed goes out with the goodbye, unanswered: the last read ends as committed, not as
    // rolled back by a vanished client.
    if (owes_commit()) (void)pq().PQsendQuery(conn_, with_owed("").c_str());
    pq().PQfinish(conn_);
}

Result<void> PgDb::open(const std::string& url) {
    // The URL is parsed before anything else so that no message ever carries its text: a URL libpq cannot
    // parse is refused with libpq's reason alone, and every later message names the database by the
    // URL rebuilt from the parsed options, without the password.
    url_ = url;
    where_ = "postgresql://…";
    KQ_TRY(Conninfo parsed, parse_url(url));
    where_ = display_url(parsed);
    conn_ = pq().PQconnectdb(url.c_str());
    if (pq().PQstatus(conn_) != CONNECTION_OK) {
        // libpq's connection messages name hosts, not passwords; scrubbed all the same, of the URL should
        // libpq ever echo it, of the password it parsed, and of one taken from PGPASSWORD or ~/.pgpass.
        std::vector<std::string> secrets = {url};
        secrets.insert(secrets.end(), parsed.secrets.begin(), parsed.secrets.end());
        if (const char* used = pq().PQpass(conn_); used && *used) secrets.emplace_back(used);
        const std::string message = scrubbed(pq().PQerrorMessage(conn_), secrets);
        return db_error(
            "cannot connect to database {}: {}; check --db, KEQING_DB or `db` in the config file, "
            "that the server is running and that this role may log in",
            where_, first_line(message));
    }
    // Both settings go with the first request, in its round trip (libpq follows the server's report of the
    // new client encoding).
    owe("SET client_encoding = 'UTF8'");
    owe("SET client_min_messages = warning");
    return {};
}

// A statement runs unnamed the first time (parse, bind and execute in one round trip) and is prepared when
// it runs again: most commands run most of their statements once, and a round trip each counts on a
// team server across the network.
Result<PgStmt> PgDb::prepare(std::string_view text, std::string_view doing) {
    std::string sql = resolve_relations(text, source_);
    auto it = prepared_.find(sql);
    return PgStmt(*this, std::move(sql), it == prepared_.end() ? std::string() : it->second, doing);
}

Result<std::string> PgDb::prepared_name(const std::string& sql, std::string_view doing) {
    if (auto it = prepared_.find(sql); it != prepared_.end()) return it->second;
    if (ran_once_.insert(sql).second) return std::string(); // its first run: unnamed
    const std::string name = "kq_" + std::to_string(prepared_.size() + 1);
    const std::vector<Oid> types = parameter_types(sql);
    KQ_TRY(std::vector<PGresult*> results,
           pipeline({[&](PGconn* conn) {
                        return pq().PQsendPrepare(conn, name.c_str(), sql.c_str(),
                                                  static_cast<int>(types.size()), types.data());
                    }},
                    doing));
    PGresult* r = results.front();
    const bool ok = pq().PQresultStatus(r) == PGRES_COMMAND_OK;
    Error failed = ok ? Error{} : error(doing, r);
    pq().PQclear(r);
    if (!ok) return failed;
    prepared_.emplace(sql, name);
    return name;
}

Result<PgStmt> PgDb::stream(std::string_view sql) {
    PgStmt s(*this, resolve_relations(sql, source_), "");
    s.streamed_ = true;
    return s;
}

Result<int64_t> PgDb::inserted_id(PgStmt& s) {
    KQ_TRY(bool row, s.step());
    return row && !s.is_null(0) ? s.integer(0) : int64_t{0};
}

Result<void> PgDb::lock_import(std::string_view hash) {
    if (source_ == Source::api) return {};
    KQ_TRY(PgStmt lock, prepare("SELECT pg_advisory_xact_lock(hashtextextended($1, 7355608))",
                                N_("waiting for another import of the same file")));
    return lock.bind(1, hash).run();
}

bool PgDb::owes_commit() const {
    return std::find(owed_.begin(), owed_.end(), "COMMIT") != owed_.end();
}

void PgDb::owe_closes() {
    if (!closes_.empty() && pq().PQtransactionStatus(conn_) == PQTRANS_INTRANS)
        owed_.insert(owed_.begin(), closes_.begin(), closes_.end());
    closes_.clear();
}

std::string PgDb::with_owed(std::string_view sql) {
    owe_closes();
    std::string text;
    for (const std::string& owed : owed_)
        text += owed + "; ";
    owed_.clear();
    return text + std::string(sql);
}

Result<std::vector<PGresult*>> PgDb::pipeline(const std::vector<Send>& sends, std::string_view doing) {
    owe_closes();
    const size_t owed = owed_.size();
    bool sent = pq().PQenterPipelineMode(conn_) == 1;
    for (const std::string& sql : owed_)
        sent =
            sent && pq().PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    if (owed > 0) sent = sent && pq().PQpipelineSync(conn_) == 1;
    owed_.clear();
    for (const Send& send : sends)
        sent = sent && send(conn_) == 1;
    sent = sent && pq().PQpipelineSync(conn_) == 1;
    if (!sent) {
        (void)pq().PQexitPipelineMode(conn_);
        return error(doing, nullptr);
    }
    // Each request answers one result and a null; each sync, PGRES_PIPELINE_SYNC.
    const auto answer = [&]() {
        PGresult* r = pq().PQgetResult(conn_);
        if (r)
            while (PGresult* more = pq().PQgetResult(conn_))
                pq().PQclear(more);
        return r;
    };
    const auto sync = [&]() {
        if (PGresult* r = pq().PQgetResult(conn_)) pq().PQclear(r);
    };
    Error owed_failed;
    bool owed_ok = true;
    for (size_t i = 0; i < owed; ++i) {
        PGresult* r = answer();
        if (owed_ok && pq().PQresultStatus(r) != PGRES_COMMAND_OK) {
            owed_ok = false;
            owed_failed = error(doing, r);
        }
        if (r) pq().PQclear(r);
    }
    if (owed > 0) sync();
    std::vector<PGresult*> results;
    for (size_t i = 0; i < sends.size(); ++i)
        results.push_back(answer());
    sync();
    (void)pq().PQexitPipelineMode(conn_);
    if (!owed_ok || std::find(results.begin(), results.end(), nullptr) != results.end()) {
        for (PGresult* r : results)
            if (r) pq().PQclear(r);
        return owed_ok ? error(doing, nullptr) : owed_failed;
    }
    return results;
}

Result<void> PgDb::exec(std::string_view sql, std::string_view doing) {
    PGresult* r = pq().PQexec(conn_, with_owed(sql).c_str());
    const auto status = pq().PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    Error failed = ok ? Error{} : error(doing, r);
    pq().PQclear(r);
    if (!ok) return failed;
    return {};
}

Result<std::string> PgDb::value(std::string_view sql, std::string_view doing) {
    PGresult* r = pq().PQexec(conn_, with_owed(sql).c_str());
    if (pq().PQresultStatus(r) != PGRES_TUPLES_OK) {
        Error failed = error(doing, r);
        pq().PQclear(r);
        return failed;
    }
    std::string out = pq().PQntuples(r) > 0 && !pq().PQgetisnull(r, 0, 0) ? pq().PQgetvalue(r, 0, 0) : "";
    pq().PQclear(r);
    return out;
}

Error PgDb::error(std::string_view doing_en, const PGresult* result) {
    const std::string doing = core::tr_text(doing_en); // what was being done, in the reader's language
    const char* state = result ? pq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    last_state_ = state ? state : "";
    const std::string_view code = last_state_;
    const char* primary = result ? pq().PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string message = primary ? first_line(primary) : first_line(pq().PQerrorMessage(conn_));
    last_message_ = message;
    const char* user = conn_ ? pq().PQuser(conn_) : "";
    if (code == "42501")
        return data_error(
            "database {}: {} refused for role {}: {}; a rep reads and logs only for its own customers, "
            "a manager for its teams', and only an admin changes the roster (docs/TEAMS.md)",
            where_, doing, user, message);
    if (code == "23505")
        return data_error("database {}: {} failed: {}; it exists already", where_, doing, message);
    // Bad values (class 22, and keqing_api's refusals of them), what cannot be found (P0002) or done any more
    // (55000, a void is final): data errors, like keqing's own checks.
    if (code == "23503" || code == "23502" || code.starts_with("22"))
        return data_error("database {}: {} failed: {}; check the values given", where_, doing, message);
    if (code == "P0002" || code == "55000")
        return data_error("database {}: {} failed: {}", where_, doing, message);
    if (code == "40001" || code == "40P01")
        return db_error("database {}: {} failed: {}; another keqing process changed the same rows, try again",
                        where_, doing, message);
    if (code == "53100")
        return db_error(
            "database {}: {} failed: {}; the server's disk is full, free space and try again (nothing "
            "was written)",
            where_, doing, message);
    if (code.starts_with("08") || !conn_ || pq().PQstatus(conn_) != CONNECTION_OK)
        return db_error("database {}: {} failed: {}; check that the server is running and reachable", where_,
                        doing, message);
    return db_error("database {}: {} failed: {}", where_, doing, message);
}

} // namespace keqing::store
