// log-visit: record one contact in one line, void one with a reason (or undo the last one logged), re-tag one
// for an occasion, import a CSV of contacts, or list the contacts logged (--list, streamed; its CSV imports
// again); prints what the contact counted toward and what the customer is still owed this month.
#include "common/cli.hpp"
#include "common/huge_pages.hpp"
#include "contacts/history.hpp"
#include "contacts/log.hpp"
#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "output/table.hpp"
#include "output/words.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace {

// From this size on an import runs on huge pages (a smaller one would pay the second start for little).
constexpr uintmax_t kHugeImport = uintmax_t{1} << 20;

struct Options {
    keqing::cli::Common common;
    keqing::contacts::LogRequest request;
    std::string date, time, import_file, void_reason, encoding;
    int64_t void_id = 0, tag_id = 0, untag_id = 0, close_id = 0;
    std::string promise, problem, complaint, due; // follow-ups opened (issue 18); --slow-mover is also R17
    std::string about;                            // the person the follow-ups opened are about
    std::vector<int64_t> kept;
    bool visit = false, call = false, message = false, third_party = false;
    std::string channel;
    bool dry_run = false, ignore_unknown = false, again = false;
    bool list = false, undo = false; // --list (with --from, --to, --team, --format), --undo
    std::string from, to, team, format;
};

keqing::Result<std::string> channel_of(const Options& o) {
    std::vector<std::string> chosen;
    if (o.visit) chosen.emplace_back("visit");
    if (o.call) chosen.emplace_back("call");
    if (o.message) chosen.emplace_back("message");
    if (o.third_party) chosen.emplace_back("third_party");
    if (!o.channel.empty()) chosen.push_back(o.channel);
    if (chosen.size() > 1)
        return keqing::usage_error(
            "choose one channel: --visit, --call, --message, --third-party or --channel");
    return chosen.empty() ? std::string() : chosen.front(); // none: the rules' default channel
}

// The obligation a contact is tagged for, as it stands: its state, what is still to do, and why the contact
// itself does not count, if it does not.
void print_obligation(const keqing::occasions::Obligation& o, int64_t contact,
                      const keqing::rules::Rules& rules) {
    std::string left;
    for (const auto& a : o.outstanding())
        left += (left.empty() ? "" : keqing::core::tr(", ")) + keqing::output::action_word(rules, a);
    keqing::cli::print("  {}{}\n", keqing::output::state_word(keqing::occasions::display(o.state)),
                       left.empty() ? "" : keqing::core::trf("; still to do: {}", left));
    for (const auto& n : o.not_counted)
        if (n.contact == contact)
            keqing::cli::print(
                "  {}\n", keqing::core::trf("it does not count: {}", keqing::output::not_counted_why(o, n)));
}

// What each goal flag of the contact counted toward: the goal after it, and why it did not count if so.
void print_goals(const keqing::contacts::LogOutcome& out) {
    if (!out.goals) return;
    using keqing::compliance::Goal;
    const auto& c = out.contact;
    for (const auto& [flag, goal] :
         {std::pair{c.asked_help, Goal::asked_help}, std::pair{!c.solved.empty(), Goal::solved},
          std::pair{c.training, Goal::training}}) {
        const auto index = static_cast<size_t>(goal);
        if (!flag || index >= out.goals->goals.size()) continue;
        const auto& g = out.goals->goals[index];
        keqing::cli::print("{}{}\n",
                           keqing::core::trf("counts toward: {} {}, {} {}/{} ({})", g.id, g.label,
                                             out.goals->rep, g.done, g.required,
                                             keqing::compliance::display(g.status)),
                           g.detail.empty() ? "" : keqing::core::trf("; {}", g.detail));
    }
}

// Life events the notes suggest, each with the command that records it (nothing is recorded by itself).
void print_proposals(const keqing::contacts::LogOutcome& out) {
    for (const auto& p : out.proposals)
        keqing::cli::print("{}\n", keqing::output::proposal_line(p));
}

void print_logged(const keqing::contacts::LogOutcome& out, const keqing::rules::Rules& rules, bool dry_run) {
    const auto& c = out.contact;
    const auto& customer = out.customer;
    const std::string name = keqing::core::fit(customer.name, keqing::output::kNameColumns);
    const std::string time = c.time.empty() ? "" : " " + c.time;
    const std::string channel = keqing::output::channel_word(rules, c.channel);
    keqing::cli::print("{}\n",
                       dry_run ? keqing::core::trf("would log (dry run): {} with {} {} on {}{} by {}",
                                                   channel, customer.code, name, c.date.iso(), time, c.rep)
                               : keqing::core::trf("logged #{}: {} with {} {} on {}{} by {}", c.id, channel,
                                                   customer.code, name, c.date.iso(), time, c.rep));
    if (out.days_late > 0)
        keqing::cli::print(
            "{}{}\n",
            keqing::core::trf("flagged late: logged {} days after it happened (rules allow {})",
                              out.days_late, rules.late_after_days),
            rules.count_late ? "" : keqing::core::tr("; it counts toward no quota, occasion or goal"));
    if (!out.tag.tag.empty()) {
        std::string others;
        for (const auto& other : out.tag.others)
            others += (others.empty() ? "" : keqing::core::tr("; ")) + other;
        keqing::cli::print("{}{}\n", keqing::core::trf("tagged: {}", out.tag.name),
                           !out.tag.automatic ? ""
                           : !others.empty()
                               ? keqing::core::trf(" — the most urgent of the obligations it fits (also: "
                                                   "{}; change it with --tag {} --occasion TAG)",
                                                   others, c.id)
                           : out.tag.late ? keqing::core::tr(" — the one overdue obligation it fits")
                                          : keqing::core::tr(" — the one open obligation it fits"));
        if (out.obligation) print_obligation(*out.obligation, c.id, rules);
    } else if (!out.tag.candidates.empty()) {
        std::string list;
        for (const auto& candidate : out.tag.candidates)
            list += (list.empty() ? "" : keqing::core::tr("; ")) + candidate;
        keqing::cli::print(
            "{}\n", keqing::core::trf(
                        "not tagged: it fits several obligations ({}); tag it with --tag {} --occasion TAG",
                        list, c.id));
    }
    if (out.month.customers.empty()) return;
    const auto& result = out.month.customers.front();
    const auto quota_channels = rules.quota_channels();
    const int index = rules.channel_index(c.channel);
    const bool counts =
        std::find(quota_channels.begin(), quota_channels.end(), index) != quota_channels.end();
    keqing::cli::print("{}\n", counts ? keqing::core::trf("counts toward: {} quota, tier {}, {}", channel,
                                                          result.tier, out.month.month.iso())
                                      : keqing::core::trf("counts toward no quota (channel {})", channel));
    print_goals(out);
    print_proposals(out);
    if (rules.in_person(c.channel)) {
        const auto missing = keqing::contacts::missing_checklist(c);
        if (missing.empty())
            keqing::cli::print("{}\n", keqing::core::tr("checklist: complete (R12–R17)"));
        else {
            std::string list;
            for (const auto& m : missing)
                list += (list.empty() ? "" : keqing::core::tr(", ")) + m;
            keqing::cli::print(
                "{}\n", keqing::core::trf("checklist: {}/6 recorded; missing {}", 6 - missing.size(), list));
        }
    }
    // A back-dated contact of an earlier month shows that month, named as such.
    const bool this_month = keqing::core::Month::of(out.month.as_of).iso() == out.month.month.iso();
    const std::string status(keqing::compliance::display(result.status));
    keqing::cli::print("{}\n", this_month
                                   ? keqing::core::trf("{} this month (as of {}): {}", customer.code,
                                                       out.month.as_of.iso(), status)
                                   : keqing::core::trf("{} in {} (as of {}): {}", customer.code,
                                                       out.month.month.iso(), out.month.as_of.iso(), status));
    keqing::cli::print("{}", keqing::output::describe_customer(result, out.month, rules));
}

std::string followup_line(const keqing::store::FollowUp& f, const keqing::rules::Rules& rules) {
    const auto* kind = rules.followup(f.kind);
    return fmt::format("#{} {} {}{}", f.id, kind ? kind->name : f.kind,
                       keqing::core::fit(f.body, keqing::output::kTextColumns),
                       kind && !kind->rule.empty() ? " (" + kind->rule + ")" : "");
}

std::string days(int n) {
    return keqing::core::trnf("{} day", "{} days", static_cast<unsigned long>(n < 0 ? -n : n), n);
}

void print_followups(const keqing::followups::Applied& applied, const keqing::rules::Rules& rules) {
    for (const auto& f : applied.closed) {
        const int late = f.closed_on ? *f.closed_on - f.due_on : 0;
        keqing::cli::print(
            "{}{}\n",
            keqing::core::trf("closed follow-up {}: {}, {} after it was opened", followup_line(f, rules),
                              f.status, days(f.closed_on ? *f.closed_on - f.opened_on : 0)),
            late > 0 ? keqing::core::trf(", {} late (due {})", days(late), f.due_on.iso()) : "");
    }
    for (const auto& f : applied.opened)
        keqing::cli::print("{}\n", keqing::core::trf("opened follow-up {}: due {}, owner {}",
                                                     followup_line(f, rules), f.due_on.iso(), f.rep));
}

// The follow-ups a logged contact opens and closes, from the options; a number given to --solved closes
// that follow-up (and records it as the R10 problem solved), any other text is the R10 note itself.
keqing::Result<void> collect_followups(Options& o) {
    using keqing::followups::How;
    auto& r = o.request;
    auto& changes = r.followup_changes;
    if (!o.due.empty()) {
        KQ_TRY(keqing::core::Date due, keqing::cli::date_or_today(o.due, "--due"));
        o.due = due.iso();
    }
    if (!o.promise.empty()) changes.open.push_back({"promise", o.promise, o.due, o.about});
    if (!o.problem.empty()) changes.open.push_back({"problem", o.problem, o.due, o.about});
    if (!o.complaint.empty()) changes.open.push_back({"complaint", o.complaint, o.due, o.about});
    if (!r.checklist[5].empty()) changes.open.push_back({"slow-mover", r.checklist[5], o.due, o.about});
    if (!o.due.empty() && changes.open.empty())
        return keqing::usage_error(
            "--due {} needs something to follow up: --promise, --problem, --complaint or --slow-mover",
            o.due);
    if (!o.about.empty() && changes.open.empty())
        return keqing::usage_error(
            "{}", keqing::core::trf("--about {} needs something to follow up: --promise, --problem, "
                                    "--complaint or --slow-mover",
                                    o.about));
    for (const int64_t id : o.kept)
        changes.close.push_back({id, How::kept, ""});
    const std::string_view solved =
        r.solved.starts_with('#') ? std::string_view(r.solved).substr(1) : r.solved;
    if (!solved.empty() && solved.size() < 19 &&
        std::all_of(solved.begin(), solved.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        changes.close.push_back({std::stoll(std::string(solved)), How::solved, ""});
        r.solved.clear();
    }
    return {};
}

void print_retagged(const keqing::contacts::RetagOutcome& out, const keqing::rules::Rules& rules,
                    bool dry_run) {
    const auto& c = out.contact;
    namespace core = keqing::core;
    const std::string what =
        core::trf("#{}: {} with {} on {}", c.id, keqing::output::channel_word(rules, c.channel),
                  c.customer_code, c.date.iso());
    if (!out.changed) {
        keqing::cli::print("{}\n", core::trf("unchanged {}: tagged {} already", what, out.tag.name));
    } else if (c.occasion.empty()) {
        keqing::cli::print(
            "{}\n", dry_run ? core::trf("would untag (dry run) {}; it was tagged {}", what, out.previous)
                            : core::trf("untagged {}; it was tagged {}", what, out.previous));
    } else {
        keqing::cli::print("{}{}\n",
                           dry_run ? core::trf("would re-tag (dry run) {}: now {}", what, out.tag.name)
                                   : core::trf("re-tagged {}: now {}", what, out.tag.name),
                           out.previous.empty() ? "" : core::trf(" (was {})", out.previous));
    }
    if (out.obligation) print_obligation(*out.obligation, c.id, rules);
}

// log-visit --list: the contacts logged, filtered by the options, streamed to standard output.
keqing::Result<keqing::Exit> list_contacts(const Options& o, bool rep_given) {
    using namespace keqing;
    if (!o.import_file.empty() || o.void_id || o.tag_id || o.untag_id || o.close_id || o.undo || o.dry_run)
        return usage_error(
            "--list only lists: leave out --import, --void, --tag, --untag, --close, --undo and "
            "--dry-run");
    KQ_TRY(const std::string channel, channel_of(o));
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    KQ_TRY(const core::Date to, cli::date_or_today(o.to, "--to"));
    core::Date from = to.plus_days(-29); // default: the 30 days up to --to
    if (!o.from.empty()) {
        KQ_TRY(from, cli::date_or_today(o.from, "--from"));
    }
    const contacts::HistoryRequest request{.customer = o.request.customer,
                                           .rep = rep_given ? ctx.settings.rep : "",
                                           .team = o.team,
                                           .channel = channel,
                                           .occasion = o.request.occasion,
                                           .from = from,
                                           .to = to};
    const auto format = o.format == "csv"    ? output::Format::csv
                        : o.format == "json" ? output::Format::json
                                             : output::Format::table;
    KQ_CHECK(contacts::write_history(*ctx.store, ctx.rules, request, format, &core::Output::standard()));
    return Exit::ok;
}

// log-visit --undo: voids the current rep's last contact (within the rules' undo_hours) with reason "undo".
keqing::Result<keqing::Exit> undo_last(const Options& o) {
    using namespace keqing;
    if (!o.import_file.empty() || o.void_id || o.tag_id || o.untag_id || o.close_id ||
        !o.request.customer.empty())
        return usage_error("--undo takes no customer and no --import, --void, --tag, --untag or --close");
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    KQ_TRY(store::Contact c, contacts::undo_last(*ctx.store, ctx.rules, ctx.settings.rep, o.dry_run));
    const std::string time = c.time.empty() ? "" : " " + c.time;
    const std::string channel = output::channel_word(ctx.rules, c.channel);
    keqing::cli::print(
        "{}\n",
        o.dry_run
            ? core::trf("would undo (dry run) #{}: {} with {} on {}{} by {}, logged {} "
                        "(voided: {})",
                        c.id, channel, c.customer_code, c.date.iso(), time, c.rep, c.logged_at, c.void_reason)
            : core::trf("undone #{}: {} with {} on {}{} by {}, logged {} (voided: {})", c.id, channel,
                        c.customer_code, c.date.iso(), time, c.rep, c.logged_at, c.void_reason));
    return Exit::ok;
}

// --close N --reason TEXT: a follow-up dropped without a contact.
keqing::Result<keqing::Exit> drop_followup(const Options& o, keqing::cli::Context& ctx) {
    using namespace keqing;
    KQ_TRY(core::Date today, cli::date_or_today(o.date, "--date"));
    KQ_TRY(store::FollowUp f,
           followups::drop(*ctx.store, ctx.rules, o.close_id, o.void_reason, today, o.dry_run));
    keqing::cli::print("{}\n", o.dry_run ? core::trf("would drop (dry run) follow-up {} at {}: {}",
                                                     followup_line(f, ctx.rules), f.customer_code, f.reason)
                                         : core::trf("dropped follow-up {} at {}: {}",
                                                     followup_line(f, ctx.rules), f.customer_code, f.reason));
    return Exit::ok;
}

// --import FILE: contacts loaded all or nothing.
keqing::Result<keqing::Exit> import_file(const Options& o, keqing::cli::Context& ctx,
                                         keqing::core::Encoding encoding, bool rep_given) {
    using namespace keqing;
    const core::ImportOptions options{.ignore_unknown = o.ignore_unknown,
                                      .dry_run = o.dry_run,
                                      .encoding = encoding,
                                      .again = o.again,
                                      .default_rep = rep_given ? ctx.settings.rep : "",
                                      .who = ctx.settings.rep};
    KQ_TRY(core::ImportSummary r, contacts::import_contacts(*ctx.store, ctx.rules, o.import_file, options));
    const std::string source = core::source_name(o.import_file);
    keqing::cli::print(
        "{}{}{}\n",
        o.dry_run ? core::trf("would import (dry run) {} contacts from {}", r.added, source)
                  : core::trf("imported {} contacts from {}", r.added, source),
        r.late ? core::trf(" ({} flagged late)", r.late) : "",
        r.rows > r.added ? core::trf("; {} left out: their customer has a contact with the same ref already",
                                     r.rows - r.added)
                         : "");
    return Exit::ok;
}

keqing::Result<keqing::Exit> run(Options& o, bool rep_given) {
    using namespace keqing;
    if (o.list) return list_contacts(o, rep_given);
    if (!o.from.empty() || !o.to.empty() || !o.team.empty() || !o.format.empty())
        return usage_error("--from, --to, --team and --format go with --list");
    if (o.undo) return undo_last(o);
    const bool importing = !o.import_file.empty();
    const bool voiding = o.void_id != 0;
    const bool tagging = o.tag_id != 0 || o.untag_id != 0;
    const bool closing = o.close_id != 0;
    if (int(importing) + int(voiding) + int(o.tag_id != 0) + int(o.untag_id != 0) + int(closing) +
            int(!o.request.customer.empty()) !=
        1)
        return usage_error(
            "give a customer to log, --void ID --reason TEXT, --undo, --tag ID --occasion TAG, --untag "
            "ID, --close N --reason TEXT or --import FILE (one of them)");
    KQ_CHECK(collect_followups(o));
    if (!o.encoding.empty() && !importing) return usage_error("--encoding goes with --import FILE");
    KQ_TRY(const core::Encoding encoding,
           core::parse_encoding(o.encoding.empty() ? "auto" : o.encoding, "--encoding"));
    if (o.tag_id != 0 && o.request.occasion.empty())
        return usage_error("--tag {} needs --occasion TAG: the obligation the contact was for", o.tag_id);
    if (o.untag_id != 0 && !o.request.occasion.empty())
        return usage_error("--untag removes a tag; to change it, use --tag {} --occasion {}", o.untag_id,
                           o.request.occasion);
    // A file of a megabyte or more: the import's memory on huge pages (docs/DECISIONS.md), as whole-company
    // reads.
    if (std::error_code size_error; importing && o.import_file != "-" &&
                                    std::filesystem::file_size(o.import_file, size_error) >= kHugeImport &&
                                    !size_error)
        cli::run_with_huge_pages();
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    if (tagging) {
        KQ_TRY(contacts::RetagOutcome out,
               contacts::retag_contact(*ctx.store, ctx.rules, o.tag_id != 0 ? o.tag_id : o.untag_id,
                                       o.request.occasion, ctx.settings.rep, o.dry_run));
        print_retagged(out, ctx.rules, o.dry_run);
        return Exit::ok;
    }
    if (closing) return drop_followup(o, ctx);
    if (voiding) {
        KQ_TRY(store::Contact c, contacts::void_contact(*ctx.store, o.void_id, o.void_reason));
        keqing::cli::print("{}\n", core::trf("voided #{}: {} with {} on {} ({})", c.id,
                                             output::channel_word(ctx.rules, c.channel), c.customer_code,
                                             c.date.iso(), c.void_reason));
        return Exit::ok;
    }
    if (importing) return import_file(o, ctx, encoding, rep_given);
    KQ_TRY(o.request.channel, channel_of(o));
    if (!o.date.empty()) { // spoken forms resolve here; the library (and CSV files) take ISO only
        KQ_TRY(core::Date day, cli::date_or_today(o.date, "--date"));
        o.request.date = day.iso();
    }
    if (!o.time.empty()) o.request.time = o.time;
    o.request.rep = ctx.settings.rep;
    KQ_TRY(contacts::LogOutcome out, contacts::log_contact(*ctx.store, ctx.rules, o.request, o.dry_run));
    print_logged(out, ctx.rules, o.dry_run);
    print_followups(out.followups_applied, ctx.rules);
    return Exit::ok;
}

// The follow-up options (issue 18).
void wire_followups(CLI::App& app, Options& o) {
    auto* follow =
        app.add_option_group(N_("follow-ups"), "kept until a later contact closes them (issue 18)");
    follow->add_option("--promise", o.promise, "open a promise made to the customer (承诺)");
    follow->add_option("--problem", o.problem, "open a problem of the customer's to solve (R10)");
    follow->add_option("--complaint", o.complaint,
                       "record a complaint (投诉, seed 002); `roster complaint step` records its next steps");
    follow->add_option(
        "--due", o.due,
        "when the follow-ups opened are due: YYYY-MM-DD, +7, fri, 11-30 (default: the rules')");
    follow->add_option("--about", o.about,
                       "the customer's contact person the follow-ups opened are about (name or id)");
    follow->add_option("--kept", o.kept, "close promise N as kept (repeatable)");
    follow->add_option("--close", o.close_id, "drop follow-up N without a contact (needs --reason TEXT)");
}

// --list's options and the footer.
void wire_history(CLI::App& app, Options& o) {
    auto* history = app.add_option_group(N_("history"), "--list: the contacts logged (voided ones marked)");
    history->add_flag(
        "--list", o.list,
        "list contacts (of the customer given, --rep, --team, --channel, --occasion) instead of "
        "logging one");
    history->add_option("--from", o.from, "with --list: first day (default: 29 days before --to)");
    history->add_option("--to", o.to, "with --list: last day (default today): YYYY-MM-DD, -3, 昨天…");
    history->add_option("--team", o.team, "with --list: contacts logged by this team's reps");
    history->add_option("--format", o.format, "with --list: table, csv (log-visit --import's format) or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    app.footer(
        "Exit status: 0 logged, 2 usage error, 3 data error (unknown customer, bad date…), 4 database "
        "error.\n"
        "Examples:\n  log-visit 康泰 --call --note \"确认十二月订货\"\n"
        "  log-visit HZ001 --date 2026-11-20 --time 15:00 --feedback \"…\" --competitor \"…\"\n"
        "  log-visit HZ001 --promise \"下周三前送样品\" --due 2026-11-25\n  log-visit HZ001 --call --kept 3\n"
        "  log-visit --close 3 --reason \"店长说不需要了\"\n"
        "  log-visit --void 42 --reason \"logged twice\"\n  log-visit --undo\n"
        "  log-visit --tag 42 --occasion birthday\n"
        "  log-visit --list HZ001 --from 11-01\n  log-visit --list --rep wang --format csv > contacts.csv\n"
        "  log-visit --import contacts.csv");
}

// Wires every option into `app`, filling `o`; tests/fuzz/fuzz_log_visit_args.cpp reuses it.
void wire_options(CLI::App& app, Options& o) {
    auto& r = o.request;
    keqing::cli::add_common_options(app, o.common);
    app.add_option("customer", r.customer, "customer code, name, or an unambiguous part of the name");
    auto* channels = app.add_option_group(N_("channel"), "how the contact happened (default --visit)");
    channels->add_flag("--visit", o.visit, "in person (实地拜访)");
    channels->add_flag("--call", o.call, "phone call (电话拜访)");
    channels->add_flag("--message", o.message, "SMS, QQ, WeChat or email (其他交流方式)");
    channels->add_flag("--third-party", o.third_party, "through a third party (借助第三方力量)");
    channels->add_option("--channel", o.channel, "any channel id the rules define");
    app.add_option(
        "--date", o.date,
        "day it happened: YYYY-MM-DD, today, yesterday, -3, mon..sun, 昨天, 上周五 (default today)");
    app.add_option("--time", o.time, "time it happened, HH:MM (default now, when --date is today)");
    app.add_option("--note,-n", r.note, "what happened");
    app.add_flag("--gift", r.gift, "a gift was given");
    app.add_option("--occasion", r.occasion, "occasion id this contact is for (e.g. mid-autumn)");
    auto* checklist =
        app.add_option_group(N_("visit checklist"), "R12–R17, recorded on every in-person visit");
    checklist->add_option("--feedback", r.checklist[0], "R12 product feedback heard from the clerks");
    checklist->add_option("--preference", r.checklist[1], "R13 a clerk preference learned");
    checklist->add_option("--favour", r.checklist[2], "R14 one thing done toward a clerk's preference");
    checklist->add_option("--family", r.checklist[3], "R15 one clerk's family situation");
    checklist->add_option("--competitor", r.checklist[4], "R16 one competitor product in detail");
    checklist->add_option("--slow-mover", r.checklist[5],
                          "R17 our slow-moving items and why (also opens a slow-mover follow-up)");
    auto* goals = app.add_option_group(N_("rep goals"), "R9–R11");
    goals->add_flag("--asked-help", r.asked_help, "R9 asked the customer for help");
    goals->add_option("--solved", r.solved,
                      "R10 a problem solved for the customer; a number N closes follow-up N as solved");
    wire_followups(app, o);
    goals->add_flag("--training", r.training, "R11 gave formal training");
    app.add_option("--void", o.void_id, "void contact ID (it is kept and shown, never deleted)");
    app.add_option("--tag", o.tag_id,
                   "re-tag contact ID for the obligation --occasion names (no new contact)");
    app.add_option("--untag", o.untag_id, "remove contact ID's occasion tag");
    app.add_option("--reason", o.void_reason, "why the contact is voided, or the follow-up dropped");
    app.add_option("--import", o.import_file,
                   "load contacts from a CSV file (- reads standard input), all or nothing");
    app.add_flag("--ignore-unknown", o.ignore_unknown, "with --import: skip columns keqing does not know");
    keqing::cli::complete_values(
        app.add_option("--encoding", o.encoding,
                       "with --import: auto (UTF-8, else GB18030 as Excel saves it), utf-8 or gb18030 (gbk)"),
        {"auto", "utf-8", "gb18030", "gbk"});
    app.add_flag("--again", o.again, "with --import: import a file whose content was imported before");
    app.add_flag("--dry-run", o.dry_run, "check everything, show the result, store nothing");
    app.add_flag(
        "--undo", o.undo,
        "void the last contact the current rep logged (within the rules' undo_hours), reason \"undo\"");
    wire_history(app, o);
}

} // namespace

// The fuzz target compiles this file with KEQING_LOG_VISIT_NO_MAIN and drives wire_options and run.
#ifndef KEQING_LOG_VISIT_NO_MAIN
int main(int argc, char** argv) {
    CLI::App app{N_("log-visit — record a visit, call or message with a customer in one line"), "log-visit"};
    Options o;
    wire_options(app, o);
    return keqing::cli::run("log-visit", app, argc, argv, [&] {
        keqing::cli::fold_standard_output(); // all of it is text for people
        return run(o, app.get_option("--rep")->count() > 0);
    });
}
#endif
