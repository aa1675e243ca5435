// Training records as table, CSV and JSON rows and as the card's lines (see training_view.hpp).
#include "output/training_view.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "output/table.hpp"

#include <fmt/format.h>

namespace keqing::output {
namespace {

std::vector<std::string> attendee_names(const store::Training& t, const PersonNames& names) {
    std::vector<std::string> out;
    for (const int64_t id : t.attendees) {
        const auto found = names.find(id);
        out.push_back(found == names.end() ? fmt::format("#{}", id) : found->second);
    }
    return out;
}

std::string how(const store::Training& t) {
    return t.in_person ? core::tr("in person") : core::tr("not in person");
}

std::string json_trainings(const std::vector<store::Training>& trainings, const PersonNames& names) {
    core::JsonWriter j;
    j.begin_array();
    for (const auto& t : trainings) {
        j.begin_object()
            .key("id")
            .value(t.id)
            .key("customer")
            .value(t.customer_code)
            .key("date")
            .value(t.day.iso());
        j.key("rep").value(t.rep).key("topic").value(t.topic).key("in_person").value(t.in_person);
        j.key("attendees").begin_array();
        for (size_t i = 0; i < t.attendees.size(); ++i) {
            const auto found = names.find(t.attendees[i]);
            j.begin_object()
                .key("id")
                .value(t.attendees[i])
                .key("name")
                .value(found == names.end() ? std::string() : found->second);
            j.end_object();
        }
        j.end_array().key("note").value(t.note);
        j.key("removed_at").value_or_null(t.removed_at).key("removed_reason").value_or_null(t.removed_reason);
        j.end_object();
    }
    j.end_array();
    return std::move(j).str();
}

} // namespace

std::string render_trainings(const std::vector<store::Training>& trainings, const PersonNames& names,
                             Format format) {
    if (format == Format::json) return json_trainings(trainings, names);
    if (format == Format::csv) {
        std::string out = "id,customer,date,rep,topic,in_person,attendees,note\n";
        for (const auto& t : trainings)
            out += fmt::format(
                "{},{},{},{},{},{},{},{}\n", t.id, core::csv_field(t.customer_code), t.day.iso(),
                core::csv_field(t.rep), core::csv_field(t.topic), t.in_person ? "yes" : "no",
                core::csv_field(core::join(attendee_names(t, names), ";")), core::csv_field(t.note));
        return out;
    }
    Table t;
    t.column("#", Align::right).column("CUSTOMER").column("DATE").column("REP").column("HOW");
    t.column("TOPIC").column("ATTENDEES", Align::left, kTextColumns);
    for (const auto& k : trainings) {
        std::string topic = k.topic;
        if (!k.removed_at.empty()) topic = core::trf("[removed: {}] {}", k.removed_reason, topic);
        t.row({fmt::format("{}", k.id), k.customer_code, k.day.iso(), k.rep, how(k), topic,
               core::join(attendee_names(k, names), ", ")});
    }
    return t.empty() ? core::tr("no trainings in that range\n")
                     : t.render() +
                           core::trnf("{} training\n", "{} trainings\n", trainings.size(), trainings.size());
}

std::string training_lines(const std::vector<store::Training>& trainings, const PersonNames& names) {
    std::string out;
    for (const auto& t : trainings) {
        const std::vector<std::string> who = attendee_names(t, names);
        out += fmt::format("  #{} {} {} · {} · {}{}\n", t.id, t.day.iso(), fit_text(t.topic), how(t), t.rep,
                           who.empty() ? "" : " · " + fit_text(core::join(who, ", ")));
    }
    return out;
}

} // namespace keqing::output
