// Renderings of follow-up items and their counts: aligned tables and JSON.
#include "output/followup_view.hpp"

#include "core/csv.hpp"
#include "followups/transfer.hpp"
#include "output/table.hpp"
#include "output/words.hpp"

namespace keqing::output {
namespace {

std::string kind_name(const store::FollowUp& f, const rules::Rules& rules) {
    const rules::FollowUpKind* kind = rules.followup(f.kind);
    return kind ? kind->name : f.kind;
}

std::string median(const std::optional<double>& days) {
    return days ? fmt::format("{:g}", *days) : "-";
}

} // namespace

std::string render_followups(const std::vector<store::FollowUp>& items, const rules::Rules& rules,
                             core::Date day, bool with_customer) {
    Table t;
    t.column("#", Align::right).column(core::tr("KIND"));
    if (with_customer) t.column(core::tr("CODE")).column(core::tr("CUSTOMER"));
    t.column(core::tr("WHAT"), Align::left, kTextColumns)
        .column(core::tr("OWNER"))
        .column(core::tr("OPENED"))
        .column(core::tr("DUE"))
        .column(core::tr("STATE"));
    t.column(core::tr("RULE"));
    for (const auto& f : items) {
        std::vector<std::string> row{std::to_string(f.id), kind_name(f, rules)};
        if (with_customer) {
            row.push_back(f.customer_code);
            row.push_back(f.customer_name);
        }
        const rules::FollowUpKind* kind = rules.followup(f.kind);
        row.insert(row.end(),
                   {f.person_name.empty() ? f.body : fmt::format("{} ({})", f.body, f.person_name), f.rep,
                    f.opened_on.iso(), f.due_on.iso(),
                    state_word(followups::to_string(followups::state_on(f, day))), kind ? kind->rule : ""});
        t.row(row).tone(row.size() - 2, tone_of(followups::state_on(f, day)));
    }
    return t.indent(2).render();
}

void write_followups(core::JsonWriter& j, const std::vector<store::FollowUp>& items,
                     const rules::Rules& rules, core::Date day) {
    j.begin_array();
    for (const auto& f : items) {
        const rules::FollowUpKind* kind = rules.followup(f.kind);
        j.begin_object().key("id").value(f.id).key("kind").value(f.kind);
        j.key("rule").value_or_null(kind ? kind->rule : "");
        j.key("customer").value(f.customer_code).key("customer_name").value(f.customer_name);
        j.key("body").value(f.body).key("rep").value(f.rep);
        j.key("opened_on").value(f.opened_on.iso()).key("due_on").value(f.due_on.iso());
        j.key("state").value(followups::to_string(followups::state_on(f, day)));
        j.key("person").value_or_null(f.person_name);
        const bool started = f.started_on && *f.started_on <= day;
        j.key("started_on").value_or_null(started ? f.started_on->iso() : "");
        const bool closed = f.closed_on && *f.closed_on <= day;
        j.key("closed_on").value_or_null(closed ? f.closed_on->iso() : "");
        j.key("reason").value_or_null(closed ? f.reason : "").end_object();
    }
    j.end_array();
}

std::string render_followups_csv(const std::vector<store::FollowUp>& items) {
    std::string out;
    for (size_t i = 0; i < followups::kFollowUpColumns.size(); ++i)
        out += (i ? "," : "") + followups::kFollowUpColumns[i];
    out += "\n";
    auto day = [](const std::optional<core::Date>& d) { return d ? d->iso() : std::string(); };
    for (const auto& f : items) {
        const std::vector<std::string> fields{std::to_string(f.id),
                                              f.customer_code,
                                              f.kind,
                                              f.body,
                                              f.person_name,
                                              f.rep,
                                              f.opened_on.iso(),
                                              f.due_on.iso(),
                                              f.status,
                                              day(f.started_on),
                                              day(f.closed_on),
                                              f.reason};
        for (size_t i = 0; i < fields.size(); ++i)
            out += (i ? "," : "") + core::csv_field(fields[i]);
        out += "\n";
    }
    return out;
}

std::string render_followup_counts(const std::vector<followups::Counts>& counts) {
    Table t;
    t.column(core::tr("REP"))
        .column(core::tr("OPENED"), Align::right)
        .column(core::tr("CLOSED"), Align::right)
        .column(core::tr("DONE"), Align::right);
    t.column(core::tr("OPEN"), Align::right)
        .column(core::tr("OVERDUE"), Align::right)
        .column(core::tr("MEDIAN DAYS"), Align::right);
    for (const auto& c : counts)
        t.row({c.rep.empty() ? core::tr("all") : c.rep, std::to_string(c.opened), std::to_string(c.closed),
               std::to_string(c.done), std::to_string(c.open), std::to_string(c.overdue),
               median(c.median_days)});
    return t.indent(2).render();
}

void write_followup_counts(core::JsonWriter& j, const std::vector<followups::Counts>& counts) {
    j.begin_array();
    for (const auto& c : counts) {
        j.begin_object().key("rep").value_or_null(c.rep).key("opened").value(c.opened);
        j.key("closed").value(c.closed).key("done").value(c.done).key("open").value(c.open);
        j.key("overdue").value(c.overdue).key("median_days_to_close");
        if (c.median_days)
            j.value(*c.median_days);
        else
            j.null();
        j.end_object();
    }
    j.end_array();
}

} // namespace keqing::output
