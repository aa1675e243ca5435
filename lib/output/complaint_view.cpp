// Renderings of complaints and their steps: aligned tables, CSV and JSON (output/complaint_view.hpp).
#include "output/complaint_view.hpp"

#include "core/csv.hpp"
#include "core/json.hpp"
#include "followups/transfer.hpp"
#include "output/table.hpp"
#include "output/words.hpp"

namespace keqing::output {
namespace {

std::string steps_text(const followups::Stepped& s) {
    std::string out;
    for (const auto& st : s.steps)
        out += fmt::format("{}{} {}: {}", out.empty() ? "" : "; ", st.step, st.done_on.iso(), st.note);
    return out;
}

std::string closed_text(const followups::Stepped& s) {
    return s.item.closed_on && (s.state == followups::State::done || s.state == followups::State::dropped)
               ? s.item.closed_on->iso()
               : "";
}

} // namespace

void write_complaints(core::JsonWriter& j, const std::vector<followups::Stepped>& items) {
    j.begin_array();
    for (const auto& s : items) {
        const auto& f = s.item;
        j.begin_object().key("id").value(f.id).key("customer").value(f.customer_code);
        j.key("customer_name").value(f.customer_name).key("rep").value(f.rep).key("body").value(f.body);
        j.key("opened_on").value(f.opened_on.iso()).key("due_on").value(f.due_on.iso());
        j.key("age_days").value(s.age_days).key("state").value(followups::to_string(s.state));
        j.key("closed_on").value_or_null(closed_text(s)).key("next_step").value_or_null(s.next);
        j.key("steps").begin_array();
        for (const auto& st : s.steps)
            j.begin_object()
                .key("step")
                .value(st.step)
                .key("done_on")
                .value(st.done_on.iso())
                .key("note")
                .value(st.note)
                .end_object();
        j.end_array().end_object();
    }
    j.end_array();
}

namespace {

std::string complaints_json(const std::vector<followups::Stepped>& items) {
    core::JsonWriter j;
    write_complaints(j, items);
    return std::move(j).str();
}

} // namespace

std::string render_complaints_export(const std::vector<followups::Stepped>& items) {
    std::string out;
    for (size_t i = 0; i < followups::kComplaintColumns.size(); ++i)
        out += (i ? "," : "") + followups::kComplaintColumns[i];
    out += "\n";
    auto line = [&out](const store::FollowUp& f, const std::string& step, const std::string& day,
                       const std::string& note) {
        const std::vector<std::string> fields{f.customer_code, f.body, f.person_name, f.opened_on.iso(),
                                              f.due_on.iso(),  step,   day,           note};
        for (size_t i = 0; i < fields.size(); ++i)
            out += (i ? "," : "") + core::csv_field(fields[i]);
        out += "\n";
    };
    for (const auto& s : items) {
        if (s.steps.empty()) line(s.item, "", "", "");
        for (const auto& st : s.steps)
            line(s.item, st.step, st.done_on.iso(), st.note);
    }
    return out;
}

std::string render_complaints(const std::vector<followups::Stepped>& items, Format format) {
    if (format == Format::json) return complaints_json(items);
    if (format == Format::csv) {
        std::string out =
            "id,customer,customer_name,rep,body,opened_on,due_on,age_days,state,next_step,steps\n";
        for (const auto& s : items)
            out += fmt::format(
                "{},{},{},{},{},{},{},{},{},{},{}\n", s.item.id, core::csv_field(s.item.customer_code),
                core::csv_field(s.item.customer_name), core::csv_field(s.item.rep),
                core::csv_field(s.item.body), s.item.opened_on.iso(), s.item.due_on.iso(), s.age_days,
                followups::to_string(s.state), core::csv_field(s.next), core::csv_field(steps_text(s)));
        return out;
    }
    Table t;
    t.column("#", Align::right)
        .column(core::tr("CODE"))
        .column(core::tr("CUSTOMER"))
        .column(core::tr("OWNER"))
        .column(core::tr("OPENED"))
        .column(core::tr("DUE"));
    t.column(core::tr("AGE"), Align::right)
        .column(core::tr("STATE"))
        .column(core::tr("NEXT STEP"))
        .column(core::tr("WHAT"), Align::left, kTextColumns);
    for (const auto& s : items)
        t.row({std::to_string(s.item.id), s.item.customer_code, s.item.customer_name, s.item.rep,
               s.item.opened_on.iso(), s.item.due_on.iso(), std::to_string(s.age_days),
               state_word(followups::to_string(s.state)), s.next.empty() ? "-" : s.next, s.item.body})
            .tone(7, tone_of(s.state));
    return t.empty() ? core::tr("no complaints") + std::string("\n")
                     : t.render() + core::trf("{} complaints", items.size()) + "\n";
}

std::string render_complaint(const followups::Stepped& s, const rules::Rules& rules) {
    const rules::FollowUpKind* kind = rules.followup(s.item.kind);
    const std::string name = kind ? kind->name : s.item.kind;
    std::string out =
        core::trf("#{} {} {} {} ({}), owner {}: {}, {} days, due {}", s.item.id, name, s.item.customer_code,
                  s.item.customer_name, kind ? kind->rule : "", s.item.rep,
                  state_word(followups::to_string(s.state)), s.age_days, s.item.due_on.iso()) +
        "\n";
    out += core::trf("  {}  opened: {}", s.item.opened_on.iso(), s.item.body) + "\n";
    for (const auto& st : s.steps)
        out += fmt::format("  {}  {}\n", st.done_on.iso(), core::trf("{}: {}", st.step, st.note));
    if (!s.next.empty()) out += core::trf("  next step: {}", s.next) + "\n";
    const std::string closed = closed_text(s);
    if (!closed.empty() && s.state == followups::State::dropped)
        out += core::trf("  {}  dropped: {}", closed, s.item.reason) + "\n";
    return out;
}

} // namespace keqing::output
