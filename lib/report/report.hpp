// The manager's compliance report for one month or a range of months: summary per tier, rankings with
// per-channel attainment, tier × channel, occasions kept and missed, rep goals, checklist completeness,
// the trend, and data-quality flags. Every number comes from the same engine as check-quota.
#pragma once

#include "compliance/goals.hpp"
#include "followups/complaints.hpp"
#include "occasions/obligations.hpp"
#include "report/goal_list.hpp"
#include "report/missed.hpp"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace keqing::report {

// sum(min(done, required)) over sum(required).
struct Attainment {
    int required = 0;
    int done = 0; // capped per customer and channel
    double rate() const { return compliance::score(done, required); }
    void add(int d, int r) {
        done += std::min(d, r);
        required += r;
    }
};

// One row of a breakdown (a rep, customer, tier or team) over the report's months.
struct Row {
    std::string key;
    std::string label; // customer name, rep name …
    std::string team;
    int customer_months = 0;
    std::array<int, 4> by_status{};   // customer-months per compliance::Status
    std::vector<Attainment> channels; // like Report::channels
    Attainment total;
    int rank = 0;
};

// A month of the trend.
struct MonthPart {
    core::Month month;
    core::Date as_of;
    compliance::Summary summary;
    std::vector<Attainment> channels;
    GoalList goals; // its rep goals, compactly: goals.goals() gives them whole
};

// Obligations of one kind over the range.
struct OccasionRow {
    std::string kind;
    std::string name;
    std::string rule;
    std::array<int, occasions::kStates> by_state{}; // per occasions::State
    int total = 0;
};

enum class By { rep, customer, tier, team, stage };
std::string_view to_string(By by);

struct Options {
    core::Month from;
    core::Month to;
    core::Date as_of;
    By by = By::rep;
    std::string team; // restrict to one team's reps; empty: everyone
};

struct Report {
    Options options;
    std::vector<std::string> channels;                 // quota channel ids, in rules order
    std::vector<MonthPart> months;                     // the trend, oldest first
    compliance::Summary summary;                       // over all customer-months
    std::vector<std::string> tiers;                    // tier ids
    std::vector<std::array<int, 4>> tier_status;       // customer-months per tier and status
    std::vector<std::vector<Attainment>> tier_channel; // tier × channel
    std::vector<Row> reps;                             // ranking: best score first
    std::vector<Row> rows;                             // the --by breakdown
    std::vector<OccasionRow> occasions;
    MissedList missed; // obligations missed or overdue, for follow-up
    compliance::Quality quality;
    std::vector<followups::Counts> followup_counts;  // per owner rep, then everyone (rep "")
    std::vector<store::FollowUp> followups_overdue;  // open and past due at min(as_of, the range's end)
    std::vector<followups::Stepped> complaints_open; // complaints open then, with their age, by due day
};

// Builds the report; each month is evaluated as of min(as_of, its last day).
Result<Report> build_report(store::Store& store, const rules::Rules& rules, const Options& options);

class CustomerRows; // report/customer_rows.hpp

// Adds evaluated months up into a report, with no store: build_report reads, this adds.
class Accumulator {
  public:
    // `reps` name and place the reps in rows; the rules give the channels and tiers.
    Accumulator(const rules::Rules& rules, const Options& options, std::vector<store::Rep> reps);
    ~Accumulator();
    // For By::stage: the customers' stage histories (roster/stages.hpp), by customer id; a customer-month
    // goes to the stage in effect on its as-of day (the month's end, or as-of within it).
    void set_stages(std::unordered_map<int64_t, std::vector<store::HistoryEntry>> stages) {
        stages_ = std::move(stages);
    }
    // One evaluated month and its rep goals, in month order.
    void add_month(compliance::MonthResult&& month, std::vector<compliance::RepGoals>&& goals);
    // Some of the range's obligations (kept and missed count only closed windows of customers in `scope`, a
    // sorted list: `in_scope()` once the last month is added; the month's customers while it is being added,
    // on another thread — this touches nothing add_month does): counted, the missed and overdue ones kept.
    void add_obligations(const std::vector<occasions::Obligation>& obligations,
                         const std::vector<int64_t>& scope);
    // The customers listed in some month so far, sorted: only their obligations count.
    const std::vector<int64_t>& in_scope() const;
    // The voided contacts; then rankings and the score.
    Report finish(store::Voided&& voided);
    // Data-quality findings of a pass over contacts (counts add up, lists go on up to the limit).
    void add_findings(compliance::Quality&& findings);

    Accumulator(const Accumulator&) = delete;
    Accumulator& operator=(const Accumulator&) = delete;

  private:
    void name_teams();
    void add_customer(const compliance::CustomerResult& c, MonthPart& part);

    const rules::Rules& rules_;
    Report report_;
    std::vector<int> quota_channels_;
    std::vector<store::Rep> all_reps_;
    std::unordered_map<std::string_view, const store::Rep*> rep_by_id_; // into all_reps_
    std::unordered_map<std::string, Row> reps_, rows_;                  // by key
    std::unique_ptr<CustomerRows> customers_;                           // By::customer's rows
    std::vector<int64_t> in_scope_;              // customers listed in some month, sorted
    std::map<std::string, OccasionRow> by_kind_; // obligations counted
    std::unordered_map<int64_t, std::vector<store::HistoryEntry>> stages_; // By::stage
};

} // namespace keqing::report
