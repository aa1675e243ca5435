// Satisfaction of obligations: tagged contacts that qualify (the rule's rep and channel, the lateness rule)
// assigned to actions, the gift actions first; the rest reported as not counted; states from the outcome.
#include "occasions/satisfy.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace keqing::occasions {
namespace {

// The rep assigned to each customer on a day, from the rep histories.
class AssignedReps {
  public:
    void add(int64_t customer, store::HistoryEntry entry) { history_[customer].push_back(std::move(entry)); }
    std::string on(int64_t customer, core::Date day) const {
        const auto it = history_.find(customer);
        return it == history_.end() ? std::string() : assigned_on(it->second, day);
    }

  private:
    std::map<int64_t, std::vector<store::HistoryEntry>> history_;
};

// Assigns the qualifying contacts (tagged for this obligation, inside its window or up to overdue_days after
// it, up to as_of) to its actions, the gift actions first, each contact used once, earliest first, and notes
// the ones that do not qualify; true when a contact after the window was needed.
bool satisfy(Obligation& o, const std::vector<const store::Contact*>& tagged, const rules::Rules& rules,
             core::Date as_of, const AssignedReps& reps) {
    std::vector<const store::Contact*> contacts;
    for (const store::Contact* c : tagged) {
        if (!c->voided_at.empty() || c->date < o.from || c->date > o.to.plus_days(rules.overdue_days) ||
            c->date > as_of)
            continue;
        if (auto refused = refusal(o, *c, rules, reps.on(o.customer_id, c->date)))
            o.not_counted.push_back(std::move(*refused));
        else
            contacts.push_back(c);
    }
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
            if (used[k] || !fits(o.actions[a], c, rules, o.note_required)) continue;
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

std::string_view to_string(NotCounted::Why why) {
    switch (why) {
    case NotCounted::Why::other_rep:
        return "other_rep";
    case NotCounted::Why::not_in_person:
        return "not_in_person";
    case NotCounted::Why::logged_late:
        return "logged_late";
    }
    return "?";
}

std::string assigned_on(const std::vector<store::HistoryEntry>& history, core::Date day) {
    const store::HistoryEntry *latest_started = nullptr, *earliest = nullptr; // "since the start" sorts first
    for (const auto& e : history) {
        if (!earliest || e.from < earliest->from) earliest = &e;
        if ((!e.from || *e.from <= day) && (!latest_started || e.from > latest_started->from))
            latest_started = &e;
    }
    const auto* in_effect = latest_started ? latest_started : earliest;
    return in_effect ? in_effect->value : std::string();
}

std::optional<NotCounted> refusal(const Obligation& o, const store::Contact& c, const rules::Rules& rules,
                                  const std::string& assigned, Lateness lateness) {
    NotCounted n{NotCounted::Why::other_rep, c.id, c.rep, c.channel, c.date, assigned, 0};
    if (o.who.assigned && !assigned.empty() && assigned != c.rep) return n;
    if (o.who.in_person && !rules.in_person(c.channel)) {
        n.why = NotCounted::Why::not_in_person;
        return n;
    }
    if (lateness == Lateness::counts && !rules.count_late) {
        n.days_late = days_late(c, rules);
        if (n.days_late > 0) {
            n.why = NotCounted::Why::logged_late;
            return n;
        }
    }
    return std::nullopt;
}

bool fits(const rules::Action& action, const store::Contact& contact, const rules::Rules& rules,
          bool note_required) {
    return rules.channels[static_cast<size_t>(action.channel)].id == contact.channel &&
           (!action.gift || contact.gift) && (!note_required || !core::trim(contact.note).empty());
}

int days_late(const store::Contact& contact, const rules::Rules& rules) {
    const auto logged = core::parse_date(std::string_view(contact.logged_at).substr(0, 10), "logged_at");
    if (!logged) return 0;
    const int gap = *logged - contact.date;
    return gap > rules.late_after_days ? gap : 0;
}

Result<void> satisfy_all(store::Store& store, const rules::Rules& rules, core::Date as_of,
                         const store::Scope& filter, std::vector<Obligation>& out) {
    if (out.empty()) return {};
    core::Date first = out.front().from, last = out.front().to;
    for (const auto& o : out) {
        first = std::min(first, o.from);
        last = std::max(last, o.to);
    }
    KQ_TRY(const TaggedContacts tagged, TaggedContacts::read(store, rules, first, last, filter));
    return tagged.satisfy(store, rules, as_of, out);
}

Result<TaggedContacts> TaggedContacts::read(store::Store& store, const rules::Rules& rules, core::Date first,
                                            core::Date last, const store::Scope& filter) {
    TaggedContacts out;
    KQ_TRY(out.contacts_, store.tagged_contacts(first, last.plus_days(rules.overdue_days), filter));
    for (const auto& c : out.contacts_)
        out.by_tag_[{c.customer_id, c.occasion}].push_back(&c);
    return out;
}

Result<void> TaggedContacts::satisfy(store::Store& store, const rules::Rules& rules, core::Date as_of,
                                     std::vector<Obligation>& out) const {
    // The rep histories, only of customers with a tagged contact for an obligation that asks for the
    // assigned rep.
    std::vector<int64_t> ids;
    for (const auto& o : out)
        if (o.who.assigned && by_tag_.contains({o.customer_id, o.tag})) ids.push_back(o.customer_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    AssignedReps reps;
    if (!ids.empty()) {
        KQ_TRY(auto histories, store.rep_histories(store::Scope::of_ids(std::move(ids))));
        for (const auto& [customer, entry] : histories)
            reps.add(customer, entry);
    }
    static const std::vector<const store::Contact*> kNone;
    for (auto& o : out) {
        const auto it = by_tag_.find({o.customer_id, o.tag});
        const bool late = occasions::satisfy(o, it == by_tag_.end() ? kNone : it->second, rules, as_of, reps);
        o.state = state_of(o, as_of, rules.overdue_days, late);
        o.uid = uid_of(o);
    }
    return {};
}

} // namespace keqing::occasions
