// The HTML report's follow-up section (issue 18): opened, closed, overdue and the median days to close per
// rep, the overdue items, and the complaints still open with their age.
#include "core/i18n.hpp"
#include "output/report_html_parts.hpp"

#include <fmt/core.h>

namespace keqing::output::html {
namespace {

std::string kind_label(const rules::Rules& rules, const std::string& kind) {
    const rules::FollowUpKind* k = rules.followup(kind);
    return k ? k->name : kind;
}

Table counts_table(const report::Report& report) {
    Table t{core::tr("Follow-ups per rep"),
            {core::tr("Rep"), core::tr("Opened"), core::tr("Closed"), core::tr("Done"), core::tr("Open"),
             core::tr("Overdue"), core::tr("Median days to close")},
            {}};
    for (const auto& c : report.followup_counts)
        t.rows.push_back({name(c.rep.empty() ? core::tr("all") : rep_name(report, c.rep)), num(c.opened),
                          num(c.closed), num(c.done), num(c.open),
                          Cell(std::to_string(c.overdue), c.overdue ? "num incomplete" : "num"),
                          Cell(c.median_days ? fmt::format("{:g}", *c.median_days) : "—", "num")});
    return t;
}

} // namespace

std::string followups_section(const report::Report& report, const rules::Rules& rules) {
    std::string out = fmt::format("<section id=\"followups\">\n<h2>{}</h2>\n",
                                  core::tr("Follow-ups 跟进 (promises, problems, slow movers, complaints)"));
    if (report.followup_counts.empty())
        out += fmt::format("<p class=\"note\">{}</p>\n", core::tr("No follow-up was open in this period."));
    else
        out += render(counts_table(report));
    const core::Date last = std::min(report.options.as_of, report.options.to.last());
    if (!report.followups_overdue.empty()) {
        Table overdue{core::tr("Overdue, to follow up"),
                      {core::tr("#"), core::tr("Customer"), core::tr("Owner"), core::tr("Kind"),
                       core::tr("What"), core::tr("Opened"), core::tr("Due")},
                      {}};
        for (const auto& f : report.followups_overdue)
            overdue.rows.push_back({Cell(fmt::format("#{}", f.id), "num"),
                                    name(f.customer_code + " " + f.customer_name),
                                    name(rep_name(report, f.rep)), kind_label(rules, f.kind), f.body,
                                    f.opened_on.iso(), f.due_on.iso()});
        out += render(overdue);
    }
    if (report.complaints_open.empty())
        return out + fmt::format("<p class=\"note\">{}</p>\n</section>\n",
                                 core::trf("No complaint open on {}.", last.iso()));
    Table open{core::trf("Complaints open on {}, with their age", last.iso()),
               {core::tr("#"), core::tr("Customer"), core::tr("Owner"), core::tr("Opened"), core::tr("Due"),
                core::tr("Age (days)"), core::tr("State"), core::tr("Next step"), core::tr("What")},
               {}};
    for (const auto& c : report.complaints_open) {
        const std::string state(followups::to_string(c.state));
        open.rows.push_back({Cell(fmt::format("#{}", c.item.id), "num"),
                             name(c.item.customer_code + " " + c.item.customer_name),
                             name(rep_name(report, c.item.rep)), c.item.opened_on.iso(), c.item.due_on.iso(),
                             num(c.age_days), Cell(state, "state state-" + state),
                             c.next.empty() ? "—" : c.next, c.item.body});
    }
    return out + render(open) + "</section>\n";
}

} // namespace keqing::output::html
