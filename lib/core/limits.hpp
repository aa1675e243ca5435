// The limits every value keqing accepts is held to — arguments, environment, config and imports alike
// (README "Limits"): one line of printable UTF-8 text, no longer than its kind of field allows.
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string_view>

namespace keqing::core {

// Longest values, in characters (code points; a CJK character is one).
inline constexpr size_t kMaxCode = 32;    // customer codes, rep ids
inline constexpr size_t kMaxName = 100;   // names of customers, reps, teams and people; phone, stage, role
inline constexpr size_t kMaxText = 2000;  // notes, addresses, preferences, family, checklist items, reasons
inline constexpr size_t kMaxValue = 4096; // any argument, environment value or CSV field (dates, paths …)

// Checks a value before it is stored: one line of printable text (core::find_text_fault) of at most `max`
// characters. The data error names it as `what` ("customers.csv:3: column name (field 2)", "--note").
Result<void> check_value(std::string_view value, size_t max, std::string_view what);

} // namespace keqing::core
