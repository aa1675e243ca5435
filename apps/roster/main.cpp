// roster: customers (add, edit, list, show the card, import, export, tier and rep changes, close and
// reopen) and reps (add, list, import).
#include "common/cli.hpp"
#include "core/text.hpp"
#include "output/roster_view.hpp"
#include "output/table.hpp"
#include "roster/card.hpp"
#include "roster/customers.hpp"
#include "roster/imports.hpp"
#include "roster/lookup.hpp"
#include "roster/people.hpp"

#include <fmt/core.h>

#include <type_traits>

namespace {

using keqing::Exit;
using keqing::Result;

struct Options {
    keqing::cli::Common common;
    bool rep_given = false;
    keqing::store::Customer customer; // add
    std::string opened, closed, as_of, from, on, file, output, format = "table";
    std::string tier_filter, team_filter, new_tier, new_rep;
    keqing::roster::CustomerEdit edit;
    std::string query;
    keqing::store::Rep rep;
    keqing::store::Person person;
    keqing::roster::PersonEdit person_edit;
    int64_t person_id = 0;
    std::string event_kind, event_date, event_person, event_note, event_from, event_to;
    bool ignore_unknown = false, dry_run = false, update = false, include_closed = false, force = false;
};

keqing::output::Format format_of(const std::string& f) {
    return f == "json"  ? keqing::output::Format::json
           : f == "csv" ? keqing::output::Format::csv
                        : keqing::output::Format::table;
}

Result<std::optional<keqing::core::Date>> maybe_date(const std::string& text, std::string_view what) {
    if (text.empty()) return std::optional<keqing::core::Date>();
    KQ_TRY(keqing::core::Date d, keqing::core::parse_date(text, what));
    return std::optional<keqing::core::Date>(d);
}

void print_customer_line(std::string_view verb, const keqing::store::Customer& c) {
    keqing::cli::print("{} {} {} (tier {}, rep {})\n", verb, c.code,
                       keqing::core::fit(c.name, keqing::output::kNameColumns), c.tier, c.rep);
}

Result<Exit> add(Options& o) {
    KQ_TRY(keqing::cli::Context ctx, keqing::cli::open_context(o.common));
    o.customer.rep = ctx.settings.rep;
    KQ_TRY(o.customer.opened_on, maybe_date(o.opened, "--opened"));
    KQ_TRY(o.customer.closed_on, maybe_date(o.closed, "--closed"));
    KQ_TRY(keqing::store::Customer c, keqing::roster::add_customer(*ctx.store, ctx.rules, o.customer));
    print_customer_line("added", c);
    return Exit::ok;
}

Result<Exit> list(const Options& o) {
    KQ_TRY(keqing::cli::Context ctx, keqing::cli::open_context(o.common));
    KQ_TRY(keqing::core::Date on, keqing::cli::date_or_today(o.as_of, "--as-of"));
    KQ_TRY(std::vector<keqing::store::Customer> customers, ctx.store->list_customers(on));
    std::vector<keqing::store::Rep> reps;
    if (!o.team_filter.empty()) {
        KQ_TRY(reps, ctx.store->list_reps());
    }
    std::erase_if(customers, [&](const keqing::store::Customer& c) {
        const bool active = (!c.opened_on || *c.opened_on <= on) && (!c.closed_on || *c.closed_on >= on);
        const bool in_team =
            o.team_filter.empty() || std::any_of(reps.begin(), reps.end(), [&](const auto& r) {
                return r.id == c.rep && r.team == o.team_filter;
            });
        return (!active && !o.include_closed) || (o.rep_given && c.rep != o.common.rep) ||
               (!o.tier_filter.empty() && c.tier != o.tier_filter) || !in_team;
    });
    keqing::cli::print("{}", keqing::output::render_customers(customers, format_of(o.format)));
    return Exit::ok;
}

Result<Exit> show(const Options& o) {
    KQ_TRY(keqing::cli::Context ctx, keqing::cli::open_context(o.common));
    KQ_TRY(keqing::core::Date on, keqing::cli::date_or_today(o.as_of, "--as-of"));
    KQ_TRY(keqing::roster::Card card, keqing::roster::customer_card(*ctx.store, ctx.rules, o.query, on));
    keqing::cli::print("{}", keqing::output::render_card(card, ctx.rules));
    return Exit::ok;
}

Result<Exit> export_customers(const Options& o) {
    KQ_TRY(keqing::cli::Context ctx, keqing::cli::open_context(o.common));
    KQ_TRY(keqing::core::Date on, keqing::cli::date_or_today(o.as_of, "--as-of"));
    KQ_TRY(std::vector<keqing::store::Customer> customers, ctx.store->list_customers(on));
    const std::string csv = keqing::output::render_customers(customers, keqing::output::Format::csv);
    if (o.output.empty() || o.output == "-") {
        keqing::cli::print("{}", csv);
        return Exit::ok;
    }
    // Replaces the file only once the export is whole.
    KQ_TRY(keqing::core::Output out,
           keqing::core::Output::to_file(o.output, "--output", keqing::core::FileMode::shared));
    out.write(csv);
    KQ_CHECK(out.finish());
    fmt::print(stderr, "exported {} customers to {}\n", customers.size(), o.output);
    return Exit::ok;
}

template <class F> Result<Exit> change(Options& o, std::string_view verb, F&& body) {
    KQ_TRY(keqing::cli::Context ctx, keqing::cli::open_context(o.common));
    KQ_TRY(keqing::core::Date today, keqing::cli::date_or_today("", ""));
    KQ_TRY(auto done, body(ctx, today));
    if constexpr (std::is_same_v<decltype(done), keqing::roster::Change>) {
        if (!done.unchanged.empty()) {
            keqing::cli::print("{}\n", done.unchanged);
            return Exit::ok;
        }
        print_customer_line(verb, done.customer);
    } else {
        print_customer_line(verb, done);
    }
    return Exit::ok;
}

using Importer = std::function<Result<keqing::roster::ImportSummary>(keqing::cli::Context&,
                                                                     const keqing::roster::ImportOptions&)>;

// The options every import takes and what it prints: a line per changed row, then the counts. `dated`:
// the import may change tiers and reps, from the day --from gives. `creates`: the import (not a dry run)
// may start a new database (reps).
void import_command(CLI::App* cmd, Options& o, std::function<Result<Exit>()>& action, std::string noun,
                    bool dated, Importer importer,
                    keqing::store::Create creates = keqing::store::Create::no) {
    cmd->add_flag("--dry-run", o.dry_run, "check every row, store nothing");
    cmd->add_flag("--update", o.update,
                  "apply the rows that differ from what is stored (else they are refused)");
    if (dated) {
        cmd->add_option("--from", o.from, "first day of the tier and rep changes --update makes, YYYY-MM-DD");
        cmd->add_flag("--force", o.force,
                      "also changes that contradict logged contacts (as roster close/tier --force)");
    }
    cmd->callback([&o, &action, noun, importer, creates] {
        action = [&o, noun, importer, creates]() -> Result<Exit> {
            KQ_TRY(keqing::cli::Context ctx,
                   keqing::cli::open_context(o.common, o.dry_run ? keqing::store::Create::no : creates));
            keqing::roster::ImportOptions options{o.ignore_unknown, o.dry_run, o.update, {}, o.force};
            KQ_TRY(options.from, maybe_date(o.from, "--from"));
            KQ_TRY(keqing::roster::ImportSummary s, importer(ctx, options));
            for (const std::string& line : s.changes)
                keqing::cli::print("{} {}\n", o.dry_run ? "would change" : "changed", line);
            keqing::cli::print("{} {} from {}: {} added, {} changed, {} unchanged\n",
                               o.dry_run ? "would import (dry run)" : "imported", noun, o.file, s.added,
                               s.changed, s.unchanged);
            return Exit::ok;
        };
    });
}

keqing::roster::Force force_of(const Options& o) {
    return o.force ? keqing::roster::Force::yes : keqing::roster::Force::no;
}

} // namespace

int main(int argc, char** argv) {
    using namespace keqing;
    CLI::App app{"roster — customers, their tiers and reps, and the reps themselves", "roster"};
    app.fallthrough();
    app.require_subcommand(1);
    Options o;
    cli::add_common_options(app, o.common);
    std::function<Result<Exit>()> action;

    auto* add_cmd = app.add_subcommand("add", "add a customer (its rep: --rep, else the current rep)");
    add_cmd->add_option("code", o.customer.code, "customer code, e.g. HZ041")->required();
    add_cmd->add_option("name", o.customer.name, "customer name, e.g. 康泰大药房")->required();
    add_cmd->add_option("--tier", o.customer.tier, "tier id from the rules (A, B, C)")->required();
    add_cmd->add_option("--opened", o.opened, "first active day, YYYY-MM-DD");
    add_cmd->add_option("--closed", o.closed, "last active day, YYYY-MM-DD");
    add_cmd->add_option("--phone", o.customer.phone, "phone number");
    add_cmd->add_option("--address", o.customer.address, "street address");
    add_cmd->add_option("--stage", o.customer.stage,
                        "relationship stage (prospect, new, developing, stable, key)");
    add_cmd->callback([&] { action = [&] { return add(o); }; });

    auto* edit_cmd =
        app.add_subcommand("edit", "change a customer's name, phone, address, stage or opening day");
    edit_cmd->add_option("customer", o.query, "code or name")->required();
    edit_cmd->add_option("--name", o.edit.name, "new name");
    edit_cmd->add_option("--phone", o.edit.phone, "new phone");
    edit_cmd->add_option("--address", o.edit.address, "new address");
    edit_cmd->add_option("--stage", o.edit.stage, "new relationship stage");
    edit_cmd->add_option("--opened", o.edit.opened_on, "new first active day");
    edit_cmd->callback([&] {
        action = [&] {
            return change(o, "updated", [&](cli::Context& ctx, core::Date today) {
                return roster::edit_customer(*ctx.store, o.query, o.edit, today);
            });
        };
    });

    auto* list_cmd =
        app.add_subcommand("list", "list customers active on a day (filter with --rep/--tier/--team)");
    list_cmd->add_option("--tier", o.tier_filter, "only this tier");
    list_cmd->add_option("--team", o.team_filter, "only customers of this team's reps");
    list_cmd->add_option("--as-of", o.as_of, "tier, rep and activity on this day (default today)");
    list_cmd->add_flag("--include-closed", o.include_closed, "also customers not active that day");
    list_cmd->add_option("--format", o.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    list_cmd->callback([&] { action = [&] { return list(o); }; });

    auto* show_cmd = app.add_subcommand("show", "the customer card (客户资料卡)");
    show_cmd->add_option("customer", o.query, "code or name")->required();
    show_cmd->add_option("--as-of", o.as_of, "as of this day (default today)");
    show_cmd->callback([&] { action = [&] { return show(o); }; });

    auto* import_cmd = app.add_subcommand(
        "import", "load customers from CSV, again when it changed (--update): all rows or none");
    import_cmd
        ->add_option("file", o.file, "CSV with code,name,tier,rep[,opened_on,closed_on,phone,address,stage]")
        ->required();
    import_cmd->add_flag("--ignore-unknown", o.ignore_unknown, "skip columns keqing does not know");
    import_command(import_cmd, o, action, "customers", true,
                   [&o](cli::Context& ctx, const roster::ImportOptions& options) {
                       return roster::import_customers(*ctx.store, ctx.rules, o.file, options);
                   });

    auto* export_cmd = app.add_subcommand("export", "customers as CSV in the import format");
    export_cmd->add_option("--output,-o", o.output, "write to FILE instead of stdout");
    export_cmd->add_option("--as-of", o.as_of, "tier and rep in effect on this day (default today)");
    export_cmd->callback([&] { action = [&] { return export_customers(o); }; });

    auto* tier_cmd = app.add_subcommand("tier", "change a customer's tier from a day on (history kept)");
    tier_cmd->add_option("customer", o.query, "code or name")->required();
    tier_cmd->add_option("tier", o.new_tier, "new tier id")->required();
    tier_cmd->add_option("--from", o.from, "first day of the new tier, YYYY-MM-DD")->required();
    tier_cmd->add_flag("--force", o.force, "also from a day before the customer opened");
    tier_cmd->callback([&] {
        action = [&] {
            return change(o, "re-tiered", [&](cli::Context& ctx, core::Date today) -> Result<roster::Change> {
                KQ_TRY(core::Date from, core::parse_date(o.from, "--from"));
                return roster::change_tier(*ctx.store, ctx.rules, o.query, o.new_tier, from, today,
                                           force_of(o));
            });
        };
    });

    auto* assign_cmd = app.add_subcommand("assign", "hand a customer to another rep from a day on");
    assign_cmd->add_option("customer", o.query, "code or name")->required();
    assign_cmd->add_option("new-rep", o.new_rep, "rep id")->required();
    assign_cmd->add_option("--from", o.from, "first day with the new rep, YYYY-MM-DD")->required();
    assign_cmd->add_flag("--force", o.force, "also from a day before the customer opened");
    assign_cmd->callback([&] {
        action = [&] {
            return change(o, "assigned", [&](cli::Context& ctx, core::Date today) -> Result<roster::Change> {
                KQ_TRY(core::Date from, core::parse_date(o.from, "--from"));
                return roster::change_rep(*ctx.store, o.query, o.new_rep, from, today, force_of(o));
            });
        };
    });

    auto* close_cmd = app.add_subcommand("close", "close a customer after its last active day");
    close_cmd->add_option("customer", o.query, "code or name")->required();
    close_cmd->add_option("--on", o.on, "last active day, YYYY-MM-DD (default today)");
    close_cmd->add_flag("--force", o.force, "also before the customer's last contact");
    close_cmd->callback([&] {
        action = [&] {
            return change(o, "closed", [&](cli::Context& ctx, core::Date today) -> Result<store::Customer> {
                KQ_TRY(core::Date on, cli::date_or_today(o.on, "--on"));
                return roster::close_customer(*ctx.store, o.query, on, today, force_of(o));
            });
        };
    });

    auto* reopen_cmd = app.add_subcommand("reopen", "reopen a closed customer");
    reopen_cmd->add_option("customer", o.query, "code or name")->required();
    reopen_cmd->callback([&] {
        action = [&] {
            return change(o, "reopened", [&](cli::Context& ctx, core::Date today) {
                return roster::reopen_customer(*ctx.store, o.query, today);
            });
        };
    });

    auto* rep_cmd = app.add_subcommand("rep", "reps: add, list, import");
    rep_cmd->require_subcommand(1);
    auto* rep_add = rep_cmd->add_subcommand("add", "add a rep");
    rep_add->add_option("id", o.rep.id, "short id, e.g. wang")->required();
    rep_add->add_option("--name", o.rep.name, "full name, e.g. 王强");
    rep_add->add_option("--team", o.rep.team, "team, e.g. 华东一组");
    rep_add->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx,
                   cli::open_context(o.common, store::Create::yes)); // the first rep starts a database
            KQ_TRY(store::Rep r, roster::add_rep(*ctx.store, o.rep));
            keqing::cli::print("added rep {}{}{}\n", r.id, r.name.empty() ? "" : " " + r.name,
                               r.team.empty() ? "" : " (" + r.team + ")");
            return Exit::ok;
        };
    });
    auto* rep_list = rep_cmd->add_subcommand("list", "list reps");
    rep_list->add_option("--format", o.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    rep_list->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx, cli::open_context(o.common));
            KQ_TRY(std::vector<store::Rep> reps, ctx.store->list_reps());
            keqing::cli::print("{}", output::render_reps(reps, format_of(o.format)));
            return Exit::ok;
        };
    });
    auto* rep_import =
        rep_cmd->add_subcommand("import", "load reps from CSV (id[,name,team]): all rows or none");
    rep_import->add_option("file", o.file, "CSV file")->required();
    import_command(
        rep_import, o, action, "reps", false,
        [&o](cli::Context& ctx, const roster::ImportOptions& options) {
            return roster::import_reps(*ctx.store, o.file, options);
        },
        store::Create::yes); // the first reps start a database

    auto* person_cmd = app.add_subcommand("person", "people at a customer: add, edit, list, import");
    person_cmd->require_subcommand(1);
    auto* person_add = person_cmd->add_subcommand("add", "add a person (clerk, owner …) to a customer");
    person_add->add_option("customer", o.query, "code or name")->required();
    person_add->add_option("name", o.person.name, "the person's name")->required();
    person_add->add_option("--role", o.person.role, "店长, 营业员, 药师 …");
    person_add->add_option("--birthday", o.person.birthday,
                           "YYYY-MM-DD, MM-DD, lunar:M-D or lunar:L4-12 (leap month)");
    person_add->add_option("--preferences", o.person.preferences, "what they like");
    person_add->add_option("--family", o.person.family, "family situation");
    person_add->add_option("--personality", o.person.personality, "活泼, 完美, 力量 or 和平");
    person_add->add_option("--note", o.person.note, "anything else");
    person_add->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx, cli::open_context(o.common));
            KQ_TRY(store::Person p, roster::add_person(*ctx.store, o.query, o.person, core::today()));
            keqing::cli::print("added person #{} {} at {}{}\n", p.id, p.name, p.customer_code,
                               p.birthday.empty() ? "" : " (birthday " + p.birthday + ")");
            return Exit::ok;
        };
    });
    auto* person_edit = person_cmd->add_subcommand("edit", "change a person's details");
    person_edit->add_option("id", o.person_id, "person number (see person list)")->required();
    person_edit->add_option("--name", o.person_edit.name, "new name");
    person_edit->add_option("--role", o.person_edit.role, "new role");
    person_edit->add_option("--birthday", o.person_edit.birthday,
                            "YYYY-MM-DD, MM-DD, lunar:M-D or lunar:L4-12");
    person_edit->add_option("--preferences", o.person_edit.preferences, "what they like");
    person_edit->add_option("--family", o.person_edit.family, "family situation");
    person_edit->add_option("--personality", o.person_edit.personality, "活泼, 完美, 力量 or 和平");
    person_edit->add_option("--note", o.person_edit.note, "anything else");
    person_edit->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx, cli::open_context(o.common));
            KQ_TRY(store::Person p, roster::edit_person(*ctx.store, o.person_id, o.person_edit));
            keqing::cli::print("updated person #{} {} at {}\n", p.id, p.name, p.customer_code);
            return Exit::ok;
        };
    });
    auto* person_list = person_cmd->add_subcommand("list", "people of a customer (or of everyone)");
    person_list->add_option("customer", o.query, "code or name (default: every customer)");
    person_list->add_option("--format", o.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    person_list->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx, cli::open_context(o.common));
            int64_t id = 0;
            if (!o.query.empty()) {
                KQ_TRY(store::Customer c, roster::resolve_customer(*ctx.store, o.query, core::today()));
                id = c.id;
            }
            KQ_TRY(std::vector<store::Person> people, ctx.store->list_people(id));
            keqing::cli::print("{}", output::render_people(people, format_of(o.format)));
            return Exit::ok;
        };
    });

    auto* person_import = person_cmd->add_subcommand("import", "load people from CSV: all rows or none");
    person_import
        ->add_option("file", o.file,
                     "CSV with customer,name[,role,birthday,preferences,family,personality,note]")
        ->required();
    import_command(person_import, o, action, "people", false,
                   [&o](cli::Context& ctx, const roster::ImportOptions& options) {
                       return roster::import_people(*ctx.store, o.file, options);
                   });

    auto* event_cmd =
        app.add_subcommand("event", "life events (wedding, birth, bereavement …): add, list, import");
    event_cmd->require_subcommand(1);
    auto* event_add = event_cmd->add_subcommand("add", "record a life event; it creates a visit obligation");
    event_add->add_option("customer", o.query, "code or name")->required();
    event_add
        ->add_option("--kind", o.event_kind, "wedding, birth, anniversary, bereavement, illness, accident")
        ->required();
    event_add->add_option("--date", o.event_date, "the day it happened, YYYY-MM-DD")->required();
    event_add->add_option("--person", o.event_person, "whose event: person number or name");
    event_add->add_option("--note", o.event_note, "details");
    event_add->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx, cli::open_context(o.common));
            KQ_TRY(core::Date date, core::parse_date(o.event_date, "--date"));
            KQ_TRY(store::LifeEvent e, roster::add_event(*ctx.store, ctx.rules, o.query, o.event_kind, date,
                                                         o.event_person, o.event_note, core::today()));
            const rules::EventKind* kind = ctx.rules.event(e.kind);
            keqing::cli::print("added event #{}: {} at {}{} on {}; owed: {} by {}\n", e.id, kind->name,
                               e.customer_code, e.person_name.empty() ? "" : " (" + e.person_name + ")",
                               e.date.iso(), output::actions_text(kind->actions, ctx.rules),
                               e.date.plus_days(kind->after).iso());
            return Exit::ok;
        };
    });
    auto* event_import = event_cmd->add_subcommand("import", "load life events from CSV: all rows or none");
    event_import->add_option("file", o.file, "CSV with customer,kind,date[,person,note]")->required();
    import_command(event_import, o, action, "life events", false,
                   [&o](cli::Context& ctx, const roster::ImportOptions& options) {
                       return roster::import_events(*ctx.store, ctx.rules, o.file, options);
                   });
    auto* event_list = event_cmd->add_subcommand("list", "life events in a date range");
    event_list->add_option("customer", o.query, "code or name (default: every customer)");
    event_list->add_option("--from", o.event_from, "first day (default: 90 days ago)");
    event_list->add_option("--to", o.event_to, "last day (default: today)");
    event_list->callback([&] {
        action = [&]() -> Result<Exit> {
            KQ_TRY(cli::Context ctx, cli::open_context(o.common));
            KQ_TRY(core::Date to, cli::date_or_today(o.event_to, "--to"));
            core::Date from = to.plus_days(-90);
            if (!o.event_from.empty()) {
                KQ_TRY(from, core::parse_date(o.event_from, "--from"));
            }
            int64_t id = 0;
            if (!o.query.empty()) {
                KQ_TRY(store::Customer c, roster::resolve_customer(*ctx.store, o.query, to));
                id = c.id;
            }
            KQ_TRY(std::vector<store::LifeEvent> events, ctx.store->list_events(from, to, id));
            output::Table t;
            t.column("#", output::Align::right).column("DATE").column("CODE").column("KIND").column("PERSON");
            t.column("NOTE", output::Align::left, output::kTextColumns);
            for (const auto& e : events)
                t.row(
                    {fmt::format("{}", e.id), e.date.iso(), e.customer_code, e.kind, e.person_name, e.note});
            keqing::cli::print("{}", t.empty() ? "no life events in that range\n" : t.render());
            return Exit::ok;
        };
    });

    app.footer("Exit status: 0 done, 2 usage error, 3 data error, 4 database error.");
    return cli::run("roster", app, argc, argv, [&]() -> Result<Exit> {
        o.rep_given = app.get_option("--rep")->count() > 0;
        return action();
    });
}
