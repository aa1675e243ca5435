// The company's contact rules (SPEC §2): channels, tiers and their monthly quotas, and the lateness
// policy, loaded from TOML and validated so that a bad file is rejected with file:line.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace keqing::rules {

// A way of contacting a customer (visit, call, message, third_party …).
struct Channel {
    std::string id;
    std::string label;
};

// A customer tier and its monthly quota per channel (0 where the tier lists none).
struct Tier {
    std::string id;
    std::string label;
    std::vector<int> quota; // indexed like Rules::channels
};

// A validated rule set.
struct Rules {
    std::vector<Channel> channels;
    std::vector<Tier> tiers;
    int late_after_days = 3;
    bool count_late = true;
    std::string source; // where it was loaded from, for messages

    // Index of a channel id, or -1.
    int channel_index(std::string_view id) const;
    // The tier with this id, or nullptr.
    const Tier* tier(std::string_view id) const;
    // Indexes of channels some tier has a quota for, in channel order: the columns of a quota report.
    std::vector<int> quota_channels() const;
    // Comma-separated ids, for "expected one of …" messages.
    std::string channel_ids() const;
    std::string tier_ids() const;
};

// The text of the built-in schemas/rules.toml (embedded at build time).
std::string_view builtin_rules_text();
// Parses and validates rules TOML; `source` names it in errors (`source:line: …`).
Result<Rules> parse_rules(std::string_view text, std::string_view source);
// Loads rules from a file, or the built-in rules when `path` is empty.
Result<Rules> load_rules(const std::string& path);

} // namespace keqing::rules
