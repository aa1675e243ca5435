// The shells' completion (completions/): `TOOL __complete WORD…` prints what may stand at the last word of
// a command line — subcommands, long options, an option's values (formats, tiers, channels and occasions
// from the rules, customer codes, rep ids and teams from the database) — or asks the shell for file names.
// Hidden: no --help lists it. Its first line is `words` (the candidates follow, one a line) or `files`.
#pragma once

#include <CLI/CLI.hpp>

#include <span>
#include <string>
#include <vector>

namespace keqing::cli {

// How many customer codes or rep ids one completion offers at most.
inline constexpr int kMaxCompletions = 100;

// Values `option` takes, offered on completion (the formats a tool checks itself).
void complete_values(const CLI::Option* option, std::vector<std::string> values);
// An option with the values it takes, checked by CLI11 and offered on completion.
CLI::Option* one_of(CLI::Option* option, std::vector<std::string> values);

// Prints the completion of `words` (the command line after the tool's name; the last one is being typed)
// and returns exit status 0; no error is printed (a shell is waiting for candidates, not messages).
int complete(CLI::App& app, std::span<char* const> words);

} // namespace keqing::cli
