// roster's subcommands for reps (add, list, import), people at customers (add, edit, remove, list, import)
// and life events (add, remove, import, list); every change takes --dry-run.
#include "commands.hpp"

#include "output/roster_view.hpp"
#include "roster/customers.hpp"
#include "roster/lookup.hpp"
#include "roster/people.hpp"

#include <memory>

namespace roster_app {
namespace kq = keqing;

namespace {

struct RepOptions {
    kq::store::Rep rep;
    kq::output::Format format = kq::output::Format::table;
};

struct PersonOptions {
    std::string query;
    kq::store::Person person;
    kq::roster::PersonEdit edit;
    int64_t id = 0;
    std::string reason;
    bool removed = false; // list: also the removed ones
    kq::output::Format format = kq::output::Format::table;
};

struct EventOptions {
    std::string query, kind, date, person, note, from, to, reason;
    int64_t id = 0;
    bool removed = false;
};

kq::store::Removed removed_of(bool removed) {
    return removed ? kq::store::Removed::included : kq::store::Removed::left_out;
}

// The id of the customer `query` names on `on`, or 0 (everyone) when it is empty.
Result<int64_t> customer_id_or_all(kq::store::Store& store, const std::string& query, kq::core::Date on) {
    if (query.empty()) return int64_t{0};
    KQ_TRY(kq::store::Customer c, kq::roster::resolve_customer(store, query, on));
    return c.id;
}

Result<Exit> list_events(const Shared& shared, const EventOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date to, kq::cli::date_or_today(o.to, "--to"));
    kq::core::Date from = to.plus_days(-90);
    if (!o.from.empty()) {
        KQ_TRY(from, kq::cli::date_or_today(o.from, "--from"));
    }
    KQ_TRY(int64_t id, customer_id_or_all(*ctx.store, o.query, to));
    KQ_TRY(std::vector<kq::store::LifeEvent> events,
           ctx.store->list_events(from, to, id, removed_of(o.removed)));
    kq::cli::print("{}", kq::output::render_events(events, removed_of(o.removed)));
    return Exit::ok;
}

// roster person remove ID --reason TEXT [--dry-run].
void add_person_remove(CLI::App* person_cmd, const std::shared_ptr<PersonOptions>& o, Shared& shared,
                       Action& action) {
    auto* person_remove = person_cmd->add_subcommand(
        "remove", "remove a person (kept with the reason, never deleted; their birthday is owed no more)");
    person_remove->add_option("id", o->id, "person number (see person list)")->required();
    person_remove->add_option("--reason", o->reason, "why (kept with the person)")->required();
    add_dry_run(person_remove, shared);
    person_remove->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(kq::store::Person p, applied(ctx, shared, [&] {
                       return kq::roster::remove_person(*ctx.store, o->id, o->reason);
                   }));
            kq::cli::print("{}{}\n",
                           kq::core::trf("{} person #{} {} at {} ({})",
                                         verb(shared, "removed", "would remove"), p.id, p.name,
                                         p.customer_code, p.removed_reason),
                           p.birthday.empty() ? "" : kq::core::tr("; their birthday is owed no more"));
            return Exit::ok;
        };
    });
}

} // namespace

void add_rep_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<RepOptions>();
    auto* rep_cmd = app.add_subcommand("rep", "reps: add, list, import");
    rep_cmd->require_subcommand(1);
    auto* rep_add = rep_cmd->add_subcommand("add", "add a rep");
    rep_add->add_option("id", o->rep.id, "short id, e.g. wang")->required();
    rep_add->add_option("--name", o->rep.name, "full name, e.g. 王强");
    rep_add->add_option("--team", o->rep.team, "team, e.g. 华东一组");
    add_dry_run(rep_add, shared);
    rep_add->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, // the first rep starts a database (not on a dry run)
                   kq::cli::open_context(shared.common,
                                         shared.dry_run ? kq::store::Create::no : kq::store::Create::yes));
            KQ_TRY(kq::store::Rep r,
                   applied(ctx, shared, [&] { return kq::roster::add_rep(*ctx.store, o->rep); }));
            kq::cli::print("{}{}{}\n", kq::core::trf("{} rep {}", verb(shared, "added", "would add"), r.id),
                           r.name.empty() ? "" : " " + r.name,
                           r.team.empty() ? "" : kq::core::trf(" ({})", r.team));
            return Exit::ok;
        };
    });
    auto* rep_list = rep_cmd->add_subcommand("list", "list reps");
    add_format_option(rep_list, o->format);
    rep_list->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(std::vector<kq::store::Rep> reps, ctx.store->list_reps());
            kq::cli::print("{}", kq::output::render_reps(reps, o->format));
            return Exit::ok;
        };
    });
    add_import_command(
        rep_cmd, "import", N_("load reps from CSV (id[,name,team]): all rows or none"),
        N_("CSV file; - reads standard input"), N_("reps"), false, shared, action,
        [](kq::cli::Context& ctx, const std::string& file, const kq::roster::ImportOptions& options) {
            return kq::roster::import_reps(*ctx.store, file, options);
        },
        kq::store::Create::yes); // the first reps start a database
}

void add_person_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<PersonOptions>();
    auto* person_cmd = app.add_subcommand("person", "people at a customer: add, edit, remove, list, import");
    person_cmd->require_subcommand(1);
    auto* person_add = person_cmd->add_subcommand("add", "add a person (clerk, owner …) to a customer");
    person_add->add_option("customer", o->query, "code or name")->required();
    person_add->add_option("name", o->person.name, "the person's name")->required();
    person_add->add_option("--role", o->person.role, "店长, 营业员, 药师 …");
    person_add->add_option("--birthday", o->person.birthday,
                           "YYYY-MM-DD, MM-DD, lunar:M-D or lunar:L4-12 (leap month)");
    person_add->add_option("--preferences", o->person.preferences, "what they like");
    person_add->add_option("--family", o->person.family, "family situation");
    person_add->add_option("--personality", o->person.personality, "活泼, 完美, 力量 or 和平");
    person_add->add_option("--note", o->person.note, "anything else");
    add_dry_run(person_add, shared);
    person_add->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(kq::store::Person p, applied(ctx, shared, [&] {
                       return kq::roster::add_person(*ctx.store, o->query, o->person, kq::core::today());
                   }));
            kq::cli::print("{}{}\n",
                           kq::core::trf("{} person #{} {} at {}", verb(shared, "added", "would add"), p.id,
                                         p.name, p.customer_code),
                           p.birthday.empty() ? "" : kq::core::trf(" (birthday {})", p.birthday));
            return Exit::ok;
        };
    });
    auto* person_edit = person_cmd->add_subcommand("edit", "change a person's details");
    person_edit->add_option("id", o->id, "person number (see person list)")->required();
    person_edit->add_option("--name", o->edit.name, "new name");
    person_edit->add_option("--role", o->edit.role, "new role");
    person_edit->add_option("--birthday", o->edit.birthday, "YYYY-MM-DD, MM-DD, lunar:M-D or lunar:L4-12");
    person_edit->add_option("--preferences", o->edit.preferences, "what they like");
    person_edit->add_option("--family", o->edit.family, "family situation");
    person_edit->add_option("--personality", o->edit.personality, "活泼, 完美, 力量 or 和平");
    person_edit->add_option("--note", o->edit.note, "anything else");
    add_dry_run(person_edit, shared);
    person_edit->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(kq::store::Person p,
                   applied(ctx, shared, [&] { return kq::roster::edit_person(*ctx.store, o->id, o->edit); }));
            kq::cli::print("{}\n",
                           kq::core::trf("{} person #{} {} at {}", verb(shared, "updated", "would update"),
                                         p.id, p.name, p.customer_code));
            return Exit::ok;
        };
    });
    add_person_remove(person_cmd, o, shared, action);
    auto* person_list = person_cmd->add_subcommand("list", "people of a customer (or of everyone)");
    person_list->add_option("customer", o->query, "code or name (default: every customer)");
    add_format_option(person_list, o->format);
    person_list->add_flag("--removed", o->removed, "also the people removed, with when and why");
    person_list->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(int64_t id, customer_id_or_all(*ctx.store, o->query, kq::core::today()));
            KQ_TRY(std::vector<kq::store::Person> people, ctx.store->list_people(id, removed_of(o->removed)));
            kq::cli::print("{}", kq::output::render_people(people, o->format, removed_of(o->removed)));
            return Exit::ok;
        };
    });
    add_import_command(
        person_cmd, "import", N_("load people from CSV: all rows or none"),
        N_("CSV with customer,name[,role,birthday,preferences,family,personality,note]; - reads standard "
           "input"),
        N_("people"), false, shared, action,
        [](kq::cli::Context& ctx, const std::string& file, const kq::roster::ImportOptions& options) {
            return kq::roster::import_people(*ctx.store, file, options);
        });
}

void add_event_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<EventOptions>();
    auto* event_cmd =
        app.add_subcommand("event", "life events (wedding, birth, bereavement …): add, remove, list, import");
    event_cmd->require_subcommand(1);
    auto* event_add = event_cmd->add_subcommand("add", "record a life event; it creates a visit obligation");
    event_add->add_option("customer", o->query, "code or name")->required();
    event_add->add_option("--kind", o->kind, "wedding, birth, anniversary, bereavement, illness, accident")
        ->required();
    event_add
        ->add_option("--date", o->date, "the day it happened: YYYY-MM-DD, yesterday, -3, fri, 昨天, 上周五")
        ->required();
    event_add->add_option("--person", o->person, "whose event: person number or name");
    event_add->add_option("--note", o->note, "details");
    add_dry_run(event_add, shared);
    event_add->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(kq::core::Date date, kq::cli::date_or_today(o->date, "--date"));
            KQ_TRY(kq::store::LifeEvent e, applied(ctx, shared, [&] {
                       return kq::roster::add_event(*ctx.store, ctx.rules, o->query, o->kind, date, o->person,
                                                    o->note, kq::core::today());
                   }));
            const kq::rules::EventKind* kind = ctx.rules.event(e.kind);
            kq::cli::print(
                "{}\n", kq::core::trf("{} event #{}: {} at {}{} on {}; owed: {} by {}",
                                      verb(shared, "added", "would add"), e.id, kind->name, e.customer_code,
                                      e.person_name.empty() ? "" : kq::core::trf(" ({})", e.person_name),
                                      e.date.iso(), kq::output::actions_text(kind->actions, ctx.rules),
                                      e.date.plus_days(kind->after).iso()));
            return Exit::ok;
        };
    });
    add_import_command(
        event_cmd, "import", N_("load life events from CSV: all rows or none"),
        N_("CSV with customer,kind,date[,person,note]; - reads standard input"), N_("life events"), false,
        shared, action,
        [](kq::cli::Context& ctx, const std::string& file, const kq::roster::ImportOptions& options) {
            return kq::roster::import_events(*ctx.store, ctx.rules, file, options);
        });
    auto* event_remove = event_cmd->add_subcommand(
        "remove",
        "remove a life event (kept with the reason, never deleted; the visit it asked for is withdrawn)");
    event_remove->add_option("id", o->id, "event number (see event list)")->required();
    event_remove->add_option("--reason", o->reason, "why, e.g. \"wrong date\" (kept with the event)")
        ->required();
    add_dry_run(event_remove, shared);
    event_remove->callback([o, &shared, &action] {
        action = [o, &shared]() -> Result<Exit> {
            KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
            KQ_TRY(kq::store::LifeEvent e, applied(ctx, shared, [&] {
                       return kq::roster::remove_event(*ctx.store, o->id, o->reason);
                   }));
            const kq::rules::EventKind* kind = ctx.rules.event(e.kind);
            kq::cli::print("{}\n",
                           kq::core::trf("{} event #{}: {} at {} on {} ({}); its obligation is withdrawn",
                                         verb(shared, "removed", "would remove"), e.id,
                                         kind ? kind->name : e.kind, e.customer_code, e.date.iso(),
                                         e.removed_reason));
            return Exit::ok;
        };
    });
    auto* event_list = event_cmd->add_subcommand("list", "life events in a date range");
    event_list->add_option("customer", o->query, "code or name (default: every customer)");
    event_list->add_option("--from", o->from, "first day (default: 90 days ago)");
    event_list->add_option("--to", o->to, "last day (default: today)");
    event_list->add_flag("--removed", o->removed, "also the events removed, with when and why");
    event_list->callback(
        [o, &shared, &action] { action = [o, &shared] { return list_events(shared, *o); }; });
}

} // namespace roster_app
