// Report assembly: one evaluate_month per month (as check-quota does), aggregated into rows, tiers and
// the trend; obligations over the range; goals per month; data-quality flags from the store.
#include "report/report.hpp"

#include <algorithm>
#include <unordered_set>

namespace keqing::report {
namespace {

// The longest data-quality list a report carries (the counts are whole).
constexpr int kListLimit = 200;

using Rows = std::unordered_map<std::string, Row>;

// The row for `key`, labelled as of the latest month added.
Row& row_for(Rows& rows, std::string_view key, size_t channels, std::string_view label,
             std::string_view team) {
    auto [it, fresh] = rows.try_emplace(std::string(key));
    Row& r = it->second;
    if (fresh) {
        r.key = key;
        r.channels.resize(channels);
    }
    if (r.label != label) r.label = label;
    if (r.team != team) r.team = team;
    return r;
}

void add_customer(Row& r, const compliance::CustomerResult& c) {
    r.customer_months++;
    r.by_status[static_cast<size_t>(c.status)]++;
    for (size_t k = 0; k < c.channels.size(); ++k) {
        r.channels[k].add(c.channels[k].done, c.channels[k].required);
        r.total.add(c.channels[k].done, c.channels[k].required);
    }
}

// Adds one pass's findings to the report's: counts add up, lists (each oldest first) go on up to `limit`.
void add_findings(store::Quality& into, store::Quality&& part, size_t limit) {
    into.late_count += part.late_count;
    for (auto& k : part.late)
        if (into.late.size() < limit) into.late.push_back(std::move(k));
    into.duplicate_count += part.duplicate_count;
    for (auto& d : part.duplicates)
        if (into.duplicates.size() < limit) into.duplicates.push_back(std::move(d));
    for (auto& b : part.busy_days)
        if (into.busy_days.size() < limit) into.busy_days.push_back(std::move(b));
}

std::vector<Row> ranked(Rows& rows) {
    std::vector<Row> out;
    for (auto& [key, row] : rows)
        out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) {
        return a.total.rate() != b.total.rate() ? a.total.rate() > b.total.rate() : a.key < b.key;
    });
    for (size_t i = 0; i < out.size(); ++i)
        out[i].rank = i > 0 && out[i].total.rate() == out[i - 1].total.rate() ? out[i - 1].rank
                                                                              : static_cast<int>(i) + 1;
    return out;
}

} // namespace

std::string_view to_string(By by) {
    switch (by) {
    case By::rep:
        return "rep";
    case By::customer:
        return "customer";
    case By::tier:
        return "tier";
    case By::team:
        return "team";
    }
    return "?";
}

Result<Report> build_report(store::Store& store, const rules::Rules& rules, const Options& options) {
    if (options.to < options.from)
        return usage_error("--from {} is after --to {}; give the earlier month first", options.from.iso(),
                           options.to.iso());
    int month_count = 0;
    for (core::Month m = options.from; m <= options.to; m = m.next())
        ++month_count;
    if (month_count > 36) return usage_error("a report covers at most 36 months; narrow --from/--to");

    Report report;
    report.options = options;
    const auto quota_channels = rules.quota_channels();
    for (const int c : quota_channels)
        report.channels.push_back(rules.channels[static_cast<size_t>(c)].id);
    for (const auto& t : rules.tiers)
        report.tiers.push_back(t.id);
    report.tier_status.assign(rules.tiers.size(), {});
    report.tier_channel.assign(rules.tiers.size(), std::vector<Attainment>(quota_channels.size()));

    KQ_TRY(std::vector<store::Rep> all_reps, store.list_reps());
    std::unordered_map<std::string_view, const store::Rep*> rep_by_id;
    for (const auto& r : all_reps)
        rep_by_id[r.id] = &r;
    if (!options.team.empty() && std::none_of(all_reps.begin(), all_reps.end(),
                                              [&](const store::Rep& r) { return r.team == options.team; }))
        return data_error("unknown team '{}' for --team; teams are set with `roster rep add ID --team T`",
                          options.team);

    const compliance::Scope scope = options.team.empty()
                                        ? compliance::Scope{}
                                        : compliance::Scope{compliance::Scope::Kind::team, options.team};
    Rows reps, rows;
    std::unordered_set<int64_t> in_scope_customers;
    // Everyone's data-quality findings come from each month's pass over its contacts; a team's from one
    // pass over the contacts its reps logged (below).
    const store::FindingRules finding_rules{rules.late_after_days, rules.max_visits_per_day, kListLimit,
                                            rules.in_person_channels()};
    const core::Date first = options.from.first();
    const core::Date last = std::min(options.as_of, options.to.last());
    std::vector<occasions::Obligation> obligations;
    store::Quality lists;
    auto read_range = [&](store::Store& from) -> Result<void> {
        if (last < first) return {};
        KQ_TRY(obligations, occasions::obligations(from, rules, first, last, options.as_of));
        KQ_TRY(lists, from.voided_contacts(first, last, kListLimit, options.team));
        if (!options.team.empty()) {
            KQ_TRY(store::Activity team,
                   from.activity(first, last, {rules.count_late, rules.late_after_days},
                                 {store::ContactScope::Kind::team, {}, options.team}, &finding_rules));
            add_findings(report.quality, std::move(team.findings), kListLimit);
        }
        return {};
    };
    // Every read sees one snapshot. For everyone, each month's pass over the contacts runs beside the
    // reads of its customers (and, with the first month, the range's obligations and flagged contacts).
    store::SharedRead read(store);
    KQ_CHECK(read.begin());
    const bool everyone = compliance::reads_everyone(scope);
    if (!everyone) KQ_CHECK(read_range(store));
    for (core::Month m = options.from; m <= options.to; m = m.next()) {
        const core::Date as_of = std::min(options.as_of, m.last());
        std::vector<store::MonthCustomer> customers;
        store::Activity activity;
        if (everyone) {
            KQ_CHECK(read.run(
                [&](store::Store& here) -> Result<void> {
                    KQ_TRY(activity,
                           compliance::month_activity(here, rules, m, as_of, scope, {}, &finding_rules));
                    return {};
                },
                [&](store::Store& there) -> Result<void> {
                    KQ_TRY(customers, compliance::scope_customers(there, m, scope));
                    return m == options.from ? read_range(there) : Result<void>{};
                }));
        } else {
            KQ_TRY(customers, compliance::scope_customers(store, m, scope));
            KQ_TRY(activity, compliance::month_activity(store, rules, m, as_of, scope, customers));
        }
        KQ_TRY(compliance::MonthResult month,
               compliance::evaluate(rules, m, as_of, scope, std::move(customers), std::move(activity)));
        add_findings(report.quality, std::move(month.activity.findings), kListLimit);
        MonthPart part{m, as_of, month.summary, std::vector<Attainment>(quota_channels.size()), {}};
        KQ_TRY(part.goals, compliance::evaluate_goals(store, rules, month));
        for (const auto& c : month.customers) {
            in_scope_customers.insert(c.id);
            const int tier = rules.tier_index(c.tier);
            report.tier_status[static_cast<size_t>(tier)][static_cast<size_t>(c.status)]++;
            for (size_t k = 0; k < c.channels.size(); ++k) {
                part.channels[k].add(c.channels[k].done, c.channels[k].required);
                report.tier_channel[static_cast<size_t>(tier)][k].add(c.channels[k].done,
                                                                      c.channels[k].required);
            }
            const auto known = rep_by_id.find(c.rep);
            const store::Rep* rep_info = known == rep_by_id.end() ? nullptr : known->second;
            const std::string_view rep_name =
                rep_info ? std::string_view(rep_info->name) : std::string_view();
            const std::string_view rep_team =
                rep_info ? std::string_view(rep_info->team) : std::string_view();
            add_customer(row_for(reps, c.rep, quota_channels.size(), rep_name, rep_team), c);
            switch (options.by) {
            case By::rep:
                add_customer(row_for(rows, c.rep, quota_channels.size(), rep_name, rep_team), c);
                break;
            case By::customer:
                add_customer(row_for(rows, c.code, quota_channels.size(), c.name, rep_team), c);
                break;
            case By::tier:
                add_customer(row_for(rows, c.tier, quota_channels.size(), rules.tier(c.tier)->label, ""), c);
                break;
            case By::team:
                add_customer(row_for(rows, c.team.empty() ? "-" : c.team, quota_channels.size(), "", ""), c);
                break;
            }
        }
        report.summary.customers += month.summary.customers;
        for (size_t s = 0; s < 4; ++s)
            report.summary.by_status[s] += month.summary.by_status[s];
        report.summary.required += month.summary.required;
        report.summary.done_capped += month.summary.done_capped;
        report.months.push_back(std::move(part));
    }
    report.summary.score = report.summary.required == 0
                               ? 1.0
                               : static_cast<double>(report.summary.done_capped) / report.summary.required;
    report.reps = ranked(reps);
    report.rows = ranked(rows);

    std::map<std::string, OccasionRow> by_kind;
    for (const auto& o : obligations) {
        // Kept or not: done ones, and those whose window has closed.
        if (!in_scope_customers.contains(o.customer_id) || o.state == occasions::State::open ||
            o.state == occasions::State::upcoming)
            continue;
        OccasionRow& r = by_kind[o.kind];
        r.kind = o.kind;
        r.name = o.name;
        r.rule = o.rule;
        r.by_state[static_cast<size_t>(o.state)]++;
        r.total++;
        if (o.state == occasions::State::missed || o.state == occasions::State::overdue)
            report.missed.push_back(o);
    }
    for (auto& [kind, row] : by_kind)
        report.occasions.push_back(std::move(row));
    report.quality.voided = std::move(lists.voided);
    report.quality.voided_count = lists.voided_count;
    return report;
}

} // namespace keqing::report
