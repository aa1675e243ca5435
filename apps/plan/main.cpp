// plan: the rep's visit plan, day by day — open obligations inside their windows, then the quotas still
// owed, on working days, never more visits a day than the rules allow, a day's visits in few areas and
// ordered as a route — and what cannot fit; as a table, markdown, JSON or iCalendar.
#include "common/cli.hpp"
#include "output/digest_files.hpp"
#include "output/plan_view.hpp"
#include "plan/plan.hpp"

#include <fmt/core.h>

namespace {

struct Options {
    keqing::cli::Common common;
    bool all = false;
    std::string from, format, output_dir, workdays;
    int days = 7;
    std::vector<std::string> off, skips;
};

// The request for one rep from the options: spoken dates resolved, --skip CODE@DATE split.
keqing::Result<keqing::plan::Request> request_of(const Options& o) {
    using namespace keqing;
    plan::Request r;
    KQ_TRY(r.from, cli::date_or_today(o.from, "--from"));
    r.days = o.days;
    if (!o.workdays.empty()) {
        KQ_TRY(r.workdays, rules::parse_weekdays(o.workdays, "--workdays"));
    }
    for (const auto& day : o.off) {
        KQ_TRY(core::Date d, cli::date_or_today(day, "--off"));
        r.off.push_back(d);
    }
    for (const auto& s : o.skips) {
        const size_t at = s.find('@');
        if (at == std::string::npos || at == 0)
            return usage_error("--skip {}: write the customer and the day as CODE@DATE (HZ007@2026-11-24)",
                               s);
        KQ_TRY(core::Date d, cli::date_or_today(s.substr(at + 1), "--skip"));
        r.skips.push_back({s.substr(0, at), d});
    }
    return r;
}

keqing::Result<keqing::Exit> run_plan(const Options& o) {
    using namespace keqing;
    const std::string f = o.format.empty() ? "table" : o.format;
    if (f != "table" && f != "markdown" && f != "json" && f != "ics")
        return usage_error("--format must be table, markdown, json or ics, not '{}'", f);
    const auto format = f == "markdown" ? output::PlanFormat::markdown
                        : f == "json"   ? output::PlanFormat::json
                        : f == "ics"    ? output::PlanFormat::ics
                                        : output::PlanFormat::table;
    if (o.days < 1 || o.days > 62) return usage_error("--days must be from 1 to 62");
    if (o.all && o.output_dir.empty())
        return usage_error("--all writes one file per rep: add --output-dir DIR");
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    KQ_TRY(plan::Request r, request_of(o));
    std::vector<std::string> reps;
    if (o.all) {
        KQ_TRY(std::vector<store::Rep> all, ctx.store->list_reps());
        for (const auto& rep : all)
            reps.push_back(rep.id);
    } else {
        if (ctx.settings.rep.empty()) return usage_error("no rep given; pass --rep ID (or set KEQING_REP)");
        reps.push_back(ctx.settings.rep);
    }
    bool missed = false;
    std::vector<output::RepFile> files;
    if (format == output::PlanFormat::table && o.output_dir.empty()) cli::fold_standard_output();
    for (const auto& rep : reps) {
        r.rep = rep;
        KQ_TRY(plan::Plan p, plan::build_plan(*ctx.store, ctx.rules, r));
        missed = missed || !p.missed.empty();
        if (o.output_dir.empty())
            keqing::cli::print("{}", output::render_plan(p, format));
        else
            files.push_back({rep, output::render_plan(p, format)});
    }
    if (!o.output_dir.empty()) {
        KQ_TRY(output::DigestFiles written,
               output::write_rep_files(files, output::plan_extension(format), o.output_dir, o.all));
        fmt::print(stderr, "{}\n", output::describe_written(written, o.output_dir, true));
    }
    return missed ? Exit::found : Exit::ok;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        N_("plan — the rep's visits, calls and messages day by day, to keep every obligation and quota"),
        "plan"};
    Options o;
    keqing::cli::add_common_options(app, o.common);
    app.add_option("--from", o.from, "the plan's first day, taken at its start (default: today)");
    app.add_option("--days", o.days, "days shown (default 7; the month is planned to its end whatever)");
    keqing::cli::complete_values(app.add_option("--format", o.format, "table (default), markdown, json, ics"),
                                 {"table", "markdown", "json", "ics"});
    app.add_option("--workdays", o.workdays,
                   "working weekdays for this plan: mon-fri, mon,wed,sat (rules: workdays)");
    app.add_option("--off", o.off, "a day off besides the rules' holidays (repeat it)");
    app.add_option("--skip", o.skips, "CODE@DATE: not that customer on that day (repeat it)");
    app.add_flag("--all", o.all, "every rep, one file each (with --output-dir)");
    app.add_option("--output-dir", o.output_dir,
                   "write one file per rep (wang.txt …, 0600) and remove those an earlier run wrote for\n"
                   "reps with nothing planned now");
    app.footer("Exit status: 0 everything fits, 1 something cannot fit (listed), 2 usage, 3 data, 4 database "
               "error.\nCron, Mondays: 0 7 * * 1 plan --all --output-dir /var/spool/keqing/plans");
    return keqing::cli::run("plan", app, argc, argv,
                            [&]() -> keqing::Result<keqing::Exit> { return run_plan(o); });
}
