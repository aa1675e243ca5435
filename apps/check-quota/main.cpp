// check-quota: what is owed this month, with pace, for a rep, a customer, a tier, a team or everyone;
// exit 1 when anything is behind or missed, so cron and scripts can act on it.
#include "common/cli.hpp"
#include "common/huge_pages.hpp"
#include "compliance/check.hpp"
#include "core/i18n.hpp"
#include "output/quota_view.hpp"
#include "output/xlsx.hpp"
#include "plan/plan.hpp"
#include "roster/lookup.hpp"
#include "store/store.hpp"

#include <fmt/core.h>

namespace {

struct Options {
    keqing::cli::Common common;
    std::string customer, tier, team, month, as_of, format = "table", output;
    bool all = false;
    bool behind_only = false;
    bool with_plan = false; // --with-plan: "planned Tue" from the rep's plan (costs a plan: opt-in)
};

keqing::Result<keqing::Exit> check(const Options& o, bool rep_given) {
    using namespace keqing;
    const int scopes =
        int(rep_given) + int(!o.customer.empty()) + int(!o.tier.empty()) + int(!o.team.empty()) + int(o.all);
    if (!o.output.empty() && o.format != "xlsx") return usage_error("--output is for --format xlsx");
    if (scopes > 1) return usage_error("choose one scope: --rep, --customer, --tier, --team or --all");
    if (o.with_plan && scopes > int(rep_given))
        return usage_error(
            "{}", core::tr("--with-plan is one rep's plan: use it with --rep or the current rep, not "
                           "--customer, --tier, --team or --all"));
    if (o.all) cli::run_with_huge_pages();
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    KQ_TRY(core::Date as_of, cli::date_or_today(o.as_of, "--as-of"));
    core::Month month = core::Month::of(as_of);
    if (!o.month.empty()) {
        KQ_TRY(month, cli::month_or(o.month, "--month", {}));
    }

    compliance::Scope scope{compliance::Scope::Kind::rep, ctx.settings.rep};
    if (o.all) {
        scope = {compliance::Scope::Kind::all, ""};
    } else if (!o.customer.empty()) {
        KQ_TRY(store::Customer c, roster::resolve_customer(*ctx.store, o.customer, as_of));
        scope = {compliance::Scope::Kind::code, c.code};
    } else if (!o.tier.empty()) {
        if (!ctx.rules.tier(o.tier))
            return data_error("unknown tier '{}' for --tier; the rules define {}", o.tier,
                              ctx.rules.tier_ids());
        scope = {compliance::Scope::Kind::tier, o.tier};
    } else if (!o.team.empty()) {
        KQ_TRY(std::vector<store::Rep> reps, ctx.store->list_reps());
        if (std::none_of(reps.begin(), reps.end(), [&](const store::Rep& r) { return r.team == o.team; }))
            return data_error("unknown team '{}' for --team; teams are set with `roster rep add ID --team T`",
                              o.team);
        scope = {compliance::Scope::Kind::team, o.team};
    } else {
        KQ_CHECK(roster::require_rep(*ctx.store, ctx.settings.rep));
    }

    // --with-plan reads the plan in the check's snapshot (it is one rep's: the scope is never everyone).
    store::ReadScope read(*ctx.store);
    if (o.with_plan) KQ_CHECK(read.begin());
    KQ_TRY(compliance::Check result, compliance::run_check(*ctx.store, ctx.rules, month, as_of, scope));
    if (o.with_plan) {
        KQ_TRY(result.planned, plan::first_planned(*ctx.store, ctx.rules, ctx.settings.rep, as_of));
    }
    if (o.format == "xlsx") {
        KQ_CHECK(cli::write_workbook(o.output, [&](const std::filesystem::path& path) {
            return output::write_check_xlsx(result, ctx.rules, path);
        }));
        return compliance::anything_due(result) ? Exit::found : Exit::ok;
    }
    const auto format = o.format == "json"  ? output::Format::json
                        : o.format == "csv" ? output::Format::csv
                                            : output::Format::table;
    core::Output& out = core::Output::standard();
    if (format == output::Format::table) cli::fold_standard_output();
    out.write(output::render_check(result, ctx.rules, format, o.behind_only, &out));
    return compliance::anything_due(result) ? Exit::found : Exit::ok;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        N_("check-quota — what each customer is still owed this month, with pace, occasions and rep goals"),
        "check-quota"};
    Options o;
    keqing::cli::add_common_options(app, o.common);
    app.add_option("--customer", o.customer, "one customer, by code or unambiguous name");
    app.add_option("--tier", o.tier, "every customer of a tier");
    app.add_option("--team", o.team, "every customer of a team's reps");
    app.add_flag("--all", o.all, "every active customer");
    app.add_option("--month", o.month,
                   "month: YYYY-MM, this, last, -2, 上月 (default: the month of --as-of)");
    app.add_option("--as-of", o.as_of,
                   "evaluate at the end of this day: YYYY-MM-DD, yesterday, -3, fri, 昨天 (default: today)");
    app.add_flag("--behind-only", o.behind_only, "list only customers behind or missed");
    app.add_flag("--with-plan", o.with_plan,
                 keqing::core::tr("point owed contacts to the rep's plan of the week: \"planned Tue\" (JSON "
                                  "\"planned\"); computes the plan"));
    keqing::cli::one_of(
        app.add_option("--format", o.format, "table, json, csv or xlsx (Excel; with --output)"),
        {"table", "json", "csv", "xlsx"});
    app.add_option("--output,-o", o.output, "with --format xlsx: the workbook to write");
    app.footer(
        "Exit status: 0 nothing owed; 1 a quota or goal behind or missed, or an occasion due, overdue or\n"
        "missed; 2 usage, 3 data, 4 database error.");
    return keqing::cli::run("check-quota", app, argc, argv,
                            [&] { return check(o, app.get_option("--rep")->count() > 0); });
}
