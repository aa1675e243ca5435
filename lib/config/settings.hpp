// Where the database, rules and current rep come from (SPEC §4): flag > environment > config file
// ($XDG_CONFIG_HOME/keqing/config.toml) > default.
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace keqing::config {

// Values given on the command line; empty when the flag was not used (a flag given an empty value holds
// an empty string).
struct Flags {
    std::optional<std::string> db;
    std::optional<std::string> rules;
    std::optional<std::string> rep;
};

// The resolved settings every executable runs with.
struct Settings {
    std::string db_path;             // empty when db_problem says why there is none
    std::optional<Error> db_problem; // no usable database location: why, and what to set (a usage error)
    std::string rules_path;          // empty: the built-in rules
    std::string rep;                 // may be empty when nothing names one
    std::string timezone;            // empty: the system's local time
    std::string config_path;         // empty when neither XDG_CONFIG_HOME nor HOME gives one
    std::string language;            // KEQING_LANGUAGE, else config `language`; empty: the locale's
};

// The config file's path ($XDG_CONFIG_HOME, else $HOME/.config, then keqing/config.toml); relative values
// are ignored as the XDG Base Directory spec says; empty when neither gives an absolute folder.
std::string config_file_path();
// Resolves settings from flags, KEQING_DB / KEQING_RULES / KEQING_REP, the config file and defaults;
// a malformed or unreadable config file, an unknown language or an unknown time zone (its `timezone`, or TZ)
// is a data error naming the file (and line). Applies the configured time zone and language
// (core::set_language). A database location that cannot be used (an empty --db or KEQING_DB, an unknown URL
// scheme, no HOME for the default) is kept in db_problem, so that commands which need no database still run.
Result<Settings> resolve(const Flags& flags);
// The language named by KEQING_LANGUAGE, else by the config file's `language` (empty when neither says;
// a config file that cannot be read is ignored here). Read before the command line is parsed, so that
// --help and CLI11's errors are in that language too; resolve() checks it and reports a bad file.
std::string early_language();
// The database location, or the usage error that says what to set.
Result<std::string> database(const Settings& settings);

// True when the C library knows `zone` as a time zone: a compiled zone file under $TZDIR (default
// /usr/share/zoneinfo), also written ":NAME" or as an absolute path, UTC / GMT, or a POSIX rule such as
// CST-8. glibc silently reads any other name as UTC.
bool known_time_zone(std::string_view zone);

} // namespace keqing::config
