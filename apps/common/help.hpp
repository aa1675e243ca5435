// CLI11's text in the reader's language: the --help formatter (headings, labels, option and subcommand
// descriptions, footers looked up in the catalog when printed) and CLI11's own parse errors.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace keqing::cli {

// Gives `app` and all its subcommands and option groups the translating help formatter. Call it after the
// language is chosen (run() does): the labels are looked up then, the descriptions when help is printed.
void translate_help(CLI::App& app);

// A CLI11 parse error as one line in the reader's language (the option names and values as typed).
std::string parse_error_message(const CLI::ParseError& error);

} // namespace keqing::cli
