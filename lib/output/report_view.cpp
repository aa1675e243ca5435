// Report renderings: the same sections and numbers in table / markdown, tidy CSV and JSON.
#include "output/report_view.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/sink.hpp"
#include "core/text.hpp"
#include "output/complaint_view.hpp"
#include "output/english.hpp"
#include "output/followup_view.hpp"
#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "output/table.hpp"
#include "output/words.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>

namespace keqing::output {
namespace {

using compliance::Status;

std::string pct(const report::Attainment& a) {
    return percent(a.rate());
}

// What the report is grouped by, for people: "rep", "customer" … in English (report::to_string).
const char* by_word(report::By by) {
    return core::tr(report::to_string(by).data());
}

std::string title(const report::Report& r) {
    const auto& o = r.options;
    const std::string period = o.from == o.to ? o.from.iso() : o.from.iso() + " … " + o.to.iso();
    return core::trf("Compliance report {} (as of {}), by {}{}", period, o.as_of.iso(), by_word(o.by),
                     o.team.empty() ? "" : core::trf(", team {}", o.team));
}

// A channel's column header (by its id, as the report keeps them).
std::string channel_column(const std::string& id, const rules::Rules& rules) {
    const int k = rules.channel_index(id);
    return k < 0 ? core::to_upper_ascii(id) : channel_header(rules.channels[static_cast<size_t>(k)]);
}

std::vector<std::string> headers_of(std::initializer_list<const char*> english) {
    std::vector<std::string> out;
    for (const char* h : english)
        out.emplace_back(core::tr(h));
    return out;
}

// A table with headers, right-aligned from column `right_from` on.
struct Grid {
    Table table;
    explicit Grid(const std::vector<std::string>& headers, size_t right_from = 99) {
        for (size_t i = 0; i < headers.size(); ++i)
            table.column(headers[i], i >= right_from ? Align::right : Align::left);
    }
    void add(const std::vector<std::string>& row) { table.row(row); }
    void write(core::Sink& out, bool markdown) const {
        table.render(out, markdown ? Style::markdown : Style::plain);
    }
};

std::string section(const std::string& name, bool markdown) {
    return markdown ? "\n## " + name + "\n\n" : "\n" + name + "\n";
}

std::vector<std::string> row_cells(const report::Row& row, bool rank) {
    std::vector<std::string> cells;
    if (rank) cells.push_back(fmt::format("{}", row.rank));
    cells.push_back(row.key);
    cells.push_back(row.label);
    for (const auto& c : row.channels)
        cells.push_back(pct(c));
    cells.push_back(pct(row.total));
    for (const int n : row.by_status)
        cells.push_back(fmt::format("{}", n));
    return cells;
}

// The title, the summary, the breakdown by tier and the rankings.
void text_rankings(core::Sink& out, const report::Report& r, const rules::Rules& rules, bool md) {
    out << (md ? "# " + title(r) + "\n" : title(r) + "\n");
    const auto& s = r.summary;
    out << (md ? "\n" : "")
        << core::trf("{} customer-months: score {}, {} met, {} on track, {} behind, {} missed", s.customers,
                     percent(s.score), s.by_status[0], s.by_status[1], s.by_status[2], s.by_status[3])
        << "\n";

    out << section(core::tr("Summary by tier"), md);
    Grid tiers(
        headers_of({N_("TIER"), N_("CUSTOMERS"), N_("MET"), N_("ON TRACK"), N_("BEHIND"), N_("MISSED")}), 1);
    for (size_t t = 0; t < r.tiers.size(); ++t) {
        const auto& st = r.tier_status[t];
        tiers.add({r.tiers[t], fmt::format("{}", st[0] + st[1] + st[2] + st[3]), fmt::format("{}", st[0]),
                   fmt::format("{}", st[1]), fmt::format("{}", st[2]), fmt::format("{}", st[3])});
    }
    tiers.write(out, md);

    std::vector<std::string> headers{"#", core::tr("REP"), core::tr("NAME")};
    for (const auto& c : r.channels)
        headers.push_back(channel_column(c, rules));
    for (const char* h : {N_("SCORE"), N_("MET"), N_("ON TRACK"), N_("BEHIND"), N_("MISSED")})
        headers.emplace_back(core::tr(h));
    out << section(core::tr("Rep ranking (attainment per channel)"), md);
    Grid reps(headers, 3);
    for (const auto& row : r.reps)
        reps.add(row_cells(row, true));
    reps.write(out, md);

    if (r.options.by != report::By::rep) {
        out << section(core::trf("By {}", by_word(r.options.by)), md);
        headers[1] = core::language() == core::Language::english ? core::to_upper_ascii(by_word(r.options.by))
                                                                 : by_word(r.options.by);
        // A row per customer at national scale: measured, then written a row at a time, not held.
        Grid rows(headers, 3);
        std::vector<std::string> cells;
        std::vector<std::string_view> views;
        const auto make = [&](const report::Row& row) {
            cells = row_cells(row, true);
            views.assign(cells.begin(), cells.end());
            return std::span<const std::string_view>(views);
        };
        for (const auto& row : r.rows)
            rows.table.measure(make(row));
        rows.table.stream(out, md ? Style::markdown : Style::plain);
        for (const auto& row : r.rows)
            rows.table.stream_row(out, make(row), SIZE_MAX, Tone::none);
    }
}

// Tier × channel and, for a range, the trend.
void text_attainment(core::Sink& out, const report::Report& r, const rules::Rules& rules, bool md) {
    out << section(core::tr("Tier × channel (attainment)"), md);
    std::vector<std::string> th{core::tr("TIER")};
    for (const auto& c : r.channels)
        th.push_back(channel_column(c, rules));
    Grid tc(th, 1);
    for (size_t t = 0; t < r.tiers.size(); ++t) {
        std::vector<std::string> row{r.tiers[t]};
        for (const auto& a : r.tier_channel[t])
            row.push_back(a.required ? pct(a) : "-");
        tc.add(std::move(row));
    }
    tc.write(out, md);

    if (r.months.size() > 1) {
        out << section(core::tr("Trend"), md);
        std::vector<std::string> mh = headers_of({N_("MONTH"), N_("AS OF"), N_("CUSTOMERS"), N_("SCORE")});
        for (const auto& c : r.channels)
            mh.push_back(channel_column(c, rules));
        Grid trend(mh, 2);
        for (const auto& m : r.months) {
            std::vector<std::string> row{m.month.iso(), m.as_of.iso(), fmt::format("{}", m.summary.customers),
                                         percent(m.summary.score)};
            for (const auto& a : m.channels)
                row.push_back(pct(a));
            trend.add(std::move(row));
        }
        trend.write(out, md);
    }
}

// Occasions kept and missed, and each month's rep goals.
void text_occasions(core::Sink& out, const report::Report& r, const rules::Rules& rules, bool md) {
    out << section(core::tr("Occasions kept and missed (windows closed by the as-of day)"), md);
    if (r.occasions.empty())
        out << core::tr("none") << "\n";
    else {
        Grid occ(headers_of({N_("OCCASION"), N_("RULE"), N_("TOTAL"), N_("DONE"), N_("DONE LATE"),
                             N_("OVERDUE"), N_("MISSED")}),
                 2);
        for (const auto& o : r.occasions)
            occ.add({o.name + " (" + o.kind + ")", o.rule, fmt::format("{}", o.total),
                     fmt::format("{}", o.by_state[static_cast<size_t>(occasions::State::done)]),
                     fmt::format("{}", o.by_state[static_cast<size_t>(occasions::State::done_late)]),
                     fmt::format("{}", o.by_state[static_cast<size_t>(occasions::State::overdue)]),
                     fmt::format("{}", o.by_state[static_cast<size_t>(occasions::State::missed)])});
        occ.write(out, md);
        if (!r.missed.empty()) {
            out << (md ? "\n" + std::string(core::tr("Not kept:")) + "\n\n```\n"
                       : std::string(core::tr("not kept:")) + "\n");
            render_obligations(out, r.missed, rules, true);
            if (md) out << "```\n";
        }
    }

    for (const auto& m : r.months) {
        if (m.goals.empty()) continue;
        out << section(core::trf("Rep goals (R9–R11) and visit checklists (R12–R17), {}", m.month.iso()), md);
        const std::string goals = render_goals(m.goals.goals()); // one month's rebuilt at a time
        out << (md ? "```\n" + goals + "```\n" : goals);
    }
}

// Follow-ups opened, closed and overdue per rep, and the overdue ones.
void text_followups(core::Sink& out, const report::Report& r, const rules::Rules& rules, bool md) {
    out << section(core::tr("Follow-ups (promises, problems, slow movers)"), md);
    if (r.followup_counts.empty()) {
        out << core::tr("none") << "\n";
        return;
    }
    const core::Date last = std::min(r.options.as_of, r.options.to.last());
    out << (md ? "```\n" : "") << render_followup_counts(r.followup_counts) << (md ? "```\n" : "");
    if (!r.followups_overdue.empty())
        out << (md ? "\n" + std::string(core::tr("Overdue:")) + "\n\n```\n"
                   : std::string(core::tr("overdue:")) + "\n")
            << render_followups(r.followups_overdue, rules, last, true) << (md ? "```\n" : "");
}

// The complaints still open at the report's last day, with their age.
void text_complaints(core::Sink& out, const report::Report& r, bool md) {
    out << section(core::tr("Open complaints (seed 002)"), md);
    if (r.complaints_open.empty()) {
        out << core::tr("none\n");
        return;
    }
    out << (md ? "```\n" : "") << render_complaints(r.complaints_open, Format::table) << (md ? "```\n" : "");
}

// The data-quality counts and the first rows of each list.
void text_quality(core::Sink& out, const report::Report& r, const rules::Rules& rules, bool md) {
    const auto& q = r.quality;
    out << section(core::tr("Data quality"), md);
    const char* bullet = md ? "- " : "";
    out << bullet
        << core::trf("late-logged (more than {} days after): {}", rules.late_after_days, q.late_count)
        << "\n";
    out << bullet
        << core::trf("possible duplicates (same customer, channel and day, beyond the channel's "
                     "same_day_limit): {}",
                     q.duplicate_count)
        << "\n";
    out << bullet << core::trf("voided: {}", q.voided_count) << "\n";
    out << bullet
        << core::trf("implausible days (more than {} visits by one rep): {}", rules.max_visits_per_day,
                     q.busy_days.size())
        << "\n";
    // The first rows of each list; JSON carries up to 200 of each.
    constexpr size_t kShown = 10;
    auto more = [&](size_t total) {
        // In markdown a blank line first: a line right under a table would be read as one of its rows.
        return total > kShown
                   ? (md ? "\n" : "") + core::trf("… and {} more (see --format json)", total - kShown) + "\n"
                   : std::string();
    };
    if (!q.voided.empty()) {
        Grid v(headers_of(
            {"#", N_("DATE"), N_("CUSTOMER"), N_("CHANNEL"), N_("REP"), N_("VOIDED"), N_("REASON")}));
        for (size_t i = 0; i < std::min(kShown, q.voided.size()); ++i) {
            const auto& c = q.voided[i];
            v.add({fmt::format("{}", c.id), c.date.iso(), c.customer_code, c.channel, c.rep, c.voided_at,
                   c.void_reason});
        }
        out << (md ? "\n" : "") << core::tr("voided:") << (md ? "\n\n" : "\n");
        v.write(out, md);
        out << more(static_cast<size_t>(q.voided_count));
    }
    if (!q.busy_days.empty()) {
        Grid b(headers_of({N_("DATE"), N_("REP"), N_("VISITS")}), 2);
        for (size_t i = 0; i < std::min(kShown, q.busy_days.size()); ++i)
            b.add({q.busy_days[i].date.iso(), q.busy_days[i].rep, fmt::format("{}", q.busy_days[i].visits)});
        out << (md ? "\n" : "") << core::tr("implausible days:") << (md ? "\n\n" : "\n");
        b.write(out, md);
        out << more(q.busy_days.size());
    }
    if (!q.duplicates.empty()) {
        Grid d(headers_of({N_("DATE"), N_("CUSTOMER"), N_("CHANNEL"), N_("COUNT"), N_("REPS")}), 3);
        for (size_t i = 0; i < std::min(kShown, q.duplicates.size()); ++i) {
            const auto& x = q.duplicates[i];
            d.add({x.date.iso(), x.customer_code, x.channel, fmt::format("{}", x.count), x.reps});
        }
        out << (md ? "\n" : "") << core::tr("duplicates:") << (md ? "\n\n" : "\n");
        d.write(out, md);
        out << more(static_cast<size_t>(q.duplicate_count));
    }
    if (!q.late.empty()) {
        Grid l(headers_of({"#", N_("DATE"), N_("LOGGED"), N_("CUSTOMER"), N_("CHANNEL"), N_("REP")}));
        for (size_t i = 0; i < std::min(kShown, q.late.size()); ++i) {
            const auto& c = q.late[i];
            l.add({fmt::format("{}", c.id), c.date.iso(), c.logged_at, c.customer_code, c.channel, c.rep});
        }
        out << (md ? "\n" : "") << core::tr("late-logged:") << (md ? "\n\n" : "\n");
        l.write(out, md);
        out << more(static_cast<size_t>(q.late_count));
    }
}

void text(core::Sink& out, const report::Report& r, const rules::Rules& rules, bool md) {
    text_rankings(out, r, rules, md);
    text_attainment(out, r, rules, md);
    text_occasions(out, r, rules, md);
    text_followups(out, r, rules, md);
    text_complaints(out, r, md);
    text_quality(out, r, rules, md);
}

void json_attainment(core::JsonWriter& j, const report::Attainment& a) {
    j.begin_object()
        .key("required")
        .value(a.required)
        .key("done")
        .value(a.done)
        .key("rate")
        .value(a.rate())
        .end_object();
}

void json_row(core::JsonWriter& j, const report::Row& row, const std::vector<std::string>& channels) {
    j.begin_object().key("key").value(row.key).key("label").value(row.label).key("team").value(row.team);
    j.key("rank").value(row.rank).key("customer_months").value(row.customer_months);
    for (int s = 0; s < 4; ++s)
        j.key(compliance::to_string(static_cast<Status>(s))).value(row.by_status[static_cast<size_t>(s)]);
    j.key("score").value(row.total.rate()).key("total");
    json_attainment(j, row.total);
    j.key("channels").begin_object();
    for (size_t k = 0; k < channels.size(); ++k) {
        j.key(channels[k]);
        json_attainment(j, row.channels[k]);
    }
    j.end_object().end_object();
}

// The data-quality counts and lists (up to 200 of each).
void json_quality(core::JsonWriter& j, const compliance::Quality& q, const rules::Rules& rules) {
    j.key("quality")
        .begin_object()
        .key("late_after_days")
        .value(rules.late_after_days)
        .key("late")
        .value(q.late_count);
    j.key("late_contacts").begin_array();
    for (const auto& c : q.late)
        j.begin_object()
            .key("id")
            .value(c.id)
            .key("customer")
            .value(c.customer_code)
            .key("channel")
            .value(c.channel)
            .key("date")
            .value(c.date.iso())
            .key("logged_at")
            .value(c.logged_at)
            .key("rep")
            .value(c.rep)
            .end_object();
    j.end_array().key("duplicates").value(q.duplicate_count).key("duplicate_groups").begin_array();
    for (const auto& d : q.duplicates)
        j.begin_object()
            .key("customer")
            .value(d.customer_code)
            .key("channel")
            .value(d.channel)
            .key("date")
            .value(d.date.iso())
            .key("count")
            .value(d.count)
            .key("reps")
            .value(d.reps)
            .end_object();
    j.end_array().key("voided").value(q.voided_count).key("voided_contacts").begin_array();
    for (const auto& c : q.voided)
        j.begin_object()
            .key("id")
            .value(c.id)
            .key("customer")
            .value(c.customer_code)
            .key("channel")
            .value(c.channel)
            .key("date")
            .value(c.date.iso())
            .key("rep")
            .value(c.rep)
            .key("voided_at")
            .value(c.voided_at)
            .key("reason")
            .value(c.void_reason)
            .end_object();
    j.end_array()
        .key("max_visits_per_day")
        .value(rules.max_visits_per_day)
        .key("implausible_days")
        .begin_array();
    for (const auto& b : q.busy_days)
        j.begin_object()
            .key("rep")
            .value(b.rep)
            .key("date")
            .value(b.date.iso())
            .key("visits")
            .value(b.visits)
            .end_object();
    j.end_array().end_object();
}

// The trend: each month's summary, attainment per channel and rep goals.
void json_months(core::JsonWriter& j, const report::Report& r) {
    j.begin_array();
    for (const auto& m : r.months) {
        j.begin_object().key("month").value(m.month.iso()).key("as_of").value(m.as_of.iso());
        j.key("customers").value(m.summary.customers).key("score").value(m.summary.score);
        for (int s = 0; s < 4; ++s)
            j.key(compliance::to_string(static_cast<Status>(s)))
                .value(m.summary.by_status[static_cast<size_t>(s)]);
        j.key("channels").begin_object();
        for (size_t k = 0; k < r.channels.size(); ++k) {
            j.key(r.channels[k]);
            json_attainment(j, m.channels[k]);
        }
        j.end_object().key("goals");
        write_goals(j, m.goals.goals());
        j.end_object();
    }
    j.end_array();
}

void json(core::Sink& out, const report::Report& r, const rules::Rules& rules) {
    core::JsonWriter j(out);
    j.begin_object().key("from").value(r.options.from.iso()).key("to").value(r.options.to.iso());
    j.key("as_of").value(r.options.as_of.iso()).key("by").value(report::to_string(r.options.by));
    j.key("team").value_or_null(r.options.team);
    j.key("summary").begin_object().key("customer_months").value(r.summary.customers);
    for (int s = 0; s < 4; ++s)
        j.key(compliance::to_string(static_cast<Status>(s)))
            .value(r.summary.by_status[static_cast<size_t>(s)]);
    j.key("required")
        .value(r.summary.required)
        .key("done")
        .value(r.summary.done_capped)
        .key("score")
        .value(r.summary.score);
    j.key("tiers").begin_object();
    for (size_t t = 0; t < r.tiers.size(); ++t) {
        j.key(r.tiers[t]).begin_object();
        for (int s = 0; s < 4; ++s)
            j.key(compliance::to_string(static_cast<Status>(s)))
                .value(r.tier_status[t][static_cast<size_t>(s)]);
        j.key("channels").begin_object();
        for (size_t k = 0; k < r.channels.size(); ++k) {
            j.key(r.channels[k]);
            json_attainment(j, r.tier_channel[t][k]);
        }
        j.end_object().end_object();
    }
    j.end_object().end_object();
    j.key("reps").begin_array();
    for (const auto& row : r.reps)
        json_row(j, row, r.channels);
    j.end_array().key("rows").begin_array();
    for (const auto& row : r.rows)
        json_row(j, row, r.channels);
    j.end_array().key("months");
    json_months(j, r);
    j.key("occasions").begin_array();
    for (const auto& o : r.occasions) {
        j.begin_object()
            .key("kind")
            .value(o.kind)
            .key("name")
            .value(o.name)
            .key("rule")
            .value(o.rule)
            .key("total")
            .value(o.total);
        for (size_t s = 0; s < occasions::kStates; ++s)
            j.key(occasions::to_string(static_cast<occasions::State>(s))).value(o.by_state[s]);
        j.end_object();
    }
    j.end_array().key("not_kept");
    write_obligations(j, r.missed, rules);
    json_quality(j, r.quality, rules);
    j.key("followups").begin_object().key("by_rep");
    write_followup_counts(j, r.followup_counts);
    j.key("overdue");
    write_followups(j, r.followups_overdue, rules, std::min(r.options.as_of, r.options.to.last()));
    j.end_object();
    j.key("complaints_open");
    write_complaints(j, r.complaints_open);
    j.end_object();
    out << "\n";
}

// Tidy CSV: section,month,key,metric,value — the numbers of the table, one per line.
class CsvLines {
  public:
    explicit CsvLines(core::Sink& out) : out_(out) {}
    void line(std::string_view section, const std::string& month, const std::string& key,
              const std::string& metric, const std::string& value) {
        fmt::format_to(std::back_inserter(out_.text()), "{},{},{},{},{}\n", section, month,
                       core::csv_field(key), metric, value);
        out_.spill();
    }
    void attainment(std::string_view section, const std::string& month, const std::string& key,
                    const std::string& prefix, const report::Attainment& a) {
        line(section, month, key, prefix + "required", fmt::format("{}", a.required));
        line(section, month, key, prefix + "done", fmt::format("{}", a.done));
        line(section, month, key, prefix + "rate", fmt::format("{}", a.rate()));
    }
    void statuses(std::string_view section, const std::string& month, const std::string& key,
                  const std::array<int, 4>& by_status) {
        for (int s = 0; s < 4; ++s)
            line(section, month, key, std::string(compliance::to_string(static_cast<Status>(s))),
                 fmt::format("{}", by_status[static_cast<size_t>(s)]));
    }

  private:
    core::Sink& out_;
};

// The summary, the tiers and the ranked rows (reps, then the --by grouping).
void csv_rankings(CsvLines& c, const report::Report& r, const std::string& all) {
    c.line("summary", all, "all", "customer_months", fmt::format("{}", r.summary.customers));
    c.line("summary", all, "all", "score", fmt::format("{}", r.summary.score));
    c.statuses("summary", all, "all", r.summary.by_status);
    for (size_t t = 0; t < r.tiers.size(); ++t) {
        c.statuses("tier", all, r.tiers[t], r.tier_status[t]);
        for (size_t k = 0; k < r.channels.size(); ++k)
            c.attainment("tier", all, r.tiers[t], r.channels[k] + "_", r.tier_channel[t][k]);
    }
    auto rows = [&](std::string_view section, const std::vector<report::Row>& list) {
        for (const auto& row : list) {
            c.line(section, all, row.key, "rank", fmt::format("{}", row.rank));
            c.line(section, all, row.key, "score", fmt::format("{}", row.total.rate()));
            for (size_t k = 0; k < r.channels.size(); ++k)
                c.attainment(section, all, row.key, r.channels[k] + "_", row.channels[k]);
            c.statuses(section, all, row.key, row.by_status);
        }
    };
    rows("rep", r.reps);
    if (r.options.by != report::By::rep) rows(report::to_string(r.options.by), r.rows);
}

// Each month's score, channels, goals and checklist.
void csv_months(CsvLines& c, const report::Report& r) {
    for (const auto& m : r.months) {
        c.line("month", m.month.iso(), "all", "score", fmt::format("{}", m.summary.score));
        for (size_t k = 0; k < r.channels.size(); ++k)
            c.attainment("month", m.month.iso(), "all", r.channels[k] + "_", m.channels[k]);
        for (const auto& g : m.goals.goals()) {
            for (const auto& goal : g.goals) {
                c.line("goal", m.month.iso(), g.rep, goal.id + "_done", fmt::format("{}", goal.done));
                c.line("goal", m.month.iso(), g.rep, goal.id + "_required", fmt::format("{}", goal.required));
                c.line("goal", m.month.iso(), g.rep, goal.id + "_status",
                       std::string(compliance::to_string(goal.status)));
            }
            c.line("checklist", m.month.iso(), g.rep, "visits", fmt::format("{}", g.checklist.visits));
            c.line("checklist", m.month.iso(), g.rep, "complete", fmt::format("{}", g.checklist.complete));
        }
    }
}

// Occasions, data quality, follow-ups and open complaints.
void csv_findings(CsvLines& c, const report::Report& r, const std::string& all) {
    for (const auto& o : r.occasions) {
        c.line("occasion", all, o.kind, "total", fmt::format("{}", o.total));
        for (size_t s = 0; s < occasions::kStates; ++s)
            c.line("occasion", all, o.kind,
                   std::string(occasions::to_string(static_cast<occasions::State>(s))),
                   fmt::format("{}", o.by_state[s]));
    }
    c.line("quality", all, "all", "late", fmt::format("{}", r.quality.late_count));
    c.line("quality", all, "all", "duplicates", fmt::format("{}", r.quality.duplicate_count));
    c.line("quality", all, "all", "voided", fmt::format("{}", r.quality.voided_count));
    c.line("quality", all, "all", "implausible_days", fmt::format("{}", r.quality.busy_days.size()));
    for (const auto& f : r.followup_counts) {
        const std::string who = f.rep.empty() ? "all" : f.rep;
        for (const auto& [metric, value] :
             std::initializer_list<std::pair<const char*, int>>{{"opened", f.opened},
                                                                {"closed", f.closed},
                                                                {"done", f.done},
                                                                {"open", f.open},
                                                                {"overdue", f.overdue}})
            c.line("followup", all, who, metric, fmt::format("{}", value));
        c.line("followup", all, who, "median_days_to_close",
               f.median_days ? fmt::format("{:g}", *f.median_days) : "");
    }
    for (const auto& o : r.complaints_open) {
        const std::string key = fmt::format("#{} {}", o.item.id, o.item.customer_code);
        c.line("complaint", all, key, "age_days", fmt::format("{}", o.age_days));
        c.line("complaint", all, key, "days_overdue",
               fmt::format("{}",
                           std::max(0, (o.age_days + o.item.opened_on.serial()) - o.item.due_on.serial())));
    }
}

void csv(core::Sink& out, const report::Report& r) {
    out << "section,month,key,metric,value\n";
    CsvLines c(out);
    const std::string all = r.options.from == r.options.to ? r.options.from.iso() : "all";
    csv_rankings(c, r, all);
    csv_months(c, r);
    csv_findings(c, r, all);
}

} // namespace

std::string render_report(const report::Report& report, const rules::Rules& rules, ReportFormat format,
                          core::Output* output) {
    core::Sink out(output);
    const InEnglish english(
        format == ReportFormat::json ||
        format == ReportFormat::csv); // JSON and CSV are the same whatever the reader's language
    switch (format) {
    case ReportFormat::json:
        json(out, report, rules);
        break;
    case ReportFormat::csv:
        csv(out, report);
        break;
    case ReportFormat::markdown:
        text(out, report, rules, true);
        break;
    case ReportFormat::table:
    case ReportFormat::html:
        text(out, report, rules, false);
        break;
    }
    return out.take();
}

} // namespace keqing::output
