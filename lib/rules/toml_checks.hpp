// Small validating readers over toml++ nodes shared by the rules loaders: every error names
// file:line and the fix.
#pragma once

#include "core/result.hpp"
#include "rules/rules.hpp"

#include "config/toml.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::rules {

// "file:line" of a node.
std::string at(std::string_view source, const toml::node& node);
// Rejects keys of `table` other than `keys`; `where` names the table in the message.
Result<void> only_keys(std::string_view source, const toml::table& table,
                       std::initializer_list<std::string_view> keys, std::string_view where);
Result<std::string> required_string(std::string_view source, const toml::table& table, std::string_view key,
                                    std::string_view where);
Result<std::string> optional_string(std::string_view source, const toml::table& table, std::string_view key,
                                    std::string_view where);
// An optional whole number in [low, high]; `fallback` when absent.
Result<int> optional_int(std::string_view source, const toml::table& table, std::string_view key, int low,
                         int high, int fallback, std::string_view where);
// An optional list of non-empty one-line texts (`words = ["结婚", …]`); empty when absent.
Result<std::vector<std::string>> optional_words(std::string_view source, const toml::table& table,
                                                std::string_view key, std::string_view where);
// Letters, digits, '_' and '-'.
bool valid_id(std::string_view id);

// Loaders for the rule sections beyond channels and tiers (rules/occasions.cpp).
Result<void> parse_goals(std::string_view source, const toml::table& root, Rules& rules);
Result<void> parse_occasions(std::string_view source, const toml::table& root, Rules& rules);
Result<void> parse_events(std::string_view source, const toml::table& root, Rules& rules);
// Working days and holidays (rules/workdays.cpp).
Result<void> parse_working_days(std::string_view source, const toml::table& root, Rules& rules);
// Follow-up kinds (rules/followups.cpp); without [[followup]], the built-in rules' kinds.
Result<void> parse_followups(std::string_view source, const toml::table& root, Rules& rules);
// What a customer's file should hold (rules/gaps.cpp); without [gaps], the built-in rules'.
Result<void> parse_gaps(std::string_view source, const toml::table& root, Rules& rules);
// Relationship stages (rules/stages.cpp); without [[stage]], the built-in rules'.
Result<void> parse_stages(std::string_view source, const toml::table& root, Rules& rules);

} // namespace keqing::rules
