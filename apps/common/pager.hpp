// Standard output on a terminal: colour (--color, NO_COLOR, TERM=dumb), the pager that takes output longer
// than the terminal ($KEQING_PAGER, $PAGER, `less -FRX`; --no-pager), and imports' progress on standard
// error — set once per process by run() after the command line is parsed.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace keqing::cli {

// The pager command for a terminal: none with --no-pager; else KEQING_PAGER when set, else PAGER when set
// (either set but empty: none), else `less -FRX`.
std::optional<std::string> pager_command(bool no_pager);

// Runs `command` through /bin/sh with `text` on its standard input and waits for it; false when it could
// not start or exited with a failure or a signal (the caller then prints `text` itself). A pager that
// stops reading (quit early, `head`) is not a failure.
bool run_pager(const std::string& command, std::string_view text);

// Reads --color, --no-pager, the environment and whether standard output and error are terminals, and
// sets colour (output::set_color), the pager of standard output and progress (core::set_progress).
void set_up_terminal(CLI::App& app);

} // namespace keqing::cli
