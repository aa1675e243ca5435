// The HTML report document: head and CSS, title, summary, ranking, breakdown, tier × channel and trend,
// with the charts; occasions, goals and data quality come from report_html_parts.cpp.
#include "output/report_html.hpp"

#include "output/quota_view.hpp"
#include "output/report_html_parts.hpp"
#include "output/svg_chart.hpp"

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

std::string row_name(const report::Row& r) {
    return r.label.empty() ? r.key : fmt::format("{} ({})", r.label, r.key);
}

std::string summary_section(const report::Report& report, const rules::Rules& rules) {
    const auto& s = report.summary;
    std::string out = "<section id=\"summary\">\n<h2>Summary 概要</h2>\n<div class=\"tiles\">\n";
    out += fmt::format(
        "<div class=\"tile\"><span class=\"big\">{}</span>overall score ({} of {} required contacts)</div>\n",
        percent(s.score), s.done_capped, s.required);
    static constexpr const char* names[] = {"met", "on track", "behind", "missed"};
    for (size_t i = 0; i < 4; ++i)
        out +=
            fmt::format("<div class=\"tile status-{}\"><span class=\"big\">{}</span>{}</div>\n",
                        compliance::to_string(static_cast<compliance::Status>(i)), s.by_status[i], names[i]);
    out += fmt::format(
        "</div>\n<p class=\"note\">{} customer-months. Score = Σ min(done, required) / Σ required; "
        "over-serving one channel never covers another.</p>\n",
        s.customers);
    Table t{"Customer-months by tier and status",
            {"Tier", "Customer-months", "Met", "On track", "Behind", "Missed"},
            {}};
    for (size_t i = 0; i < report.tiers.size() && i < report.tier_status.size(); ++i) {
        const auto& st = report.tier_status[i];
        t.rows.push_back({tier_label(rules, report.tiers[i]), html::num(st[0] + st[1] + st[2] + st[3]),
                          html::num(st[0]), html::num(st[1]), html::num(st[2]), html::num(st[3])});
    }
    t.rows.push_back({"All tiers", html::num(s.customers), html::num(s.by_status[0]),
                      html::num(s.by_status[1]), html::num(s.by_status[2]), html::num(s.by_status[3])});
    return out + html::render(t) + "</section>\n";
}

// Rows a page shows of a ranking: all up to kShownRows, else the first and last half of that, so that a
// national breakdown by customer stays a page (CSV and JSON carry every row).
constexpr size_t kShownRows = 1000;

// The ranking (or the --by breakdown): one row per key with score, channels and statuses.
Table rows_table(const report::Report& report, const rules::Rules& rules,
                 const std::vector<report::Row>& rows, const std::string& caption, const std::string& what) {
    Table t{caption, {"#", what, "Team", "Customer-months", "Score"}, {}};
    for (const auto& c : report.channels)
        t.head.push_back(html::channel_head(rules, c));
    for (const char* h : {"Met", "On track", "Behind", "Missed"})
        t.head.emplace_back(h);
    const size_t omitted = rows.size() > kShownRows ? rows.size() - kShownRows : 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (omitted && i == kShownRows / 2) {
            t.rows.push_back(
                {"…", Cell(fmt::format("{} more rows, ranked {} to {}: every row is in --format csv or json",
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
    std::string out = "<section id=\"ranking\">\n<h2>Rep ranking 业务员排名</h2>\n";
    std::vector<std::string> series{"score"};
    for (const auto& c : report.channels)
        series.push_back(c);
    std::vector<BarGroup> groups;
    for (const auto& r : report.reps) {
        BarGroup g{row_name(r), {r.total.rate()}};
        for (const auto& a : r.channels)
            g.values.push_back(a.required == 0 ? std::nullopt : std::optional(a.rate()));
        groups.push_back(std::move(g));
    }
    out += svg_bar_chart(
        {"chart-reps", "Attainment by rep",
         "Horizontal bars per rep: the overall score, then the attainment of each channel, 0 to 100%."},
        series, groups);
    return out + html::render(rows_table(report, rules, report.reps, "Ranking, best score first", "Rep")) +
           "</section>\n";
}

std::string breakdown_section(const report::Report& report, const rules::Rules& rules) {
    static constexpr const char* names[][2] = {
        {"Rep", "按业务员"}, {"Customer", "按客户"}, {"Tier", "按分级"}, {"Team", "按团队"}};
    const auto& [what, zh] = names[static_cast<size_t>(report.options.by)];
    const std::string by(report::to_string(report.options.by));
    std::string out = fmt::format("<section id=\"breakdown\">\n<h2>By {} {}</h2>\n", by, zh);
    return out + html::render(rows_table(report, rules, report.rows, "Breakdown by " + by, what)) +
           "</section>\n";
}

std::string tier_channel_section(const report::Report& report, const rules::Rules& rules) {
    std::string out = "<section id=\"tier-channel\">\n<h2>Tier × channel 分级 × 渠道</h2>\n";
    std::vector<std::string> rows, columns(report.channels.begin(), report.channels.end());
    std::vector<std::vector<std::optional<double>>> cells;
    std::vector<std::vector<std::string>> notes;
    Table t{"Attainment by tier and channel", {"Tier"}, {}};
    for (const auto& c : report.channels)
        t.head.push_back(html::channel_head(rules, c));
    t.head.emplace_back("All channels");
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
    std::vector<Cell> total{"All tiers"};
    for (const auto& a : per_channel)
        total.push_back(html::attainment(a));
    total.push_back(html::attainment(all));
    t.rows.push_back(std::move(total));
    out += svg_heatmap(
        {"chart-tiers", "Attainment by tier and channel",
         "Heatmap: one row per tier, one column per channel; color from red (0%) to green (100%), "
         "each cell shows the rate and done/required."},
        rows, columns, cells, notes);
    return out + html::render(t) + "</section>\n";
}

std::string trend_section(const report::Report& report, const rules::Rules& rules) {
    std::string out = "<section id=\"trend\">\n<h2>Trend 趋势</h2>\n";
    std::vector<TrendPoint> points;
    for (const auto& m : report.months) {
        const int days = m.month.days(), passed = m.as_of < m.month.last() ? m.as_of.day() : days;
        points.push_back({m.month.iso(), m.summary.score,
                          passed < days ? fmt::format("{} of {} days", passed, days) : ""});
    }
    out += svg_trend({"chart-trend", "Score by month",
                      "Columns and a line: the overall score of each month, 0 to 100%; a month not over yet "
                      "is drawn pale, with how many of its days have passed."},
                     points);
    Table t{"Month by month", {"Month", "As of", "Customers", "Score"}, {}};
    for (const auto& c : report.channels)
        t.head.push_back(html::channel_head(rules, c));
    for (const char* h : {"Met", "On track", "Behind", "Missed"})
        t.head.emplace_back(h);
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

std::string render_report_html(const report::Report& report, const rules::Rules& rules) {
    const auto& o = report.options;
    const std::string by(report::to_string(o.by));
    const std::string when = period(o);
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format(
        "<title>月度客情合规报告 Compliance report {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
        html_escape(when), kStyle);
    out += fmt::format(
        "<header class=\"report\">\n<h1>月度客情合规报告 <span class=\"en\">Compliance report</span></h1>\n"
        "<p class=\"meta\">{} · as of {} · by {}{}</p>\n</header>\n",
        html_escape(when), o.as_of.iso(), html_escape(by),
        o.team.empty() ? "" : " · team " + html_escape(o.team));
    out += "<nav aria-label=\"Sections\"><ul><li><a href=\"#summary\">Summary</a></li><li><a "
           "href=\"#ranking\">Ranking</a></li>";
    if (o.by != report::By::rep)
        out += fmt::format("<li><a href=\"#breakdown\">By {}</a></li>", html_escape(by));
    // What needs action (occasions missed, goals behind) comes before the overviews, for the printout.
    const bool trend = report.months.size() > 1; // one month has no trend
    out += "<li><a href=\"#occasions\">Occasions</a></li><li><a href=\"#goals\">Goals</a></li>"
           "<li><a href=\"#followups\">Follow-ups</a></li>"
           "<li><a href=\"#tier-channel\">Tier × channel</a></li>";
    if (trend) out += "<li><a href=\"#trend\">Trend</a></li>";
    out += "<li><a href=\"#quality\">Data quality</a></li></ul></nav>\n";
    out += summary_section(report, rules) + ranking_section(report, rules);
    if (o.by != report::By::rep)
        out += breakdown_section(report, rules); // by rep, the ranking is the breakdown
    out += html::occasions_section(report, rules) + html::goals_section(report);
    out += html::followups_section(report, rules);
    out += tier_channel_section(report, rules);
    if (trend) out += trend_section(report, rules);
    out += html::quality_section(report, rules);
    out += fmt::format("<footer>keqing {} · rules: {}</footer>\n</main>\n</body>\n</html>\n", KEQING_VERSION,
                       html_escape(rules.source));
    return out;
}

} // namespace keqing::output
