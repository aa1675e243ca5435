// Rep goals and checklist completeness from the store's per-rep, per-customer activity sums.
#include "compliance/goals.hpp"

#include "compliance/activity.hpp"
#include "compliance/said.hpp"
#include "core/id_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

namespace keqing::compliance {
namespace {

GoalResult goal(std::string id, Said label, int required, int done, const MonthResult& m) {
    GoalResult g{std::move(id),
                 std::move(label.shown),
                 std::move(label.english),
                 required,
                 done,
                 0,
                 Status::met,
                 {},
                 false,
                 {}};
    g.expected = expected_count(required, m.elapsed_days, m.month.days());
    g.status = channel_status(done, required, g.expected, m.month, m.as_of);
    return g;
}

// A training at one customer by one rep (R11): a contact flagged --training (`how` is its channel) or a
// training record (`how` is "training #N").
struct Training {
    std::string rep;
    std::string how;
    bool in_person = false;
};

// What the reps did in the month, as the goals read it: per rep its own contacts (R9 and the checklist),
// per customer the problems solved by anyone (R10), and who trained where, how (R11).
struct Done {
    std::unordered_map<std::string, RepGoals> own; // R9 in goals[0].done, and the checklist
    core::IdMap<int> solved_for;                   // customer id → problems solved, by anyone
    core::IdMap<std::vector<Training>> trainings;  // customer id → trainings, by anyone

    // Adds the problems solved and the trainings of a pass's tallies to their customers.
    void add_customer(const Tally& t, const Activity& a, const std::vector<bool>& in_person) {
        if (t.solved > 0) solved_for[t.customer_id] += t.solved;
        if (t.training > 0)
            trainings[t.customer_id].push_back({a.rep_of(t), a.channel_of(t), in_person[t.channel]});
    }

    // Adds a pass's tallies to the reps who logged them (and, with `customers`, to their customers, in the
    // same walk over the tallies): summed by the pass's rep and channel indexes first, then by rep name.
    void add_own(const Activity& a, const rules::Rules& rules, bool customers = false) {
        std::vector<bool> in_person;
        for (const auto& channel : a.channels)
            in_person.push_back(rules.in_person(channel));
        std::vector<RepGoals> by_index(a.reps.size());
        std::vector<bool> seen(a.reps.size(), false);
        for (const Tally& t : a.tallies) {
            if (customers) add_customer(t, a, in_person);
            RepGoals& r = by_index[t.rep];
            seen[t.rep] = true;
            if (r.goals.empty()) r.goals.resize(1);
            r.goals[0].done += t.asked_help;
            if (in_person[t.channel]) {
                r.checklist.visits += t.count;
                r.checklist.complete += t.complete;
                for (size_t i = 0; i < 6; ++i)
                    r.checklist.recorded[i] += t.recorded[i];
            }
        }
        for (size_t i = 0; i < by_index.size(); ++i) {
            if (!seen[i]) continue;
            RepGoals& r = own[a.reps[i]];
            r.rep = a.reps[i];
            r.goals.resize(1);
            r.goals[0].done += by_index[i].goals[0].done;
            const ChecklistResult& c = by_index[i].checklist;
            r.checklist.visits += c.visits;
            r.checklist.complete += c.complete;
            for (size_t k = 0; k < 6; ++k)
                r.checklist.recorded[k] += c.recorded[k];
        }
    }
};

// Reads what the goals need: the month's activity has every contact at the customers in scope; a rep's
// own contacts elsewhere count for R9 and the checklist too, so a narrower scope reads each rep's.
Result<Done> read_done(store::Store& store, const rules::Rules& rules, const MonthResult& m) {
    Done done;
    // Sized by the month's customers: each is looked up once, and a map sized by the few found would keep
    // the high ids in its hash part (a hash lookup per customer: 10 % of check-quota --all's goals). Not the
    // trainings: a slot of theirs is 32 bytes (9 MB at 200,000 customers), and only one tier looks them up.
    done.solved_for = core::IdMap<int>(m.customers.size());
    // Everyone's: one walk over the month's tallies for the customers and the reps alike.
    const bool everyone = m.scope.kind == Scope::Kind::all || m.activity.whole_for_reps;
    if (everyone) {
        done.add_own(m.activity, rules, true);
    } else {
        std::vector<bool> in_person;
        for (const auto& channel : m.activity.channels)
            in_person.push_back(rules.in_person(channel));
        for (const auto& t : m.activity.tallies)
            done.add_customer(t, m.activity, in_person);
    }
    const core::Date until = std::min(m.as_of, m.month.last());
    if (until >= m.month.first()) { // training records (roster training add), removed ones left out
        KQ_TRY(std::vector<store::Training> records,
               store.trainings_of(m.month.first(), until, filter_of(m.scope)));
        for (const auto& r : records)
            done.trainings[r.customer_id].push_back({r.rep, fmt::format("training #{}", r.id), r.in_person});
    }
    if (!everyone && until >= m.month.first() && !m.customers.empty()) {
        std::set<std::string> in_scope; // what the scope's reps logged, wherever
        for (const auto& c : m.customers)
            in_scope.insert(c.rep);
        const std::vector<std::string> reps(in_scope.begin(), in_scope.end());
        // When the month's pass already read every contact they logged (ids from an index alone), their
        // own are its tallies (other reps' tallies there count for reps not reported); otherwise one pass
        // over theirs (issue 23: no table row per contact). (A store may leave out those at the pass's
        // customers: they are among what it read.)
        KQ_TRY(std::vector<int64_t> logged,
               store.contact_ids_of_reps(m.month.first(), until, reps, m.activity.customer_ids));
        std::vector<int64_t> read = m.activity.contact_ids;
        std::sort(read.begin(), read.end());
        std::sort(logged.begin(), logged.end());
        if (std::includes(read.begin(), read.end(), logged.begin(), logged.end())) {
            done.add_own(m.activity, rules);
        } else {
            KQ_TRY(Activity own,
                   activity(store, m.month.first(), until, {rules.count_late, rules.late_after_days},
                            store::Scope::of_reps(reps)));
            done.add_own(own, rules);
        }
    }
    return done;
}

// Appends "code got/want" to a comma-separated list.
void append_short(std::string& list, std::string_view code, int got, int want) {
    if (!list.empty()) list += ", ";
    list += code;
    list += ' ';
    const fmt::format_int g(got), w(want);
    list.append(g.data(), g.size());
    list += '/';
    list.append(w.data(), w.size());
}

// R10: every customer of the rep owes its tier's problems solved, prorated to its active days.
GoalResult solved_goal(const std::vector<const CustomerResult*>& customers, const Done& done,
                       const rules::Rules& rules, const MonthResult& m) {
    int required = 0, met = 0;
    Status status = Status::met;
    std::string short_of;
    for (const CustomerResult* c : customers) {
        const int tier = rules.tier_index(c->tier);
        const int want = tier < 0 ? 0
                                  : required_count(rules.goals.solved[static_cast<size_t>(tier)],
                                                   c->active_days, m.month.days());
        if (want == 0) continue;
        const int* solved = done.solved_for.find(c->id);
        const int got = solved ? *solved : 0;
        ++required;
        status = worst(status, channel_status(got, want, expected_count(want, m.elapsed_days, m.month.days()),
                                              m.month, m.as_of));
        if (got >= want)
            ++met;
        else // "code got/want", comma-separated (by hand: a format per customer cost a third of the goals)
            append_short(short_of, c->code, got, want);
    }
    const Said label = say(N_("problems solved per customer"));
    GoalResult g{"R10", label.shown, label.english, required, met, 0, status, {}, true, {}};
    g.expected = required; // every customer is expected to keep pace
    if (met < required) {
        Said detail =
            say(N_("{} of {} customers still need a problem solved: {}"), required - met, required, short_of);
        g.detail = std::move(detail.shown);
        g.detail_en = std::move(detail.english);
    }
    return g;
}

// Why a training at customer `code` does not count for `rep`'s R11, or empty when it does.
Said training_refusal(const Training& t, std::string_view rep, std::string_view code,
                      const rules::Rules& rules) {
    const rules::Who& who = rules.goals.training_who;
    const Said head = say(N_("training at {} by {} did not count: R11 needs {}"), code, t.rep,
                          Said{rules::Rules::who_text(who), core::tr(rules::Rules::who_text(who))});
    if (who.assigned && t.rep != rep) return say(N_("{} ({}'s customer)"), head, rep);
    if (who.in_person && !t.in_person) return say(N_("{} ({} is not in person)"), head, t.how);
    return {};
}

// R11: distinct customers of the training tier where a training that qualifies was given (by the rep itself
// and in person when the rules say so); the detail names trainings that did not count.
GoalResult training_goal(std::string_view rep, const std::vector<const CustomerResult*>& customers,
                         const Done& done, const rules::Rules& rules, const MonthResult& m) {
    int trainable = 0, trained = 0;
    Said refused;
    for (const CustomerResult* c : customers) {
        if (c->tier != rules.goals.training_tier) continue;
        ++trainable;
        const std::vector<Training>* found = done.trainings.find(c->id);
        if (!found) continue;
        std::map<std::string, Said> why; // in order of the English text, each once
        bool counted = false;
        for (const Training& t : *found) {
            Said refusal = training_refusal(t, rep, c->code, rules);
            counted = counted || refusal.empty();
            if (!refusal.empty()) why.emplace(refusal.english, std::move(refusal));
        }
        if (counted) {
            ++trained;
            continue;
        }
        for (const auto& w : why)
            refused = joined(std::move(refused), w.second, "; ");
    }
    GoalResult g = goal("R11", say(N_("formal training at {} customers"), rules.goals.training_tier),
                        std::min(rules.goals.training_customers, trainable), trained, m);
    if (g.done < g.required) {
        g.detail = refused.shown;
        g.detail_en = refused.english;
    }
    return g;
}

// One rep's goals from what was done.
RepGoals rep_goals(std::string_view rep, const std::vector<const CustomerResult*>& customers,
                   const Done& done, const rules::Rules& rules, const MonthResult& m) {
    RepGoals r;
    r.rep = std::string(rep);
    r.team = customers.front()->team;
    const auto found = done.own.find(r.rep);
    const int asked =
        found == done.own.end() || found->second.goals.empty() ? 0 : found->second.goals[0].done;
    if (found != done.own.end()) r.checklist = found->second.checklist;
    r.goals.push_back(goal("R9", say(N_("asked customers for help")), rules.goals.asked_help, asked, m));
    r.goals.push_back(solved_goal(customers, done, rules, m));
    r.goals.push_back(training_goal(r.rep, customers, done, rules, m));
    for (const auto& g : r.goals)
        r.status = worst(r.status, g.status);
    return r;
}

} // namespace

Result<std::vector<RepGoals>> evaluate_goals(store::Store& store, const rules::Rules& rules,
                                             const MonthResult& m) {
    KQ_TRY(Done done, read_done(store, rules, m));
    // The customers of each rep, in the month's order, and the reps in id order.
    std::unordered_map<std::string_view, size_t> group_of;
    std::vector<std::pair<std::string_view, std::vector<const CustomerResult*>>> groups;
    size_t group = SIZE_MAX;
    for (const auto& c : m.customers) {
        if (group == SIZE_MAX || groups[group].first != c.rep) {
            const auto [at, fresh] = group_of.try_emplace(c.rep, groups.size());
            if (fresh) groups.emplace_back(c.rep, std::vector<const CustomerResult*>());
            group = at->second;
        }
        groups[group].second.push_back(&c);
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<RepGoals> out;
    out.reserve(groups.size());
    for (const auto& [rep, customers] : groups)
        out.push_back(rep_goals(rep, customers, done, rules, m));
    return out;
}

bool any_goal_owed(const std::vector<RepGoals>& goals) {
    return std::any_of(goals.begin(), goals.end(), [](const RepGoals& r) {
        return r.status == Status::behind || r.status == Status::missed;
    });
}

} // namespace keqing::compliance
