// The SQL migrations of schemas/NNN_*.sql, embedded at build time and applied in order on open — one
// source of truth for both backends: statements that differ are written once per backend in
// `-- @sqlite` / `-- @postgresql` blocks (each ended by `-- @end`), and PostgreSQL gets the shared lines,
// written in SQLite's dialect, translated: identity columns for INTEGER PRIMARY KEY, TEXT compared byte
// by byte as in SQLite (COLLATE "C"), no STRICT or WITHOUT ROWID.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace keqing::store {

// One schema step: after applying it, the database is at `version`.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// All migrations, ascending by version.
std::span<const Migration> migrations();

enum class Dialect { sqlite, postgresql };

// The statements of `migration` for one backend.
std::string migration_sql(std::string_view sql, Dialect dialect);

} // namespace keqing::store
