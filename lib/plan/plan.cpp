// The rep's plan: its customers and their places, the tasks of obligations and quotas, the days, the
// scheduler, and the days shown with each day's visits as a route.
#include "plan/plan.hpp"

#include "plan/route.hpp"
#include "plan/tasks.hpp"

#include <algorithm>
#include <set>

namespace keqing::plan {

std::string_view to_string(Missed::Why why) {
    switch (why) {
    case Missed::Why::no_room:
        return "no_room";
    case Missed::Why::no_day:
        return "no_day";
    case Missed::Why::overdue:
        return "overdue";
    }
    return "no_room";
}

namespace {

// The rep's customers on the plan's first day, with their areas, coordinates and area phases.
Result<Inputs> read_customers(store::Store& store, const rules::Rules& rules, const Request& r,
                              std::vector<store::Place>& places) {
    Inputs in;
    in.rules = &rules;
    in.from = r.from;
    KQ_TRY(in.customers, store.list_customers(r.from, store::Scope{store::Scope::Kind::rep, r.rep}));
    std::erase_if(in.customers, [&](const store::Customer& c) {
        return c.rep != r.rep || (c.closed_on && *c.closed_on < r.from);
    });
    std::vector<int64_t> ids;
    for (size_t i = 0; i < in.customers.size(); ++i) {
        in.index_of[in.customers[i].id] = static_cast<int>(i);
        ids.push_back(in.customers[i].id);
    }
    KQ_TRY(auto stored, store.customer_places(ids));
    std::set<std::string> distinct;
    for (const auto& c : in.customers) {
        store::Place p = stored[c.id];
        if (p.area.empty()) p.area = area_from_address(c.address);
        distinct.insert(p.area);
        in.areas.push_back(p.area);
        places.push_back(std::move(p));
    }
    const std::vector<std::string> ranked(distinct.begin(), distinct.end());
    for (const auto& a : in.areas) {
        const auto rank = std::lower_bound(ranked.begin(), ranked.end(), a) - ranked.begin();
        in.phase.push_back((static_cast<double>(rank) + 0.5) / static_cast<double>(ranked.size()));
    }
    return in;
}

// The month's evaluation for the rep's customers as of the plan's first day (remind's reading: the rep
// assigned that day).
Result<compliance::MonthResult> owed_in(store::Store& store, const rules::Rules& rules, core::Month month,
                                        const Request& r, const Inputs& in) {
    const compliance::Scope scope{compliance::Scope::Kind::rep, r.rep};
    KQ_TRY(std::vector<store::MonthCustomer> customers,
           store.month_customers(month, compliance::filter_of(scope)));
    std::erase_if(customers, [&](const store::MonthCustomer& c) { return !in.index_of.contains(c.id); });
    for (auto& c : customers)
        c.rep = r.rep;
    KQ_TRY(compliance::Activity activity,
           compliance::month_activity(store, rules, month, r.from, scope, customers));
    return compliance::evaluate(rules, month, r.from, scope, std::move(customers), std::move(activity));
}

// The days from the plan's first to `until`: working or not, and the customers skipped on each.
Result<Calendar> plan_days(const rules::Rules& rules, const Request& r, const Inputs& in, core::Date until) {
    Calendar cal;
    cal.max_in_person = rules.max_visits_per_day;
    rules::Rules days = rules;
    if (r.workdays) days.workdays = *r.workdays;
    for (core::Date d = r.from; d <= until; d = d.plus_days(1)) {
        const bool off = std::find(r.off.begin(), r.off.end(), d) != r.off.end();
        cal.workday.push_back(days.workday(d) && !off);
        cal.skipped.emplace_back();
    }
    for (const auto& s : r.skips) {
        const auto c = std::find_if(in.customers.begin(), in.customers.end(),
                                    [&](const store::Customer& x) { return x.code == s.customer; });
        if (c == in.customers.end())
            return data_error("--skip {}@{}: {} is not one of {}'s customers on {}; check the code",
                              s.customer, s.day.iso(), s.customer, r.rep, r.from.iso());
        if (s.day >= r.from && s.day <= until)
            cal.skipped[static_cast<size_t>(s.day - r.from)].push_back(
                static_cast<int>(c - in.customers.begin()));
    }
    return cal;
}

// Orders a day's entries: visits with coordinates as a short route, then those without by area and code,
// then the other contacts by channel and customer.
void arrange(Day& day, const std::vector<int>& customer_of, const std::vector<store::Place>& places,
             const rules::Rules& rules) {
    std::vector<Entry> routed, unrouted, other;
    std::vector<Point> points;
    for (size_t i = 0; i < day.entries.size(); ++i) {
        Entry& e = day.entries[i];
        const store::Place& p = places[static_cast<size_t>(customer_of[i])];
        e.area = p.area;
        e.lat = p.lat;
        e.lon = p.lon;
        if (!e.in_person)
            other.push_back(e);
        else if (p.lat && p.lon) {
            routed.push_back(e);
            points.push_back({*p.lat, *p.lon});
        } else
            unrouted.push_back(e);
    }
    std::vector<Entry> out;
    const std::vector<size_t> order = route(points);
    for (size_t k = 0; k < order.size(); ++k) {
        out.push_back(routed[order[k]]);
        if (k > 0) out.back().leg_km = km(points[order[k - 1]], points[order[k]]);
    }
    if (points.size() >= 2) day.route_km = path_km(points, order);
    const auto by = [&](const Entry& a, const Entry& b) {
        return std::tuple(a.area, a.customer_code, a.uid) < std::tuple(b.area, b.customer_code, b.uid);
    };
    std::sort(unrouted.begin(), unrouted.end(), by);
    std::sort(other.begin(), other.end(), [&](const Entry& a, const Entry& b) {
        return std::tuple(rules.channel_index(a.channel), a.customer_code, a.uid) <
               std::tuple(rules.channel_index(b.channel), b.customer_code, b.uid);
    });
    out.insert(out.end(), unrouted.begin(), unrouted.end());
    day.visits = static_cast<int>(out.size());
    for (const auto& e : out)
        if (std::find(day.areas.begin(), day.areas.end(), e.area) == day.areas.end())
            day.areas.push_back(e.area);
    out.insert(out.end(), other.begin(), other.end());
    day.entries = std::move(out);
}

// The days shown and what is missed, from the scheduler's placements.
void assemble(Plan& plan, Work& work, const std::vector<Placement>& placed, const Calendar& cal,
              const std::vector<store::Place>& places, const rules::Rules& rules) {
    std::vector<std::vector<int>> customer_of(static_cast<size_t>(plan.days));
    for (int d = 0; d < plan.days; ++d)
        plan.shown.push_back(
            Day{plan.from.plus_days(d),
                d < static_cast<int>(cal.workday.size()) && cal.workday[static_cast<size_t>(d)],
                {},
                0,
                {},
                {}});
    std::vector<std::pair<int, size_t>> unplaced;
    for (size_t i = 0; i < placed.size(); ++i) {
        const int d = placed[i].day;
        if (d < 0)
            unplaced.emplace_back(work.tasks[i].rank, i);
        else if (d < plan.days) {
            plan.shown[static_cast<size_t>(d)].entries.push_back(work.entries[i]);
            customer_of[static_cast<size_t>(d)].push_back(work.tasks[i].customer);
        } else
            ++plan.planned_later;
    }
    for (int d = 0; d < plan.days; ++d)
        arrange(plan.shown[static_cast<size_t>(d)], customer_of[static_cast<size_t>(d)], places, rules);
    std::sort(unplaced.begin(), unplaced.end(), [&](const auto& a, const auto& b) {
        const Task& x = work.tasks[a.second];
        const Task& y = work.tasks[b.second];
        return std::tie(x.rank, x.to, x.key) < std::tie(y.rank, y.to, y.key);
    });
    std::vector<Missed> missed = std::move(work.missed);
    for (const auto& [rank, i] : unplaced)
        missed.push_back({work.entries[i],
                          placed[i].why == Unplaced::no_day ? Missed::Why::no_day : Missed::Why::no_room,
                          {}});
    plan.missed = std::move(missed);
}

} // namespace

Result<Plan> build_plan(store::Store& store, const rules::Rules& rules, const Request& r) {
    KQ_TRY(std::optional<store::Rep> rep, store.find_rep(r.rep));
    if (!rep) return data_error("unknown rep '{}'; see `roster rep list`", r.rep);
    Plan plan{rep->id, rep->name, rep->team, r.from, r.days, rules.max_visits_per_day, {}, {}, {}, 0};
    std::vector<store::Place> places;
    KQ_TRY(Inputs in, read_customers(store, rules, r, places));
    const core::Date shown_end = r.from.plus_days(r.days - 1);
    core::Date until = core::Month::of(shown_end).last();
    KQ_TRY(std::vector<occasions::Obligation> obligations,
           occasions::obligations(store, rules, r.from.plus_days(-rules.overdue_days), until, r.from,
                                  store::Scope{store::Scope::Kind::rep, r.rep}));
    std::erase_if(obligations,
                  [&](const occasions::Obligation& o) { return !in.index_of.contains(o.customer_id); });
    for (const auto& o : obligations)
        if (o.state == occasions::State::open || o.state == occasions::State::upcoming)
            until = std::max(until, o.to);
    plan.until = until;
    Work work;
    work.in = &in;
    add_obligations(obligations, in, work);
    for (core::Month m = core::Month::of(r.from); m <= core::Month::of(shown_end); m = m.next()) {
        KQ_TRY(compliance::MonthResult month, owed_in(store, rules, m, r, in));
        add_quotas(month, in, work);
    }
    KQ_TRY(Calendar cal, plan_days(rules, r, in, until));
    const std::vector<Placement> placed = schedule(work.tasks, cal);
    assemble(plan, work, placed, cal, places, rules);
    return plan;
}

Result<std::unordered_map<std::string, core::Date>>
first_planned(store::Store& store, const rules::Rules& rules, const std::string& rep, core::Date from) {
    Request request;
    request.rep = rep;
    request.from = from;
    KQ_TRY(Plan plan, build_plan(store, rules, request));
    std::unordered_map<std::string, core::Date> first;
    for (const Day& day : plan.shown)
        for (const Entry& e : day.entries)
            first.emplace(e.customer_code, day.date);
    return first;
}

} // namespace keqing::plan
