// roster's subcommand groups: each adds its subcommands to the app and, when one is chosen, sets the
// action main() runs. One options struct per group; what they share (the common options, the rep given
// or not) is in Shared.
#pragma once

#include "common/cli.hpp"
#include "output/quota_view.hpp"
#include "roster/imports.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace roster_app {

using keqing::Exit;
using keqing::Result;
using Action = std::function<Result<Exit>()>;

struct Shared {
    keqing::cli::Common common;
    bool rep_given = false; // --rep on the command line (roster list filters by it)
    bool dry_run = false;   // --dry-run of a change: show what it would do, store nothing
};

// One group of subcommands: its name in `roster --help` order and the function that adds it.
struct Group {
    const char* name;
    void (*add)(CLI::App& app, Shared& shared, Action& action);
};

void add_customer_commands(CLI::App& app, Shared& shared, Action& action);
void add_change_commands(CLI::App& app, Shared& shared, Action& action);
void add_rep_commands(CLI::App& app, Shared& shared, Action& action);
void add_person_commands(CLI::App& app, Shared& shared, Action& action);
void add_event_commands(CLI::App& app, Shared& shared, Action& action);
void add_complaint_commands(CLI::App& app, Shared& shared, Action& action);
void add_training_commands(CLI::App& app, Shared& shared, Action& action);
void add_followup_commands(CLI::App& app, Shared& shared, Action& action);

// Writes an export's CSV to stdout, or whole to file `output` (saying how many `noun` it wrote).
Result<Exit> write_export(const std::string& csv, const std::string& output, size_t count,
                          std::string_view noun);

// --format table|csv|json for a list, validated by CLI11 and read as output::Format.
void add_format_option(CLI::App* cmd, keqing::output::Format& format);
// A date option's value, or nothing when it was not given.
Result<std::optional<keqing::core::Date>> maybe_date(const std::string& text, std::string_view what);
void print_customer_line(std::string_view verb, const keqing::store::Customer& c);

// Adds --dry-run to a change subcommand (it sets shared.dry_run).
void add_dry_run(CLI::App* cmd, Shared& shared);
// What a change prints it did: `done` ("added"), or on a dry run `would` with "(dry run)" ("would add (dry
// run)").
std::string verb(const Shared& shared, std::string_view done, std::string_view would);
// Runs a change `body()` in one transaction, rolled back on a dry run (so the database is left as it was
// while everything is checked and shown).
template <class F> auto applied(keqing::cli::Context& ctx, const Shared& shared, F&& body) {
    return keqing::store::in_transaction(*ctx.store, std::forward<F>(body),
                                         shared.dry_run ? keqing::store::Finish::rollback
                                                        : keqing::store::Finish::commit);
}

// Imports the file into the context's store.
using Importer = std::function<Result<keqing::roster::ImportSummary>(
    keqing::cli::Context&, const std::string& file, const keqing::roster::ImportOptions&)>;
// An import subcommand `name` of `parent`: the options every import takes and what it prints, a line
// per changed row, then the counts. `dated` (customers): the import may change tiers and reps from the
// day --from gives, and may skip unknown columns. `creates`: the import (not a dry run) may start a new
// database (reps).
void add_import_command(CLI::App* parent, const char* name, const char* help, const char* columns,
                        std::string noun, bool dated, Shared& shared, Action& action, Importer importer,
                        keqing::store::Create creates = keqing::store::Create::no);

} // namespace roster_app
