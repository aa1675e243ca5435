// What a customer's file lacks against the rules' [gaps] (issue 18 item 3; seed 003, R6): a person in a
// key role (店长, 采购), people's birthdays and personalities, and visit intel (R12–R17) within the
// rules' months — for `roster gaps`, the card and remind.
#pragma once

#include "compliance/said.hpp"
#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::roster {

// The kinds of gap; their names (to_string) are the stable `gap` of JSON and CSV.
enum class GapKind { no_key_person, no_birthday, no_personality, no_visit_intel };
std::string_view to_string(GapKind kind);

// One gap, with the people it concerns (no_birthday, no_personality).
struct Gap {
    GapKind kind;
    std::vector<std::string> people = {};
};

struct CustomerGaps {
    store::Customer customer;
    std::vector<Gap> gaps;
};

// "no 店长 or 采购 on file", "no birthday for 小陈、小刘", "no visit intel (R12–R17) since 2026-08-21": in
// English (JSON, CSV) and in the reader's language ("档案中没有店长或采购").
compliance::Said gap_said(const Gap& gap, const rules::Rules& rules, core::Date as_of);
// gap_said's text in the reader's language.
std::string gap_text(const Gap& gap, const rules::Rules& rules, core::Date as_of);
// Every gap of a customer, joined with "; " (in Chinese "；").
compliance::Said gaps_said(const std::vector<Gap>& gaps, const rules::Rules& rules, core::Date as_of);
// gaps_said's text in the reader's language.
std::string gaps_text(const std::vector<Gap>& gaps, const rules::Rules& rules, core::Date as_of);

// The first day of the intel window ending on `as_of`: the same day `months` months earlier (the month's
// last day when it has no such day), plus one.
core::Date intel_window_start(core::Date as_of, int months);

// The first day of the part of the intel window read for every customer: its last kIntelFirstDays days (the
// days remind's proposals read too), or all of it when shorter. The days before are read only for the
// customers without intel in these — most customers have some within a month.
inline constexpr int kIntelFirstDays = 30;
core::Date intel_first_read(core::Date as_of, int months);

// A customer's gaps from its people and whether a visit in the intel window recorded intel.
std::vector<Gap> gaps_of(const rules::Gaps& rules, const std::vector<store::Person>& people, bool has_intel);

// The gaps of the customers active on `as_of` that `scope` allows (all, rep, team, code), by code; those
// with none are left out unless `with_none`. Intel counts from a visit on an in-person channel in
// [intel_window_start, as_of] that recorded any R12–R17 item.
Result<std::vector<CustomerGaps>> customer_gaps(store::Store& store, const rules::Rules& rules,
                                                core::Date as_of, const store::Scope& scope,
                                                bool with_none = false);

} // namespace keqing::roster
