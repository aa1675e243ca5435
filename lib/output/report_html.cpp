// The HTML report document: head and CSS, title, summary, ranking, breakdown, tier × channel and trend,
// with the charts; occasions, goals and data quality come from report_html_parts.cpp.
#include "output/report_html.hpp"

#include "output/quota_view.hpp"
#include "output/report_html_parts.hpp"
#include "output/svg_chart.hpp"
#include "output/words.hpp"

#include <fmt/format.h>

namespace keqing::output {
namespace {

using html::Cell;
using html::Table;

constexpr std::string_view kStyle = R"(
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:#1a1a1a;font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif}
main{max-width:1080px;margin:0 auto;padding:24px}
header.report{margin-bottom:8px}
h1{font-size:26px;margin:0 0 4px}h1 .en{font-size:18px;color:#555;font-weight:400}
h2{font-size:18px;margin:0 0 12px;padding-bottom:4px;border-bottom:2px solid #1f4e79}
h3{font-size:15px;margin:16px 0 4px}
.meta,.note{color:#555}.note{font-size:13px}
nav ul{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:6px 16px}
nav a{color:#1f4e79}
section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px 20px;margin:16px 0}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}
.tile{border:1px solid #dde1e6;border-radius:6px;padding:8px 14px;min-width:120px}
.tile .big{display:block;font-size:30px;font-weight:700}
.table-wrap{overflow-x:auto;margin:8px 0 16px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #e3e6ea;padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:#eef2f7;border-bottom:2px solid #c5ccd6}
tbody th{font-weight:600}
.num{text-align:right;white-space:nowrap}
th,.name,.team,.status,.state,.nowrap{white-space:nowrap}.print-only{display:none}
.omitted{font-style:italic;color:#555}
.status-met{color:#1a7f37}.status-on_track{color:#1f6feb}.status-behind{color:#b35900}
.status-missed,.state-missed{color:#c62828;font-weight:600}.state-overdue,.incomplete{color:#b35900}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}
svg text{font-family:inherit;font-size:12px}
.strong{font-weight:700}svg .axis{fill:#666;font-size:11px}svg .legend{font-size:12px}
svg .grid{stroke:#e0e0e0;stroke-width:1}svg .cell{stroke:#fff;stroke-width:2}
svg .cell-value{font-size:15px;font-weight:700}svg .cell-note{font-size:11px}
svg .trend{fill:none;stroke:#1f4e79;stroke-width:2}svg .point{fill:#1f4e79}
svg .partial{fill:#c9d6e3;stroke:#1f4e79;stroke-dasharray:4 3}
footer{color:#777;font-size:12px;margin:16px 0}
@page{size:A4;margin:12mm}
@media print{
body{background:#fff;font-size:10pt}main{max-width:none;padding:0}nav{display:none}
section{border:none;border-radius:0;padding:0;margin:0 0 8mm;page-break-inside:avoid;break-inside:avoid}
thead th{background:none}thead{display:table-header-group}
.table-wrap{overflow:visible}table{font-size:8pt}th,td{padding:2px 4px}
.screen-only{display:none}.print-only{display:block}
table,tr,svg.chart,.tiles{page-break-inside:avoid;break-inside:avoid}
h2,h3{page-break-after:avoid;break-after:avoid}
svg .cell,svg rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

std::string period(const report::Options& o) {
    return o.from == o.to ? o.from.iso() : fmt::format("{} – {}", o.from.iso(), o.to.iso());
}

std::string tier_label(const rules::Rules& rules, const std::string& id) {
    const rules::Tier* t = rules.tier(id);
    if (t == nullptr || t->label.empty()) return id;
    return t->label.starts_with(id) ? t->label
                                    : fmt::format("{} {}", id, t->label); // "A类门店", not "A A类门店"
}

// A channel in a chart's legend or column: its id in English, the rules' short label in Chinese.
std::string chart_channel(const rules::Rules& rules, const std::string& id) {
    const int k = rules.channel_index(id);
    return k < 0 ? id : channel_word(rules.channels[static_cast<size_t>(k)]);
}

std::string row_name(const report::Row& r) {
    return r.label.empty() ? r.key : fmt::format("{} ({})", r.label, r.key);
}

std::string summary_section(const report::Report& report, const rules::Rules& rules) {
    const auto& s = report.summary;
    std::string out = fmt::format("<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"tiles\">\n",
                                  html_escape(core::tr("Summary")));
    out += fmt::format(
        "<div class=\"tile\"><span class=\"big\">{}</span>{}</div>\n", percent(s.score),
        html_escape(core::trf("overall score ({} of {} required contacts)", s.done_capped, s.required)));
    static constexpr const char* names[] = {N_("met"), N_("on track"), N_("behind"), N_("missed")};
    for (size_t i = 0; i < 4; ++i)
        out += fmt::format("<div class=\"tile status-{}\"><span class=\"big\">{}</span>{}</div>\n",
                           compliance::to_string(static_cast<compliance::Status>(i)), s.by_status[i],
                           html_escape(core::tr(names[i])));
    out +=
        fmt::format("</div>\n<p class=\"note\">{}</p>\n",
                    html_escape(core::trf("{} customer-months. Score = Σ min(done, required) / Σ required; "
                                          "over-serving one channel never covers another.",
                                          s.customers)));
    Table t{core::tr("Customer-months by tier and status"),
            {core::tr("Tier"), core::tr("Customer-months"), core::tr("Met"), core::tr("On track"),
             core::tr("Behind"), core::tr("Missed")},
            {}};
    for (size_t i = 0; i < report.tiers.size() && i < report.tier_status.size(); ++i) {
        const auto& st = report.tier_status[i];
        t.rows.push_back({tier_label(rules, report.tiers[i]), html::num(st[0] + st[1] + st[2] + st[3]),
                          html::num(st[0]), html::num(st[1]), html::num(st[2]), html::num(st[3])});
    }
    t.rows.push_back({core::tr("All tiers"), html::num(s.customers), html::num(s.by_status[0]),
                      html::num(s.by_status[1]), html::num(s.by_status[2]), html::num(s.by_status[3])});
    return out + html::render(t) + "</section>\n";
}

// Rows a page shows of a ranking: all up to kShownRows, else the first and last half of that, so that a
// national breakdown by customer stays a page (CSV and JSON carry every row).
constexpr size_t kShownRows = 1000;

// The ranking (or the --by breakdown): one row per key with score, channels and statuses.
Table rows_table(const report::Report& report, const rules::Rules& rules,
                 const std::vector<report::Row>& rows, const std::string& caption, const std::string& what) {
    Table t{caption, {"#", what, core::tr("Team"), core::tr("Customer-months"), core::tr("Score")}, {}};
    for (const auto& c : report.channels)
        t.head.push_back(html::channel_head(rules, c));
    for (const char* h : {N_("Met"), N_("On track"), N_("Behind"), N_("Missed")})
        t.head.emplace_back(core::tr(h));
    const size_t omitted = rows.size() > kShownRows ? rows.size() - kShownRows : 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (omitted && i == kShownRows / 2) {
            t.rows.push_back(
                {"…", Cell(core::trf("{} more rows, ranked {} to {}: every row is in --format csv or json",
                                     omitted, rows[i].rank, rows[i + omitted - 1].rank),
                           "omitted")});
            i += omitted - 1;
            continue;
        }
        const auto& r = rows[i];
        std::vector<Cell> cells{html::num(r.rank), html::name(row_name(r)), html::name(r.team, "team"),
                                html::num(r.customer_months), Cell(percent(r.total.rate()), "num strong")};
        for (const auto& a : r.channels)
            cells.push_back(html::attainment(a));
        for (const int n : r.by_status)
            cells.push_back(html::num(n));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

std::string ranking_section(const report::Report& report, const rules::Rules& rules) {
    std::string out =
        fmt::format("<section id=\"ranking\">\n<h2>{}</h2>\n", html_escape(core::tr("Rep ranking")));
    std::vector<std::string> series{core::tr("score")};
    for (const auto& c : report.channels)
        series.push_back(chart_channel(rules, c));
    std::vector<BarGroup> groups;
    for (const auto& r : report.reps) {
        BarGroup g{row_name(r), {r.total.rate()}};
        for (const auto& a : r.channels)
            g.values.push_back(a.required == 0 ? std::nullopt : std::optional(a.rate()));
        groups.push_back(std::move(g));
    }
    out += svg_bar_chart(
        {"chart-reps", core::tr("Attainment by rep"),
         core::tr(
             "Horizontal bars per rep: the overall score, then the attainment of each channel, 0 to 100%.")},
        series, groups);
    return out +
           html::render(rows_table(report, rules, report.reps, core::tr("Ranking, best score first"),
                                   core::tr("Rep"))) +
           "</section>\n";
}

std::string breakdown_section(const report::Report& report, const rules::Rules& rules) {
    static constexpr const char* names[] = {N_("Rep"), N_("Customer"), N_("Tier"), N_("Team"), N_("Stage")};
    const char* what = core::tr(names[static_cast<size_t>(report.options.by)]);
    const std::string by = core::tr(report::to_string(report.options.by).data());
    std::string out =
        fmt::format("<section id=\"breakdown\">\n<h2>{}</h2>\n", html_escape(core::trf("By {}", by)));
    return out +
           html::render(rows_table(report, rules, report.rows, core::trf("Breakdown by {}", by), what)) +
           "</section>\n";
}

std::string tier_channel_section(const report::Report& report, const rules::Rules& rules) {
    std::string out =
        fmt::format("<section id=\"tier-channel\">\n<h2>{}</h2>\n", html_escape(core::tr("Tier × channel")));
    std::vector<std::string> rows, columns;
    for (const auto& c : report.channels)
        columns.push_back(chart_channel(rules, c));
    std::vector<std::vector<std::optional<double>>> cells;
    std::vector<std::vector<std::string>> notes;
    Table t{core::tr("Attainment by tier and channel"), {core::tr("Tier")}, {}};
    for (const auto& c : report.channels)
        t.head.push_back(html::channel_head(rules, c));
    t.head.emplace_back(core::tr("All channels"));
    std::vector<report::Attainment> per_channel(report.channels.size());
    report::Attainment all;
    for (size_t i = 0; i < report.tiers.size() && i < report.tier_channel.size(); ++i) {
        rows.push_back(tier_label(rules, report.tiers[i]));
        cells.emplace_back();
        notes.emplace_back();
        std::vector<Cell> row{rows.back()};
        report::Attainment tier_total;
        for (size_t k = 0; k < report.tier_channel[i].size(); ++k) {
            const auto& a = report.tier_channel[i][k];
            cells.back().push_back(a.required == 0 ? std::nullopt : std::optional(a.rate()));
            notes.back().push_back(a.required == 0 ? "" : fmt::format("{}/{}", a.done, a.required));
            row.push_back(html::attainment(a));
            tier_total.done += a.done, tier_total.required += a.required;
            per_channel[k].done += a.done, per_channel[k].required += a.required;
        }
        row.push_back(html::attainment(tier_total));
        all.done += tier_total.done, all.required += tier_total.required;
        t.rows.push_back(std::move(row));
    }
    std::vector<Cell> total{core::tr("All tiers")};
    for (const auto& a : per_channel)
        total.push_back(html::attainment(a));
    total.push_back(html::attainment(all));
    t.rows.push_back(std::move(total));
    out += svg_heatmap(
        {"chart-tiers", core::tr("Attainment by tier and channel"),
         core::tr("Heatmap: one row per tier, one column per channel; color from red (0%) to green (100%), "
                  "each cell shows the rate and done/required.")},
        rows, columns, cells, notes);
    return out + html::render(t) + "</section>\n";
}

std::string trend_section(const report::Report& report, const rules::Rules& rules) {
    std::string out = fmt::format("<section id=\"trend\">\n<h2>{}</h2>\n", html_escape(core::tr("Trend")));
    std::vector<TrendPoint> points;
    for (const auto& m : report.months) {
        const int days = m.month.days(), passed = m.as_of < m.month.last() ? m.as_of.day() : days;
        points.push_back(
            {m.month.iso(), m.summary.score, passed < days ? core::trf("{} of {} days", passed, days) : ""});
    }
    out += svg_trend(
        {"chart-trend", core::tr("Score by month"),
         core::tr("Columns and a line: the overall score of each month, 0 to 100%; a month not over "
                  "yet is drawn pale, with how many of its days have passed.")},
        points);
    Table t{core::tr("Month by month"),
            {core::tr("Month"), core::tr("As of"), core::tr("Customers"), core::tr("Score")},
            {}};
    for (const auto& c : report.channels)
        t.head.push_back(html::channel_head(rules, c));
    for (const char* h : {N_("Met"), N_("On track"), N_("Behind"), N_("Missed")})
        t.head.emplace_back(core::tr(h));
    for (const auto& m : report.months) {
        std::vector<Cell> row{m.month.iso(), m.as_of.iso(), html::num(m.summary.customers),
                              Cell(percent(m.summary.score), "num")};
        for (const auto& a : m.channels)
            row.push_back(html::attainment(a));
        for (const int n : m.summary.by_status)
            row.push_back(html::num(n));
        t.rows.push_back(std::move(row));
    }
    return out + html::render(t) + "</section>\n";
}

} // namespace

std::string render_report_html(const report::Report& report, const rules::Rules& rules, core::Output* to) {
    core::Sink out(to);
    const auto& o = report.options;
    const std::string by = core::tr(report::to_string(o.by).data());
    const std::string when = period(o);
    const bool chinese = core::language() == core::Language::chinese;
    out << fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                       chinese ? "zh-CN" : "en");
    const std::string heading = core::tr("Compliance report");
    out << fmt::format("<title>{} {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                       html_escape(heading), html_escape(when), kStyle);
    out << fmt::format("<header class=\"report\">\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n",
                       html_escape(heading),
                       html_escape(core::trf("{} · as of {} · by {}{}", when, o.as_of.iso(), by,
                                             o.team.empty() ? "" : core::trf(" · team {}", o.team))));
    const auto link = [](const char* id, const std::string& text) {
        return fmt::format("<li><a href=\"#{}\">{}</a></li>", id, html_escape(text));
    };
    out << fmt::format("<nav aria-label=\"{}\"><ul>", html_escape(core::tr("Sections")));
    out << link("summary", core::tr("Summary")) + link("ranking", core::tr("Ranking"));
    if (o.by != report::By::rep) out << link("breakdown", core::trf("By {}", by));
    // What needs action (occasions missed, goals behind) comes before the overviews, for the printout.
    const bool trend = report.months.size() > 1; // one month has no trend
    out << link("occasions", core::tr("Occasions")) + link("goals", core::tr("Goals")) +
               link("followups", core::tr("Follow-ups")) + link("tier-channel", core::tr("Tier × channel"));
    if (trend) out << link("trend", core::tr("Trend"));
    out << link("quality", core::tr("Data quality")) + "</ul></nav>\n";
    out << summary_section(report, rules) << ranking_section(report, rules);
    if (o.by != report::By::rep)
        out << breakdown_section(report, rules); // by rep, the ranking is the breakdown
    html::occasions_section(out, report, rules);
    html::goals_section(out, report);
    out << html::followups_section(report, rules);
    out << tier_channel_section(report, rules);
    if (trend) out << trend_section(report, rules);
    out << html::quality_section(report, rules);
    out << fmt::format("<footer>{}</footer>\n</main>\n</body>\n</html>\n",
                       html_escape(core::trf("keqing {} · rules: {}", KEQING_VERSION, rules.source)));
    return out.take();
}

} // namespace keqing::output
