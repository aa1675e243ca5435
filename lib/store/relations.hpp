// Where a store's reads take each table's rows from. Read SQL names the tables @reps, @customers,
// @tier_history, @stage_history, @assignments, @contacts (the contacts of the days $1..$2), @contact (the
// contact $1),
// @people, @life_events, @followups and @team_managers; they stand for the tables themselves, or — on
// PostgreSQL, for a role that holds no table privilege (docs/SECURITY.md) — for the keqing_api functions that
// return the rows that role may see.
#pragma once

#include <string>
#include <string_view>

namespace keqing::store {

enum class Source { tables, api };

// `sql` with every @name of a table replaced by what `source` reads it from.
std::string resolve_relations(std::string_view sql, Source source);

} // namespace keqing::store
