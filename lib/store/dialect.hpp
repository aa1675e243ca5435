// What the SQL store's SQL says differently on each backend, in one table. The rest is written once, in
// PostgreSQL's spelling, which SqliteDb translates (store/sql_store.hpp). Fields that take values are fmt
// format strings.
#pragma once

#include "store/statement.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::store {

struct SqlDialect {
    std::string_view in_ids;                // {0} is one of the ids bound to ${1} (an id_list)
    std::string_view list_open, list_close; // around the ids of an id_list
    std::string_view json_values;           // a FROM item: the values (column `value`) of a JSON array, ${0}
    std::string_view find;                  // the function that finds a text in another (1-based; 0: absent)
    std::string_view indexed_by;            // after a table: read it through the index {0}
    // {0} is one of the texts of the JSON array ${1}, as a condition the planner sizes by the array itself:
    // PostgreSQL guesses 100 rows for any set-returning function, which made one rep's contacts a month a
    // scan of every contact in it rather than a look-up in contacts_rep.
    std::string_view in_texts;
    // The condition that a birthday `p.birthday` falls in one of the lunar months $2 or solar months $3 (id
    // lists): a solar birthday's month is the MM of its last five characters (MM-DD or YYYY-MM-DD), a lunar
    // one's follows "lunar:" and an optional L; a text of neither shape is kept, for the parser to report.
    // Empty: the store applies store::may_fall_in (the same test) to the rows as they come.
    std::string_view birthday_months;
    // Whether several streamed statements can be read side by side on one connection (SQLite's can; a
    // PostgreSQL cursor outside a transaction ends the one another opened).
    bool side_by_side = false;
    // Whether a range's unvoided contacts of some reps are read from indexes alone, as the reps' contacts
    // less the range's voided ones (SQLite: contacts_rep and contacts_voided cover them); PostgreSQL reads
    // each row anyway, and the voided ones of the whole company were the most of its work.
    bool voids_from_indexes = false;
};

inline constexpr SqlDialect kSqliteDialect{
    "{} IN (SELECT value FROM json_each(${}))",
    "[",
    "]",
    "json_each(${})",
    "instr",
    " INDEXED BY {}",
    "{} IN (SELECT value FROM json_each(${}))",
    "", // store::may_fall_in on each row read: in SQL (GLOB, json_each) it cost 4× the read
    true,
    true,
};

// The shapes are tested by regular expressions before a cast that would fail on others.
inline constexpr SqlDialect kPostgresDialect{
    "{} = ANY(${}::bigint[])",
    "{",
    "}",
    "json_array_elements_text(${}::json)",
    "strpos",
    "",
    "{} = ANY(ARRAY(SELECT json_array_elements_text(${}::json)))",
    "AND CASE WHEN p.birthday ~ '^lunar:L?[0-9]+-' "
    "THEN split_part(ltrim(substr(p.birthday, 7), 'L'), '-', 1)::integer = ANY($2::integer[]) "
    "WHEN right(p.birthday, 5) ~ '^[0-9][0-9]-' THEN substr(right(p.birthday, 5), 1, 2)::integer = "
    "ANY($3::integer[]) ELSE TRUE END",
    false,
    false,
};

// The ids as one parameter's value in `dialect`.
inline std::string id_list(const SqlDialect& dialect, const std::vector<int64_t>& ids) {
    return std::string(dialect.list_open) + joined(ids) + std::string(dialect.list_close);
}

} // namespace keqing::store
