// report: the manager's compliance report for a month or a range, by rep, customer, tier or team, as a
// table, CSV, JSON, markdown or self-contained HTML with charts.
#include "common/cli.hpp"
#include "common/huge_pages.hpp"
#include "output/report_html.hpp"
#include "output/report_view.hpp"
#include "output/table.hpp"
#include "output/xlsx.hpp"
#include "report/report.hpp"

#include <fmt/core.h>

#include <optional>

namespace {

struct Options {
    keqing::cli::Common common;
    std::string month, from, to, as_of, by = "rep", team, format = "table", output;
};

keqing::Result<keqing::Exit> run(const Options& o) {
    using namespace keqing;
    if (!o.month.empty() && (!o.from.empty() || !o.to.empty()))
        return usage_error("give --month, or --from and --to, not both");
    if (o.team.empty()) cli::run_with_huge_pages(); // everyone's report
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    KQ_TRY(core::Date as_of, cli::date_or_today(o.as_of, "--as-of"));
    report::Options options;
    options.from = options.to = core::Month::of(as_of);
    if (!o.month.empty()) {
        KQ_TRY(options.from, cli::month_or(o.month, "--month", {}));
        options.to = options.from;
    }
    if (!o.from.empty()) {
        KQ_TRY(options.from, cli::month_or(o.from, "--from", {}));
    }
    if (!o.to.empty()) {
        KQ_TRY(options.to, cli::month_or(o.to, "--to", {}));
    } else if (!o.from.empty()) {
        options.to = std::max(options.from, core::Month::of(as_of));
    }
    options.as_of = o.as_of.empty() ? std::min(as_of, options.to.last()) : as_of;
    options.by = o.by == "customer" ? report::By::customer
                 : o.by == "tier"   ? report::By::tier
                 : o.by == "team"   ? report::By::team
                 : o.by == "stage"  ? report::By::stage
                                    : report::By::rep;
    options.team = o.team;
    KQ_TRY(report::Report r, report::build_report(*ctx.store, ctx.rules, options));
    const auto format = o.format == "json"       ? output::ReportFormat::json
                        : o.format == "csv"      ? output::ReportFormat::csv
                        : o.format == "markdown" ? output::ReportFormat::markdown
                        : o.format == "html"     ? output::ReportFormat::html
                                                 : output::ReportFormat::table;
    if (o.format == "xlsx") {
        KQ_CHECK(cli::write_workbook(o.output, [&](const std::filesystem::path& path) {
            return output::write_report_xlsx(r, ctx.rules, path);
        }));
        return Exit::ok;
    }
    // Written out as it is rendered, to stdout or to the --output file, which replaces its target only
    // once it is whole.
    const bool to_file = !o.output.empty() && o.output != "-";
    std::optional<core::Output> file;
    if (to_file) {
        Result<core::Output> opened = core::Output::to_file(o.output, "--output", core::FileMode::shared);
        if (!opened) return std::move(opened).error();
        file.emplace(std::move(*opened));
    }
    core::Output& out = to_file ? *file : core::Output::standard();
    if (to_file) // a file gets whole tables, whatever the terminal
        output::set_layout({0, output::layout().wide});
    else if (format == output::ReportFormat::table)
        cli::fold_standard_output();
    out.write(format == output::ReportFormat::html ? output::render_report_html(r, ctx.rules, &out)
                                                   : output::render_report(r, ctx.rules, format, &out));
    if (!to_file) return Exit::ok;
    KQ_CHECK(out.finish());
    fmt::print(stderr, "wrote {}\n", o.output);
    return Exit::ok;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{N_("report — the monthly compliance report: who kept the contact rules"), "report"};
    Options o;
    keqing::cli::add_common_options(app, o.common, false);
    app.add_option("--month", o.month,
                   "one month: YYYY-MM, this, last, -2, 上月 (default: the month of --as-of)");
    app.add_option("--from", o.from, "first month of a range: YYYY-MM, last, -3, 上月");
    app.add_option("--to", o.to,
                   "last month of a range: YYYY-MM, this, last, 上月 (default: the month of --as-of)");
    app.add_option("--as-of", o.as_of,
                   "evaluate at the end of this day (default: today, or the range's last day)");
    keqing::cli::one_of(app.add_option("--by", o.by,
                                       "breakdown: rep, customer, tier, team or stage (the relationship "
                                       "stage at each month's end)"),
                        {"rep", "customer", "tier", "team", "stage"});
    app.add_option("--team", o.team, "only this team's reps and customers");
    app.add_option("--format", o.format,
                   "table, csv, json, markdown, html (one self-contained page with charts) or xlsx (Excel; "
                   "with --output)")
        ->check(CLI::IsMember({"table", "csv", "json", "markdown", "html", "xlsx"}));
    keqing::cli::complete_values(app.get_option("--format"),
                                 {"table", "csv", "json", "markdown", "html", "xlsx"});
    app.add_option("--output,-o", o.output, "write to FILE instead of stdout");
    app.footer("Exit status: 0 done, 2 usage error, 3 data error, 4 database error.");
    return keqing::cli::run("report", app, argc, argv, [&] { return run(o); });
}
