// The HTML report's escaped tables and its occasions, rep-goals and data-quality sections.
#include "output/report_html_parts.hpp"

#include "core/text.hpp"
#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "output/svg_chart.hpp"
#include "output/words.hpp"
#include "store/types.hpp"

#include <fmt/format.h>

#include <initializer_list>

namespace keqing::output::html {
namespace {

std::string cell_html(const char* tag, const Cell& c, std::string_view scope, std::string_view extra_class) {
    std::string attrs;
    if (!scope.empty()) attrs += fmt::format(" scope=\"{}\"", scope);
    std::string cls = c.cls;
    if (!extra_class.empty()) cls += (cls.empty() ? "" : " ") + std::string(extra_class);
    if (!cls.empty()) attrs += fmt::format(" class=\"{}\"", html_escape(cls));
    if (!c.title.empty()) attrs += fmt::format(" title=\"{}\"", html_escape(c.title));
    return fmt::format("<{0}{1}>{2}</{0}>", tag, attrs, html_escape(c.text));
}

// "showing the first 200 of 340" when a store list was capped; on paper, the first kPrintedRows of them.
std::string capped(size_t shown, int total) {
    std::string out = static_cast<int>(shown) < total
                          ? fmt::format("<p class=\"note\">{}</p>\n",
                                        html_escape(core::trf("Showing the first {} of {}.", shown, total)))
                          : "";
    if (shown > kPrintedRows)
        out += fmt::format("<p class=\"note print-only\">{}</p>\n",
                           core::trf("Printed: the first {} of {}; every one is in {} or {}.", kPrintedRows,
                                     total, "<code>report --format csv</code>", "<code>json</code>"));
    return out;
}

// A note under a section or table.
std::string html_note(const std::string& text) {
    return fmt::format("<p class=\"note\">{}</p>\n", html_escape(text));
}

// Column headers, translated.
std::vector<Cell> html_heads(std::initializer_list<const char*> english) {
    std::vector<Cell> out;
    for (const char* h : english)
        out.emplace_back(core::tr(h));
    return out;
}

// The visit checklist's items (store::kChecklistLabels), here so xgettext finds them.
[[maybe_unused]] constexpr const char* kChecklistWords[] = {
    N_("R12 product feedback"), N_("R13 clerk preference"), N_("R14 done for a preference"),
    N_("R15 clerk family"),     N_("R16 competitor"),       N_("R17 slow movers")};

std::string channel_label(const rules::Rules& rules, const std::string& id) {
    const int i = rules.channel_index(id);
    return i < 0 ? id : rules.channels[static_cast<size_t>(i)].label;
}

} // namespace

TableWriter::TableWriter(core::Sink& out, std::string caption, std::vector<Cell> head, size_t printed_rows)
    : out_(out), caption_(std::move(caption)), head_(std::move(head)), printed_rows_(printed_rows) {}

void TableWriter::write_head(const std::vector<Cell>* first) {
    out_ << "<div class=\"table-wrap\">\n<table>\n";
    if (!caption_.empty()) out_ << fmt::format("<caption>{}</caption>\n", html_escape(caption_));
    out_ << "<thead><tr>";
    for (size_t i = 0; i < head_.size(); ++i) { // a column of numbers gets a right-aligned header
        const bool numeric = first && i < first->size() && (*first)[i].cls.starts_with("num");
        out_ << cell_html("th", head_[i], "col", numeric ? "num" : "");
    }
    out_ << "</tr></thead>\n<tbody>\n";
}

void TableWriter::row(const std::vector<Cell>& cells) {
    if (rows_ == 0) write_head(&cells);
    std::string line = rows_ < printed_rows_ ? "<tr>" : "<tr class=\"screen-only\">";
    for (size_t i = 0; i < cells.size(); ++i)
        line += i == 0 ? cell_html("th", cells[i], "row", "") : cell_html("td", cells[i], "", "");
    line += "</tr>\n";
    out_ << line;
    ++rows_;
}

void TableWriter::finish() {
    if (rows_ == 0) write_head(nullptr);
    out_ << "</tbody>\n</table>\n</div>\n";
}

std::string render(const Table& table, size_t printed_rows) {
    core::Sink out;
    TableWriter t(out, table.caption, table.head, printed_rows);
    for (const auto& row : table.rows)
        t.row(row);
    t.finish();
    return out.take();
}

RepNames::RepNames(const report::Report& report) {
    for (const auto& r : report.reps) // rep_name: the first row with the id and a name
        if (!r.label.empty()) names_.try_emplace(r.key, fmt::format("{} ({})", r.label, r.key));
}

std::string RepNames::operator()(const std::string& rep) const {
    const auto found = names_.find(rep);
    return found == names_.end() ? rep : found->second;
}

Cell name(std::string_view text, std::string cls) {
    Cell c(core::fit(text, kHtmlNameColumns), std::move(cls));
    if (c.text != text) c.title = std::string(text);
    return c;
}

Cell head(std::string text, std::string title) {
    Cell c(std::move(text));
    c.title = std::move(title);
    return c;
}

Cell channel_head(const rules::Rules& rules, const std::string& id) {
    const int i = rules.channel_index(id);
    if (i < 0) return Cell(id);
    const rules::Channel& c = rules.channels[static_cast<size_t>(i)];
    return head(c.short_label, fmt::format("{} {}", id, c.label));
}

Cell num(int value) {
    return Cell(std::to_string(value), "num");
}

Cell attainment(const report::Attainment& a) {
    if (a.required == 0) return Cell("—", "num");
    return Cell(fmt::format("{} ({}/{})", percent(a.rate()), a.done, a.required), "num");
}

Cell status(compliance::Status s) {
    static constexpr const char* labels[] = {N_("met"), N_("on track"), N_("behind"), N_("missed")};
    return Cell(core::tr(labels[static_cast<size_t>(s)]),
                fmt::format("status status-{}", compliance::to_string(s)));
}

std::string rep_name(const report::Report& report, const std::string& rep) {
    for (const auto& r : report.reps)
        if (r.key == rep && !r.label.empty()) return fmt::format("{} ({})", r.label, rep);
    return rep;
}

void occasions_section(core::Sink& out, const report::Report& report, const rules::Rules& rules) {
    out << fmt::format("<section id=\"occasions\">\n<h2>{}</h2>\n",
                       html_escape(core::tr("Occasions and life events (R4–R8)")));
    if (report.occasions.empty()) {
        out << html_note(core::tr("No occasion window closed in this period.")) << "</section>\n";
        return;
    }
    Table kinds{core::tr("Obligations whose window closed, by occasion"),
                html_heads({N_("Occasion"), N_("Rule"), N_("Windows"), N_("Kept"), N_("Kept late"),
                            N_("Still open"), N_("Overdue"), N_("Missed"), N_("Kept %")}),
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
    out << render(kinds);
    if (report.missed.empty()) {
        out << html_note(core::tr("Nothing missed or overdue.")) << "</section>\n";
        return;
    }
    // Hundreds of thousands of rows at national scale: each written out as it is laid out.
    TableWriter missed(out, core::tr("Missed and overdue, to follow up"),
                       html_heads({N_("Date"), N_("Customer"), N_("Rep"), N_("Occasion"), N_("Window"),
                                   N_("State"), N_("Still to do")}));
    const RepNames rep_names(report);
    occasions::Obligation scratch;
    for (size_t i = 0; i < report.missed.size(); ++i) {
        const occasions::Obligation& o = report.missed.at(i, scratch);
        std::string todo = actions_text(o.outstanding(), rules);
        if (o.note_required && !todo.empty()) todo += core::tr(" (personal note)");
        missed.row({o.date.iso(), name(o.customer_code + " " + o.customer_name), name(rep_names(o.rep)),
                    o.person.empty() ? o.name : o.name + " · " + o.person,
                    Cell(fmt::format("{} … {}", o.from.iso(), o.to.iso()), "nowrap"),
                    Cell(state_word(occasions::display(o.state)),
                         fmt::format("state state-{}", occasions::to_string(o.state))),
                    todo});
    }
    missed.finish();
    out << "</section>\n";
}

void goals_section(core::Sink& out, const report::Report& report) {
    out << fmt::format("<section id=\"goals\">\n<h2>{}</h2>\n",
                       html_escape(core::tr("Rep goals (R9–R11) and visit checklist (R12–R17)")));
    const RepNames rep_names(report);
    for (const auto& m : report.months) {
        if (report.months.size() > 1) out << fmt::format("<h3>{}</h3>\n", m.month.iso());
        if (m.goals.empty()) {
            out << html_note(core::tr("No rep owned a customer this month."));
            continue;
        }
        const std::vector<compliance::RepGoals> month = m.goals.goals(); // one month's rebuilt at a time
        TableWriter goals(out, core::trf("Goals {} as of {}", m.month.iso(), m.as_of.iso()),
                          html_heads({N_("Rep"), N_("Goal"), N_("Done"), N_("Status"), N_("Detail")}));
        for (const auto& r : month)
            for (const auto& g : r.goals)
                goals.row({name(rep_names(r.rep)), g.id + " " + g.label,
                           Cell(fmt::format("{}/{}", g.done, g.required), "num"), status(g.status),
                           g.detail});
        goals.finish();
        std::vector<Cell> heads = html_heads({N_("Rep"), N_("Visits"), N_("Complete")});
        for (const char* label : store::kChecklistLabels) { // "R12 product feedback" → "R12"
            const std::string_view code(label);
            heads.push_back(head(std::string(code.substr(0, code.find(' '))), core::tr(label)));
        }
        TableWriter checklist(out, core::trf("Visit checklist {}", m.month.iso()), std::move(heads));
        for (const auto& r : month) {
            std::vector<Cell> row{name(rep_names(r.rep)), num(r.checklist.visits), num(r.checklist.complete)};
            for (const int recorded : r.checklist.recorded)
                row.emplace_back(fmt::format("{}/{}", recorded, r.checklist.visits),
                                 recorded < r.checklist.visits ? "num incomplete" : "num");
            checklist.row(row);
        }
        checklist.finish();
    }
    std::string legend;
    for (const char* label : store::kChecklistLabels)
        legend += (legend.empty() ? "" : " · ") + html_escape(core::tr(label));
    out << fmt::format("<p class=\"note\">{}</p>\n", legend) << "</section>\n";
}

std::string quality_section(const report::Report& report, const rules::Rules& rules) {
    const compliance::Quality& q = report.quality;
    std::string out =
        fmt::format("<section id=\"quality\">\n<h2>{}</h2>\n", html_escape(core::tr("Data quality")));
    const auto flag = [](const std::string& what, auto count) {
        return fmt::format("<li>{}: <strong>{}</strong></li>\n", html_escape(what), count);
    };
    out += "<ul class=\"flags\">\n" +
           flag(core::trf("Logged late (more than {} days after)", rules.late_after_days), q.late_count) +
           flag(core::tr("Possible duplicates"), q.duplicate_count) +
           flag(core::tr("Voided"), q.voided_count) +
           flag(core::trf("Days with more than {} visits by one rep", rules.max_visits_per_day),
                q.busy_days.size()) +
           "</ul>\n";
    if (!q.late.empty()) {
        Table t{core::tr("Logged late"),
                html_heads({N_("Happened"), N_("Logged at"), N_("Customer"), N_("Channel"), N_("Rep"),
                            N_("Days late")}),
                {}};
        for (const auto& c : q.late) {
            const auto logged = core::parse_date(std::string_view(c.logged_at).substr(0, 10), "logged_at");
            t.rows.push_back({c.date.iso(), c.logged_at, c.customer_code, channel_label(rules, c.channel),
                              name(rep_name(report, c.rep)),
                              logged ? num(*logged - c.date) : Cell("?", "num")});
        }
        out += render(t, kPrintedRows) + capped(q.late.size(), q.late_count);
    }
    if (!q.duplicates.empty()) {
        Table t{
            core::tr(
                "Possible duplicates (same customer, channel and day, beyond the channel's same_day_limit)"),
            html_heads({N_("Date"), N_("Customer"), N_("Channel"), N_("Contacts"), N_("Logged by")}),
            {}};
        for (const auto& d : q.duplicates)
            t.rows.push_back(
                {d.date.iso(), d.customer_code, channel_label(rules, d.channel), num(d.count), d.reps});
        out += render(t, kPrintedRows) + capped(q.duplicates.size(), q.duplicate_count);
    }
    if (!q.voided.empty()) {
        Table t{core::tr("Voided contacts"),
                html_heads({N_("Happened"), N_("Customer"), N_("Channel"), N_("Rep"), N_("Voided at"),
                            N_("Reason")}),
                {}};
        for (const auto& c : q.voided)
            t.rows.push_back({c.date.iso(), c.customer_code, channel_label(rules, c.channel),
                              name(rep_name(report, c.rep)), c.voided_at, c.void_reason});
        out += render(t, kPrintedRows) + capped(q.voided.size(), q.voided_count);
    }
    if (!q.busy_days.empty()) {
        Table t{core::tr("Implausibly busy days"), html_heads({N_("Date"), N_("Rep"), N_("Visits")}), {}};
        for (const auto& b : q.busy_days)
            t.rows.push_back({b.date.iso(), name(rep_name(report, b.rep)), num(b.visits)});
        out += render(t, kPrintedRows) + capped(q.busy_days.size(), static_cast<int>(q.busy_days.size()));
    }
    return out + "</section>\n";
}

} // namespace keqing::output::html
