// roster's customer subcommands: add, edit, list, show, gaps, import, export; and the dated changes: tier,
// assign, close, reopen.
#include "commands.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "output/gaps_view.hpp"
#include "output/roster_view.hpp"
#include "output/table.hpp"
#include "roster/card.hpp"
#include "roster/customers.hpp"
#include "roster/stages.hpp"

#include <memory>
#include <type_traits>

namespace roster_app {
namespace kq = keqing;

namespace {

struct CustomerOptions {
    kq::store::Customer customer; // add
    std::string opened, closed, as_of, output, query;
    kq::roster::CustomerEdit edit;
    kq::roster::Listing listing;
    bool all = false; // gaps: every rep's customers
    kq::output::Format format = kq::output::Format::table;
};

Result<Exit> add(const Shared& shared, CustomerOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    o.customer.rep = ctx.settings.rep;
    KQ_TRY(o.customer.opened_on, maybe_date(o.opened, "--opened"));
    KQ_TRY(o.customer.closed_on, maybe_date(o.closed, "--closed"));
    KQ_TRY(kq::store::Customer c,
           applied(ctx, shared, [&] { return kq::roster::add_customer(*ctx.store, ctx.rules, o.customer); }));
    print_customer_line(verb(shared, "added", "would add"), c);
    return Exit::ok;
}

Result<Exit> list(const Shared& shared, CustomerOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date on, kq::cli::date_or_today(o.as_of, "--as-of"));
    if (shared.rep_given) o.listing.rep = shared.common.rep;
    KQ_TRY(std::vector<kq::store::Customer> customers, kq::roster::list_customers(*ctx.store, on, o.listing));
    KQ_TRY(kq::roster::Places places, kq::roster::places_of(*ctx.store, customers));
    kq::cli::print("{}", kq::output::render_customers(customers, places, o.format, &ctx.rules));
    return Exit::ok;
}

Result<Exit> show(const Shared& shared, const CustomerOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date on, kq::cli::date_or_today(o.as_of, "--as-of"));
    KQ_TRY(kq::roster::Card card, kq::roster::customer_card(*ctx.store, ctx.rules, o.query, on));
    kq::cli::fold_standard_output();
    kq::cli::print("{}", kq::output::render_card(card, ctx.rules));
    return Exit::ok;
}

// What files lack: of --team's, --rep's (default: the current rep's) or --all customers.
Result<Exit> gaps(const Shared& shared, const CustomerOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date on, kq::cli::date_or_today(o.as_of, "--as-of"));
    kq::store::Scope scope;
    if (!o.listing.team.empty())
        scope = {kq::store::Scope::Kind::team, o.listing.team};
    else if (!o.all && !ctx.settings.rep.empty())
        scope = {kq::store::Scope::Kind::rep, ctx.settings.rep};
    KQ_TRY(std::vector<kq::roster::CustomerGaps> found,
           kq::roster::customer_gaps(*ctx.store, ctx.rules, on, scope));
    kq::cli::print("{}", kq::output::render_gaps(found, ctx.rules, on, o.format));
    return Exit::ok;
}

Result<Exit> export_customers(const Shared& shared, const CustomerOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date on, kq::cli::date_or_today(o.as_of, "--as-of"));
    KQ_TRY(std::vector<kq::store::Customer> customers, ctx.store->list_customers(on));
    KQ_CHECK(kq::roster::fill_stages(*ctx.store, customers, on));
    KQ_TRY(kq::roster::Places places, kq::roster::places_of(*ctx.store, customers));
    const std::string csv = kq::output::render_customers(customers, places, kq::output::Format::csv);
    if (o.output.empty() || o.output == "-") {
        kq::cli::print("{}", csv);
        return Exit::ok;
    }
    // Replaces the file only once the export is whole.
    KQ_TRY(kq::core::Output out, kq::core::Output::to_file(o.output, "--output", kq::core::FileMode::shared));
    out.write(csv);
    KQ_CHECK(out.finish());
    fmt::print(stderr, "{}\n", kq::core::trf("exported {} customers to {}", customers.size(), o.output));
    return Exit::ok;
}

// A change to one customer: opens the store, runs `body(ctx, today)` and prints the customer changed (or
// that nothing changed).
// On a dry run (--dry-run) nothing is stored and the line says what would be done.
template <class F>
Result<Exit> change(const Shared& shared, std::string_view done_verb, std::string_view would_verb, F&& body) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date today, kq::cli::date_or_today("", ""));
    KQ_TRY(auto done, applied(ctx, shared, [&] { return body(ctx, today); }));
    const std::string line_verb = verb(shared, done_verb, would_verb);
    if constexpr (std::is_same_v<decltype(done), kq::roster::Change>) {
        if (!done.unchanged.empty()) {
            kq::cli::print("{}\n", done.unchanged);
            return Exit::ok;
        }
        print_customer_line(line_verb, done.customer);
    } else {
        print_customer_line(line_verb, done);
    }
    return Exit::ok;
}

struct ChangeOptions {
    std::string query, new_tier, new_rep, new_stage, from, on;
    bool force = false;
    kq::roster::Force forced() const { return force ? kq::roster::Force::yes : kq::roster::Force::no; }
};

// A stage from --from (default today) on: "HZ001 康泰大药房: stage 成长期 from 2026-12-01".
Result<Exit> change_stage_of(const Shared& shared, const ChangeOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date today, kq::cli::date_or_today("", ""));
    KQ_TRY(kq::core::Date from, kq::cli::date_or_today(o.from, "--from"));
    KQ_TRY(kq::roster::Change done, applied(ctx, shared, [&] {
               return kq::roster::change_stage(*ctx.store, ctx.rules, o.query, o.new_stage, from, today,
                                               o.forced());
           }));
    if (!done.unchanged.empty()) {
        kq::cli::print("{}\n", done.unchanged);
        return Exit::ok;
    }
    const auto& c = done.customer;
    const std::string name = kq::roster::stage_name(ctx.rules, c.stage);
    kq::cli::print("{}\n",
                   shared.dry_run
                       ? kq::core::trf("would set {} {} to stage {} from {} (dry run)", c.code,
                                       kq::core::fit(c.name, kq::output::kNameColumns), name, from.iso())
                       : kq::core::trf("{} {}: stage {} from {}", c.code,
                                       kq::core::fit(c.name, kq::output::kNameColumns), name, from.iso()));
    return Exit::ok;
}

} // namespace

void add_customer_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<CustomerOptions>();
    auto* add_cmd = app.add_subcommand("add", "add a customer (its rep: --rep, else the current rep)");
    add_cmd->add_option("code", o->customer.code, "customer code, e.g. HZ041")->required();
    add_cmd->add_option("name", o->customer.name, "customer name, e.g. 康泰大药房")->required();
    add_cmd->add_option("--tier", o->customer.tier, "tier id from the rules (A, B, C)")->required();
    add_cmd->add_option("--opened", o->opened, "first active day: YYYY-MM-DD, -3, 上周五…");
    add_cmd->add_option("--closed", o->closed, "last active day: YYYY-MM-DD, -3, 上周五…");
    add_cmd->add_option("--phone", o->customer.phone, "phone number");
    add_cmd->add_option("--address", o->customer.address, "street address");
    add_cmd->add_option(
        "--stage", o->customer.stage,
        "relationship stage from the rules, by id or name (growth, 成长期…), from the opening day");
    add_dry_run(add_cmd, shared);
    add_cmd->callback([o, &shared, &action] { action = [o, &shared] { return add(shared, *o); }; });

    auto* edit_cmd = app.add_subcommand(
        "edit", "change a customer's name, phone, address, stage, opening day, area or coordinates");
    edit_cmd->add_option("customer", o->query, "code or name")->required();
    edit_cmd->add_option("--name", o->edit.name, "new name");
    edit_cmd->add_option("--phone", o->edit.phone, "new phone");
    edit_cmd->add_option("--address", o->edit.address, "new address");
    edit_cmd->add_option("--stage", o->edit.stage,
                         "relationship stage from today (other days: roster stage CODE STAGE --from DAY)");
    edit_cmd->add_option("--opened", o->edit.opened_on, "new first active day");
    edit_cmd->add_option("--area", o->edit.area, "area (区/街道) a day's planned visits keep to");
    edit_cmd->add_option("--geo", o->edit.geo, "coordinates LAT,LON in degrees (30.27,120.15), or none");
    add_dry_run(edit_cmd, shared);
    edit_cmd->callback([o, &shared, &action] {
        action = [o, &shared] {
            return change(
                shared, "updated", "would update",
                [&](kq::cli::Context& ctx, kq::core::Date today) -> Result<kq::store::Customer> {
                    if (o->edit.opened_on) { // spoken forms resolve here; the library takes ISO
                        KQ_TRY(kq::core::Date opened, kq::cli::date_or_today(*o->edit.opened_on, "--opened"));
                        o->edit.opened_on = opened.iso();
                    }
                    return kq::roster::edit_customer(*ctx.store, ctx.rules, o->query, o->edit, today);
                });
        };
    });

    auto* list_cmd =
        app.add_subcommand("list", "list customers active on a day (filter with --rep/--tier/--team)");
    list_cmd->add_option("--tier", o->listing.tier, "only this tier");
    list_cmd->add_option("--team", o->listing.team, "only customers of this team's reps");
    list_cmd->add_option("--as-of", o->as_of, "tier, rep and activity on this day (default today)");
    list_cmd->add_flag("--include-closed", o->listing.include_closed, "also customers not active that day");
    add_format_option(list_cmd, o->format);
    list_cmd->callback([o, &shared, &action] { action = [o, &shared] { return list(shared, *o); }; });

    auto* show_cmd = app.add_subcommand("show", "the customer card (客户资料卡)");
    show_cmd->add_option("customer", o->query, "code or name")->required();
    show_cmd->add_option("--as-of", o->as_of, "as of this day (default today)");
    show_cmd->callback([o, &shared, &action] { action = [o, &shared] { return show(shared, *o); }; });

    auto* gaps_cmd = app.add_subcommand(
        "gaps", "what customers' files lack: key person, birthdays, personalities, recent visit intel");
    gaps_cmd->add_option("--team", o->listing.team, "the customers of this team's reps");
    gaps_cmd->add_flag("--all", o->all, "every rep's customers (default: the current rep's)");
    gaps_cmd->add_option("--as-of", o->as_of, "as of this day (default today)");
    add_format_option(gaps_cmd, o->format);
    gaps_cmd->callback([o, &shared, &action] { action = [o, &shared] { return gaps(shared, *o); }; });

    add_import_command(
        &app, "import", N_("load customers from CSV, again when it changed (--update): all rows or none"),
        N_("CSV with code,name,tier,rep[,opened_on,closed_on,phone,address,stage]; - reads standard input"),
        N_("customers"), true, shared, action,
        [](kq::cli::Context& ctx, const std::string& file, const kq::roster::ImportOptions& options) {
            return kq::roster::import_customers(*ctx.store, ctx.rules, file, options);
        });

    auto* export_cmd = app.add_subcommand("export", "customers as CSV in the import format");
    export_cmd->add_option("--output,-o", o->output, "write to FILE instead of stdout");
    export_cmd->add_option("--as-of", o->as_of, "tier and rep in effect on this day (default today)");
    export_cmd->callback(
        [o, &shared, &action] { action = [o, &shared] { return export_customers(shared, *o); }; });
}

void add_change_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<ChangeOptions>();
    auto* tier_cmd = app.add_subcommand("tier", "change a customer's tier from a day on (history kept)");
    tier_cmd->add_option("customer", o->query, "code or name")->required();
    tier_cmd->add_option("tier", o->new_tier, "new tier id")->required();
    tier_cmd->add_option("--from", o->from, "first day of the new tier: YYYY-MM-DD, today, -3, 11-01…")
        ->required();
    tier_cmd->add_flag("--force", o->force, "also from a day before the customer opened");
    add_dry_run(tier_cmd, shared);
    tier_cmd->callback([o, &shared, &action] {
        action = [o, &shared] {
            return change(shared, "re-tiered", "would re-tier",
                          [&](kq::cli::Context& ctx, kq::core::Date today) -> Result<kq::roster::Change> {
                              KQ_TRY(kq::core::Date from, kq::cli::date_or_today(o->from, "--from"));
                              return kq::roster::change_tier(*ctx.store, ctx.rules, o->query, o->new_tier,
                                                             from, today, o->forced());
                          });
        };
    });

    auto* stage_cmd =
        app.add_subcommand("stage", "change a customer's relationship stage from a day on (history kept)");
    stage_cmd->add_option("customer", o->query, "code or name")->required();
    stage_cmd->add_option("stage", o->new_stage, "stage id or name from the rules (突破期 … 暂停期)")
        ->required();
    stage_cmd->add_option("--from", o->from,
                          "first day of the new stage (default today): YYYY-MM-DD, -3, 11-01…");
    stage_cmd->add_flag("--force", o->force, "also from a day before the customer opened");
    add_dry_run(stage_cmd, shared);
    stage_cmd->callback(
        [o, &shared, &action] { action = [o, &shared] { return change_stage_of(shared, *o); }; });

    auto* assign_cmd = app.add_subcommand("assign", "hand a customer to another rep from a day on");
    assign_cmd->add_option("customer", o->query, "code or name")->required();
    assign_cmd->add_option("new-rep", o->new_rep, "rep id")->required();
    assign_cmd->add_option("--from", o->from, "first day with the new rep: YYYY-MM-DD, today, -3, 11-01…")
        ->required();
    assign_cmd->add_flag("--force", o->force, "also from a day before the customer opened");
    add_dry_run(assign_cmd, shared);
    assign_cmd->callback([o, &shared, &action] {
        action = [o, &shared] {
            return change(shared, "assigned", "would assign",
                          [&](kq::cli::Context& ctx, kq::core::Date today) -> Result<kq::roster::Change> {
                              KQ_TRY(kq::core::Date from, kq::cli::date_or_today(o->from, "--from"));
                              return kq::roster::change_rep(*ctx.store, o->query, o->new_rep, from, today,
                                                            o->forced());
                          });
        };
    });

    auto* close_cmd = app.add_subcommand("close", "close a customer after its last active day");
    close_cmd->add_option("customer", o->query, "code or name")->required();
    close_cmd->add_option("--on", o->on, "last active day: YYYY-MM-DD, yesterday, -3… (default today)");
    close_cmd->add_flag("--force", o->force, "also before the customer's last contact");
    add_dry_run(close_cmd, shared);
    close_cmd->callback([o, &shared, &action] {
        action = [o, &shared] {
            return change(shared, "closed", "would close",
                          [&](kq::cli::Context& ctx, kq::core::Date today) -> Result<kq::store::Customer> {
                              KQ_TRY(kq::core::Date on, kq::cli::date_or_today(o->on, "--on"));
                              return kq::roster::close_customer(*ctx.store, o->query, on, today, o->forced());
                          });
        };
    });

    auto* reopen_cmd = app.add_subcommand("reopen", "reopen a closed customer");
    reopen_cmd->add_option("customer", o->query, "code or name")->required();
    add_dry_run(reopen_cmd, shared);
    reopen_cmd->callback([o, &shared, &action] {
        action = [o, &shared] {
            return change(shared, "reopened", "would reopen",
                          [&](kq::cli::Context& ctx, kq::core::Date today) {
                              return kq::roster::reopen_customer(*ctx.store, o->query, today);
                          });
        };
    });
}

} // namespace roster_app
