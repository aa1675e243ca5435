// The parts of a split pass: ranges of customer ids taken in turn from an atomic counter, each scanned by
// the taker's connection into its own builder; joined in range order, which is the index's order.
#include "compliance/split_pass.hpp"

namespace keqing::compliance {

SplitPass::SplitPass(core::Date from, core::Date to, CountPolicy policy, const FindingRules* findings,
                     std::pair<int64_t, int64_t> ids, size_t parts)
    : from_(from), to_(to), policy_(policy), findings_(findings) {
    options_.findings = findings != nullptr;
    // As activity() reads everyone's: late contacts that do not count are left out by the store.
    if (!findings && !policy.count_late) options_.max_lag = policy.late_after_days;
    if (to < from || ids.second < ids.first) return;
    if (parts <= 1) { // the one pass, as activity() reads it
        ranges_.emplace_back(std::nullopt);
        builders_.resize(1);
        return;
    }
    // Ranges of step or step + 1 ids (the first `longer` ones), without a product that could overflow.
    const auto count = static_cast<int64_t>(parts);
    const int64_t width = ids.second - ids.first + 1, step = width / count, longer = width % count;
    for (int64_t k = 0, first = ids.first; k < count; ++k) {
        const int64_t size = step + (k < longer ? 1 : 0);
        if (size > 0) ranges_.emplace_back(std::pair{first, first + size - 1});
        first += size;
    }
    builders_.resize(ranges_.size());
}

Result<void> SplitPass::work(store::ScanStore& store) {
    while (true) {
        const size_t k = next_.fetch_add(1);
        if (k >= ranges_.size()) return {};
        auto builder =
            std::make_unique<ActivityBuilder>(policy_, findings_, ranges_[k] ? ranges_[k]->first : 0);
        store::ScanOptions options = options_;
        options.customers = ranges_[k];
        KQ_CHECK(
            store.scan_contacts(from_, to_, {}, options, [&](const ContactFacts& c) { builder->add(c); }));
        {
            const std::lock_guard<std::mutex> lock(ready_);
            builders_[k] = std::move(builder);
        }
        join_ready();
    }
}

void SplitPass::join_ready() {
    const std::unique_lock<std::mutex> joining(joining_, std::try_to_lock);
    if (!joining.owns_lock()) return; // the other connection joins; what it leaves, finish() does
    while (true) {
        ActivityBuilder* next = nullptr;
        {
            const std::lock_guard<std::mutex> lock(ready_);
            if (!builders_.front() || joined_ + 1 >= builders_.size() || !builders_[joined_ + 1]) return;
            next = builders_[joined_ + 1].get();
        }
        builders_.front()->join(std::move(*next));
        const std::lock_guard<std::mutex> lock(ready_);
        builders_[++joined_].reset();
    }
}

Result<Activity> SplitPass::finish(store::ScanStore& store) {
    if (ranges_.empty()) return Activity{};
    // Both connections are done: the parts not yet joined, in order — all of them, unless one was not read.
    join_ready();
    if (!builders_.front() || joined_ + 1 != builders_.size())
        return db_error("internal error while reading: {}; please report it", "a part not read");
    Activity out = builders_.front()->finish();
    builders_.front().reset();
    if (findings_) KQ_CHECK(complete_findings(store, from_, to_, *findings_, out.findings));
    return out;
}

} // namespace keqing::compliance
