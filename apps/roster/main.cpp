// roster: customers (add, edit, list, show the card, import, export, tier and rep changes, close and
// reopen), reps (add, list, import), people at customers and their life events. Each group of subcommands
// is one function (commands.hpp); main() adds them in the order `roster --help` lists them and runs the
// one chosen.
#include "commands.hpp"

#include <iterator>

namespace {

constexpr roster_app::Group kGroups[] = {
    {"customers", roster_app::add_customer_commands},
    {"changes", roster_app::add_change_commands},
    {"reps", roster_app::add_rep_commands},
    {"people", roster_app::add_person_commands},
    {"events", roster_app::add_event_commands},
    {"followups", roster_app::add_followup_commands},
    {"complaints", roster_app::add_complaint_commands},
    {"trainings", roster_app::add_training_commands},
};

} // namespace

int main(int argc, char** argv) {
    CLI::App app{N_("roster — customers, their tiers and reps, and the reps themselves"), "roster"};
    app.fallthrough();
    app.require_subcommand(1);
    roster_app::Shared shared;
    keqing::cli::add_common_options(app, shared.common);
    roster_app::Action action;
    for (const auto& group : kGroups)
        group.add(app, shared, action);
    app.footer("Exit status: 0 done, 2 usage error, 3 data error, 4 database error.");
    return keqing::cli::run("roster", app, argc, argv, [&]() -> keqing::Result<keqing::Exit> {
        shared.rep_given = app.get_option("--rep")->count() > 0;
        return action();
    });
}
