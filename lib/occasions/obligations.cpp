// Obligation generation: festivals per customer and tier, birthdays from people, life events (yearly kinds
// each year) and anniversaries of the customers' opening days; then their satisfaction (satisfy.cpp).
#include "occasions/obligations.hpp"

#include "calendar/lunar.hpp"
#include "occasions/satisfy.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <span>

namespace keqing::occasions {
namespace {

// The months a birthday must be written with to fall in [from, to]; none (read every birthday) for a
// year or more.
std::optional<store::BirthdayMonths> birthday_months(core::Date from, core::Date to) {
    if (to - from >= 365) return std::nullopt;
    store::BirthdayMonths months;
    auto add = [](std::vector<int>& list, int m) {
        if (std::find(list.begin(), list.end(), m) == list.end()) list.push_back(m);
    };
    for (core::Date d = from; d <= to; d = d.plus_days(1)) {
        add(months.solar, d.month());
        if (const auto lunar = calendar::to_lunar({d.year(), d.month(), d.day()}))
            add(months.lunar, lunar->month);
    }
    return months;
}

bool active_on(const store::Customer& c, core::Date d) {
    return (!c.opened_on || *c.opened_on <= d) && (!c.closed_on || *c.closed_on >= d);
}

// An obligation of customer `c` on `day` under a rule (an occasion or an event kind): its window, name, rule
// number and who must make it. The caller gives the actions.
template <class Rule>
Obligation make(Obligation::Source source, const store::Customer& c, core::Date day, const Rule& rule,
                std::string tag, std::string kind) {
    Obligation o;
    o.source = source;
    o.customer_id = c.id;
    o.customer_code = c.code;
    o.customer_name = c.name;
    o.tier = c.tier;
    o.rep = c.rep;
    o.date = day;
    o.from = day.plus_days(-rule.before);
    o.to = day.plus_days(rule.after);
    o.tag = std::move(tag);
    o.kind = std::move(kind);
    o.name = rule.name;
    o.rule = rule.rule;
    o.who = rule.who;
    return o;
}

// The festival obligations of `customers` on `day`: those active then whose tier (in effect that day) has
// actions.
void add_festival_day(const rules::Rules& rules, const rules::Occasion& occasion, core::Date day,
                      std::span<const store::Customer> customers, std::vector<Obligation>& out) {
    for (const auto& c : customers) {
        const int tier = rules.tier_index(c.tier);
        if (tier < 0 || !active_on(c, day) || occasion.actions[static_cast<size_t>(tier)].empty()) continue;
        Obligation o = make(Obligation::Source::occasion, c, day, occasion, occasion.id, occasion.id);
        o.actions = occasion.actions[static_cast<size_t>(tier)];
        out.push_back(std::move(o));
    }
}

// Calls `each(occasion, day)` for every festival day of the part.
template <class Each> Result<void> festival_days(const rules::Rules& rules, const Part& part, Each&& each) {
    for (const rules::Occasion& occasion : rules.occasions)
        for (const core::Date day : calendar::occurrences(occasion.date, part.from.plus_days(-occasion.after),
                                                          part.to.plus_days(occasion.before)))
            if (part.holds(day.plus_days(-occasion.before))) KQ_CHECK(each(occasion, day));
    return {};
}

// Festivals: the tier and rep in effect on the day itself.
Result<void> add_festivals(store::Store& store, const rules::Rules& rules, const Part& part,
                           const store::Scope& filter, std::vector<Obligation>& out) {
    return festival_days(rules, part, [&](const rules::Occasion& occasion, core::Date day) -> Result<void> {
        KQ_TRY(std::vector<store::Customer> customers, store.list_customers(day, filter));
        add_festival_day(rules, occasion, day, customers, out);
        return {};
    });
}

// A personal date (a birthday, a life event, an opening anniversary) found before its customer is read.
struct Dated {
    Obligation::Source source;
    const rules::EventKind* kind;
    int64_t customer_id;
    core::Date day;
    std::string tag;
    int64_t person_id = 0;
    std::string person;
    bool must_be_active =
        true; // the customer must be active on the day (a recorded event's own day need not)
};

// The days of a yearly date (month and day of `since`) from `since` on that fall in [first, last].
std::vector<core::Date> yearly_days(core::Date since, core::Date first, core::Date last) {
    const calendar::Recurring date{calendar::Recurring::Kind::solar, since.month(), since.day(), false, 0};
    return calendar::occurrences(date, std::max(first, since), last);
}

// Birthdays of the people at the customers `filter` allows whose window meets [from, to].
Result<void> find_birthdays(store::Store& store, const rules::Rules& rules, core::Date from, core::Date to,
                            const store::Scope& filter, std::vector<Dated>& out) {
    const rules::EventKind* birthday = rules.event("birthday");
    if (!birthday) return {};
    const core::Date first = from.plus_days(-birthday->after), last = to.plus_days(birthday->before);
    const auto months = birthday_months(first, last);
    KQ_TRY(std::vector<store::Person> people, store.birthdays_of(filter, months ? &*months : nullptr));
    for (const auto& p : people) {
        auto date = calendar::parse_recurring(p.birthday, "birthday");
        if (!date) continue;
        for (const core::Date day : calendar::occurrences(*date, first, last))
            out.push_back({Obligation::Source::birthday, birthday, p.customer_id, day,
                           fmt::format("birthday:{}", p.id), p.id, p.name});
    }
    return {};
}

// Life events whose window meets [from, to]: on their day, and for a yearly kind on that day of every later
// year too (those read from every year before, through the same read of events by day).
Result<void> find_events(store::Store& store, const rules::Rules& rules, core::Date from, core::Date to,
                         const store::Scope& filter, std::vector<Dated>& out) {
    // Every kind's events near the range, and those of yearly kinds from every year before (only those:
    // reading every event ever recorded cost a tenth of check-quota --all).
    std::vector<std::string> yearly;
    for (const rules::EventKind& k : rules.events)
        if (k.yearly && k.recorded()) yearly.push_back(k.kind);
    const core::Date near = from.plus_days(-60);
    std::vector<store::LifeEvent> events;
    if (!yearly.empty()) {
        KQ_TRY(events, store.events_of(core::Date::from_ymd(1900, 1, 1), near.plus_days(-1), filter, yearly));
    }
    KQ_TRY(std::vector<store::LifeEvent> recent, store.events_of(near, to.plus_days(60), filter));
    events.insert(events.end(), std::make_move_iterator(recent.begin()),
                  std::make_move_iterator(recent.end()));
    for (const auto& e : events) {
        const rules::EventKind* kind = rules.event(e.kind);
        if (!kind) continue;
        const core::Date first = from.plus_days(-kind->after), last = to.plus_days(kind->before);
        std::vector<core::Date> days;
        if (kind->yearly)
            days = yearly_days(e.date, first, last);
        else if (e.date >= first && e.date <= last)
            days.push_back(e.date);
        for (const core::Date day : days)
            out.push_back({Obligation::Source::event, kind, e.customer_id, day, fmt::format("event:{}", e.id),
                           e.person_id, e.person_name, day != e.date});
    }
    return {};
}

// Anniversaries of the customers' opening days (kinds with on = "opened_on"), from the first one on.
Result<void> find_openings(store::Store& store, const rules::Rules& rules, core::Date from, core::Date to,
                           const store::Scope& filter, std::vector<Dated>& out) {
    if (std::none_of(rules.events.begin(), rules.events.end(), [](const auto& k) { return k.on_opening; }))
        return {};
    KQ_TRY(const auto openings, store.opening_days(filter));
    for (const rules::EventKind& kind : rules.events) {
        if (!kind.on_opening) continue;
        const core::Date first = from.plus_days(-kind.after), last = to.plus_days(kind.before);
        for (const auto& [id, opened] : openings)
            for (const core::Date day : yearly_days(opened, first, last))
                if (day != opened)
                    out.push_back({Obligation::Source::opening, &kind, id, day, kind.kind, 0, {}, true});
    }
    return {};
}

// Birthdays, life events and opening anniversaries of a part: the days, and the customers they concern as
// they stand on the reference day (`by_id` points into `customers`: a Personal is never moved).
struct Personal {
    std::vector<Dated> dated;
    std::vector<store::Customer> customers;
    std::map<int64_t, const store::Customer*> by_id;
};

// With `only` (sorted ids), only the dates of those customers.
Result<void> read_personal(store::Store& store, const rules::Rules& rules, const Part& part,
                           const store::Scope& filter, Personal& out,
                           const std::vector<int64_t>* only = nullptr, Which which = Which::all) {
    std::vector<Dated>& dated = out.dated;
    const auto reads = [&](Which one) { return which == Which::all || which == one; };
    if (reads(Which::birthdays)) KQ_CHECK(find_birthdays(store, rules, part.from, part.to, filter, dated));
    if (reads(Which::events)) KQ_CHECK(find_events(store, rules, part.from, part.to, filter, dated));
    if (reads(Which::openings)) KQ_CHECK(find_openings(store, rules, part.from, part.to, filter, dated));
    std::erase_if(dated, [&](const Dated& d) {
        return !part.holds(d.day.plus_days(-d.kind->before)) ||
               (only && !std::binary_search(only->begin(), only->end(), d.customer_id));
    });
    if (!dated.empty()) {
        std::vector<int64_t> ids;
        for (const auto& d : dated)
            ids.push_back(d.customer_id);
        KQ_TRY(out.customers, store.list_customers(part.reference, store::Scope::of_ids(std::move(ids))));
    }
    for (const auto& c : out.customers)
        out.by_id[c.id] = &c;
    return {};
}

// The obligations of personal dates [from, to) (their tags and people moved out).
void add_personal(Personal& personal, size_t from, size_t to, std::vector<Obligation>& out) {
    out.reserve(out.size() + (to - from));
    for (size_t i = from; i < to; ++i) {
        Dated& d = personal.dated[i];
        const auto it = personal.by_id.find(d.customer_id);
        if (it == personal.by_id.end() || (d.must_be_active && !active_on(*it->second, d.day))) continue;
        Obligation o = make(d.source, *it->second, d.day, *d.kind, std::move(d.tag), d.kind->kind);
        o.person = std::move(d.person);
        o.person_id = d.person_id;
        o.actions = d.kind->actions;
        o.note_required = d.kind->note_required;
        out.push_back(std::move(o));
    }
}

// Obligations by the end of their window, customer code, day and tag (then as they came). Their positions
// are sorted, not the records: an obligation is some 400 bytes, and moving them about in the sort cost a
// tenth of everyone's obligations (issue 23).
std::vector<Obligation> in_order(std::vector<Obligation> out) {
    std::vector<uint32_t> order(out.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        const Obligation& x = out[a];
        const Obligation& y = out[b];
        return std::tie(x.to, x.customer_code, x.date, x.tag, a) <
               std::tie(y.to, y.customer_code, y.date, y.tag, b);
    });
    // Then each record moved once, to its place, cycle by cycle (a second vector would hold them all twice).
    for (uint32_t i = 0; i < order.size(); ++i) {
        if (order[i] == i) continue;
        Obligation held = std::move(out[i]);
        uint32_t at = i;
        while (order[at] != i) { // the place `at` takes the record order[at]
            const uint32_t from = order[at];
            out[at] = std::move(out[from]);
            order[at] = at;
            at = from;
        }
        out[at] = std::move(held);
        order[at] = at;
    }
    return out;
}

// How many obligations a streamed read makes and satisfies at a time.
constexpr size_t kSlice = 10000;

// Festivals a day at a time, each day's tagged contacts read once, its customers (of `only`) and their
// obligations a slice at a time.
Result<void> stream_festivals(store::Store& store, const rules::Rules& rules, const Part& part,
                              core::Date as_of, const std::vector<int64_t>& only, const Take& take) {
    return festival_days(rules, part, [&](const rules::Occasion& occasion, core::Date day) -> Result<void> {
        KQ_TRY(const TaggedContacts tagged,
               TaggedContacts::read(store, rules, day.plus_days(-occasion.before),
                                    day.plus_days(occasion.after), {}));
        for (size_t at = 0; at < only.size(); at += kSlice) {
            const auto ids = std::span(only).subspan(at, std::min(kSlice, only.size() - at));
            KQ_TRY(const std::vector<store::Customer> customers,
                   store.list_customers(day, store::Scope::of_ids({ids.begin(), ids.end()})));
            std::vector<Obligation> slice;
            add_festival_day(rules, occasion, day, customers, slice);
            KQ_CHECK(tagged.satisfy(store, rules, as_of, slice));
            take(slice);
        }
        return {};
    });
}

// Birthdays, life events and anniversaries (of `only`; those `which` names): read at once, their tagged
// contacts too, made in slices.
Result<void> stream_personal(store::Store& store, const rules::Rules& rules, const Part& part,
                             core::Date as_of, const std::vector<int64_t>& only, const Take& take,
                             Which which) {
    Personal personal;
    KQ_CHECK(read_personal(store, rules, part, {}, personal, &only, which));
    if (personal.dated.empty()) return {};
    core::Date first = personal.dated.front().day, last = first;
    for (const Dated& d : personal.dated) {
        first = std::min(first, d.day.plus_days(-d.kind->before));
        last = std::max(last, d.day.plus_days(d.kind->after));
    }
    KQ_TRY(const TaggedContacts tagged, TaggedContacts::read(store, rules, first, last, {}));
    for (size_t at = 0; at < personal.dated.size(); at += kSlice) {
        std::vector<Obligation> slice;
        add_personal(personal, at, std::min(personal.dated.size(), at + kSlice), slice);
        KQ_CHECK(tagged.satisfy(store, rules, as_of, slice));
        take(slice);
    }
    return {};
}

} // namespace

std::string_view to_string(State s) {
    switch (s) {
    case State::upcoming:
        return "upcoming";
    case State::open:
        return "open";
    case State::done:
        return "done";
    case State::overdue:
        return "overdue";
    case State::missed:
        return "missed";
    case State::done_late:
        return "done_late";
    }
    return "?";
}

std::string_view display(State s) {
    return s == State::done_late ? "done late" : to_string(s);
}

std::vector<rules::Action> Obligation::outstanding() const {
    std::vector<rules::Action> out;
    for (size_t i = 0; i < actions.size(); ++i)
        if (i >= satisfied_by.size() || satisfied_by[i] == 0) out.push_back(actions[i]);
    return out;
}

std::string uid_of(const Obligation& o) {
    return fmt::format("{}-{}-{}", o.tag, o.date.iso(), o.customer_code);
}

Part Part::whole(core::Date from, core::Date to, core::Date as_of) {
    return {from, from, to, std::clamp(as_of, from, std::max(from, to))};
}

Result<std::vector<Obligation>> obligations(store::Store& store, const rules::Rules& rules, core::Date from,
                                            core::Date to, core::Date as_of, const store::Scope& filter) {
    return obligations(store, rules, Part::whole(from, to, as_of), as_of, filter);
}

Result<std::vector<Obligation>> obligations(store::Store& store, const rules::Rules& rules, const Part& part,
                                            core::Date as_of, const store::Scope& filter) {
    std::vector<Obligation> out;
    KQ_CHECK(add_festivals(store, rules, part, filter, out));
    Personal personal;
    KQ_CHECK(read_personal(store, rules, part, filter, personal));
    add_personal(personal, 0, personal.dated.size(), out);
    KQ_CHECK(satisfy_all(store, rules, as_of, filter, out));
    return in_order(std::move(out));
}

Result<void> each_obligation(store::Store& store, const rules::Rules& rules, const Part& part,
                             core::Date as_of, const std::vector<int64_t>& customers, const Take& take,
                             Which which) {
    if (which == Which::all || which == Which::festivals)
        KQ_CHECK(stream_festivals(store, rules, part, as_of, customers, take));
    if (which == Which::festivals) return {};
    return stream_personal(store, rules, part, as_of, customers, take, which);
}

} // namespace keqing::occasions
