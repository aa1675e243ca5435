// roster's follow-up subcommands (issue 18 item 1): list (open ones, or all of a range), start (open →
// in progress), import and export (CSV in one format); log-visit opens and closes them.
#include "commands.hpp"

#include "core/i18n.hpp"
#include "followups/transfer.hpp"
#include "output/followup_view.hpp"

#include <memory>

namespace roster_app {
namespace kq = keqing;

namespace {

struct FollowUpOptions {
    int64_t id = 0;
    std::string on, as_of, from, output;
    bool dry_run = false, all = false;
    kq::output::Format format = kq::output::Format::table;
};

// The items of [--from, --as-of] (every one opened by --as-of with --all, only the open ones without a
// range), of --rep's customers when given.
Result<std::vector<kq::store::FollowUp>> listed(kq::cli::Context& ctx, const Shared& shared,
                                                const FollowUpOptions& o, kq::core::Date& to) {
    KQ_TRY(to, kq::cli::date_or_today(o.as_of, "--as-of"));
    kq::core::Date from = o.all ? kq::core::Date::from_ymd(1900, 1, 1) : to;
    if (!o.from.empty()) {
        KQ_TRY(from, kq::cli::date_or_today(o.from, "--from"));
        if (to < from) return kq::usage_error("--from {} is after --as-of {}", from.iso(), to.iso());
    }
    kq::store::Scope filter;
    if (shared.rep_given) filter = {kq::store::Scope::Kind::rep, shared.common.rep};
    KQ_TRY(std::vector<kq::store::FollowUp> items, ctx.store->followups_of(from, to, filter));
    if (!o.all && o.from.empty())
        std::erase_if(items, [&](const kq::store::FollowUp& f) { return !kq::followups::is_open(f, to); });
    return items;
}

Result<Exit> list_followups(const Shared& shared, const FollowUpOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    kq::core::Date to;
    KQ_TRY(std::vector<kq::store::FollowUp> items, listed(ctx, shared, o, to));
    if (o.format == kq::output::Format::csv) {
        kq::cli::print("{}", kq::output::render_followups_csv(items));
    } else if (o.format == kq::output::Format::json) {
        kq::core::JsonWriter j;
        kq::output::write_followups(j, items, ctx.rules, to);
        kq::cli::print("{}\n", std::move(j).str());
    } else {
        kq::cli::print("{}", items.empty() ? kq::core::tr("no follow-ups\n")
                                           : kq::output::render_followups(items, ctx.rules, to, true));
    }
    return Exit::ok;
}

Result<Exit> start_followup(const Shared& shared, const FollowUpOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date day, kq::cli::date_or_today(o.on, "--on"));
    KQ_TRY(kq::store::FollowUp f, kq::followups::start(*ctx.store, o.id, day, o.dry_run));
    kq::cli::print("{}", o.dry_run ? kq::core::trf("would start #{} (dry run): in progress from {}, due {}\n",
                                                   f.id, day.iso(), f.due_on.iso())
                                   : kq::core::trf("started #{}: in progress from {}, due {}\n", f.id,
                                                   day.iso(), f.due_on.iso()));
    return Exit::ok;
}

Result<Exit> export_followups(const Shared& shared, const FollowUpOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    FollowUpOptions every = o;
    every.all = o.from.empty();
    kq::core::Date to;
    KQ_TRY(std::vector<kq::store::FollowUp> items, listed(ctx, shared, every, to));
    return write_export(kq::output::render_followups_csv(items), o.output, items.size(), N_("follow-ups"));
}

} // namespace

Result<Exit> write_export(const std::string& csv, const std::string& output, size_t count,
                          std::string_view noun) {
    if (output.empty() || output == "-") {
        kq::cli::print("{}", csv);
        return Exit::ok;
    }
    // Replaces the file only once the export is whole.
    KQ_TRY(kq::core::Output out, kq::core::Output::to_file(output, "--output", kq::core::FileMode::shared));
    out.write(csv);
    KQ_CHECK(out.finish());
    fmt::print(stderr, "{}", kq::core::trf("exported {} {} to {}\n", count, kq::core::tr_text(noun), output));
    return Exit::ok;
}

void add_followup_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<FollowUpOptions>();
    auto* cmd =
        app.add_subcommand("followup", "follow-ups (promises, problems, slow movers, complaints): "
                                       "list, start, import, export; log-visit opens and closes them");
    cmd->require_subcommand(1);
    auto* list = cmd->add_subcommand("list", "follow-ups open at the end of --as-of");
    list->add_option("--as-of", o->as_of, "the day (default: today)");
    list->add_option("--from", o->from, "also those closed from this day on");
    list->add_flag("--all", o->all, "every one opened by --as-of, closed or not");
    add_format_option(list, o->format);
    list->callback([o, &shared, &action] { action = [o, &shared] { return list_followups(shared, *o); }; });
    auto* start = cmd->add_subcommand("start", "mark a follow-up in progress (open → in progress)");
    start->add_option("id", o->id, "the follow-up's number")->required();
    start->add_option("--on", o->on, "the day work on it started (default: today)");
    start->add_flag("--dry-run", o->dry_run, "check, store nothing");
    start->callback([o, &shared, &action] { action = [o, &shared] { return start_followup(shared, *o); }; });
    add_import_command(
        cmd, "import", "load follow-ups from CSV (the export's format): all rows or none",
        "CSV file (customer,kind,body,opened_on,due_on[,person,status,started_on,closed_on,reason])",
        "follow-ups", false, shared, action,
        [](kq::cli::Context& ctx, const std::string& file, const kq::roster::ImportOptions& options) {
            return kq::followups::import_followups(*ctx.store, ctx.rules, file, options, kq::core::today());
        });
    auto* exp = cmd->add_subcommand("export", "follow-ups as CSV in the import format");
    exp->add_option("--output,-o", o->output, "write to FILE instead of stdout");
    exp->add_option("--as-of", o->as_of, "those opened by this day (default: today)");
    exp->add_option("--from", o->from, "only those open some day from this one on");
    exp->callback([o, &shared, &action] { action = [o, &shared] { return export_followups(shared, *o); }; });
}

} // namespace roster_app
