// remind: the daily digest per rep (due and overdue obligations, customers behind pace, rep goals at
// risk) as text for mail, markdown, JSON or iCalendar; and `--calendar YEAR`, the year's festival dates.
#include "common/cli.hpp"
#include "common/huge_pages.hpp"
#include "core/i18n.hpp"
#include "occasions/calendar_year.hpp"
#include "output/color.hpp"
#include "output/digest_files.hpp"
#include "output/remind_view.hpp"
#include "plan/plan.hpp"
#include "remind/digest.hpp"
#include "store/store.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <optional>
#include <unistd.h>

namespace {

struct Options {
    keqing::cli::Common common;
    bool all = false;
    bool with_plan = false; // --with-plan: "planned Tue" from the rep's plan (opt-in: it computes a plan)
    std::string as_of, format, output_dir;
    int days = 7;
    int calendar_year = 0;
};

keqing::Result<keqing::Exit> calendar(const Options& o) {
    using namespace keqing;
    const std::string f = o.format.empty() ? "text" : o.format;
    if (f != "text" && f != "csv" && f != "json")
        return usage_error("--calendar prints text, csv or json, not '{}'", f);
    KQ_TRY(cli::Configured configured, cli::configure(o.common));
    KQ_TRY(std::vector<occasions::DatedOccasion> days,
           occasions::year_calendar(configured.rules, o.calendar_year));
    const auto format = f == "csv"    ? output::CalendarFormat::csv
                        : f == "json" ? output::CalendarFormat::json
                                      : output::CalendarFormat::text;
    if (format == output::CalendarFormat::text) cli::fold_standard_output();
    keqing::cli::print("{}", output::render_calendar(days, format));
    return Exit::ok;
}

// How many reps remind --all reads at a time: KEQING_REMIND_BATCH (a positive number; tests use 1 to cross
// batches with a few reps), else remind::kRepsPerBatch.
size_t reps_per_batch() {
    const char* env = std::getenv("KEQING_REMIND_BATCH");
    const long n = env && *env ? std::strtol(env, nullptr, 10) : 0;
    return n > 0 ? static_cast<size_t>(n) : keqing::remind::kRepsPerBatch;
}

// remind --all: every rep's digest, built a batch of reps at a time and written out (or, for --output-dir,
// kept as its file's text) as it comes, so that nothing of a batch is held once its digests are out.
keqing::Result<keqing::Exit> every_rep(const Options& o, keqing::cli::Context& ctx, keqing::core::Date as_of,
                                       keqing::output::RemindFormat format) {
    using namespace keqing;
    bool due = false;
    if (!o.output_dir.empty()) {
        std::vector<output::RepFile> files;
        KQ_CHECK(remind::each_digest(
            *ctx.store, ctx.rules, as_of, o.days, reps_per_batch(), [&](remind::Digest&& d) -> Result<void> {
                due = due || !d.items.empty();
                files.push_back(
                    {d.rep, d.items.empty() ? std::string() : output::render_digest(d, format, false)});
                return {};
            }));
        KQ_TRY(output::DigestFiles written,
               output::write_rep_files(files, output::digest_extension(format), o.output_dir, true));
        fmt::print(stderr, "{}\n", output::describe_written(written, o.output_dir, false));
        return due ? Exit::found : Exit::ok;
    }
    if (format == output::RemindFormat::text) cli::fold_standard_output();
    const bool color = format == output::RemindFormat::text && output::color();
    // Begun with the first rep that has something due: with none, text and markdown say so instead.
    std::optional<output::DigestStream> stream;
    KQ_CHECK(remind::each_digest(*ctx.store, ctx.rules, as_of, o.days, reps_per_batch(),
                                 [&](remind::Digest&& d) -> Result<void> {
                                     if (d.items.empty()) return {};
                                     due = true;
                                     if (!stream) stream.emplace(&core::Output::standard(), format, color);
                                     stream->add(d);
                                     return {};
                                 }));
    const bool prose = format == output::RemindFormat::text || format == output::RemindFormat::markdown;
    if (!stream && prose) {
        keqing::cli::print("nothing due for any rep in the next {} days (as of {})\n", o.days, as_of.iso());
        return Exit::ok;
    }
    if (!stream) stream.emplace(&core::Output::standard(), format, color);
    keqing::cli::print("{}", stream->finish());
    return due ? Exit::found : Exit::ok;
}

keqing::Result<keqing::Exit> digest(const Options& o) {
    using namespace keqing;
    const std::string f = o.format.empty() ? "text" : o.format;
    const auto format = f == "markdown" ? output::RemindFormat::markdown
                        : f == "json"   ? output::RemindFormat::json
                        : f == "ics"    ? output::RemindFormat::ics
                                        : output::RemindFormat::text;
    if (f != "text" && f != "markdown" && f != "json" && f != "ics")
        return usage_error("--format must be text, markdown, json or ics, not '{}'", f);
    if (o.days < 0 || o.days > 366) return usage_error("--days must be from 0 to 366");
    if (o.all) cli::run_with_huge_pages();
    KQ_TRY(cli::Context ctx, cli::open_context(o.common));
    KQ_TRY(core::Date as_of, cli::date_or_today(o.as_of, "--as-of"));
    if (!o.all && ctx.settings.rep.empty())
        return usage_error("no rep given; pass --rep ID or --all (or set KEQING_REP)");
    if (o.with_plan && o.all)
        return usage_error("{}", core::tr("--with-plan is one rep's plan: leave out --all"));
    if (o.all) return every_rep(o, ctx, as_of, format);
    // --with-plan reads the plan in the digest's snapshot.
    store::ReadScope read(*ctx.store);
    if (o.with_plan) KQ_CHECK(read.begin());
    KQ_TRY(std::vector<remind::Digest> digests,
           remind::build_digests(*ctx.store, ctx.rules, as_of, o.days, ctx.settings.rep));
    if (o.with_plan) {
        KQ_TRY(auto planned, plan::first_planned(*ctx.store, ctx.rules, ctx.settings.rep, as_of));
        for (remind::Digest& d : digests)
            for (remind::Item& i : d.items)
                if (const auto found = planned.find(i.customer_code); found != planned.end())
                    i.planned = found->second;
    }
    const bool due =
        std::any_of(digests.begin(), digests.end(), [](const remind::Digest& d) { return !d.items.empty(); });
    const bool color = format == output::RemindFormat::text && o.output_dir.empty() && output::color();
    if (o.output_dir.empty()) {
        if (format == output::RemindFormat::text) cli::fold_standard_output();
        keqing::cli::print("{}", output::render_digests(digests, format, color));
        return due ? Exit::found : Exit::ok;
    }
    KQ_TRY(output::DigestFiles files, output::write_digest_files(digests, format, o.output_dir, false));
    fmt::print(stderr, "{}\n", output::describe_written(files, o.output_dir, false));
    return due ? Exit::found : Exit::ok;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{N_("remind — what each rep owes soon: occasions, birthdays, life events, pace and goals"),
                 "remind"};
    Options o;
    keqing::cli::add_common_options(app, o.common);
    app.add_flag("--all", o.all, "every rep (default: the current rep)");
    app.add_flag("--with-plan", o.with_plan,
                 keqing::core::tr("point each customer's reminder to the rep's plan of the week: \"planned "
                                  "Tue\" (JSON \"planned\"); computes the plan"));
    app.add_option("--as-of", o.as_of,
                   "the day the digest is for (YYYY-MM-DD, tomorrow, +1, mon…sun, 明天), taken at its start: "
                   "what must still happen by its\n"
                   "end (default: today)");
    app.add_option("--days", o.days, "horizon: obligations whose window opens within N days (default 7)");
    keqing::cli::complete_values(
        app.add_option(
            "--format", o.format,
            "text (mail: subject line, then body), markdown, json, ics; with --calendar: text, csv, json"),
        {"text", "markdown", "json", "ics", "csv"});
    app.add_option(
        "--output-dir", o.output_dir,
        "write one file per rep with something due (wang.txt …, 0600) for a mailer, and remove those\n"
        "an earlier run wrote for reps with nothing due now");
    app.add_option("--calendar", o.calendar_year, "list the festivals of a solar year instead (1901-2099)");
    app.footer("Exit status: 0 nothing due, 1 something due or overdue, 2 usage, 3 data, 4 database error.\n"
               "Cron: 0 7 * * * remind --all --output-dir /var/spool/keqing  (see examples/cron/)");
    return keqing::cli::run("remind", app, argc, argv, [&]() -> keqing::Result<keqing::Exit> {
        if (app.get_option("--calendar")->count()) return calendar(o);
        return digest(o);
    });
}
