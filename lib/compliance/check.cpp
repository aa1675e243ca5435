// The month check: quota evaluation, then obligations and goals for the same customers.
#include "compliance/check.hpp"

#include <algorithm>
#include <unordered_set>

namespace keqing::compliance {

Result<Check> run_check(store::Store& store, const rules::Rules& rules, core::Month month, core::Date as_of,
                        const Scope& scope) {
    Check check;
    std::vector<store::MonthCustomer> customers;
    store::Activity activity;
    auto read_obligations = [&](store::Store& from) -> Result<void> {
        KQ_TRY(check.obligations,
               occasions::obligations(from, rules, month.first(), month.last(), as_of, filter_of(scope)));
        return {};
    };
    if (reads_everyone(scope)) {
        // Everyone's contacts are added up here while the customers and obligations are read beside.
        store::SharedRead read(store);
        KQ_CHECK(read.begin());
        KQ_CHECK(read.run(
            [&](store::Store& here) -> Result<void> {
                KQ_TRY(activity, month_activity(here, rules, month, as_of, scope, {}));
                return {};
            },
            [&](store::Store& there) -> Result<void> {
                KQ_TRY(customers, scope_customers(there, month, scope));
                return read_obligations(there);
            }));
    } else {
        KQ_TRY(customers, scope_customers(store, month, scope));
        KQ_TRY(activity, month_activity(store, rules, month, as_of, scope, customers));
        if (!customers.empty()) KQ_CHECK(read_obligations(store));
    }
    KQ_TRY(check.month, evaluate(rules, month, as_of, scope, std::move(customers), std::move(activity)));
    std::unordered_set<std::string_view> codes;
    for (const auto& c : check.month.customers)
        codes.insert(c.code);
    std::erase_if(check.obligations,
                  [&](const occasions::Obligation& o) { return !codes.contains(o.customer_code); });
    if (scope.kind == Scope::Kind::all || scope.kind == Scope::Kind::rep || scope.kind == Scope::Kind::team) {
        KQ_TRY(check.goals, evaluate_goals(store, rules, check.month));
    }
    return check;
}

bool anything_due(const Check& check) {
    const bool obligation_due =
        std::any_of(check.obligations.begin(), check.obligations.end(), [](const occasions::Obligation& o) {
            return o.state == occasions::State::open || o.state == occasions::State::overdue ||
                   o.state == occasions::State::missed;
        });
    return anything_owed(check.month) || obligation_due || any_goal_owed(check.goals);
}

} // namespace keqing::compliance
