// Report assembly: one evaluate_month per month (as check-quota does), aggregated into rows, tiers and
// the trend; obligations over the range; goals per month; data-quality flags from the store.
#include "report/report.hpp"

#include "core/i18n.hpp"

#include "compliance/activity.hpp"
#include "report/customer_rows.hpp"
#include "roster/stages.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <deque>
#include <functional>
#include <iterator>
#include <mutex>
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
void add_findings(compliance::Quality& into, compliance::Quality&& part, size_t limit) {
    into.late_count += part.late_count;
    for (auto& k : part.late)
        if (into.late.size() < limit) into.late.push_back(std::move(k));
    into.duplicate_count += part.duplicate_count;
    for (auto& d : part.duplicates)
        if (into.duplicates.size() < limit) into.duplicates.push_back(std::move(d));
    for (auto& b : part.busy_days)
        if (into.busy_days.size() < limit) into.busy_days.push_back(std::move(b));
}

// The rows best first (then by key, which is unique: the order is total). What is sorted is each row's rate
// and where the row is, so that a row (three strings and a vector) is moved once, not at every step.
std::vector<Row> ranked(Rows& rows) {
    struct Place {
        double rate;
        Row* row;
    };
    std::vector<Place> order;
    order.reserve(rows.size());
    for (auto& [key, row] : rows)
        order.push_back({row.total.rate(), &row});
    std::sort(order.begin(), order.end(), [](const Place& a, const Place& b) {
        return a.rate != b.rate ? a.rate > b.rate : a.row->key < b.row->key;
    });
    std::vector<Row> out;
    out.reserve(order.size());
    for (const Place& p : order)
        out.push_back(std::move(*p.row));
    return out;
}

// Ranks rows in rank order: equal rates share the better rank.
std::vector<Row> with_ranks(std::vector<Row> rows) {
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].rank = i > 0 && rows[i].total.rate() == rows[i - 1].total.rate() ? rows[i - 1].rank
                                                                                 : static_cast<int>(i) + 1;
    return rows;
}

} // namespace

std::string_view to_string(By by) {
    switch (by) {
    case By::rep:
        return N_("rep");
    case By::customer:
        return N_("customer");
    case By::tier:
        return N_("tier");
    case By::team:
        return N_("team");
    case By::stage:
        return N_("stage");
    }
    return "?";
}

Accumulator::Accumulator(const rules::Rules& rules, const Options& options, std::vector<store::Rep> reps)
    : rules_(rules), quota_channels_(rules.quota_channels()), all_reps_(std::move(reps)) {
    report_.options = options;
    for (const int c : quota_channels_)
        report_.channels.push_back(rules.channels[static_cast<size_t>(c)].id);
    for (const auto& t : rules.tiers)
        report_.tiers.push_back(t.id);
    report_.tier_status.assign(rules.tiers.size(), {});
    report_.tier_channel.assign(rules.tiers.size(), std::vector<Attainment>(quota_channels_.size()));
    for (const auto& r : all_reps_)
        rep_by_id_[r.id] = &r;
    if (options.by == By::customer) customers_ = std::make_unique<CustomerRows>(quota_channels_.size());
}

Accumulator::~Accumulator() = default;

void Accumulator::add_findings(compliance::Quality&& findings) {
    report::add_findings(report_.quality, std::move(findings), kListLimit);
}

void Accumulator::add_customer(const compliance::CustomerResult& c, MonthPart& part) {
    const size_t channels = quota_channels_.size();
    const auto tier = static_cast<size_t>(rules_.tier_index(c.tier));
    report_.tier_status[tier][static_cast<size_t>(c.status)]++;
    for (size_t k = 0; k < c.channels.size(); ++k) {
        part.channels[k].add(c.channels[k].done, c.channels[k].required);
        report_.tier_channel[tier][k].add(c.channels[k].done, c.channels[k].required);
    }
    const auto known = rep_by_id_.find(c.rep);
    const store::Rep* rep = known == rep_by_id_.end() ? nullptr : known->second;
    const std::string_view rep_name = rep ? std::string_view(rep->name) : std::string_view();
    const std::string_view rep_team = rep ? std::string_view(rep->team) : std::string_view();
    report::add_customer(row_for(reps_, c.rep, channels, rep_name, rep_team), c);
    switch (report_.options.by) {
    case By::rep:
        report::add_customer(row_for(rows_, c.rep, channels, rep_name, rep_team), c);
        break;
    case By::customer:
        customers_->add(c, rep);
        break;
    case By::tier:
        report::add_customer(row_for(rows_, c.tier, channels, rules_.tier(c.tier)->label, ""), c);
        break;
    case By::team:
        report::add_customer(row_for(rows_, c.team.empty() ? "-" : c.team, channels, "", ""), c);
        break;
    case By::stage: {
        const auto found = stages_.find(c.id);
        const auto entry =
            found == stages_.end() ? std::nullopt : roster::stage_on(found->second, part.as_of);
        const std::string key = entry ? entry->value : "-";
        report::add_customer(row_for(rows_, key, channels, entry ? roster::stage_name(rules_, key) : "", ""),
                             c);
        break;
    }
    }
}

void Accumulator::add_month(compliance::MonthResult&& month, std::vector<compliance::RepGoals>&& goals) {
    add_findings(std::move(month.activity.findings));
    MonthPart part{month.month, month.as_of, month.summary, std::vector<Attainment>(quota_channels_.size()),
                   GoalList(goals, month.month != report_.options.to)}; // the last is read after no other
    std::vector<compliance::RepGoals>().swap(goals);
    if (customers_ && report_.months.empty()) customers_->reserve(month.customers.size());
    std::vector<int64_t> ids;
    ids.reserve(month.customers.size());
    for (const auto& c : month.customers) {
        add_customer(c, part);
        ids.push_back(c.id);
    }
    // The customers in scope, as one sorted list (a hash set of 200,000 ids took five times the room).
    std::sort(ids.begin(), ids.end());
    std::vector<int64_t> merged;
    merged.reserve(in_scope_.size() + ids.size());
    std::set_union(in_scope_.begin(), in_scope_.end(), ids.begin(), ids.end(), std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    merged.shrink_to_fit();
    in_scope_ = std::move(merged);
    compliance::Summary& total = report_.summary;
    total.customers += month.summary.customers;
    for (size_t s = 0; s < 4; ++s)
        total.by_status[s] += month.summary.by_status[s];
    total.required += month.summary.required;
    total.done_capped += month.summary.done_capped;
    report_.months.push_back(std::move(part));
}

// A team's row is named by its reps in the report (by id): "王强、李娜".
void Accumulator::name_teams() {
    for (Row& team : report_.rows) {
        std::vector<const Row*> members;
        for (const Row& rep : report_.reps)
            if (rep.team == team.key || (team.key == "-" && rep.team.empty())) members.push_back(&rep);
        std::sort(members.begin(), members.end(), [](const Row* a, const Row* b) { return a->key < b->key; });
        team.label.clear();
        for (const Row* rep : members)
            team.label += (team.label.empty() ? "" : "、") + (rep->label.empty() ? rep->key : rep->label);
    }
}

void Accumulator::add_obligations(const std::vector<occasions::Obligation>& obligations,
                                  const std::vector<int64_t>& scope) {
    for (const auto& o : obligations) {
        // Kept or not: done ones, and those whose window has closed.
        if (!std::binary_search(scope.begin(), scope.end(), o.customer_id) ||
            o.state == occasions::State::open || o.state == occasions::State::upcoming)
            continue;
        OccasionRow& r = by_kind_[o.kind];
        if (r.total == 0) { // a kind's name and rule are its rule's
            r.kind = o.kind;
            r.name = o.name;
            r.rule = o.rule;
        }
        r.by_state[static_cast<size_t>(o.state)]++;
        r.total++;
        if (o.state == occasions::State::missed || o.state == occasions::State::overdue)
            report_.missed.add(o);
    }
}

const std::vector<int64_t>& Accumulator::in_scope() const {
    return in_scope_;
}

Report Accumulator::finish(store::Voided&& voided) {
    compliance::Summary& total = report_.summary;
    total.score = compliance::score(total.done_capped, total.required);
    report_.reps = with_ranks(ranked(reps_));
    report_.rows = with_ranks(customers_ ? customers_->take_ranked() : ranked(rows_));
    if (report_.options.by == By::team) name_teams();
    report_.missed.sort();
    for (auto& [kind, row] : by_kind_)
        report_.occasions.push_back(std::move(row));
    report_.quality.voided = std::move(voided.first);
    report_.quality.voided_count = voided.count;
    return std::move(report_);
}

namespace {

// Hands whole free pages inside the heap back to the system after each month. What a month's evaluation
// freed below what is still held (its goals' maps, say) stays resident until something reuses it, and
// the next month's biggest arrays are mapped afresh: at 200,000 customers that counted 10–15 MB twice at
// the next month's peak (glibc's malloc_trim; a few milliseconds).
void release_free_memory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

Result<void> check_options(const Options& options) {
    if (options.to < options.from)
        return usage_error("--from {} is after --to {}; give the earlier month first", options.from.iso(),
                           options.to.iso());
    int month_count = 0;
    for (core::Month m = options.from; m <= options.to; m = m.next())
        ++month_count;
    if (month_count > 36) return usage_error("a report covers at most 36 months; narrow --from/--to");
    return {};
}

// The range [first, last]'s obligations a month and a kind at a time (a month's festivals, then its personal
// occasions; both connections of the shared read take the next one as they finish), each a slice at a time,
// counted and the missed ones kept as they come: the whole range's at once held every festival, birthday and
// anniversary of every customer for all its months (at 200,000 customers, most of the report's memory). The
// order they come in does not matter: the missed list is sorted at the end.
class ObligationReads {
  public:
    // `customers`: those in scope, sorted (held by the caller until the reads are done).
    ObligationReads(const rules::Rules& rules, const Options& options, core::Date first, core::Date last,
                    const std::vector<int64_t>& customers, Accumulator& sum)
        : rules_(rules), as_of_(options.as_of), customers_(customers), sum_(sum) {
        if (last < first) return;
        const core::Date reference = occasions::Part::whole(first, last, options.as_of).reference;
        for (core::Month m = options.from; m <= options.to; m = m.next()) {
            const core::Date from = std::max(first, m.first()), to = std::min(last, m.last());
            if (from <= to) parts_.push_back({first, from, to, reference});
        }
    }

    // Reads the next month and kind on `from` until none is left (on either connection, or both at once).
    Result<void> work(store::Store& from) {
        const occasions::Take take = [&](std::vector<occasions::Obligation>& slice) {
            const std::lock_guard<std::mutex> lock(adding_);
            sum_.add_obligations(slice, customers_);
        };
        for (size_t at = next_++; at < kKinds.size() * parts_.size(); at = next_++)
            KQ_CHECK(occasions::each_obligation(from, rules_, parts_[at / kKinds.size()], as_of_, customers_,
                                                take, kKinds[at % kKinds.size()]));
        return {};
    }
    // work() as one connection's share of a shared read (store::SharedRead::run).
    std::function<Result<void>(store::Store&)> worker() {
        return [this](store::Store& from) { return work(from); };
    }

  private:
    static constexpr std::array kKinds{occasions::Which::festivals, occasions::Which::birthdays,
                                       occasions::Which::events, occasions::Which::openings};
    const rules::Rules& rules_;
    const core::Date as_of_;
    const std::vector<int64_t>& customers_;
    Accumulator& sum_;
    std::vector<occasions::Part> parts_;
    std::atomic<size_t> next_{0};
    std::mutex adding_;
};

// The sorted ids of a month's customers (its in-scope list, for a one-month report).
std::vector<int64_t> customer_ids(const std::vector<store::MonthCustomer>& customers) {
    std::vector<int64_t> ids;
    ids.reserve(customers.size());
    for (const auto& c : customers)
        ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

Result<Report> build_report(store::Store& store, const rules::Rules& rules, const Options& options) {
    KQ_CHECK(check_options(options));
    KQ_TRY(std::vector<store::Rep> all_reps, store.list_reps());
    if (!options.team.empty() && std::none_of(all_reps.begin(), all_reps.end(),
                                              [&](const store::Rep& r) { return r.team == options.team; }))
        return data_error("unknown team '{}' for --team; teams are set with `roster rep add ID --team T`",
                          options.team);
    Accumulator sum(rules, options, std::move(all_reps));

    const compliance::Scope scope = options.team.empty()
                                        ? compliance::Scope{}
                                        : compliance::Scope{compliance::Scope::Kind::team, options.team};
    // Everyone's data-quality findings come from each month's pass over its contacts; a team's from one
    // pass over the contacts its reps logged (below).
    const compliance::FindingRules finding_rules{rules.late_after_days, rules.max_visits_per_day, kListLimit,
                                                 rules.in_person_channels(), rules.same_day_limits()};
    const core::Date first = options.from.first();
    const core::Date last = std::min(options.as_of, options.to.last());
    store::Voided voided;
    std::vector<store::FollowUp> followup_items;
    std::vector<store::FollowUpStep> steps;
    auto read_range = [&](store::Store& from) -> Result<void> {
        if (last < first) return {};
        KQ_TRY(followup_items, from.followups_of(first, last, compliance::filter_of(scope)));
        KQ_TRY(steps, from.followup_steps(0));
        KQ_TRY(voided, from.voided_contacts(first, last, kListLimit, options.team));
        if (!options.team.empty()) {
            KQ_TRY(compliance::Activity team,
                   compliance::activity(from, first, last, {rules.count_late, rules.late_after_days},
                                        {store::Scope::Kind::team, options.team}, &finding_rules));
            sum.add_findings(std::move(team.findings));
        }
        return {};
    };
    // Every read sees one snapshot. For everyone, each month's pass over the contacts runs beside the
    // reads of its customers (and, with the first month, the range's follow-ups and flagged contacts); the
    // range's obligations are read after the last month, once its customers are known.
    store::SharedRead read(store);
    KQ_CHECK(read.begin());
    if (options.by == By::stage) {
        KQ_TRY(auto stages, roster::stage_histories(store, compliance::filter_of(scope)));
        sum.set_stages(std::move(stages));
    }
    const bool everyone = compliance::reads_everyone(scope);
    if (!everyone) KQ_CHECK(read_range(store));
    bool obligations_read = false;
    for (core::Month m = options.from; m <= options.to; m = m.next()) {
        const core::Date as_of = std::min(options.as_of, m.last());
        compliance::MonthReads how;
        how.read = &read;
        if (everyone) {
            how.findings = &finding_rules;
            if (m == options.from) how.beside = {read_range};
        }
        const auto add_month = [&](store::Store& from, compliance::MonthResult& month) -> Result<void> {
            KQ_TRY(std::vector<compliance::RepGoals> goals, compliance::evaluate_goals(from, rules, month));
            // The tallies have been counted and the goals read from them: freed before the rows are built
            // (at 200,000 customers they are a sixth of the peak).
            compliance::Tallies().swap(month.activity.tallies);
            sum.add_month(std::move(month), std::move(goals));
            return {};
        };
        if (options.from == options.to && read.side_by_side()) {
            // One month: its customers are the scope, so its obligations are read on the second connection
            // while this one evaluates the month, reads the goals and adds the month up; then on both.
            KQ_TRY(compliance::MonthData data,
                   compliance::read_month_data(store, rules, m, as_of, scope, how));
            const std::vector<int64_t> ids = customer_ids(data.customers);
            ObligationReads obligations(rules, options, first, last, ids, sum);
            const auto here = [&](store::Store& from) -> Result<void> {
                KQ_TRY(compliance::MonthResult month,
                       compliance::evaluate(rules, m, as_of, scope, std::move(data.customers),
                                            std::move(data.activity)));
                KQ_CHECK(add_month(from, month));
                return obligations.work(from);
            };
            KQ_CHECK(read.run(here, obligations.worker()));
            obligations_read = true;
        } else {
            KQ_TRY(compliance::MonthResult month, compliance::read_month(store, rules, m, as_of, scope, how));
            KQ_CHECK(add_month(store, month));
        }
        if (options.from != options.to) release_free_memory(); // a range: before the next month's reads
    }
    if (!obligations_read) {
        ObligationReads obligations(rules, options, first, last, sum.in_scope(), sum);
        KQ_CHECK(read.run(obligations.worker(), obligations.worker()));
    }
    if (options.from != options.to)
        release_free_memory(); // the obligations' slices, before the rows are made
    Report report = sum.finish(std::move(voided));
    report.followup_counts = followups::count(followup_items, first, last, last);
    report.complaints_open = followups::stepped_of(rules, followup_items, steps, last, true);
    for (auto& f : followup_items)
        if (followups::is_open(f, last) && followups::state_on(f, last) == followups::State::overdue)
            report.followups_overdue.push_back(std::move(f));
    return report;
}

} // namespace keqing::report
