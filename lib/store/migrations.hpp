// The SQL migrations of schemas/NNN_*.sql, embedded at build time and applied in order on open.
#pragma once

#include <span>
#include <string_view>

namespace keqing::store {

// One schema step: after applying `sql`, PRAGMA user_version = version.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// All migrations, ascending by version.
std::span<const Migration> migrations();

} // namespace keqing::store
