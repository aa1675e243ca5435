// The HTML report's escaped tables and its occasions, rep-goals and data-quality sections.
#include "output/report_html_parts.hpp"

#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "output/svg_chart.hpp"
#include "store/types.hpp"

#include <fmt/format.h>

namespace keqing::output::html {
namespace {

std::string cell_html(const char* tag, const Cell& c, std::string_view scope) {
    std::string attrs;
    if (!scope.empty()) attrs += fmt::format(" scope=\"{}\"", scope);
    if (!c.cls.empty()) attrs += fmt::format(" class=\"{}\"", html_escape(c.cls));
    return fmt::format("<{0}{1}>{2}</{0}>", tag, attrs, html_escape(c.text));
}

// "showing the first 200 of 340" when a store list was capped.
std::string capped(size_t shown, int total) {
    return static_cast<int>(shown) < total
               ? fmt::format("<p class=\"note\">Showing the first {} of {}.</p>\n", shown, total)
               : "";
}

std::string channel_label(const rules::Rules& rules, const std::string& id) {
    const int i = rules.channel_index(id);
    return i < 0 ? id : rules.channels[static_cast<size_t>(i)].label;
}

} // namespace

std::string render(const Table& table) {
    std::string out = "<div class=\"table-wrap\">\n<table>\n";
    if (!table.caption.empty()) out += fmt::format("<caption>{}</caption>\n", html_escape(table.caption));
    out += "<thead><tr>";
    for (size_t i = 0; i < table.head.size(); ++i) { // a column of numbers gets a right-aligned header
        const bool numeric =
            !table.rows.empty() && i < table.rows[0].size() && table.rows[0][i].cls.starts_with("num");
        out += cell_html("th", numeric ? Cell(table.head[i].text, "num") : table.head[i], "col");
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (size_t i = 0; i < row.size(); ++i)
            out += i == 0 ? cell_html("th", row[i], "row") : cell_html("td", row[i], "");
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</div>\n";
}

Cell num(int value) {
    return Cell(std::to_string(value), "num");
}

Cell attainment(const report::Attainment& a) {
    if (a.required == 0) return Cell("—", "num");
    return Cell(fmt::format("{} ({}/{})", percent(a.rate()), a.done, a.required), "num");
}

Cell status(compliance::Status s) {
    static constexpr const char* labels[] = {"met", "on track", "behind", "missed"};
    return Cell(labels[static_cast<size_t>(s)], fmt::format("status-{}", compliance::to_string(s)));
}

std::string rep_name(const report::Report& report, const std::string& rep) {
    for (const auto& r : report.reps)
        if (r.key == rep && !r.label.empty()) return fmt::format("{} ({})", r.label, rep);
    return rep;
}

std::string occasions_section(const report::Report& report, const rules::Rules& rules) {
    std::string out = "<section id=\"occasions\">\n<h2>Occasions 节日与人情 (R4–R8)</h2>\n";
    if (report.occasions.empty())
        return out + "<p class=\"note\">No occasion window closed in this period.</p>\n</section>\n";
    Table kinds{
        "Obligations whose window closed, by occasion",
        {"Occasion", "Rule", "Windows", "Kept", "Kept late", "Still open", "Overdue", "Missed", "Kept %"},
        {}};
    for (const auto& o : report.occasions) {
        const auto state = [&](occasions::State s) { return o.by_state[static_cast<size_t>(s)]; };
        const int kept = state(occasions::State::done);
        kinds.rows.push_back(
            {o.name.empty() ? o.kind : o.name, o.rule, num(o.total), num(kept),
             num(state(occasions::State::done_late)),
             num(state(occasions::State::upcoming) + state(occasions::State::open)),
             num(state(occasions::State::overdue)), num(state(occasions::State::missed)),
             Cell(o.total == 0 ? "—" : percent(static_cast<double>(kept) / o.total), "num")});
    }
    out += render(kinds);
    if (report.missed.empty()) return out + "<p class=\"note\">Nothing missed or overdue.</p>\n</section>\n";
    Table missed{"Missed and overdue, to follow up",
                 {"Date", "Customer", "Rep", "Occasion", "Window", "State", "Still to do"},
                 {}};
    for (const auto& o : report.missed) {
        std::string todo = actions_text(o.outstanding(), rules);
        if (o.note_required && !todo.empty()) todo += " (personal note)";
        missed.rows.push_back({o.date.iso(), o.customer_code + " " + o.customer_name, rep_name(report, o.rep),
                               o.person.empty() ? o.name : o.name + " · " + o.person,
                               fmt::format("{} … {}", o.from.iso(), o.to.iso()),
                               Cell(std::string(occasions::to_string(o.state)),
                                    fmt::format("state-{}", occasions::to_string(o.state))),
                               todo});
    }
    return out + render(missed) + "</section>\n";
}

std::string goals_section(const report::Report& report) {
    std::string out =
        "<section id=\"goals\">\n<h2>Rep goals 业务员目标 (R9–R11) and visit checklist (R12–R17)</h2>\n";
    for (const auto& m : report.months) {
        if (report.months.size() > 1) out += fmt::format("<h3>{}</h3>\n", m.month.iso());
        if (m.goals.empty()) {
            out += "<p class=\"note\">No rep owned a customer this month.</p>\n";
            continue;
        }
        Table goals{fmt::format("Goals {} as of {}", m.month.iso(), m.as_of.iso()),
                    {"Rep", "Goal", "Done", "Status", "Detail"},
                    {}};
        Table checklist{fmt::format("Visit checklist {}", m.month.iso()), {"Rep", "Visits", "Complete"}, {}};
        for (const char* label : store::kChecklistLabels)
            checklist.head.emplace_back(label);
        for (const auto& r : m.goals) {
            for (const auto& g : r.goals)
                goals.rows.push_back({rep_name(report, r.rep), g.id + " " + g.label,
                                      Cell(fmt::format("{}/{}", g.done, g.required), "num"), status(g.status),
                                      g.detail});
            std::vector<Cell> row{rep_name(report, r.rep), num(r.checklist.visits),
                                  num(r.checklist.complete)};
            for (const int recorded : r.checklist.recorded)
                row.emplace_back(fmt::format("{}/{}", recorded, r.checklist.visits),
                                 recorded < r.checklist.visits ? "num incomplete" : "num");
            checklist.rows.push_back(std::move(row));
        }
        out += render(goals) + render(checklist);
    }
    return out + "</section>\n";
}

std::string quality_section(const report::Report& report, const rules::Rules& rules) {
    const compliance::Quality& q = report.quality;
    std::string out = "<section id=\"quality\">\n<h2>Data quality 数据质量</h2>\n";
    out += fmt::format(
        "<ul class=\"flags\">\n<li>Logged late (more than {} days after): <strong>{}</strong></li>\n"
        "<li>Possible duplicates: <strong>{}</strong></li>\n<li>Voided: <strong>{}</strong></li>\n"
        "<li>Days with more than {} visits by one rep: <strong>{}</strong></li>\n</ul>\n",
        rules.late_after_days, q.late_count, q.duplicate_count, q.voided_count, rules.max_visits_per_day,
        q.busy_days.size());
    if (!q.late.empty()) {
        Table t{"Logged late", {"Happened", "Logged at", "Customer", "Channel", "Rep", "Days late"}, {}};
        for (const auto& c : q.late) {
            const auto logged = core::parse_date(std::string_view(c.logged_at).substr(0, 10), "logged_at");
            t.rows.push_back({c.date.iso(), c.logged_at, c.customer_code, channel_label(rules, c.channel),
                              rep_name(report, c.rep), logged ? num(*logged - c.date) : Cell("?", "num")});
        }
        out += render(t) + capped(q.late.size(), q.late_count);
    }
    if (!q.duplicates.empty()) {
        Table t{"Possible duplicates (same customer, channel and day, beyond the channel's same_day_limit)",
                {"Date", "Customer", "Channel", "Contacts", "Logged by"},
                {}};
        for (const auto& d : q.duplicates)
            t.rows.push_back(
                {d.date.iso(), d.customer_code, channel_label(rules, d.channel), num(d.count), d.reps});
        out += render(t) + capped(q.duplicates.size(), q.duplicate_count);
    }
    if (!q.voided.empty()) {
        Table t{"Voided contacts", {"Happened", "Customer", "Channel", "Rep", "Voided at", "Reason"}, {}};
        for (const auto& c : q.voided)
            t.rows.push_back({c.date.iso(), c.customer_code, channel_label(rules, c.channel),
                              rep_name(report, c.rep), c.voided_at, c.void_reason});
        out += render(t) + capped(q.voided.size(), q.voided_count);
    }
    if (!q.busy_days.empty()) {
        Table t{"Implausibly busy days", {"Date", "Rep", "Visits"}, {}};
        for (const auto& b : q.busy_days)
            t.rows.push_back({b.date.iso(), rep_name(report, b.rep), num(b.visits)});
        out += render(t);
    }
    return out + "</section>\n";
}

} // namespace keqing::output::html
