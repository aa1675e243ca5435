// Obligation generation (festivals per customer and tier, birthdays from people, life events), matching
// of tagged contacts to actions, states, and tag choice for new contacts.
#include "occasions/obligations.hpp"

#include "calendar/lunar.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>
#include <optional>

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

Obligation make(Obligation::Source source, const store::Customer& c, core::Date date, int before, int after) {
    Obligation o;
    o.source = source;
    o.customer_id = c.id;
    o.customer_code = c.code;
    o.customer_name = c.name;
    o.tier = c.tier;
    o.rep = c.rep;
    o.date = date;
    o.from = date.plus_days(-before);
    o.to = date.plus_days(after);
    return o;
}

bool fits(const rules::Action& action, const store::Contact& contact, const rules::Rules& rules,
          bool note_required) {
    return rules.channels[static_cast<size_t>(action.channel)].id == contact.channel &&
           (!action.gift || contact.gift) && (!note_required || !core::trim(contact.note).empty());
}

// Assigns contacts (tagged for this obligation, inside its window or up to overdue_days after it, up to
// as_of) to its actions, the gift actions first, each contact used once, earliest first; true when a
// contact after the window was needed.
bool satisfy(Obligation& o, const std::vector<const store::Contact*>& contacts, const rules::Rules& rules,
             core::Date as_of) {
    bool late = false;
    o.satisfied_by.assign(o.actions.size(), 0);
    std::vector<size_t> order(o.actions.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return o.actions[a].gift && !o.actions[b].gift; });
    std::vector<bool> used(contacts.size(), false);
    for (const size_t a : order) {
        for (size_t k = 0; k < contacts.size(); ++k) {
            const store::Contact& c = *contacts[k];
            if (used[k] || !c.voided_at.empty() || c.date < o.from ||
                c.date > o.to.plus_days(rules.overdue_days) || c.date > as_of)
                continue;
            if (!fits(o.actions[a], c, rules, o.note_required)) continue;
            used[k] = true;
            o.satisfied_by[a] = c.id;
            late = late || c.date > o.to;
            break;
        }
    }
    return late;
}

State state_of(const Obligation& o, core::Date as_of, int overdue_days, bool late) {
    if (std::all_of(o.satisfied_by.begin(), o.satisfied_by.end(), [](int64_t id) { return id != 0; }))
        return late ? State::done_late : State::done;
    if (as_of < o.from) return State::upcoming;
    if (as_of <= o.to) return State::open;
    return as_of - o.to <= overdue_days ? State::overdue : State::missed;
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

Result<std::vector<Obligation>> obligations(store::Store& store, const rules::Rules& rules, core::Date from,
                                            core::Date to, core::Date as_of,
                                            const store::CustomerFilter& filter) {
    auto customers_on = [&](core::Date day) { return store.list_customers(day, filter); };
    std::vector<Obligation> out;
    // Festivals: tier and rep on the day itself.
    for (const rules::Occasion& occasion : rules.occasions) {
        for (const core::Date day : calendar::occurrences(occasion.date, from.plus_days(-occasion.after),
                                                          to.plus_days(occasion.before))) {
            KQ_TRY(std::vector<store::Customer> customers, customers_on(day));
            for (const auto& c : customers) {
                const int tier = rules.tier_index(c.tier);
                if (tier < 0 || !active_on(c, day) || occasion.actions[static_cast<size_t>(tier)].empty())
                    continue;
                Obligation o = make(Obligation::Source::occasion, c, day, occasion.before, occasion.after);
                o.tag = occasion.id;
                o.kind = occasion.id;
                o.name = occasion.name;
                o.rule = occasion.rule;
                o.actions = occasion.actions[static_cast<size_t>(tier)];
                out.push_back(std::move(o));
            }
        }
    }

    // Birthdays and life events: find the days first, then read just those customers, as they stand on
    // the reference day.
    const core::Date reference = std::clamp(as_of, from, std::max(from, to));
    const rules::EventKind* birthday = rules.event("birthday");
    struct Birthday {
        const store::Person* person;
        core::Date day;
    };
    std::vector<Birthday> birthdays;
    std::vector<store::Person> people;
    if (birthday) {
        const core::Date first = from.plus_days(-birthday->after), last = to.plus_days(birthday->before);
        const auto months = birthday_months(first, last);
        KQ_TRY(people, store.birthdays_of(filter, months ? &*months : nullptr));
        for (const auto& p : people) {
            auto date = calendar::parse_recurring(p.birthday, "birthday");
            if (!date) continue;
            for (const core::Date day : calendar::occurrences(*date, first, last))
                birthdays.push_back({&p, day});
        }
    }
    KQ_TRY(std::vector<store::LifeEvent> events,
           store.events_of(from.plus_days(-60), to.plus_days(60), filter));
    std::erase_if(events, [&](const store::LifeEvent& e) {
        const rules::EventKind* kind = rules.event(e.kind);
        return !kind || e.date.plus_days(kind->after) < from || e.date.plus_days(-kind->before) > to;
    });
    std::vector<int64_t> ids;
    for (const auto& b : birthdays)
        ids.push_back(b.person->customer_id);
    for (const auto& e : events)
        ids.push_back(e.customer_id);
    std::vector<store::Customer> customers;
    if (!ids.empty()) {
        KQ_TRY(customers, store.list_customers(reference, store::CustomerFilter::of_ids(std::move(ids))));
    }
    std::map<int64_t, const store::Customer*> by_id;
    for (const auto& c : customers)
        by_id[c.id] = &c;

    for (const auto& [p, day] : birthdays) {
        const auto it = by_id.find(p->customer_id);
        if (it == by_id.end() || !active_on(*it->second, day)) continue;
        Obligation o =
            make(Obligation::Source::birthday, *it->second, day, birthday->before, birthday->after);
        o.tag = fmt::format("birthday:{}", p->id);
        o.kind = "birthday";
        o.name = birthday->name;
        o.rule = birthday->rule;
        o.person = p->name;
        o.person_id = p->id;
        o.actions = birthday->actions;
        o.note_required = birthday->note_required;
        out.push_back(std::move(o));
    }

    for (const auto& e : events) {
        const rules::EventKind* kind = rules.event(e.kind);
        const auto it = by_id.find(e.customer_id);
        if (it == by_id.end()) continue;
        Obligation o = make(Obligation::Source::event, *it->second, e.date, kind->before, kind->after);
        o.tag = fmt::format("event:{}", e.id);
        o.kind = e.kind;
        o.name = kind->name;
        o.rule = kind->rule;
        o.person = e.person_name;
        o.person_id = e.person_id;
        o.actions = kind->actions;
        o.note_required = kind->note_required;
        out.push_back(std::move(o));
    }

    // Satisfaction from tagged contacts.
    if (!out.empty()) {
        core::Date first = out.front().from, last = out.front().to;
        for (const auto& o : out) {
            first = std::min(first, o.from);
            last = std::max(last, o.to);
        }
        KQ_TRY(std::vector<store::Contact> tagged,
               store.tagged_contacts(first, last.plus_days(rules.overdue_days), filter));
        std::map<std::pair<int64_t, std::string>, std::vector<const store::Contact*>> by_tag;
        for (const auto& c : tagged)
            by_tag[{c.customer_id, c.occasion}].push_back(&c);
        static const std::vector<const store::Contact*> kNone;
        for (auto& o : out) {
            const auto it = by_tag.find({o.customer_id, o.tag});
            const bool late = satisfy(o, it == by_tag.end() ? kNone : it->second, rules, as_of);
            o.state = state_of(o, as_of, rules.overdue_days, late);
            o.uid = fmt::format("{}-{}-{}", o.tag, o.date.iso(), o.customer_code);
        }
    }
    std::sort(out.begin(), out.end(), [](const Obligation& a, const Obligation& b) {
        return std::tie(a.to, a.customer_code, a.date, a.tag) <
               std::tie(b.to, b.customer_code, b.date, b.tag);
    });
    return out;
}

Result<TagChoice> choose_tag(store::Store& store, const rules::Rules& rules, const store::Contact& contact,
                             const std::string& requested) {
    const core::Date as_of = std::max(contact.date, core::today());
    KQ_TRY(std::vector<Obligation> all,
           obligations(store, rules, contact.date.plus_days(-rules.overdue_days), contact.date, as_of,
                       {store::CustomerFilter::Kind::code, contact.customer_code}));
    std::erase_if(all, [&](const Obligation& o) {
        return o.customer_id != contact.customer_id || contact.date < o.from ||
               contact.date > o.to.plus_days(rules.overdue_days);
    });
    auto late = [&](const Obligation& o) { return contact.date > o.to; };
    auto label = [&](const Obligation& o) {
        return fmt::format("{} ({} {}{}{})", o.tag, o.name, o.date.iso(),
                           o.person.empty() ? "" : " " + o.person,
                           late(o) ? fmt::format(", late: window closed {}", o.to.iso()) : "");
    };
    TagChoice choice;
    if (!requested.empty()) {
        std::vector<const Obligation*> named;
        for (const auto& o : all)
            if (o.tag == requested || o.kind == requested) named.push_back(&o);
        if (named.size() == 1) {
            choice.tag = named[0]->tag;
            choice.name = label(*named[0]);
            choice.late = late(*named[0]);
            return choice;
        }
        std::string open;
        for (const auto& o : all)
            open += (open.empty() ? "" : ", ") + label(o);
        if (named.empty())
            return data_error("--occasion {}: {} has no such obligation around {}; {}", requested,
                              contact.customer_code, contact.date.iso(),
                              open.empty() ? "it has none then" : "it has: " + open);
        return data_error("--occasion {} is ambiguous for {}: {}; give the full tag", requested,
                          contact.customer_code, open);
    }
    // Open obligations first; only when none fits, those whose window closed at most overdue_days ago.
    std::vector<const Obligation*> fitting;
    for (const bool after_window : {false, true}) {
        for (const auto& o : all) {
            const auto left = o.outstanding();
            if (late(o) == after_window && std::any_of(left.begin(), left.end(), [&](const rules::Action& a) {
                    return fits(a, contact, rules, o.note_required);
                }))
                fitting.push_back(&o);
        }
        if (!fitting.empty()) break;
    }
    if (fitting.size() == 1) {
        choice.tag = fitting[0]->tag;
        choice.name = label(*fitting[0]);
        choice.automatic = true;
        choice.late = late(*fitting[0]);
    } else {
        for (const auto* o : fitting)
            choice.candidates.push_back(label(*o));
    }
    return choice;
}

} // namespace keqing::occasions
