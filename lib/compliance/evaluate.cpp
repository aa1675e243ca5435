// Month evaluation: active days, tier on the reference day, per-channel counts from SQL, then the
// SPEC §3 statuses and scores per customer and for the whole scope.
#include "compliance/evaluate.hpp"

#include "compliance/activity.hpp"
#include "compliance/split_pass.hpp"
#include "core/id_map.hpp"

#include <algorithm>
#include <atomic>
#include <optional>

namespace keqing::compliance {
namespace {

// The parts of everyone's pass over a month (SplitPass): enough that the connection which reads the customers
// first still takes its share, few enough that each is a long range of the index (200,000 customers: 12,500
// a part).
constexpr size_t kPassParts = 16;

bool in_scope(const store::MonthCustomer& c, const Scope& scope) {
    switch (scope.kind) {
    case Scope::Kind::rep:
        return c.rep == scope.value;
    case Scope::Kind::code:
        return c.code == scope.value;
    case Scope::Kind::tier:
        return c.tier == scope.value;
    case Scope::Kind::team:
        return c.team == scope.value;
    case Scope::Kind::ids:
        return std::find(scope.ids.begin(), scope.ids.end(), c.id) != scope.ids.end();
    case Scope::Kind::codes:
        return std::find(scope.codes.begin(), scope.codes.end(), c.code) != scope.codes.end();
    case Scope::Kind::reps:
        return std::find(scope.codes.begin(), scope.codes.end(), c.rep) != scope.codes.end();
    case Scope::Kind::all:
        break;
    }
    return true;
}

} // namespace

// What the store reads for a scope: everyone for a tier (tiers change in time; in_scope keeps those of
// the tier on the month's end), else the scope itself.
store::Scope filter_of(const Scope& scope) {
    return scope.kind == Scope::Kind::tier ? Scope{} : scope;
}

bool reads_everyone(const Scope& scope) {
    return scope.kind == Scope::Kind::all || scope.kind == Scope::Kind::tier;
}

Result<std::vector<store::MonthCustomer>> scope_customers(store::Store& store, core::Month month,
                                                          const Scope& scope) {
    KQ_TRY(std::vector<store::MonthCustomer> customers, store.month_customers(month, filter_of(scope)));
    std::erase_if(customers, [&](const store::MonthCustomer& c) { return !in_scope(c, scope); });
    return customers;
}

Result<Activity> month_activity(store::Store& store, const rules::Rules& rules, core::Month month,
                                core::Date as_of, const Scope& scope,
                                const std::vector<store::MonthCustomer>& customers,
                                const FindingRules* findings) {
    const core::Date until = std::min(as_of, month.last());
    const bool everyone = reads_everyone(scope);
    if (until < month.first() || (!everyone && customers.empty())) return Activity{};
    store::Scope contacts;
    if (!everyone) {
        contacts.kind = store::Scope::Kind::ids;
        for (const auto& c : customers)
            contacts.ids.push_back(c.id);
    }
    return activity(store, month.first(), until, {rules.count_late, rules.late_after_days}, contacts,
                    everyone ? findings : nullptr);
}

Result<MonthResult> evaluate_month(store::Store& store, const rules::Rules& rules, core::Month month,
                                   core::Date as_of, const Scope& scope, const FindingRules* findings) {
    KQ_TRY(std::vector<store::MonthCustomer> customers, scope_customers(store, month, scope));
    KQ_TRY(Activity activity, month_activity(store, rules, month, as_of, scope, customers, findings));
    return evaluate(rules, month, as_of, scope, std::move(customers), std::move(activity));
}

Result<MonthResult> read_month(store::Store& store, const rules::Rules& rules, core::Month month,
                               core::Date as_of, const Scope& scope, const MonthReads& how) {
    KQ_TRY(MonthData data, read_month_data(store, rules, month, as_of, scope, how));
    return evaluate(rules, month, as_of, scope, std::move(data.customers), std::move(data.activity));
}

Result<MonthData> read_month_data(store::Store& store, const rules::Rules& rules, core::Month month,
                                  core::Date as_of, const Scope& scope, const MonthReads& how) {
    std::vector<store::MonthCustomer> customers;
    Activity activity;
    if (reads_everyone(scope)) {
        std::optional<store::SharedRead> own;
        store::SharedRead* read = how.read;
        if (!read) {
            read = &own.emplace(store);
            KQ_CHECK(read->begin());
        }
        // In turn on one connection, one part: a part is worth its seek only when the other connection helps.
        std::pair<int64_t, int64_t> ids{0, INT64_MAX};
        if (read->side_by_side()) {
            KQ_TRY(ids, store.customer_id_span());
        }
        SplitPass pass(month.first(), std::min(as_of, month.last()),
                       {rules.count_late, rules.late_after_days}, how.findings, ids,
                       read->side_by_side() ? kPassParts : 1);
        // The customers, then what the caller reads beside, then the pass's parts: each connection takes the
        // next one as it is done with the last.
        std::vector<std::function<Result<void>(store::Store&)>> reads{
            [&](store::Store& from) -> Result<void> {
                KQ_TRY(customers, scope_customers(from, month, scope));
                return {};
            }};
        reads.insert(reads.end(), how.beside.begin(), how.beside.end());
        std::atomic<size_t> next{0};
        const auto work = [&](store::Store& from) -> Result<void> {
            for (size_t at = next++; at < reads.size(); at = next++)
                KQ_CHECK(reads[at](from));
            return pass.work(from);
        };
        KQ_CHECK(read->run(work, work));
        KQ_TRY(activity, pass.finish(store));
    } else {
        KQ_TRY(customers, scope_customers(store, month, scope));
        KQ_TRY(activity, month_activity(store, rules, month, as_of, scope, customers, how.findings));
    }
    return MonthData{std::move(customers), std::move(activity)};
}

Result<MonthResult> evaluate(const rules::Rules& rules, core::Month month, core::Date as_of,
                             const Scope& scope, std::vector<store::MonthCustomer> customers,
                             Activity activity) {
    MonthResult result{month, as_of, elapsed_days(month, as_of), rules.quota_channels(), {},
                       {},    scope, std::move(activity)};
    // done[position of the customer × channels + channel index]
    const size_t width = rules.channels.size();
    std::vector<int> done(customers.size() * width, 0);
    {
        core::IdMap<uint32_t> position(customers.size());
        for (uint32_t i = 0; i < customers.size(); ++i)
            *position.try_emplace(customers[i].id).first = i;
        std::vector<int> channel_of; // the pass's channel index → the rules' (-1: none)
        for (const auto& name : result.activity.channels)
            channel_of.push_back(rules.channel_index(name));
        for (const auto& count : result.activity.tallies) {
            const int channel = channel_of[count.channel];
            const uint32_t* at = position.find(count.customer_id);
            // A channel the current rules no longer define counts toward nothing; customers outside the
            // scope (or inactive this month) are not evaluated.
            if (channel < 0 || !at) continue;
            done[*at * width + static_cast<size_t>(channel)] += count.count;
        }
    }

    const int dim = month.days();
    result.customers.reserve(customers.size());
    std::vector<ChannelCount> tallies;
    for (size_t i = 0; i < customers.size(); ++i) {
        auto& c = customers[i];
        const rules::Tier* tier = rules.tier(c.tier);
        if (!tier)
            return data_error(
                "customer {} has tier '{}', which {} does not define (tiers: {}); add the tier to the "
                "rules or re-tier the customer with `roster tier`",
                c.code, c.tier, rules.source, rules.tier_ids());
        CustomerResult r{c.id,
                         std::move(c.code),
                         std::move(c.name),
                         std::move(c.tier),
                         std::move(c.rep),
                         std::move(c.team),
                         active_days(month, c.opened_on, c.closed_on),
                         Status::met,
                         1.0,
                         {}};
        tallies.clear();
        r.channels.reserve(result.channels.size());
        for (const int channel : result.channels) {
            ChannelResult ch;
            ch.channel = channel;
            ch.required = required_count(tier->quota[static_cast<size_t>(channel)], r.active_days, dim);
            ch.done = done[i * width + static_cast<size_t>(channel)];
            ch.expected = expected_count(ch.required, result.elapsed_days, dim);
            ch.status = channel_status(ch.done, ch.required, ch.expected, month, as_of);
            r.status = worst(r.status, ch.status);
            tallies.push_back({ch.done, ch.required});
            result.summary.required += ch.required;
            result.summary.done_capped += std::min(ch.done, ch.required);
            r.channels.push_back(ch);
        }
        r.score = score(tallies);
        result.summary.customers++;
        result.summary.by_status[static_cast<size_t>(r.status)]++;
        result.customers.push_back(std::move(r));
    }
    result.summary.score = score(result.summary.done_capped, result.summary.required);
    return result;
}

bool anything_owed(const MonthResult& result) {
    return std::any_of(result.customers.begin(), result.customers.end(), [](const CustomerResult& c) {
        return c.status == Status::behind || c.status == Status::missed;
    });
}

} // namespace keqing::compliance
