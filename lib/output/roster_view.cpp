// Text, CSV and JSON renderings of roster data; the card groups what visits recorded (R12–R17).
#include "output/roster_view.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "output/english.hpp"
#include "output/followup_view.hpp"
#include "output/gaps_view.hpp"
#include "output/table.hpp"
#include "output/training_view.hpp"
#include "roster/people.hpp"
#include "roster/stages.hpp"

#include <algorithm>

namespace keqing::output {
namespace {

std::string history_line(const std::vector<store::HistoryEntry>& entries) {
    std::string out;
    for (const auto& e : entries)
        out += fmt::format("{}{} {}", out.empty() ? "" : "; ", fit_name(e.value),
                           e.from ? core::trf("from {}", e.from->iso())
                                  : std::string(core::tr("from the start")));
    return out;
}

// The coordinates of a place as the CSV writes them ("" without), and for a table or the card.
std::string lat_text(const store::Place& p) {
    return p.lat ? roster::degrees_text(*p.lat) : "";
}
std::string lon_text(const store::Place& p) {
    return p.lon ? roster::degrees_text(*p.lon) : "";
}

std::string date_or_dash(const std::optional<core::Date>& d) {
    return d ? d->iso() : "-";
}

// "stage 巩固期 since 2026-11-02" (in effect on the card's day), or "stage -".
std::string stage_line(const roster::Card& card, const rules::Rules& rules) {
    const auto entry = roster::stage_on(card.stages, card.month.as_of);
    if (!entry) return core::tr("stage -");
    const std::string name = fit_name(roster::stage_name(rules, entry->value));
    if (!entry->from) return core::trf("stage {} since the start", name);
    return core::trf("stage {} since {}", name, entry->from->iso());
}

// The card's head: who, the dates and stage, contact details and the histories.
std::string card_header(const roster::Card& card, const rules::Rules& rules) {
    const auto& c = card.customer;
    std::string out =
        core::trf("{} {}  ·  tier {}  ·  rep {}{}", fit_name(c.code), fit_name(c.name), fit_name(c.tier),
                  fit_name(c.rep),
                  card.rep && !card.rep->name.empty()
                      ? fmt::format(" ({}{})", fit_name(card.rep->name),
                                    card.rep->team.empty() ? "" : ", " + fit_name(card.rep->team))
                      : "") +
        "\n";
    out += core::trf("opened {}  ·  closed {}  ·  {}", date_or_dash(c.opened_on), date_or_dash(c.closed_on),
                     stage_line(card, rules)) +
           "\n";
    if (!c.phone.empty()) out += core::trf("phone    {}", fit_name(c.phone)) + "\n";
    if (!c.address.empty()) out += core::trf("address  {}", fit_text(c.address)) + "\n";
    if (!card.place.area.empty() || card.place.lat)
        out +=
            core::trf("area     {}{}", card.place.area.empty() ? "-" : fit_name(card.place.area),
                      card.place.lat ? core::trf("  ·  geo {},{}", lat_text(card.place), lon_text(card.place))
                                     : "") +
            "\n";
    out += core::trf("tiers    {}", history_line(card.tiers)) + "\n" +
           core::trf("reps     {}", history_line(card.reps)) + "\n";
    if (!card.stages.empty()) {
        std::vector<store::HistoryEntry> named = card.stages;
        for (auto& e : named)
            e.value = roster::stage_name(rules, e.value);
        out += core::trf("stages   {}", history_line(named)) + "\n";
    }
    return out;
}

// The people on file, with personality, preferences and family.
std::string card_people(const roster::Card& card) {
    std::string out;
    if (!card.people.empty()) out += "\n" + std::string(core::tr("people")) + "\n";
    for (const auto& p : card.people) {
        out += fmt::format("  #{} {}{}{}\n", p.id, fit_name(p.name),
                           p.role.empty() ? "" : " · " + fit_name(p.role),
                           p.birthday.empty() ? "" : " · " + core::trf("birthday {}", fit_name(p.birthday)));
        if (!p.personality.empty())
            out += fmt::format("     {}型 — {}\n", fit_name(p.personality),
                               roster::personality_hint(p.personality));
        if (!p.preferences.empty())
            out += "     " + core::trf("preferences: {}", fit_text(p.preferences)) + "\n";
        if (!p.family.empty()) out += "     " + core::trf("family: {}", fit_text(p.family)) + "\n";
        if (!p.note.empty()) out += "     " + core::trf("note: {}", fit_text(p.note)) + "\n";
    }
    return out;
}

// What visits recorded, newest first, per checklist item (R12–R17).
std::string card_intel(const roster::Card& card) {
    std::string out;
    for (size_t k = 0; k < store::kChecklistLabels.size(); ++k) {
        std::string items;
        int shown = 0;
        for (auto it = card.recent.rbegin(); it != card.recent.rend() && shown < 3; ++it) {
            if (!it->voided_at.empty() || it->checklist[k].empty()) continue;
            items += fmt::format("    {}  {}\n", it->date.iso(), fit_text(it->checklist[k]));
            ++shown;
        }
        if (shown) out += fmt::format("\n{}\n{}", core::tr(store::kChecklistLabels[k]), items);
    }
    return out;
}

// The contacts of the last 90 days as a table.
std::string card_recent(const roster::Card& card) {
    std::string out;
    out += "\n" + std::string(core::tr("recent contacts (90 days)")) + "\n";
    if (card.recent.empty()) out += "    " + std::string(core::tr("none")) + "\n";
    Table t;
    t.column("#", Align::right)
        .column(core::tr("DATE"))
        .column(core::tr("TIME"))
        .column(core::tr("CHANNEL"))
        .column(core::tr("REP"));
    t.column(core::tr("NOTE"), Align::left, kTextColumns);
    for (const auto& k : card.recent) {
        std::string note = k.note;
        if (k.gift) note = core::tr("[gift] ") + note;
        if (!k.voided_at.empty()) note = core::trf("[voided: {}] {}", k.void_reason, note);
        t.row({fmt::format("{}", k.id), k.date.iso(), k.time, k.channel, k.rep, note});
    }
    if (!t.empty()) {
        out += t.indent(4).render();
    }
    return out;
}

} // namespace

std::string render_card(const roster::Card& card, const rules::Rules& rules) {
    std::string out = card_header(card, rules);
    if (!card.month.customers.empty()) {
        const auto& m = card.month.customers.front();
        out += "\n" +
               core::trf("{} as of {}: {} (score {})", card.month.month.iso(), card.month.as_of.iso(),
                         paint(compliance::display(m.status), tone_of(m.status)), percent(m.score)) +
               "\n";
        out += describe_customer(m, card.month, rules);
    }
    out += card_people(card);
    if (!card.gaps.empty()) {
        out += "\n" + std::string(core::tr("gaps (what the file should hold)")) + "\n";
        for (const auto& g : card.gaps)
            out += fmt::format("  {}\n", fit_text(roster::gap_text(g, rules, card.month.as_of)));
    }
    if (!card.obligations.empty()) {
        out += "\n" + std::string(core::tr("occasions (7 days back, 30 ahead)")) + "\n";
        out += render_obligations(card.obligations, rules, false);
    }
    if (!card.trainings.empty()) {
        out += core::tr("\ntrainings (R11, the last 12 months)\n");
        out += training_lines(card.trainings, card.attendee_names);
    }
    if (!card.followups.empty()) {
        out += "\n" + std::string(core::tr("follow-ups (open, and closed in the last 90 days)")) + "\n";
        out += render_followups(card.followups, rules, card.month.as_of, false);
    }
    out += card_intel(card);
    out += card_recent(card);
    return out;
}

namespace {

// Customers as a table: AREA and GEO only when some customer has one.
std::string customers_table(const std::vector<store::Customer>& customers, const roster::Places& places,
                            const rules::Rules* rules) {
    const bool stage_names = rules && core::language() == core::Language::chinese;
    const bool areas =
        std::any_of(places.begin(), places.end(), [](auto& p) { return !p.second.area.empty(); });
    const bool geo =
        std::any_of(places.begin(), places.end(), [](auto& p) { return p.second.lat.has_value(); });
    Table t;
    t.column(core::tr("CODE"))
        .column(core::tr("NAME"))
        .column(core::tr("TIER"))
        .column(core::tr("REP"))
        .column(core::tr("OPENED"))
        .column(core::tr("CLOSED"))
        .column(core::tr("STAGE"));
    if (areas) t.column(core::tr("AREA"));
    if (geo) t.column(core::tr("GEO"));
    static const store::Place none;
    for (const auto& c : customers) {
        std::vector<std::string> row{c.code,
                                     c.name,
                                     c.tier,
                                     c.rep,
                                     date_or_dash(c.opened_on),
                                     date_or_dash(c.closed_on),
                                     stage_names && !c.stage.empty() && c.stage != "-"
                                         ? roster::stage_name(*rules, c.stage)
                                         : c.stage};
        const auto found = places.find(c.id);
        const store::Place& p = found == places.end() ? none : found->second;
        if (areas) row.push_back(p.area.empty() ? "-" : p.area);
        if (geo) row.push_back(p.lat ? lat_text(p) + "," + lon_text(p) : "-");
        t.row(row);
    }
    return t.empty() ? core::tr("no customers") + std::string("\n")
                     : t.render() + core::trf("{} customers", customers.size()) + "\n";
}

} // namespace

std::string render_customers(const std::vector<store::Customer>& customers, const roster::Places& places,
                             Format format, const rules::Rules* rules) {
    static const store::Place none;
    auto place = [&](const store::Customer& c) -> const store::Place& {
        const auto found = places.find(c.id);
        return found == places.end() ? none : found->second;
    };
    if (format == Format::json) {
        core::JsonWriter j;
        j.begin_array();
        for (const auto& c : customers) {
            j.begin_object().key("code").value(c.code).key("name").value(c.name).key("tier").value(c.tier);
            j.key("rep").value(c.rep).key("opened_on").value_or_null(c.opened_on ? c.opened_on->iso() : "");
            j.key("closed_on").value_or_null(c.closed_on ? c.closed_on->iso() : "");
            j.key("phone")
                .value(c.phone)
                .key("address")
                .value(c.address)
                .key("stage")
                .value(c.stage)
                .key("area")
                .value(place(c).area);
            const store::Place& p = place(c);
            p.lat ? j.key("lat").value(*p.lat) : j.key("lat").null();
            p.lon ? j.key("lon").value(*p.lon) : j.key("lon").null();
            j.end_object();
        }
        j.end_array();
        return std::move(j).str();
    }
    if (format == Format::csv) {
        std::string out = "code,name,tier,rep,opened_on,closed_on,phone,address,stage,area,lat,lon\n";
        for (const auto& c : customers) {
            const store::Place& p = place(c);
            out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", core::csv_field(c.code),
                               core::csv_field(c.name), core::csv_field(c.tier), core::csv_field(c.rep),
                               c.opened_on ? c.opened_on->iso() : "", c.closed_on ? c.closed_on->iso() : "",
                               core::csv_field(c.phone), core::csv_field(c.address), core::csv_field(c.stage),
                               core::csv_field(p.area), lat_text(p), lon_text(p));
        }
        return out;
    }
    return customers_table(customers, places, rules);
}

namespace {

// How a removed person or event is shown in a list with --removed: when and why, or nothing.
std::string removal_text(const std::string& at, const std::string& reason) {
    return at.empty() ? "" : fmt::format("{} ({})", at, reason);
}

} // namespace

std::string render_people(const std::vector<store::Person>& people, Format format, store::Removed removed) {
    const bool removals = removed == store::Removed::included;
    if (format == Format::json) {
        core::JsonWriter j;
        j.begin_array();
        for (const auto& p : people) {
            j.begin_object()
                .key("id")
                .value(p.id)
                .key("customer")
                .value(p.customer_code)
                .key("name")
                .value(p.name);
            j.key("role")
                .value(p.role)
                .key("birthday")
                .value_or_null(p.birthday)
                .key("preferences")
                .value(p.preferences);
            j.key("family").value(p.family).key("personality").value(p.personality).key("note").value(p.note);
            j.key("removed_at")
                .value_or_null(p.removed_at)
                .key("removed_reason")
                .value_or_null(p.removed_reason);
            j.end_object();
        }
        j.end_array();
        return std::move(j).str();
    }
    if (format == Format::csv) {
        std::string out = "id,customer,name,role,birthday,preferences,family,personality,note";
        out += removals ? ",removed_at,removed_reason\n" : "\n";
        for (const auto& p : people) {
            out += fmt::format("{},{},{},{},{},{},{},{},{}", p.id, core::csv_field(p.customer_code),
                               core::csv_field(p.name), core::csv_field(p.role), core::csv_field(p.birthday),
                               core::csv_field(p.preferences), core::csv_field(p.family),
                               core::csv_field(p.personality), core::csv_field(p.note));
            out += removals ? fmt::format(",{},{}\n", p.removed_at, core::csv_field(p.removed_reason)) : "\n";
        }
        return out;
    }
    Table t;
    t.column("#", Align::right)
        .column(core::tr("CODE"))
        .column(core::tr("NAME"))
        .column(core::tr("ROLE"))
        .column(core::tr("BIRTHDAY"))
        .column(core::tr("TYPE"));
    t.column(core::tr("PREFERENCES"), Align::left, kTextColumns);
    if (removals) t.column(core::tr("REMOVED"), Align::left, kTextColumns);
    for (const auto& p : people)
        t.row({fmt::format("{}", p.id), p.customer_code, p.name, p.role, p.birthday, p.personality,
               p.preferences, removal_text(p.removed_at, p.removed_reason)});
    return t.empty() ? core::tr("no people recorded; add one with `roster person add CUSTOMER NAME`") +
                           std::string("\n")
                     : t.render();
}

std::string render_reps(const std::vector<store::Rep>& reps, Format format) {
    if (format == Format::json) {
        core::JsonWriter j;
        j.begin_array();
        for (const auto& r : reps)
            j.begin_object()
                .key("id")
                .value(r.id)
                .key("name")
                .value(r.name)
                .key("team")
                .value(r.team)
                .end_object();
        j.end_array();
        return std::move(j).str();
    }
    if (format == Format::csv) {
        std::string out = "id,name,team\n";
        for (const auto& r : reps)
            out += fmt::format("{},{},{}\n", core::csv_field(r.id), core::csv_field(r.name),
                               core::csv_field(r.team));
        return out;
    }
    Table t;
    t.column(core::tr("ID")).column(core::tr("NAME")).column(core::tr("TEAM"));
    for (const auto& r : reps)
        t.row({r.id, r.name, r.team});
    return t.empty() ? core::tr("no reps; add one with `roster rep add ID --name NAME --team TEAM`") +
                           std::string("\n")
                     : t.render();
}

std::string render_events(const std::vector<store::LifeEvent>& events, store::Removed removed) {
    if (events.empty()) return core::tr("no life events in that range") + std::string("\n");
    Table t;
    t.column("#", Align::right)
        .column(core::tr("DATE"))
        .column(core::tr("CODE"))
        .column(core::tr("KIND"))
        .column(core::tr("PERSON"));
    t.column(core::tr("NOTE"), Align::left, kTextColumns);
    if (removed == store::Removed::included) t.column(core::tr("REMOVED"), Align::left, kTextColumns);
    for (const auto& e : events)
        t.row({fmt::format("{}", e.id), e.date.iso(), e.customer_code, e.kind, e.person_name, e.note,
               removal_text(e.removed_at, e.removed_reason)});
    return t.render();
}

} // namespace keqing::output
