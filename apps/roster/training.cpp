// roster's training subcommands (R11, issue 18 item 6): add (a training given at a customer: topic, day,
// attendees, in person or not), list (a customer's or everyone's, of a range) and remove (with a reason).
#include "commands.hpp"

#include "core/i18n.hpp"
#include "output/training_view.hpp"
#include "roster/training.hpp"

#include <memory>

namespace roster_app {
namespace kq = keqing;

namespace {

struct TrainingOptions {
    std::string query, topic, date, note, from, to, reason;
    std::vector<std::string> attendees;
    bool remote = false, removed = false;
    int64_t id = 0;
    kq::output::Format format = kq::output::Format::table;
};

Result<Exit> training_add(const Shared& shared, const TrainingOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date today, kq::cli::date_or_today("", ""));
    kq::roster::TrainingInput in;
    in.customer = o.query;
    in.topic = o.topic;
    KQ_TRY(in.day, kq::cli::date_or_today(o.date, "--date"));
    in.attendees = o.attendees;
    in.in_person = !o.remote;
    in.rep = ctx.settings.rep;
    in.note = o.note;
    KQ_TRY(kq::store::Training t,
           applied(ctx, shared, [&] { return kq::roster::add_training(*ctx.store, in, today); }));
    const std::string what = kq::core::trf(
        "training #{} at {} on {} by {}: {} ({}, {} attendee(s))", t.id, t.customer_code, t.day.iso(), t.rep,
        t.topic, t.in_person ? kq::core::tr("in person") : kq::core::tr("not in person"), t.attendees.size());
    kq::cli::print("{} {}\n", verb(shared, kq::core::tr("recorded"), kq::core::tr("would record (dry run)")),
                   what);
    return Exit::ok;
}

Result<Exit> training_list(const Shared& shared, const TrainingOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date today, kq::cli::date_or_today("", ""));
    KQ_TRY(kq::core::Date to, kq::cli::date_or_today(o.to, "--to"));
    kq::core::Date from = to.plus_days(-90);
    if (!o.from.empty()) {
        KQ_TRY(from, kq::cli::date_or_today(o.from, "--from"));
    }
    const auto removed = o.removed ? kq::store::Removed::included : kq::store::Removed::left_out;
    KQ_TRY(std::vector<kq::store::Training> found,
           kq::roster::list_trainings(*ctx.store, o.query, from, to, today, removed));
    kq::output::PersonNames names;
    if (!found.empty()) {
        const int64_t one = o.query.empty() ? 0 : found.front().customer_id;
        KQ_TRY(std::vector<kq::store::Person> people,
               ctx.store->list_people(one, kq::store::Removed::included));
        for (const auto& p : people)
            names[p.id] = p.name;
    }
    kq::cli::print("{}", kq::output::render_trainings(found, names, o.format));
    return Exit::ok;
}

Result<Exit> training_remove(const Shared& shared, const TrainingOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::store::Training t,
           applied(ctx, shared, [&] { return kq::roster::remove_training(*ctx.store, o.id, o.reason); }));
    kq::cli::print(
        "{} {}\n", verb(shared, kq::core::tr("removed"), kq::core::tr("would remove (dry run)")),
        kq::core::trf("training #{} at {} on {} ({})", t.id, t.customer_code, t.day.iso(), t.removed_reason));
    return Exit::ok;
}

} // namespace

void add_training_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<TrainingOptions>();
    auto* cmd =
        app.add_subcommand("training", "formal trainings given at customers (R11): add, list, remove");
    cmd->require_subcommand(1);

    auto* add_cmd = cmd->add_subcommand("add", "record a training given at a customer (by the current rep)");
    add_cmd->add_option("customer", o->query, "code or name")->required();
    add_cmd->add_option("--topic", o->topic, "what was taught (药品知识, 营销知识 …)")->required();
    add_cmd->add_option("--date", o->date, "the day it was held (default today): YYYY-MM-DD, -3, 上周五…");
    add_cmd->add_option("--attendee", o->attendees,
                        "a person of the customer who attended, by number or name (repeat for each)");
    add_cmd->add_flag("--remote", o->remote, "not given in person (video, phone): R11 may not count it");
    add_cmd->add_option("--note", o->note, "a note");
    add_dry_run(add_cmd, shared);
    add_cmd->callback([o, &shared, &action] { action = [o, &shared] { return training_add(shared, *o); }; });

    auto* list_cmd = cmd->add_subcommand("list", "trainings of a customer, or of every customer, in a range");
    list_cmd->add_option("customer", o->query, "code or name (default: every customer you see)");
    list_cmd->add_option("--from", o->from, "first day (default: 90 days before --to)");
    list_cmd->add_option("--to", o->to, "last day (default today)");
    list_cmd->add_flag("--removed", o->removed, "also the trainings removed, with why");
    add_format_option(list_cmd, o->format);
    list_cmd->callback(
        [o, &shared, &action] { action = [o, &shared] { return training_list(shared, *o); }; });

    auto* remove_cmd =
        cmd->add_subcommand("remove", "remove a training recorded by mistake (kept with the reason)");
    remove_cmd->add_option("id", o->id, "training number (see training list)")->required();
    remove_cmd->add_option("--reason", o->reason, "why (kept with the training)")->required();
    add_dry_run(remove_cmd, shared);
    remove_cmd->callback(
        [o, &shared, &action] { action = [o, &shared] { return training_remove(shared, *o); }; });
}

} // namespace roster_app
