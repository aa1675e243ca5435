// One month's pass over everyone's contacts in parts by customer id, which both connections of a shared read
// (store::SharedRead) take in turn: each part a range of the contacts_month index added up by its own
// builder, the builders joined in order at the end into the Activity one pass would make (issue 23: the pass
// is most of check-quota --all's and the report's time, and the other connection's reads end long before it).
#pragma once

#include "compliance/activity.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace keqing::compliance {

class SplitPass {
  public:
    // The pass over [from, to] (one month) of the customers with ids in `ids` (Store::customer_id_span), in
    // at most `parts` ranges of ids; one part is the whole pass, as activity() reads it (ids unused).
    SplitPass(core::Date from, core::Date to, CountPolicy policy, const FindingRules* findings,
              std::pair<int64_t, int64_t> ids, size_t parts);

    // Adds up the parts no one has taken yet, one at a time, until none is left: both connections call it at
    // once, each with its own store.
    Result<void> work(store::ScanStore& store);
    // Once every part is added up: the parts joined in order, the findings completed through `store`.
    Result<Activity> finish(store::ScanStore& store);

  private:
    // Joins into the first part those after the last joined that are ready, in order, unless the other
    // connection is doing so: the joins overlap the other connection's parts instead of following them all.
    void join_ready();

    core::Date from_, to_;
    CountPolicy policy_;
    const FindingRules* findings_;
    store::ScanOptions options_;
    std::vector<std::optional<std::pair<int64_t, int64_t>>> ranges_; // none: the whole pass, in one part
    std::vector<std::unique_ptr<ActivityBuilder>> builders_; // per range, made by the one who takes it
    std::atomic<size_t> next_{0};
    std::mutex ready_;   // guards builders_ and joined_
    std::mutex joining_; // held while joining
    size_t joined_ = 0;  // the parts 1 … joined_ are in the first part's builder
};

} // namespace keqing::compliance
