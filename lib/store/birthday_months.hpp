// Whether a person's birthday, as written, may fall in some months: the cheap test that keeps a month's
// birthday read from parsing every person's (SQLite applies it to each row it reads; PostgreSQL in SQL).
#pragma once

#include "store/types.hpp"

#include <string_view>

namespace keqing::store {

// A lunar birthday ("lunar:" then an optional L, a digit, and a '-' somewhere after it) by the number after
// "lunar:" and its Ls, among `months.lunar`; a solar one (its last five characters start with two digits
// and a '-': MM-DD, YYYY-MM-DD) by those two digits, among `months.solar`; any other text is kept, for the
// parser to report. The same test as the SQL PostgreSQL runs (SqlDialect::birthday_months) and as the SQL
// SQLite ran before (GLOB, substr by characters, CAST), which cost a fifteenth of check-quota --all.
bool may_fall_in(std::string_view birthday, const BirthdayMonths& months);

} // namespace keqing::store
