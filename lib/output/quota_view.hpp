// check-quota's outputs for a month result: an aligned table for people, the JSON contract of SPEC §5,
// and CSV with one row per customer.
#pragma once

#include "compliance/check.hpp"
#include "core/output.hpp"
#include "rules/rules.hpp"

#include <string>

namespace keqing::output {

enum class Format { table, json, csv };

// Renders a whole check: the quota table (or JSON / CSV) with obligations and rep goals beside it in
// table and JSON; CSV carries the per-customer quota rows only. `behind_only` keeps customers that are
// behind or missed and obligations that are due (the summary stays whole).
// With an `out`, the text is written to it as it is produced and what is left is returned; without one,
// all of it is returned.
std::string render_check(const compliance::Check& check, const rules::Rules& rules, Format format,
                         bool behind_only, core::Output* out = nullptr);

// One line per channel for a single customer: "visit 6/8 (on pace: 5) on_track".
std::string describe_customer(const compliance::CustomerResult& customer,
                              const compliance::MonthResult& month, const rules::Rules& rules);

// "planned Tue": where the rep's plan puts a customer's next contact (check-quota and remind --with-plan).
std::string planned_label(core::Date day);

// "81%"-style percentage of a score.
std::string percent(double score);

} // namespace keqing::output
