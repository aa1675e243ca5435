// Rep goals and checklist completeness from the store's per-rep, per-customer activity sums.
#include "compliance/goals.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace keqing::compliance {
namespace {

GoalResult goal(std::string id, std::string label, int required, int done, const MonthResult& m) {
    GoalResult g{std::move(id), std::move(label), required, done, 0, Status::met, {}};
    g.expected = expected_count(required, m.elapsed_days, m.month.days());
    g.status = channel_status(done, required, g.expected, m.month, m.as_of);
    return g;
}

} // namespace

Result<std::vector<RepGoals>> evaluate_goals(store::Store& store, const rules::Rules& rules,
                                             const MonthResult& m) {
    const core::Date until = std::min(m.as_of, m.month.last());
    std::unordered_map<std::string, RepGoals> reps;    // R9 and checklists: each rep's own contacts
    std::unordered_map<int64_t, int> solved_for;       // customer id → problems solved, by anyone
    std::set<std::pair<std::string, int64_t>> trained; // (rep, customer id) with a training
    // Adds a pass's tallies to the goals of the reps who logged them.
    auto add_own = [&](const store::Activity& a) {
        RepGoals* last = nullptr; // a customer's tallies come together
        for (const store::Tally& t : a.tallies) {
            const std::string& rep = a.rep_of(t);
            if (!last || last->rep != rep) {
                last = &reps[rep];
                last->rep = rep;
            }
            RepGoals& r = *last;
            r.goals.resize(1);
            r.goals[0].done += t.asked_help;
            if (rules.in_person(a.channel_of(t))) {
                r.checklist.visits += t.count;
                r.checklist.complete += t.complete;
                for (size_t i = 0; i < 6; ++i)
                    r.checklist.recorded[i] += t.recorded[i];
            }
            if (t.training) trained.insert({rep, t.customer_id});
        }
    };
    for (const auto& t : m.activity.tallies)
        if (t.solved > 0) solved_for[t.customer_id] += t.solved;
    if (m.scope.kind == Scope::Kind::all) {
        add_own(m.activity);
    } else if (until >= m.month.first()) {
        std::set<std::string> in_scope;
        for (const auto& c : m.customers)
            in_scope.insert(c.rep);
        for (const auto& rep : in_scope) {
            KQ_TRY(store::Activity own,
                   store.activity(m.month.first(), until, {rules.count_late, rules.late_after_days},
                                  {store::ContactScope::Kind::rep, {}, rep}));
            add_own(own);
        }
    }

    std::unordered_map<std::string_view, std::vector<const CustomerResult*>> customers_of;
    for (const auto& c : m.customers)
        customers_of[c.rep].push_back(&c);
    std::vector<std::string_view> rep_ids;
    for (const auto& [rep, customers] : customers_of)
        rep_ids.push_back(rep);
    std::sort(rep_ids.begin(), rep_ids.end());

    std::vector<RepGoals> out;
    for (const std::string_view rep : rep_ids) {
        const auto& customers = customers_of[rep];
        RepGoals r;
        r.rep = std::string(rep);
        r.team = customers.front()->team;
        const auto found = reps.find(r.rep);
        const int asked =
            found == reps.end() || found->second.goals.empty() ? 0 : found->second.goals[0].done;
        if (found != reps.end()) r.checklist = found->second.checklist;
        r.goals.push_back(goal("R9", "asked customers for help", rules.goals.asked_help, asked, m));

        int solved_required = 0, solved_met = 0;
        Status solved_status = Status::met;
        std::string short_of;
        int trainable = 0, trained_count = 0;
        for (const CustomerResult* c : customers) {
            const int tier = rules.tier_index(c->tier);
            const int want = tier < 0 ? 0
                                      : required_count(rules.goals.solved[static_cast<size_t>(tier)],
                                                       c->active_days, m.month.days());
            const auto solved = solved_for.find(c->id);
            const int got = solved == solved_for.end() ? 0 : solved->second;
            if (want > 0) {
                ++solved_required;
                const Status s = channel_status(
                    got, want, expected_count(want, m.elapsed_days, m.month.days()), m.month, m.as_of);
                solved_status = worst(solved_status, s);
                if (got >= want)
                    ++solved_met;
                else
                    fmt::format_to(std::back_inserter(short_of), "{}{} {}/{}", short_of.empty() ? "" : ", ",
                                   c->code, got, want);
            }
            if (c->tier == rules.goals.training_tier) {
                ++trainable;
                if (trained.contains({r.rep, c->id})) ++trained_count;
            }
        }
        GoalResult solved{
            "R10", "problems solved per customer", solved_required, solved_met, 0, solved_status, short_of};
        solved.expected = solved_required; // every customer is expected to keep pace
        r.goals.push_back(solved);
        const int training_required = std::min(rules.goals.training_customers, trainable);
        r.goals.push_back(goal("R11",
                               fmt::format("formal training at {} customers", rules.goals.training_tier),
                               training_required, trained_count, m));
        for (const auto& g : r.goals)
            r.status = worst(r.status, g.status);
        out.push_back(std::move(r));
    }
    return out;
}

bool any_goal_owed(const std::vector<RepGoals>& goals) {
    return std::any_of(goals.begin(), goals.end(), [](const RepGoals& r) {
        return r.status == Status::behind || r.status == Status::missed;
    });
}

} // namespace keqing::compliance
