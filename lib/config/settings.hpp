// Where the database, rules and current rep come from (SPEC §4): flag > environment > config file
// ($XDG_CONFIG_HOME/keqing/config.toml) > default.
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>

namespace keqing::config {

// Values given on the command line; empty when the flag was not used.
struct Flags {
    std::optional<std::string> db;
    std::optional<std::string> rules;
    std::optional<std::string> rep;
};

// The resolved settings every executable runs with.
struct Settings {
    std::string db_path;
    std::string rules_path; // empty: the built-in rules
    std::string rep;        // may be empty when nothing names one
    std::string timezone;   // empty: the system's local time
    std::string config_path;
};

// The config file's path ($XDG_CONFIG_HOME or ~/.config, then keqing/config.toml).
std::string config_file_path();
// Resolves settings from flags, KEQING_DB / KEQING_RULES / KEQING_REP, the config file and defaults;
// a malformed config file is an error naming file:line. Applies the configured time zone.
Result<Settings> resolve(const Flags& flags);

} // namespace keqing::config
