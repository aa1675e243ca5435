// What every keqing executable shares: the common options (--db, --rules, --rep), opening the
// database and rules, and the one error printer that maps errors to the exit statuses of SPEC §4.
#pragma once

#include "common/complete.hpp"
#include "config/settings.hpp"
#include "core/date.hpp"
#include "core/output.hpp"
#include "rules/rules.hpp"
#include "store/store.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace keqing::cli {

// Values of the shared options as given on the command line.
struct Common {
    std::string db;
    std::string rules;
    std::string rep;
    bool wide = false;          // --wide
    std::string color = "auto"; // --color auto|always|never (read by run(), see pager.hpp)
    bool no_pager = false;      // --no-pager
};

// Adds --db, --rules and (when `with_rep`) --rep, plus --wide, --color, --no-pager and --version. run()
// lays tables out for the terminal (output::Layout: COLUMNS, else the terminal's width, else none for a
// pipe) or whole with --wide, and sets colour, the pager and progress (pager.hpp).
void add_common_options(CLI::App& app, Common& common, bool with_rep = true);

// Settings (flag > environment > config file > default) and the rules they name, without opening the
// database: for commands that need no data.
struct Configured {
    config::Settings settings;
    rules::Rules rules;
};
Result<Configured> configure(const Common& common);

// An opened database with its rules and settings. Only commands that can start a new database (adding
// reps) pass Create::yes; when that open made one, it says so once on stderr (`roster: created database …`).
struct Context {
    config::Settings settings;
    rules::Rules rules;
    std::unique_ptr<store::Store> store;
};
Result<Context> open_context(const Common& common, store::Create create = store::Create::no);

// Refuses, before CLI11 sees them, arguments no option may take (usage errors naming the argument's number
// and its option): an empty value, in every spelling (`--opt ''`, `--opt=`, `''` alone — CLI11 2.1 also
// loops forever on an empty argument followed by an unknown option where option groups exist, found by
// fuzz_log_visit_args); invalid UTF-8 or a control character, with its character and byte; and an argument
// longer than core::kMaxValue characters.
Result<void> check_arguments(CLI::App& app, int argc, const char* const* argv);

// Parses the command line and runs `body`; prints help/version, and errors as `tool: error: …` on
// stderr; returns the exit status. Standard output is flushed before the tool exits: a failed write
// (disk full, I/O error) is exit 4 with the system's reason; a reader that went away (`| head`) is not
// an error, and the tool exits as it would have (SIGPIPE is ignored, EPIPE ends the output).
int run(const char* tool, CLI::App& app, int argc, char** argv, const std::function<Result<Exit>()>& body);

// Writes an Excel workbook with `write` to `output` (a file), or, without one (or "-"), to standard
// output when it is not a terminal (through a temporary file); on a terminal it is a usage error.
Result<void> write_workbook(const std::string& output,
                            const std::function<Result<void>(const std::filesystem::path&)>& write);

// Wraps standard output's lines wider than the terminal (core::Output::fold_at): for text for people only.
void fold_standard_output();

// Prints to standard output through core::Output::standard(), so that a failed write is reported.
template <class... Args> void print(fmt::format_string<Args...> format, Args&&... args) {
    core::Output::standard().write(fmt::format(format, std::forward<Args>(args)...));
}

// --as-of (or --date) text as a date; today when empty.
Result<core::Date> date_or_today(const std::string& text, std::string_view option);
// A month option as typed (YYYY-MM, this, last, -1, 上月; see core/when.hpp); `fallback` when empty.
Result<core::Month> month_or(const std::string& text, std::string_view option, core::Month fallback);

} // namespace keqing::cli
