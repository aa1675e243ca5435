// The rep's visit plan (plan, issue 19): day by day, the contacts that keep every open obligation inside its
// window and then every quota still owed this month, on the rep's working days, never more visits a day than
// the rules allow, a day's visits in few areas and ordered as a short route; and what cannot fit, said on the
// first day it is known (docs/DECISIONS.md, "plan's day").
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace keqing::plan {

// What to plan: whose, from which day (taken at its start, as remind's day), how many days to show, and the
// changes to the rules' working days for this plan.
struct Request {
    std::string rep;
    core::Date from;
    int days = 7;
    std::optional<std::array<bool, 7>> workdays; // --workdays
    std::vector<core::Date> off;                 // --off: days off besides the rules' holidays
    struct Skip {
        std::string customer; // code
        core::Date day;
    };
    std::vector<Skip> skips; // --skip CODE@DATE: not that customer on that day
};

// One planned contact.
struct Entry {
    std::string uid; // stable from day to day: the same contact keeps it until it is made (calendar UID)
    enum class Kind { obligation, quota };
    Kind kind = Kind::quota;
    std::string rule; // R1 … R8
    std::string customer_code, customer_name, tier, area;
    std::string channel; // id
    bool gift = false;
    bool in_person = false;
    std::string what;    // for people (core::language()): "中秋节 2026-09-25: visit+gift", "visit 3 of 8"
    std::string what_en; // the same in English, for JSON
    std::string tag;     // obligations: log-visit --occasion
    core::Date from, to; // the window it must be made in
    std::optional<double> lat, lon;
    std::optional<double> leg_km; // visits with coordinates: from the previous visit with coordinates
};

struct Day {
    core::Date date;
    bool workday = true;
    std::vector<Entry> entries; // visits in route order, then calls and messages by customer
    int visits = 0;
    std::vector<std::string> areas; // of the visits, in route order
    std::optional<double> route_km; // of the visits with coordinates, when two or more have them
};

// What the days left cannot hold, and why.
struct Missed {
    Entry entry;
    // no_room: the days left hold more important contacts; no_day: its window has no working day left (not
    // skipped); overdue: its window closed (done late until `late_until`)
    enum class Why { no_room, no_day, overdue };
    Why why = Why::no_room;
    core::Date late_until;
};
std::string_view to_string(Missed::Why why);

struct Plan {
    std::string rep, rep_name, team;
    core::Date from;
    int days = 7;
    int max_visits_per_day = 12;
    core::Date until;           // the last day planned (the month's end, or an obligation's window's end)
    std::vector<Day> shown;     // from .. from + days - 1
    std::vector<Missed> missed; // for the whole planned stretch, the most important first
    int planned_later = 0;      // contacts planned after the days shown, until `until`
};

// The plan of `request.rep` (an unknown rep, an unknown customer in a skip: data errors).
Result<Plan> build_plan(store::Store& store, const rules::Rules& rules, const Request& request);

// Each customer's first planned contact in `rep`'s plan of the 7 days from `from` (code → day), for
// check-quota --with-plan and remind: "planned Tue".
Result<std::unordered_map<std::string, core::Date>>
first_planned(store::Store& store, const rules::Rules& rules, const std::string& rep, core::Date from);

} // namespace keqing::plan
