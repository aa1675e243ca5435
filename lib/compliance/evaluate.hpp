// Evaluates a month for a scope of customers (SPEC §3): counts come from the store, the rules give the
// quotas, quota.hpp does the arithmetic. check-quota, log-visit, remind and report share this engine.
#pragma once

#include "compliance/quota.hpp"
#include "compliance/tally.hpp"
#include "rules/rules.hpp"
#include "store/store.hpp"

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace keqing::compliance {

// Which customers to evaluate: all, rep, team, tier or one customer (Kind::code).
using Scope = store::Scope;

struct ChannelResult {
    int channel = 0; // index into Rules::channels
    int required = 0;
    int done = 0;
    int expected = 0;
    Status status = Status::met;
};

struct CustomerResult {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::string tier;
    std::string rep;
    std::string team;
    int active_days = 0;
    Status status = Status::met;
    double score = 1.0;
    std::vector<ChannelResult> channels; // one per Rules::quota_channels()
};

// Counts over the customers of a report.
struct Summary {
    int customers = 0;
    std::array<int, 4> by_status{}; // indexed by Status
    int required = 0;
    int done_capped = 0; // sum(min(done, required))
    double score = 1.0;
};

struct MonthResult {
    core::Month month;
    core::Date as_of;
    int elapsed_days = 0;
    std::vector<int> channels;             // Rules::quota_channels()
    std::vector<CustomerResult> customers; // sorted by code
    Summary summary;
    Scope scope;
    // The one pass over the month's contacts: the tallies of the scope's customers (everyone's for
    // Scope::Kind::all and tier), which goals reuse, and the findings when they were asked for.
    Activity activity;
};

// The store filter that narrows a scope in SQL (tier scopes are filtered after).
store::Scope filter_of(const Scope& scope);

// Evaluates `month` as of the end of `as_of` for the customers in `scope`. With `findings` (scopes all
// and tier), the same pass over the month's contacts also yields its data-quality findings.
Result<MonthResult> evaluate_month(store::Store& store, const rules::Rules& rules, core::Month month,
                                   core::Date as_of, const Scope& scope,
                                   const FindingRules* findings = nullptr);

// How read_month reads: `read`, a shared read the caller began (one snapshot for several months), else
// one of its own; `findings`, asked of the pass over contacts; `beside`, more reads the caller makes on the
// same snapshot, each on whichever connection is free, beside the month's customers and the pass — only
// for the scopes read for everyone (reads_everyone); for the others the caller reads them itself.
struct MonthReads {
    store::SharedRead* read = nullptr;
    const FindingRules* findings = nullptr;
    std::vector<std::function<Result<void>(store::Store&)>> beside;
};
// evaluate_month on one snapshot: for everyone, both connections take in turn the month's customers, the
// reads `beside` and the parts of the pass over the month's contacts, split by customer ids (SplitPass);
// other scopes read their customers first, then only their contacts.
Result<MonthResult> read_month(store::Store& store, const rules::Rules& rules, core::Month month,
                               core::Date as_of, const Scope& scope, const MonthReads& how = {});
// What read_month reads before its arithmetic (evaluate): the month's customers and the pass over its
// contacts — for a caller that reads more on the second connection while this one evaluates.
struct MonthData {
    std::vector<store::MonthCustomer> customers;
    Activity activity;
};
Result<MonthData> read_month_data(store::Store& store, const rules::Rules& rules, core::Month month,
                                  core::Date as_of, const Scope& scope, const MonthReads& how = {});

// evaluate_month in its three steps, for callers that read side by side. True for the scopes whose
// contacts are read for everyone (all, tier): their pass needs no customer list first.
bool reads_everyone(const Scope& scope);
// The customers of `scope` active in `month`.
Result<std::vector<store::MonthCustomer>> scope_customers(store::Store& store, core::Month month,
                                                          const Scope& scope);
// One pass over the month's contacts up to `as_of`: everyone's, or (other scopes) those of `customers`.
Result<Activity> month_activity(store::Store& store, const rules::Rules& rules, core::Month month,
                                core::Date as_of, const Scope& scope,
                                const std::vector<store::MonthCustomer>& customers,
                                const FindingRules* findings = nullptr);
// The SPEC §3 arithmetic over what was read.
Result<MonthResult> evaluate(const rules::Rules& rules, core::Month month, core::Date as_of,
                             const Scope& scope, std::vector<store::MonthCustomer> customers,
                             Activity activity);

// True when any customer is behind or missed (check-quota's exit status 1).
bool anything_owed(const MonthResult& result);

} // namespace keqing::compliance
