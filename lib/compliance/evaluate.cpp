// Month evaluation: active days, tier on the reference day, per-channel counts from SQL, then the
// SPEC §3 statuses and scores per customer and for the whole scope.
#include "compliance/evaluate.hpp"

#include <algorithm>
#include <unordered_map>

namespace keqing::compliance {
namespace {

bool in_scope(const store::MonthCustomer& c, const Scope& scope) {
    switch (scope.kind) {
    case Scope::Kind::all: return true;
    case Scope::Kind::rep: return c.rep == scope.value;
    case Scope::Kind::customer: return c.code == scope.value;
    case Scope::Kind::tier: return c.tier == scope.value;
    case Scope::Kind::team: return c.team == scope.value;
    }
    return false;
}

} // namespace

store::CustomerFilter filter_of(const Scope& scope) {
    using K = store::CustomerFilter::Kind;
    switch (scope.kind) {
    case Scope::Kind::rep: return {K::rep, scope.value};
    case Scope::Kind::team: return {K::team, scope.value};
    case Scope::Kind::customer: return {K::code, scope.value};
    case Scope::Kind::all:
    case Scope::Kind::tier: break;
    }
    return {};
}

Result<MonthResult> evaluate_month(store::Store& store, const rules::Rules& rules, core::Month month,
                                   core::Date as_of, const Scope& scope) {
    MonthResult result{month, as_of, elapsed_days(month, as_of), rules.quota_channels(), {}, {}, scope, {}};
    KQ_TRY(std::vector<store::MonthCustomer> customers, store.month_customers(month, filter_of(scope)));
    std::erase_if(customers, [&](const store::MonthCustomer& c) { return !in_scope(c, scope); });

    // done[customer id][channel index]
    std::unordered_map<int64_t, std::vector<int>> done;
    const core::Date until = std::min(as_of, month.last());
    if (!customers.empty() && until >= month.first()) {
        const bool everyone = scope.kind == Scope::Kind::all || scope.kind == Scope::Kind::tier;
        std::vector<int64_t> ids;
        for (const auto& c : customers) ids.push_back(c.id);
        KQ_TRY(result.tallies, store.tallies(month.first(), until, {rules.count_late, rules.late_after_days},
                                              everyone ? nullptr : &ids));
        for (const auto& count : result.tallies) {
            const int channel = rules.channel_index(count.channel);
            if (channel < 0) continue; // a channel the current rules no longer define counts toward nothing
            auto& row = done[count.customer_id];
            row.resize(rules.channels.size());
            row[static_cast<size_t>(channel)] += count.count;
        }
    }

    const int dim = month.days();
    for (const auto& c : customers) {
        const rules::Tier* tier = rules.tier(c.tier);
        if (!tier)
            return data_error("customer {} has tier '{}', which {} does not define (tiers: {}); add the tier to the "
                              "rules or re-tier the customer with `roster tier`",
                              c.code, c.tier, rules.source, rules.tier_ids());
        CustomerResult r{c.id, c.code, c.name, c.tier, c.rep, c.team, active_days(month, c.opened_on, c.closed_on),
                         Status::met, 1.0, {}};
        std::vector<Tally> tallies;
        const auto found = done.find(c.id);
        for (const int channel : result.channels) {
            ChannelResult ch;
            ch.channel = channel;
            ch.required = required_count(tier->quota[static_cast<size_t>(channel)], r.active_days, dim);
            ch.done = found == done.end() ? 0 : found->second[static_cast<size_t>(channel)];
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
    result.summary.score = result.summary.required == 0 ? 1.0
                                                        : static_cast<double>(result.summary.done_capped) /
                                                              static_cast<double>(result.summary.required);
    return result;
}

bool anything_owed(const MonthResult& result) {
    return std::any_of(result.customers.begin(), result.customers.end(), [](const CustomerResult& c) {
        return c.status == Status::behind || c.status == Status::missed;
    });
}

} // namespace keqing::compliance
