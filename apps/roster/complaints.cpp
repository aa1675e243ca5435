// roster's complaint subcommands (issue 18 item 2, seed 002): step (record the next step of a complaint
// log-visit --complaint opened), list (open ones with their age, or all of a range) and show (one with
// every step).
#include "commands.hpp"

#include "core/i18n.hpp"
#include "followups/complaints.hpp"
#include "followups/transfer.hpp"
#include "output/complaint_view.hpp"

#include <memory>

namespace roster_app {
namespace kq = keqing;

namespace {

struct ComplaintOptions {
    int64_t id = 0;
    std::string step, note, on, as_of, from;
    std::string customer, text, about, date, due, output;
    bool dry_run = false, all = false;
    kq::output::Format format = kq::output::Format::table;
};

Result<Exit> record_step(const Shared& shared, const ComplaintOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date day, kq::cli::date_or_today(o.on, "--on"));
    KQ_TRY(kq::store::FollowUpStep st,
           kq::followups::record_step(*ctx.store, ctx.rules, o.id, o.step, o.note, day, o.dry_run));
    KQ_TRY(kq::followups::Stepped item, kq::followups::stepped_item(*ctx.store, ctx.rules, o.id, day));
    kq::cli::print("{}\n", o.dry_run ? kq::core::trf("would record step {} of #{} on {}: {}", st.step, o.id,
                                                     st.done_on.iso(), st.note)
                                     : kq::core::trf("recorded step {} of #{} on {}: {}", st.step, o.id,
                                                     st.done_on.iso(), st.note));
    if (!o.dry_run) {
        if (item.next.empty())
            kq::cli::print("{}\n",
                           kq::core::trnf("closed #{}: done, {} day after it was opened",
                                          "closed #{}: done, {} days after it was opened",
                                          static_cast<unsigned long>(item.age_days), o.id, item.age_days));
        else
            kq::cli::print("{}\n", kq::core::trf("next step: {}", item.next));
    }
    return Exit::ok;
}

// The kind of follow-up that has steps: the rules' complaint kind.
Result<std::string> stepped_kind(const kq::rules::Rules& rules) {
    for (const auto& k : rules.followups)
        if (!k.steps.empty()) return k.kind;
    return kq::data_error("{}", kq::core::trf("the rules ({}) define no follow-up kind with steps; add "
                                              "`steps` to a [[followup]]",
                                              rules.source));
}

Result<Exit> add_complaint(const Shared& shared, const ComplaintOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date day, kq::cli::date_or_today(o.date, "--date"));
    std::string due = o.due;
    if (!due.empty()) {
        KQ_TRY(kq::core::Date d, kq::cli::date_or_today(o.due, "--due"));
        due = d.iso();
    }
    KQ_TRY(std::string kind, stepped_kind(ctx.rules));
    const kq::followups::OpenAt open{o.customer, kind, o.text, o.about, due, day};
    KQ_TRY(kq::store::FollowUp f,
           kq::followups::open_at(*ctx.store, ctx.rules, open, kq::core::today(), o.dry_run));
    const kq::rules::FollowUpKind* k = ctx.rules.followup(kind);
    kq::cli::print(
        "{}", o.dry_run ? kq::core::trf("would record (dry run) complaint at {} on {}: {}, due {}, "
                                        "owner {}\n",
                                        f.customer_code, f.opened_on.iso(), f.body, f.due_on.iso(), f.rep)
                        : kq::core::trf("recorded complaint #{} at {} on {}: {}, due {}, owner {}\n", f.id,
                                        f.customer_code, f.opened_on.iso(), f.body, f.due_on.iso(), f.rep));
    if (!o.dry_run && k && !k->steps.empty())
        kq::cli::print("{}", kq::core::trf("next step: {} (roster complaint step {} {} --note TEXT)\n",
                                           k->steps.front(), f.id, k->steps.front()));
    return Exit::ok;
}

Result<Exit> export_complaints(const Shared& shared, const ComplaintOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date to, kq::cli::date_or_today(o.as_of, "--as-of"));
    kq::core::Date from = kq::core::Date::from_ymd(1900, 1, 1);
    if (!o.from.empty()) {
        KQ_TRY(from, kq::cli::date_or_today(o.from, "--from"));
    }
    kq::store::Scope filter;
    if (shared.rep_given) filter = {kq::store::Scope::Kind::rep, shared.common.rep};
    KQ_TRY(std::vector<kq::followups::Stepped> items,
           kq::followups::stepped_items(*ctx.store, ctx.rules, from, to, filter, false));
    return write_export(kq::output::render_complaints_export(items), o.output, items.size(),
                        N_("complaints"));
}

Result<Exit> list_complaints(const Shared& shared, const ComplaintOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date to, kq::cli::date_or_today(o.as_of, "--as-of"));
    kq::core::Date from = to;
    if (!o.from.empty()) {
        KQ_TRY(from, kq::cli::date_or_today(o.from, "--from"));
        if (to < from) return kq::usage_error("--from {} is after --as-of {}", from.iso(), to.iso());
    }
    kq::store::Scope filter;
    if (shared.rep_given) filter = {kq::store::Scope::Kind::rep, shared.common.rep};
    KQ_TRY(std::vector<kq::followups::Stepped> items,
           kq::followups::stepped_items(*ctx.store, ctx.rules, from, to, filter, !o.all && o.from.empty()));
    kq::cli::print("{}", kq::output::render_complaints(items, o.format));
    return Exit::ok;
}

Result<Exit> show_complaint(const Shared& shared, const ComplaintOptions& o) {
    KQ_TRY(kq::cli::Context ctx, kq::cli::open_context(shared.common));
    KQ_TRY(kq::core::Date day, kq::cli::date_or_today(o.as_of, "--as-of"));
    KQ_TRY(kq::followups::Stepped item, kq::followups::stepped_item(*ctx.store, ctx.rules, o.id, day));
    kq::cli::print("{}", kq::output::render_complaint(item, ctx.rules));
    return Exit::ok;
}

} // namespace

void add_complaint_commands(CLI::App& app, Shared& shared, Action& action) {
    auto o = std::make_shared<ComplaintOptions>();
    auto* cmd = app.add_subcommand("complaint", "complaints (seed 002): add, step, list, show, import, "
                                                "export; log-visit --complaint TEXT records one too");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "record a complaint that came in (记录) without a visit");
    add->add_option("customer", o->customer, "the customer: code or name")->required();
    add->add_option("text", o->text, "the complaint, in the customer's words")->required();
    add->add_option("--about", o->about, "the customer's contact person who complained (name or id)");
    add->add_option("--date", o->date, "the day it came in (default: today)");
    add->add_option("--due", o->due, "when it must be closed (default: the rules' due_days later)");
    add->add_flag("--dry-run", o->dry_run, "check the complaint, store nothing");
    add->callback([o, &shared, &action] { action = [o, &shared] { return add_complaint(shared, *o); }; });
    auto* step = cmd->add_subcommand("step", "record the next step of a complaint (判定, 责任部门, 方案, …)");
    step->add_option("id", o->id, "the complaint's number")->required();
    step->add_option("step", o->step, "the step, as the rules name it, e.g. 判定")->required();
    step->add_option("--note", o->note, "what was decided: 成立, the department, the remedy, who approved …")
        ->required();
    step->add_option("--on", o->on, "the day of the step (default: today)");
    step->add_flag("--dry-run", o->dry_run, "check the step, store nothing");
    step->callback([o, &shared, &action] { action = [o, &shared] { return record_step(shared, *o); }; });
    auto* list = cmd->add_subcommand("list", "complaints open at the end of --as-of, with their age");
    list->add_option("--as-of", o->as_of, "the day (default: today)");
    list->add_option("--from", o->from, "also those closed from this day on");
    list->add_flag("--all", o->all, "also the closed ones open some day of [--from, --as-of]");
    add_format_option(list, o->format);
    list->callback([o, &shared, &action] { action = [o, &shared] { return list_complaints(shared, *o); }; });
    auto* show = cmd->add_subcommand("show", "one complaint with every step");
    show->add_option("id", o->id, "the complaint's number")->required();
    show->add_option("--as-of", o->as_of, "the day (default: today)");
    show->callback([o, &shared, &action] { action = [o, &shared] { return show_complaint(shared, *o); }; });
    add_import_command(
        cmd, "import", "load complaints and their steps from CSV (the export's format): all rows or none",
        "CSV file (customer,body,opened_on,due_on[,person,step,done_on,note]: a row per step)",
        "complaint rows", false, shared, action,
        [](kq::cli::Context& ctx, const std::string& file, const kq::roster::ImportOptions& options) {
            return kq::followups::import_complaints(*ctx.store, ctx.rules, file, options, kq::core::today());
        });
    auto* exp = cmd->add_subcommand("export", "complaints and their steps as CSV in the import format");
    exp->add_option("--output,-o", o->output, "write to FILE instead of stdout");
    exp->add_option("--as-of", o->as_of, "those opened by this day (default: today)");
    exp->add_option("--from", o->from, "only those open some day from this one on");
    exp->callback([o, &shared, &action] { action = [o, &shared] { return export_complaints(shared, *o); }; });
}

} // namespace roster_app
