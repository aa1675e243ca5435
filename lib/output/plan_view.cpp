// plan's renderings: the days as display-width tables (text or markdown), JSON (schemas/plan.schema.json)
// and iCalendar with one event per planned contact under a UID that stays from day to day.
#include "output/plan_view.hpp"

#include "core/json.hpp"
#include "output/english.hpp"
#include "output/ics.hpp"
#include "output/table.hpp"

#include <cmath>

namespace keqing::output {
namespace {

constexpr std::array<const char*, 7> kDayNames = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
                                                  N_("Fri"), N_("Sat"), N_("Sun")};

std::string day_label(core::Date d) {
    return fmt::format("{} {}", core::tr(kDayNames[static_cast<size_t>(rules::weekday_of(d))]),
                       d.iso().substr(5));
}

double tenth(double km) {
    return std::round(km * 10) / 10;
}

std::string contact_label(const plan::Entry& e) {
    return e.gift ? core::trf("{}+gift", e.channel) : e.channel;
}

std::string why_text(const plan::Missed& m) {
    switch (m.why) {
    case plan::Missed::Why::no_room:
        return core::trf("no room by {}", m.entry.to.iso());
    case plan::Missed::Why::no_day:
        return core::trf("no working day left by {}", m.entry.to.iso());
    case plan::Missed::Why::overdue:
        return core::trf("window closed {}; done late until {}", m.entry.to.iso(), m.late_until.iso());
    }
    return "";
}

std::string heading(const plan::Plan& p) {
    return core::trf("Plan for {} ({}){}, {} to {} (at most {} visits a day)", p.rep, p.rep_name,
                     p.team.empty() ? "" : " · " + p.team, p.from.iso(), p.from.plus_days(p.days - 1).iso(),
                     p.max_visits_per_day);
}

Table day_table(const plan::Plan& p) {
    Table t;
    t.column(core::tr("DAY"))
        .column(core::tr("VISITS"), Align::right)
        .column(core::tr("OTHER"), Align::right)
        .column(core::tr("AREAS"), Align::left, kTextColumns);
    t.column(core::tr("ROUTE"), Align::right);
    for (const auto& d : p.shown) {
        std::string areas;
        for (const auto& a : d.areas)
            areas += (areas.empty() ? "" : ", ") + (a.empty() ? std::string("-") : a);
        if (!d.workday && d.entries.empty()) {
            t.row({day_label(d.date), "", "", core::tr("day off"), ""});
            continue;
        }
        t.row({day_label(d.date), std::to_string(d.visits),
               std::to_string(static_cast<int>(d.entries.size()) - d.visits), areas,
               d.route_km ? fmt::format("{:.1f} km", tenth(*d.route_km)) : ""});
    }
    return t;
}

Table contact_table(const plan::Plan& p) {
    Table t;
    t.column(core::tr("DAY"))
        .column("#", Align::right)
        .column(core::tr("CODE"))
        .column(core::tr("NAME"))
        .column(core::tr("TIER"))
        .column(core::tr("AREA"));
    t.column(core::tr("CONTACT"))
        .column(core::tr("FOR"), Align::left, kTextColumns)
        .column(core::tr("KM"), Align::right);
    for (const auto& d : p.shown) {
        int n = 0;
        bool first = true;
        for (const auto& e : d.entries) {
            t.row({first ? day_label(d.date) : "", e.in_person ? std::to_string(++n) : "-", e.customer_code,
                   e.customer_name, e.tier, e.area, contact_label(e), e.what,
                   e.leg_km ? fmt::format("{:.1f}", tenth(*e.leg_km)) : ""});
            first = false;
        }
    }
    return t;
}

std::string text(const plan::Plan& p, Style style) {
    const bool md = style == Style::markdown;
    std::string out = (md ? "# " : "") + heading(p) + "\n\n";
    out += day_table(p).render(style) + "\n";
    const Table contacts = contact_table(p);
    out += contacts.empty() ? core::tr("nothing to plan on these days") + std::string("\n")
                            : contacts.render(style);
    if (p.planned_later > 0)
        out += "\n" +
               core::trnf("{} more contact planned after {}, until {}.",
                          "{} more contacts planned after {}, until {}.",
                          static_cast<unsigned long>(p.planned_later), p.planned_later,
                          p.from.plus_days(p.days - 1).iso(), p.until.iso()) +
               "\n";
    if (p.missed.empty()) return out;
    out += "\n" + std::string(md ? "## " : "") +
           core::trf("Cannot be planned by {} ({}; obligations go before quotas, tiers in order):",
                     p.until.iso(), p.missed.size()) +
           "\n";
    if (md) out += "\n";
    Table t;
    t.column(core::tr("CODE"))
        .column(core::tr("NAME"))
        .column(core::tr("TIER"))
        .column(core::tr("CONTACT"))
        .column(core::tr("FOR"), Align::left, kTextColumns);
    t.column(core::tr("WHY"), Align::left, kTextColumns);
    for (const auto& m : p.missed)
        t.row({m.entry.customer_code, m.entry.customer_name, m.entry.tier, contact_label(m.entry),
               m.entry.what, why_text(m)});
    return out + t.render(style);
}

void entry_json(core::JsonWriter& j, const plan::Entry& e) {
    j.key("uid").value(e.uid).key("kind").value(e.kind == plan::Entry::Kind::obligation ? "obligation"
                                                                                        : "quota");
    j.key("rule")
        .value(e.rule)
        .key("customer")
        .value(e.customer_code)
        .key("customer_name")
        .value(e.customer_name);
    j.key("tier").value(e.tier).key("area").value(e.area).key("channel").value(e.channel).key("gift").value(
        e.gift);
    j.key("what").value(e.what_en).key("tag").value_or_null(e.tag).key("from").value(e.from.iso());
    j.key("to").value(e.to.iso());
}

std::string json(const plan::Plan& p) {
    core::JsonWriter j;
    j.begin_object().key("rep").value(p.rep).key("name").value(p.rep_name).key("team").value(p.team);
    j.key("from").value(p.from.iso()).key("days").value(p.days).key("until").value(p.until.iso());
    j.key("max_visits_per_day").value(p.max_visits_per_day).key("plan").begin_array();
    for (const auto& d : p.shown) {
        j.begin_object().key("date").value(d.date.iso()).key("workday").value(d.workday);
        j.key("visits").value(d.visits).key("route_km");
        d.route_km ? j.value(tenth(*d.route_km)) : j.null();
        j.key("areas").begin_array();
        for (const auto& a : d.areas)
            j.value(a);
        j.end_array().key("contacts").begin_array();
        for (const auto& e : d.entries) {
            j.begin_object();
            entry_json(j, e);
            j.key("lat");
            e.lat ? j.value(*e.lat) : j.null();
            j.key("lon");
            e.lon ? j.value(*e.lon) : j.null();
            j.key("leg_km");
            e.leg_km ? j.value(tenth(*e.leg_km)) : j.null();
            j.end_object();
        }
        j.end_array().end_object();
    }
    j.end_array().key("planned_later").value(p.planned_later).key("missed").begin_array();
    for (const auto& m : p.missed) {
        j.begin_object();
        entry_json(j, m.entry);
        j.key("why").value(plan::to_string(m.why)).key("late_until");
        m.why == plan::Missed::Why::overdue ? j.value(m.late_until.iso()) : j.null();
        j.end_object();
    }
    j.end_array().end_object();
    return std::move(j).str();
}

std::string ics(const plan::Plan& p) {
    std::string out =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//keqing//plan//ZH\r\nCALSCALE:GREGORIAN\r\n";
    for (const auto& d : p.shown) {
        int n = 0;
        for (const auto& e : d.entries) {
            out += "BEGIN:VEVENT\r\n";
            out += ics_fold("UID:" + e.uid + "-" + p.rep + "@keqing-plan");
            out += ics_fold("DTSTAMP:" + ics_date(p.from) + "T000000Z");
            out += ics_fold("DTSTART;VALUE=DATE:" + ics_date(d.date));
            out += ics_fold("DTEND;VALUE=DATE:" + ics_date(d.date.plus_days(1)));
            const std::string stop = e.in_person ? fmt::format("{}/{} ", ++n, d.visits) : "";
            out += ics_fold("SUMMARY:" + ics_escape(fmt::format("{}{} {} {}: {}", stop, contact_label(e),
                                                                e.customer_code, e.customer_name, e.what)));
            std::string description = core::trf("{} · tier {} · by {}", e.rule, e.tier, e.to.iso());
            if (!e.area.empty()) description += " · " + e.area;
            if (e.leg_km)
                description +=
                    core::trf(" · {} km from the previous visit", fmt::format("{:.1f}", tenth(*e.leg_km)));
            if (!e.tag.empty()) description += "\nlog-visit " + e.customer_code + " --occasion " + e.tag;
            out += ics_fold("DESCRIPTION:" + ics_escape(description));
            if (e.lat && e.lon) out += ics_fold(fmt::format("GEO:{};{}", *e.lat, *e.lon));
            out += ics_fold("CATEGORIES:" + ics_escape(e.rule));
            out += "END:VEVENT\r\n";
        }
    }
    return out + "END:VCALENDAR\r\n";
}

} // namespace

const char* plan_extension(PlanFormat format) {
    switch (format) {
    case PlanFormat::markdown:
        return "md";
    case PlanFormat::json:
        return "json";
    case PlanFormat::ics:
        return "ics";
    case PlanFormat::table:
        break;
    }
    return "txt";
}

std::string render_plan(const plan::Plan& plan, PlanFormat format) {
    switch (format) {
    case PlanFormat::json: {
        const InEnglish english; // the same JSON whatever the reader's language
        return json(plan);
    }
    case PlanFormat::ics:
        return ics(plan);
    case PlanFormat::markdown:
        return text(plan, Style::markdown);
    case PlanFormat::table:
        break;
    }
    return text(plan, Style::plain);
}

} // namespace keqing::output
