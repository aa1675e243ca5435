// Digest assembly: obligations from the occasions engine, pace shortfalls and goals from the month
// evaluation, hints from the customers' people; sorted by urgency.
#include "remind/digest.hpp"

#include "compliance/evaluate.hpp"
#include "compliance/goals.hpp"
#include "compliance/said.hpp"
#include "compliance/tally.hpp"
#include "followups/followups.hpp"
#include "occasions/obligations.hpp"
#include "remind/proposals.hpp"
#include "roster/gaps.hpp"
#include "roster/people.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace keqing::remind {

std::string_view to_string(Item::State state) {
    switch (state) {
    case Item::State::overdue:
        return "overdue";
    case Item::State::due:
        return "due";
    case Item::State::open:
        return "open";
    case Item::State::upcoming:
        return "upcoming";
    }
    return "open";
}
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

void set_what(Item& item, compliance::Said what) {
    item.what = std::move(what.shown);
    item.what_en = std::move(what.english);
}

int order(const Item& i) {
    if (i.kind == Item::Kind::proposal) return 2; // nothing is owed by a day: after everything that is
    if (i.kind == Item::Kind::gaps) return 3;     // and a file's gaps last
    return i.state == Item::State::overdue ? 0 : 1;
}

bool active_on(const store::MonthCustomer& c, core::Date day) {
    return (!c.opened_on || *c.opened_on <= day) && (!c.closed_on || *c.closed_on >= day);
}

// A quota still unmet on a day, and the last day it can be met on.
struct Owed {
    const compliance::CustomerResult* customer;
    const compliance::ChannelResult* channel;
    core::Date deadline;
    bool near = false;         // within rules.deadline_days of the deadline
    bool tight = false;        // in a stretch of days the rep cannot cover at rules.max_visits_per_day
    compliance::Said capacity; // why it is tight, for people
};

// Marks the visit quotas of one rep that the days left cannot hold at `per_day` visits a day: for the
// latest deadline t where the visits owed by t exceed (t - as_of + 1) × per_day, every visit quota due by
// t.
void mark_tight(std::vector<Owed*>& visits, core::Date as_of, int per_day) {
    std::sort(visits.begin(), visits.end(), [](const Owed* a, const Owed* b) {
        return std::tie(a->deadline, a->customer->code) < std::tie(b->deadline, b->customer->code);
    });
    int owed = 0;
    size_t cut = 0;
    compliance::Said why;
    for (size_t k = 0; k < visits.size(); ++k) {
        owed += visits[k]->channel->required - visits[k]->channel->done;
        const bool last_of_day = k + 1 == visits.size() || visits[k + 1]->deadline != visits[k]->deadline;
        const int days = visits[k]->deadline - as_of + 1;
        if (last_of_day && owed > days * per_day) {
            cut = k + 1;
            why = compliance::say(N_("{} visits owed by {}, room for {} at {} a day"), owed,
                                  visits[k]->deadline.iso().substr(5), days * per_day, per_day);
        }
    }
    for (size_t k = 0; k < cut; ++k) {
        visits[k]->tight = true;
        visits[k]->capacity = why;
    }
}

// The people of the customers in scope, for hints: by customer code and by id.
struct People {
    std::vector<store::Person> all;
    std::map<std::string, std::vector<const store::Person*>> of_customer;
    std::map<int64_t, const store::Person*> by_id;

    void index() {
        for (const auto& p : all) {
            of_customer[p.customer_code].push_back(&p);
            by_id[p.id] = &p;
        }
    }
    // The person concerned, else the customer's key person.
    const store::Person* for_item(int64_t person_id, const std::string& code) {
        const auto it = by_id.find(person_id);
        return it != by_id.end() ? it->second : key_person(of_customer[code]);
    }
};

// The item of an obligation due, overdue or upcoming within the horizon, if it is one.
std::optional<Item> obligation_item(const occasions::Obligation& o, const rules::Rules& rules,
                                    core::Date as_of, core::Date horizon, People& people) {
    const bool due = o.state == occasions::State::open || o.state == occasions::State::overdue;
    const bool soon = o.state == occasions::State::upcoming && o.from <= horizon;
    if (!due && !soon) return std::nullopt;
    Item item;
    item.kind = Item::Kind::obligation;
    item.uid = o.uid;
    item.rule = o.rule;
    item.state = o.state == occasions::State::overdue    ? Item::State::overdue
                 : o.state == occasions::State::upcoming ? Item::State::upcoming
                 : o.to == as_of                         ? Item::State::due
                                                         : Item::State::open;
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
    set_what(item, o.note_required
                       ? compliance::say(N_("{} {}: {} with a personal note"), o.name, o.date.iso(), todo)
                       : compliance::say(N_("{} {}: {}"), o.name, o.date.iso(), todo));
    item.person = o.person;
    add_hint(item, people.for_item(o.person_id, o.customer_code));
    return item;
}

// The quota item of a channel still owed: a deadline item when near its deadline or tight, else a pace item
// when behind pace; none otherwise.
std::optional<Item> quota_item(const Owed& o, const rules::Rules& rules, core::Date as_of, core::Month month,
                               People& people) {
    const auto& c = *o.customer;
    const auto& ch = *o.channel;
    const bool deadline = o.near || o.tight;
    if (!deadline && ch.status != compliance::Status::behind) return std::nullopt;
    const rules::Channel& channel_rule = rules.channels[static_cast<size_t>(ch.channel)];
    const std::string& channel = channel_rule.id;
    const compliance::Said channel_said{channel, core::language() == core::Language::chinese &&
                                                         !channel_rule.short_label.empty()
                                                     ? channel_rule.short_label
                                                     : channel};
    const std::string& rule = rules.channels[static_cast<size_t>(ch.channel)].rule;
    Item item;
    item.kind = deadline ? Item::Kind::deadline : Item::Kind::pace;
    item.uid = fmt::format("{}-{}-{}-{}", deadline ? "quota" : "pace", c.code, channel, month.iso());
    item.rule = rule.empty() ? "quota" : rule;
    item.state = Item::State::due;
    item.due = deadline ? o.deadline : as_of;
    item.starts = as_of;
    item.customer_code = c.code;
    item.customer_name = c.name;
    item.channel = channel;
    item.owed = ch.required - ch.done;
    item.required = ch.required;
    item.done = ch.done;
    const int left = o.deadline - as_of + 1;
    const compliance::Said days_left =
        left == 1 ? compliance::say(N_("{} day left"), left) : compliance::say(N_("{} days left"), left);
    set_what(
        item,
        deadline
            ? compliance::say(N_("{}: {} more by {} ({} of {} done; {}{})"), channel_said, item.owed,
                              o.deadline.iso().substr(5), ch.done, ch.required, days_left,
                              o.near ? compliance::Said{}
                                     : compliance::Said{"; " + o.capacity.english, "; " + o.capacity.shown})
            : compliance::say(N_("{}: {} more to be on pace ({} of {} done; all {} by {})"), channel_said,
                              ch.expected - ch.done, ch.done, ch.required, ch.required, month.last().iso()));
    if (rules.in_person(channel)) add_hint(item, key_person(people.of_customer[c.code]));
    return item;
}

// Quotas: what is still owed by each customer active on as_of, near its deadline (the month's last day or
// its closing day), or in a stretch the rep's visits a day cannot cover, or else behind pace.
std::vector<Owed> owed_quotas(const compliance::MonthResult& quota,
                              const std::map<int64_t, store::MonthCustomer>& span, const rules::Rules& rules,
                              core::Date as_of) {
    std::vector<Owed> owed;
    const core::Month month = core::Month::of(as_of);
    for (const auto& c : quota.customers) {
        const store::MonthCustomer& m = span.at(c.id);
        if (!active_on(m, as_of)) continue;
        const core::Date deadline = m.closed_on ? std::min(*m.closed_on, month.last()) : month.last();
        for (const auto& ch : c.channels)
            if (ch.done < ch.required)
                owed.push_back({&c, &ch, deadline, deadline - as_of <= rules.deadline_days, false, {}});
    }
    // the visits (in-person channels) each rep owes, against max_visits_per_day
    std::map<std::string, std::vector<Owed*>> visits_of;
    for (auto& o : owed)
        if (rules.channels[static_cast<size_t>(o.channel->channel)].in_person)
            visits_of[o.customer->rep].push_back(&o);
    for (auto& [who, visits] : visits_of)
        mark_tight(visits, as_of, rules.max_visits_per_day);
    return owed;
}

// The item of a goal behind pace.
Item goal_item(const compliance::RepGoals& r, const compliance::GoalResult& goal, core::Date as_of) {
    Item item;
    item.kind = Item::Kind::goal;
    item.uid = fmt::format("goal-{}-{}-{}", goal.id, r.rep, core::Month::of(as_of).iso());
    item.rule = goal.id;
    item.state = Item::State::due;
    item.due = as_of;
    item.starts = as_of;
    const compliance::Said label{goal.label_en, goal.label}, detail{goal.detail_en, goal.detail};
    const compliance::Said in_brackets{" (" + goal.detail_en + ")", " (" + goal.detail + ")"};
    set_what(item, goal.per_customer && !goal.detail.empty()
                       ? compliance::say(N_("{}: {}"), label, detail)
                       : compliance::say(N_("{}: {} of {} so far, {} expected by now{}"), label, goal.done,
                                         goal.required, goal.expected,
                                         goal.detail.empty() ? compliance::Said{} : in_brackets));
    return item;
}

// The item of an open follow-up due by `horizon`, or none.
std::optional<Item> followup_item(const store::FollowUp& f, const rules::Rules& rules, core::Date as_of,
                                  core::Date horizon) {
    if (f.due_on > horizon) return std::nullopt;
    const rules::FollowUpKind* kind = rules.followup(f.kind);
    Item item;
    item.kind = Item::Kind::followup;
    item.uid = fmt::format("followup-{}", f.id);
    item.rule = kind ? kind->rule : "";
    const followups::State state = followups::state_on(f, as_of);
    item.state = state == followups::State::overdue ? Item::State::overdue
                 : state == followups::State::due   ? Item::State::due
                                                    : Item::State::open;
    item.due = f.due_on;
    item.starts = f.opened_on;
    item.customer_code = f.customer_code;
    item.customer_name = f.customer_name;
    set_what(item, compliance::say(N_("{} #{}: {} (opened {})"), kind ? kind->name : f.kind, f.id, f.body,
                                   f.opened_on.iso()));
    item.followup = f.id;
    return item;
}

// Whether a customer's gaps are named on `day`: one day in every remind_every_days, spread over the
// customers by id, so that no digest names them all at once and none names one twice in that many days.
bool gaps_day(const rules::Rules& rules, int64_t customer_id, core::Date day) {
    const int64_t every = rules.gaps.remind_every_days;
    return (static_cast<int64_t>(day.serial()) + customer_id) % every == 0;
}

// The items naming what the files of the customers active on as_of lack, on each one's gaps day.
Result<std::vector<std::pair<std::string, Item>>> gap_items(store::Store& store, const rules::Rules& rules,
                                                            core::Date as_of,
                                                            const std::vector<store::Customer>& current) {
    std::vector<int64_t> due;
    for (const auto& c : current)
        if (gaps_day(rules, c.id, as_of)) due.push_back(c.id);
    std::vector<std::pair<std::string, Item>> out;
    if (due.empty()) return out;
    KQ_TRY(std::vector<roster::CustomerGaps> found,
           roster::customer_gaps(store, rules, as_of, store::Scope::of_ids(std::move(due))));
    for (const auto& f : found) {
        Item item;
        item.kind = Item::Kind::gaps;
        item.uid = fmt::format("gaps-{}", f.customer.code);
        item.state = Item::State::open;
        item.due = item.starts = as_of;
        item.customer_code = f.customer.code;
        item.customer_name = f.customer.name;
        set_what(item, compliance::say(N_("file: {}"), roster::gaps_said(f.gaps, rules, as_of)));
        out.emplace_back(f.customer.rep, std::move(item));
    }
    return out;
}

// The obligations of [as_of − overdue_days, horizon] of customers not closed before as_of, each with the rep
// assigned on as_of (a hand-over recorded for later has not happened yet); `today_of` gets the customers as
// they stand on as_of.
Result<std::vector<occasions::Obligation>>
current_obligations(store::Store& store, const rules::Rules& rules, core::Date as_of, core::Date horizon,
                    const store::Scope& filter, std::vector<store::Customer>& current,
                    std::map<int64_t, const store::Customer*>& today_of) {
    KQ_TRY(
        std::vector<occasions::Obligation> obligations,
        occasions::obligations(store, rules, as_of.plus_days(-rules.overdue_days), horizon, as_of, filter));
    KQ_TRY(current, store.list_customers(as_of, filter));
    for (const auto& c : current)
        today_of[c.id] = &c;
    std::erase_if(obligations, [&](const occasions::Obligation& o) {
        const auto it = today_of.find(o.customer_id);
        return it == today_of.end() || (it->second->closed_on && *it->second->closed_on < as_of);
    });
    for (auto& o : obligations)
        o.rep = today_of.at(o.customer_id)->rep;
    return obligations;
}

// Everyone's pass over the month's contacts, read once by remind --all and looked up by each batch of reps:
// the tallies by customer id, and the place of each rep's own ones.
struct Everyone {
    compliance::Activity pass;                  // names only; the tallies are in `by_customer`
    std::vector<compliance::Tally> by_customer; // sorted by customer id
    std::vector<std::vector<uint32_t>> of_rep;  // per rep index: its tallies' places in by_customer

    explicit Everyone(compliance::Activity read) : pass(std::move(read)) {
        by_customer.assign(pass.tallies.begin(), pass.tallies.end());
        pass.tallies.clear();
        pass.tallies.shrink_to_fit();
        std::stable_sort(by_customer.begin(), by_customer.end(),
                         [](const compliance::Tally& a, const compliance::Tally& b) {
                             return a.customer_id < b.customer_id;
                         });
        of_rep.resize(pass.reps.size());
        for (size_t i = 0; i < by_customer.size(); ++i)
            of_rep[by_customer[i].rep].push_back(static_cast<uint32_t>(i));
    }

    // The part a batch of reps needs: the contacts at its customers, and those its reps (`team_of`'s keys)
    // logged anywhere, for their goals — each tally once.
    compliance::Activity part_of(const std::vector<store::MonthCustomer>& customers,
                                 const std::map<std::string, std::string>& team_of) const {
        compliance::Activity part;
        part.reps = pass.reps;
        part.channels = pass.channels;
        part.whole_for_reps = true;
        std::vector<int64_t> ids;
        ids.reserve(customers.size());
        for (const auto& c : customers)
            ids.push_back(c.id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        const auto by_id = [](const compliance::Tally& t, int64_t id) { return t.customer_id < id; };
        for (const int64_t id : ids)
            for (auto t = std::lower_bound(by_customer.begin(), by_customer.end(), id, by_id);
                 t != by_customer.end() && t->customer_id == id; ++t)
                part.tallies.push_back(*t);
        for (size_t r = 0; r < pass.reps.size(); ++r) {
            if (!team_of.contains(pass.reps[r])) continue;
            for (const uint32_t i : of_rep[r])
                if (!std::binary_search(ids.begin(), ids.end(), by_customer[i].customer_id))
                    part.tallies.push_back(by_customer[i]);
        }
        return part;
    }
};

// The digests of `reps` for the customers `scope` reads (a superset of those assigned to them on as_of, who
// are the ones their digests name): what build_digests returns for them, by rep id. `everyone`: the month's
// contacts as one pass over everyone's read them (remind --all), else they are read for these customers.
Result<std::vector<Digest>> digests_of(store::Store& store, const rules::Rules& rules, core::Date as_of,
                                       int days, const std::vector<store::Rep>& reps,
                                       const compliance::Scope& scope, const Everyone* everyone) {
    const core::Date horizon = as_of.plus_days(days);
    const store::Scope filter = compliance::filter_of(scope);
    const core::Month month = core::Month::of(as_of);
    // The month's activity, the proposals' days and the intel window's last days: read once where a store
    // can.
    if (!everyone) {
        core::Date earliest = std::min(month.first(), as_of.plus_days(-kProposalDays));
        if (rules.gaps.intel_months > 0)
            earliest = std::min(earliest, roster::intel_first_read(as_of, rules.gaps.intel_months));
        store.expect_contact_scans(earliest);
    }
    std::vector<store::Customer> current;
    std::map<int64_t, const store::Customer*> today_of;
    KQ_TRY(std::vector<occasions::Obligation> obligations,
           current_obligations(store, rules, as_of, horizon, filter, current, today_of));
    std::map<std::string, std::string> team_of;
    for (const auto& r : reps)
        team_of[r.id] = r.team;

    KQ_TRY(std::vector<store::MonthCustomer> customers, store.month_customers(month, filter));
    for (auto& c : customers)
        if (const auto it = today_of.find(c.id); it != today_of.end()) c.rep = it->second->rep;
    // only the customers of these reps on as_of are evaluated: the others' items go to no digest here
    std::erase_if(customers, [&](const store::MonthCustomer& c) { return !team_of.contains(c.rep); });
    for (auto& c : customers)
        c.team = team_of[c.rep];
    std::map<int64_t, store::MonthCustomer> span; // opened and closed days, by customer id
    for (const auto& c : customers)
        span.emplace(c.id, c);
    compliance::Activity activity;
    if (everyone) {
        activity = everyone->part_of(customers, team_of);
    } else {
        KQ_TRY(activity, compliance::month_activity(store, rules, month, as_of, scope, customers));
    }
    KQ_TRY(compliance::MonthResult quota,
           compliance::evaluate(rules, month, as_of, scope, std::move(customers), std::move(activity)));
    KQ_TRY(std::vector<compliance::RepGoals> goals, compliance::evaluate_goals(store, rules, quota));
    People people;
    KQ_TRY(people.all, store.people_of(filter));
    people.index();

    std::map<std::string, Digest> by_rep;
    for (const auto& r : reps)
        by_rep[r.id] = Digest{r.id, r.name, r.team, as_of, days, {}};
    auto add = [&](const std::string& who, std::optional<Item> item) {
        if (const auto d = by_rep.find(who); item && d != by_rep.end())
            d->second.items.push_back(std::move(*item));
    };
    for (const auto& o : obligations)
        add(o.rep, obligation_item(o, rules, as_of, horizon, people));
    for (const auto& o : owed_quotas(quota, span, rules, as_of))
        add(o.customer->rep, quota_item(o, rules, as_of, month, people));
    for (const auto& g : goals)
        for (const auto& goal : g.goals)
            if (goal.status == compliance::Status::behind) add(g.rep, goal_item(g, goal, as_of));
    // Follow-ups go to the rep assigned on as_of, as obligations do (their owner when not assigned then).
    KQ_TRY(std::vector<store::FollowUp> open, followups::open_on(store, as_of, filter));
    for (const auto& f : open) {
        const auto it = today_of.find(f.customer_id);
        add(it != today_of.end() ? it->second->rep : f.rep, followup_item(f, rules, as_of, horizon));
    }
    KQ_TRY(auto proposals, proposal_items(store, rules, as_of, current));
    for (auto& [who, item] : proposals)
        add(who, std::move(item));
    // A file's gaps ride along with a digest that has something owed; alone, they send no mail.
    KQ_TRY(auto gaps, gap_items(store, rules, as_of, current));
    for (auto& [who, item] : gaps)
        if (const auto d = by_rep.find(who); d != by_rep.end() && !d->second.items.empty())
            d->second.items.push_back(std::move(item));

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

} // namespace

Result<std::vector<Digest>> build_digests(store::Store& store, const rules::Rules& rules, core::Date as_of,
                                          int days, const std::string& rep) {
    std::vector<Digest> out;
    if (rep.empty()) {
        KQ_CHECK(each_digest(store, rules, as_of, days, kRepsPerBatch, [&](Digest&& d) -> Result<void> {
            out.push_back(std::move(d));
            return {};
        }));
        return out;
    }
    KQ_CHECK(store.begin_read()); // one snapshot, and no lock taken and dropped for every statement
    const store::EndRead end{store};
    KQ_TRY(std::optional<store::Rep> found, store.find_rep(rep));
    if (!found) return data_error("unknown rep '{}'; see `roster rep list` or use --all", rep);
    return digests_of(store, rules, as_of, days, {std::move(*found)},
                      compliance::Scope{compliance::Scope::Kind::rep, rep}, nullptr);
}

Result<void> each_digest(store::Store& store, const rules::Rules& rules, core::Date as_of, int days,
                         size_t reps_per_batch, const std::function<Result<void>(Digest&&)>& each) {
    KQ_CHECK(store.begin_read()); // every batch reads one snapshot
    const store::EndRead end{store};
    KQ_TRY(std::vector<store::Rep> reps, store.list_reps());
    std::sort(reps.begin(), reps.end(), [](const store::Rep& a, const store::Rep& b) { return a.id < b.id; });
    // One pass over everyone's contacts of the month, as a check of everyone reads them (its tallies are a
    // fraction of what a batch holds); each batch takes its part.
    const core::Month month = core::Month::of(as_of);
    KQ_TRY(compliance::Activity pass,
           compliance::month_activity(store, rules, month, as_of, compliance::Scope{}, {}));
    const Everyone everyone(std::move(pass));
    const size_t step = std::max<size_t>(1, reps_per_batch);
    for (size_t at = 0; at < reps.size(); at += step) {
        const std::vector<store::Rep> batch(
            reps.begin() + static_cast<std::ptrdiff_t>(at),
            reps.begin() + static_cast<std::ptrdiff_t>(std::min(reps.size(), at + step)));
        std::vector<std::string> ids;
        for (const auto& r : batch)
            ids.push_back(r.id);
        KQ_TRY(std::vector<Digest> digests,
               digests_of(store, rules, as_of, days, batch, compliance::Scope::of_reps(std::move(ids)),
                          &everyone));
        for (Digest& d : digests)
            KQ_CHECK(each(std::move(d)));
    }
    return {};
}

} // namespace keqing::remind
