// One pass over a range's contacts, as the store streams them from its covering index
// (Store::scan_contacts): sums them into tallies per customer, rep and channel and, when asked, finds the
// late, duplicated and busy-day ones. The store reads rows; this judges them.
#pragma once

#include "compliance/tally.hpp"
#include "core/id_map.hpp"
#include "core/result.hpp"
#include "store/scan_store.hpp"

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace keqing::compliance {

using store::Contact;
using store::ContactFacts;

// Adds contacts up. Tallies need no order, but are cheapest with each customer's contacts together (the
// order of the contacts_month index: month, customer, channel, day, rep). For the findings, contacts of
// the same day, customer and channel must come together, their reps in order, and months one after
// another — both that index order and (day, customer, channel, rep) order do.
class ActivityBuilder {
    static std::array<uint32_t, 4096> filled(uint32_t value) {
        std::array<uint32_t, 4096> out;
        out.fill(value);
        return out;
    }

  public:
    // `first_id`: no customer id below it comes (a part of a split pass): the tallies' map starts there.
    ActivityBuilder(CountPolicy policy, const FindingRules* findings, int64_t first_id = 0);

    void add(const ContactFacts& contact);
    // Takes in a builder that added up the next customers of the same month (a later part of a pass split by
    // customer ids, compliance::SplitPass): finish() then makes what one builder given both parts' contacts
    // in turn would. Nothing may be added after.
    void join(ActivityBuilder&& later);
    // The tallies (in the order their first contacts came) and findings: busy days by day and rep, cut to
    // the limit; the duplicates that can make the list (those of the days up to the limit's, see
    // cut_duplicates), with their customers' ids but no codes; the first late contacts by day and id, with
    // only their ids and days filled (activity() reads them whole).
    Activity finish();

  private:
    uint32_t channel_index(std::string_view channel);
    uint32_t rep_index(std::string_view rep);
    void add_tally(const ContactFacts& contact, uint32_t channel, uint32_t rep);
    static void count(Tally& tally, int64_t flags);
    void check(const ContactFacts& contact, uint32_t channel, uint32_t rep);
    void close_group();
    void close_month();
    void keep_late(std::string_view day, int64_t id);
    void prune_duplicates();

    CountPolicy policy_;
    const FindingRules* findings_;
    int64_t first_id_ = 0;
    std::vector<std::string> channels_;
    std::vector<bool> in_person_;     // per channel index: one of findings_->in_person
    std::vector<int> same_day_limit_; // per channel index: from findings_->same_day_limits
    std::vector<std::string> reps_;
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> rep_ids_;
    uint32_t last_rep_ = UINT32_MAX;
    std::array<uint32_t, 4096> recent_ = filled(UINT32_MAX); // rep_index's cache

    // Tallies, chained per customer: first_[customer] → index, next_[index] → the customer's next one.
    Tallies tallies_;
    std::vector<uint32_t> next_;
    core::IdMap<uint32_t> first_;
    uint32_t last_tally_ = UINT32_MAX; // the tally the last contact added to

    // The current (day, customer, channel) group, for duplicates.
    std::string day_;
    int64_t group_customer_ = -1;
    uint32_t group_channel_ = 0;
    int group_count_ = 0;
    std::vector<uint32_t> group_reps_;
    // Visits per rep and day of the current month, for busy days.
    std::string month_;
    std::vector<std::array<int, 31>> visits_;
    std::vector<BusyDay> busy_;
    // (day, id) of the first late contacts by day and id, at most the limit: a max-heap (keep_late).
    std::vector<std::pair<std::string, int64_t>> late_;
    // The duplicates found, by index (named in finish()); only the ones that can still make the list are
    // kept (prune_duplicates), their reps in duplicate_reps_[reps_from, reps_to).
    struct Found {
        int64_t customer_id;
        core::Date date;
        uint32_t channel;
        int count;
        uint32_t reps_from, reps_to;
    };
    std::vector<Found> duplicates_;
    std::vector<uint32_t> duplicate_reps_;
    Quality found_;
};

// The findings of a pass once its builder has finished: its first late contacts read whole, its duplicates
// cut to the limit and named.
Result<void> complete_findings(store::ScanStore& store, core::Date from, core::Date to,
                               const FindingRules& rules, Quality& found);

// Sorts a pass's duplicates by day, customer id and channel, and keeps the first `limit` of them and
// any others of the same last day: the ones that can make the list once named. The caller names them,
// sorts them by day, code and channel and cuts the list to `limit`.
void cut_duplicates(std::vector<Duplicate>& duplicates, int limit);
// Then gives them their customers' codes, orders them by day, code and channel and cuts them to `limit`.
void name_duplicates(std::vector<Duplicate>& duplicates,
                     const std::unordered_map<int64_t, std::string>& codes, int limit);

// One pass over the contacts of [from, to] in `scope`, voided ones left out: the tallies of those that count
// under `policy` and, when `findings` is given, the late ones (all counted, the first listed by day, read
// whole), the duplicates (named, by day, code and channel) and the busy days among them, each list cut to
// the limit.
Result<Activity> activity(store::ScanStore& store, core::Date from, core::Date to, CountPolicy policy,
                          const store::Scope& scope, const FindingRules* findings = nullptr);

} // namespace keqing::compliance
