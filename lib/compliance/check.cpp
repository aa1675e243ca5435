// The month check: quota evaluation, then obligations and goals for the same customers.
#include "compliance/check.hpp"

#include "followups/followups.hpp"

#include <algorithm>

namespace keqing::compliance {

Result<Check> run_check(store::Store& store, const rules::Rules& rules, core::Month month, core::Date as_of,
                        const Scope& scope) {
    // A narrower scope reads one snapshot (and SQLite takes its read lock once, not for every statement);
    // everyone's month goes through a shared read of two connections, which a read already open would keep
    // to one.
    store::ReadScope read(store);
    if (!reads_everyone(scope)) KQ_CHECK(read.begin());
    Check check;
    auto read_obligations = [&](store::Store& from) -> Result<void> {
        KQ_TRY(check.obligations,
               occasions::obligations(from, rules, month.first(), month.last(), as_of, filter_of(scope)));
        return {};
    };
    // Everyone's obligations are read beside the pass over the month's contacts; a narrower scope's after.
    MonthReads how;
    how.beside = {read_obligations};
    KQ_TRY(check.month, read_month(store, rules, month, as_of, scope, how));
    if (!reads_everyone(scope) && !check.month.customers.empty()) KQ_CHECK(read_obligations(store));
    // The month's customers come in code order (byte order on both stores): a code is looked up by
    // halves, in a sorted copy of the codes only if they did not.
    std::vector<std::string_view> codes;
    for (const auto& c : check.month.customers)
        codes.push_back(c.code);
    if (!std::is_sorted(codes.begin(), codes.end())) std::sort(codes.begin(), codes.end());
    const auto in_month = [&](std::string_view code) {
        return std::binary_search(codes.begin(), codes.end(), code);
    };
    std::erase_if(check.obligations,
                  [&](const occasions::Obligation& o) { return !in_month(o.customer_code); });
    if (scope.kind == Scope::Kind::all || scope.kind == Scope::Kind::rep || scope.kind == Scope::Kind::team) {
        KQ_TRY(check.goals, evaluate_goals(store, rules, check.month));
    }
    check.followups_day = std::min(as_of, month.last());
    KQ_TRY(check.followups, followups::open_on(store, check.followups_day, filter_of(scope)));
    std::erase_if(check.followups, [&](const store::FollowUp& f) { return !in_month(f.customer_code); });
    return check;
}

bool anything_due(const Check& check) {
    const bool obligation_due =
        std::any_of(check.obligations.begin(), check.obligations.end(), [](const occasions::Obligation& o) {
            return o.state == occasions::State::open || o.state == occasions::State::overdue ||
                   o.state == occasions::State::missed;
        });
    const bool followup_overdue =
        std::any_of(check.followups.begin(), check.followups.end(), [&](const store::FollowUp& f) {
            return followups::state_on(f, check.followups_day) == followups::State::overdue;
        });
    return anything_owed(check.month) || obligation_due || any_goal_owed(check.goals) || followup_overdue;
}

} // namespace keqing::compliance
