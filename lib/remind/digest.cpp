// Digest assembly: obligations from the occasions engine, pace shortfalls and goals from the month
// evaluation, hints from the customers' people; sorted by urgency.
#include "remind/digest.hpp"

#include "compliance/goals.hpp"
#include "occasions/obligations.hpp"
#include "roster/people.hpp"

#include <algorithm>
#include <map>

namespace keqing::remind {
namespace {

// The person a visit should keep in mind: the store manager if recorded, else the first person.
const store::Person* key_person(const std::vector<const store::Person*>& people) {
    for (const auto* p : people)
        if (p->role.find("店长") != std::string::npos || p->role.find("老板") != std::string::npos) return p;
    return people.empty() ? nullptr : people.front();
}

void add_hint(Item& item, const store::Person* p) {
    if (!p) return;
    if (item.person.empty()) item.person = p->name;
    item.personality = p->personality;
    item.hint = std::string(roster::personality_hint(p->personality));
    item.preferences = p->preferences;
}

int order(const Item& i) {
    return i.state == "overdue" ? 0 : 1;
}

} // namespace

Result<std::vector<Digest>> build_digests(store::Store& store, const rules::Rules& rules, core::Date as_of,
                                          int days, const std::string& rep) {
    KQ_TRY(std::vector<store::Rep> reps, store.list_reps());
    if (!rep.empty()) {
        std::erase_if(reps, [&](const store::Rep& r) { return r.id != rep; });
        if (reps.empty()) return data_error("unknown rep '{}'; see `roster rep list` or use --all", rep);
    }
    const core::Date horizon = as_of.plus_days(days);
    const compliance::Scope scope =
        rep.empty() ? compliance::Scope{} : compliance::Scope{compliance::Scope::Kind::rep, rep};
    const store::CustomerFilter filter = compliance::filter_of(scope);
    KQ_TRY(
        std::vector<occasions::Obligation> obligations,
        occasions::obligations(store, rules, as_of.plus_days(-rules.overdue_days), horizon, as_of, filter));
    const core::Month month = core::Month::of(as_of);
    KQ_TRY(compliance::MonthResult quota, compliance::evaluate_month(store, rules, month, as_of, scope));
    KQ_TRY(std::vector<compliance::RepGoals> goals, compliance::evaluate_goals(store, rules, quota));
    KQ_TRY(std::vector<store::Person> people, store.people_of(filter));
    std::map<std::string, std::vector<const store::Person*>> people_of;
    std::map<int64_t, const store::Person*> person_by_id;
    for (const auto& p : people) {
        people_of[p.customer_code].push_back(&p);
        person_by_id[p.id] = &p;
    }

    std::map<std::string, Digest> by_rep;
    for (const auto& r : reps)
        by_rep[r.id] = Digest{r.id, r.name, r.team, as_of, days, {}};

    for (const auto& o : obligations) {
        auto d = by_rep.find(o.rep);
        if (d == by_rep.end()) continue;
        const bool due = o.state == occasions::State::open || o.state == occasions::State::overdue;
        const bool soon = o.state == occasions::State::upcoming && o.from <= horizon;
        if (!due && !soon) continue;
        Item item;
        item.kind = Item::Kind::obligation;
        item.uid = o.uid;
        item.rule = o.rule;
        item.state = o.state == occasions::State::overdue    ? "overdue"
                     : o.state == occasions::State::upcoming ? "upcoming"
                     : o.to == as_of                         ? "due"
                                                             : "open";
        item.due = o.to;
        item.starts = o.from;
        item.customer_code = o.customer_code;
        item.customer_name = o.customer_name;
        std::string todo;
        for (const auto& a : o.outstanding()) {
            item.actions.push_back(rules.action_text(a));
            todo += (todo.empty() ? "" : ", ") + item.actions.back();
        }
        item.tag = o.tag;
        item.what = fmt::format("{} {}: {}{}", o.name, o.date.iso(), todo,
                                o.note_required ? " with a personal note" : "");
        item.person = o.person;
        const auto it = person_by_id.find(o.person_id);
        add_hint(item, it != person_by_id.end() ? it->second : key_person(people_of[o.customer_code]));
        d->second.items.push_back(std::move(item));
    }

    for (const auto& c : quota.customers) {
        auto d = by_rep.find(c.rep);
        if (d == by_rep.end()) continue;
        for (const auto& ch : c.channels) {
            if (ch.status != compliance::Status::behind) continue;
            const std::string& channel = rules.channels[static_cast<size_t>(ch.channel)].id;
            Item item;
            item.kind = Item::Kind::pace;
            item.uid = fmt::format("pace-{}-{}-{}", c.code, channel, month.iso());
            const std::string& rule = rules.channels[static_cast<size_t>(ch.channel)].rule;
            item.rule = rule.empty() ? "quota" : rule;
            item.state = "due";
            item.due = as_of;
            item.starts = as_of;
            item.customer_code = c.code;
            item.customer_name = c.name;
            item.what =
                fmt::format("{}: {} more to be on pace ({} of {} done; all {} by {})", channel,
                            ch.expected - ch.done, ch.done, ch.required, ch.required, month.last().iso());
            if (rules.in_person(channel)) add_hint(item, key_person(people_of[c.code]));
            d->second.items.push_back(std::move(item));
        }
    }

    for (const auto& g : goals) {
        auto d = by_rep.find(g.rep);
        if (d == by_rep.end()) continue;
        for (const auto& goal : g.goals) {
            if (goal.status != compliance::Status::behind) continue;
            Item item;
            item.kind = Item::Kind::goal;
            item.uid = fmt::format("goal-{}-{}-{}", goal.id, g.rep, month.iso());
            item.rule = goal.id;
            item.state = "due";
            item.due = as_of;
            item.starts = as_of;
            item.what =
                fmt::format("{}: {} of {} so far, {} expected by now{}", goal.label, goal.done, goal.required,
                            goal.expected, goal.detail.empty() ? "" : " (" + goal.detail + ")");
            d->second.items.push_back(std::move(item));
        }
    }

    std::vector<Digest> out;
    for (auto& [id, digest] : by_rep) {
        std::stable_sort(digest.items.begin(), digest.items.end(), [](const Item& a, const Item& b) {
            return std::tuple(order(a), a.due, static_cast<int>(a.kind), a.customer_code, a.uid) <
                   std::tuple(order(b), b.due, static_cast<int>(b.kind), b.customer_code, b.uid);
        });
        out.push_back(std::move(digest));
    }
    return out;
}

} // namespace keqing::remind
