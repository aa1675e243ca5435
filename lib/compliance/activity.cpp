// The one-pass accumulator: tallies chained per customer (no ordering needed), and the day-level checks
// — duplicates as runs of equal (day, customer, channel), busy days as visits per rep within a day —
// on rows in index order.
#include "compliance/activity.hpp"

#include <algorithm>
#include <tuple>

namespace keqing::compliance {

ActivityBuilder::ActivityBuilder(CountPolicy policy, const FindingRules* findings, int64_t first_id)
    : policy_(policy), findings_(findings), first_id_(first_id) {}

uint32_t ActivityBuilder::channel_index(std::string_view channel) {
    for (size_t i = 0; i < channels_.size(); ++i)
        if (channels_[i] == channel) return static_cast<uint32_t>(i);
    channels_.emplace_back(channel);
    in_person_.push_back(findings_ && std::find(findings_->in_person.begin(), findings_->in_person.end(),
                                                channel) != findings_->in_person.end());
    int limit = 1;
    if (findings_)
        for (const auto& [id, n] : findings_->same_day_limits)
            if (id == channel) limit = n;
    same_day_limit_.push_back(limit);
    return static_cast<uint32_t>(channels_.size() - 1);
}

uint32_t ActivityBuilder::rep_index(std::string_view rep) {
    if (last_rep_ < reps_.size() && reps_[last_rep_] == rep)
        return last_rep_; // a customer's contacts come together
    // Then a small cache by a cheap hash of the id (FNV-1a), then the map.
    uint32_t hash = 2166136261u;
    for (const char c : rep)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    const size_t slot = (hash ^ (hash >> 16)) % recent_.size();
    if (const uint32_t r = recent_[slot]; r < reps_.size() && reps_[r] == rep) return last_rep_ = r;
    uint32_t index = 0;
    if (const auto it = rep_ids_.find(rep); it != rep_ids_.end()) {
        index = it->second;
    } else {
        index = static_cast<uint32_t>(reps_.size());
        reps_.emplace_back(rep);
        rep_ids_.emplace(std::string(rep), index);
    }
    recent_[slot] = index;
    return last_rep_ = index;
}

void ActivityBuilder::add(const ContactFacts& c) {
    const uint32_t channel = channel_index(c.channel);
    const uint32_t rep = rep_index(c.rep);
    if (policy_.count_late || c.lag <= policy_.late_after_days) add_tally(c, channel, rep);
    if (findings_) check(c, channel, rep);
}

void ActivityBuilder::add_tally(const ContactFacts& c, uint32_t channel, uint32_t rep) {
    // Contacts come by customer and channel: most add to the tally the one before added to.
    if (last_tally_ < tallies_.size()) {
        Tally& t = tallies_[last_tally_];
        if (t.customer_id == c.customer_id && t.rep == rep && t.channel == channel) return count(t, c.flags);
    }
    auto [head, fresh] = first_.try_emplace(c.customer_id - first_id_);
    uint32_t at = fresh ? UINT32_MAX : *head;
    uint32_t last = UINT32_MAX;
    while (at != UINT32_MAX && (tallies_[at].rep != rep || tallies_[at].channel != channel)) {
        last = at;
        at = next_[at];
    }
    if (at == UINT32_MAX) {
        at = static_cast<uint32_t>(tallies_.size());
        tallies_.push_back(Tally{c.customer_id, rep, channel, 0, 0, 0, 0, 0, {}});
        next_.push_back(UINT32_MAX);
        if (fresh)
            *head = at;
        else
            next_[last] = at;
    }
    last_tally_ = at;
    count(tallies_[at], c.flags);
}

void ActivityBuilder::count(Tally& t, int64_t f) {
    t.count++;
    t.asked_help += (f >> 6) & 1;
    t.training += (f >> 7) & 1;
    t.solved += (f >> 8) & 1;
    if ((f & 63) == 63) t.complete++; // readers keep the in-person channels' (compliance/goals)
    for (size_t i = 0; i < 6; ++i)
        t.recorded[i] += static_cast<int>((f >> i) & 1);
}

void ActivityBuilder::check(const ContactFacts& c, uint32_t channel, uint32_t rep) {
    if (c.lag > findings_->late_after_days) {
        found_.late_count++;
        keep_late(c.day, c.id);
    }
    if (c.day != day_ || c.customer_id != group_customer_ || channel != group_channel_) {
        close_group();
        if (c.day.substr(0, 7) != month_) {
            close_month();
            month_.assign(c.day.substr(0, 7));
        }
        day_.assign(c.day);
        group_customer_ = c.customer_id;
        group_channel_ = channel;
    }
    group_count_++;
    if (std::find(group_reps_.begin(), group_reps_.end(), rep) == group_reps_.end())
        group_reps_.push_back(rep);
    if (in_person_[channel]) {
        if (visits_.size() <= rep) visits_.resize(reps_.size(), std::array<int, 31>{});
        const auto day_of_month = static_cast<size_t>((c.day[8] - '0') * 10 + (c.day[9] - '0'));
        visits_[rep][day_of_month - 1]++;
    }
}

void ActivityBuilder::join(ActivityBuilder&& later) {
    // Each part's groups are its own (a group is one customer's); its reps and channels are renumbered as
    // this builder would have met them, after its own.
    close_group();
    later.close_group();
    std::vector<uint32_t> rep_of, channel_of;
    for (const auto& rep : later.reps_)
        rep_of.push_back(rep_index(rep));
    for (const auto& channel : later.channels_)
        channel_of.push_back(channel_index(channel));
    for (Tally& t : later.tallies_) {
        t.rep = rep_of[t.rep];
        t.channel = channel_of[t.channel];
        tallies_.push_back(t);
    }
    Tallies().swap(later.tallies_);
    last_tally_ = UINT32_MAX; // the chains no longer hold every tally: nothing is added after a join
    found_.late_count += later.found_.late_count;
    found_.duplicate_count += later.found_.duplicate_count;
    for (const Found& d : later.duplicates_) {
        const auto from = static_cast<uint32_t>(duplicate_reps_.size());
        for (uint32_t r = d.reps_from; r < d.reps_to; ++r)
            duplicate_reps_.push_back(rep_of[later.duplicate_reps_[r]]);
        duplicates_.push_back(Found{d.customer_id, d.date, channel_of[d.channel], d.count, from,
                                    static_cast<uint32_t>(duplicate_reps_.size())});
    }
    prune_duplicates();
    for (const auto& [day, id] : later.late_)
        keep_late(day, id);
    // Busy days are a rep's visits of a day, wherever the customers: summed before they are judged.
    if (month_.empty()) month_ = later.month_;
    if (!later.visits_.empty() && visits_.size() < reps_.size())
        visits_.resize(reps_.size(), std::array<int, 31>{});
    for (size_t r = 0; r < later.visits_.size(); ++r)
        for (size_t d = 0; d < 31; ++d)
            visits_[rep_of[r]][d] += later.visits_[r][d];
}

void ActivityBuilder::close_group() {
    const int limit = group_count_ > 0 ? same_day_limit_[group_channel_] : 0;
    if (limit > 0 && group_count_ > limit) {
        found_.duplicate_count++;
        const auto date = core::parse_date(day_, "contact day");
        const auto from = static_cast<uint32_t>(duplicate_reps_.size());
        duplicate_reps_.insert(duplicate_reps_.end(), group_reps_.begin(), group_reps_.end());
        duplicates_.push_back(Found{group_customer_, date ? *date : core::Date{}, group_channel_,
                                    group_count_, from, static_cast<uint32_t>(duplicate_reps_.size())});
        if (duplicates_.size() >= 2 * static_cast<size_t>(std::max(findings_->limit, 1)) + 1024)
            prune_duplicates();
    }
    group_count_ = 0;
    group_reps_.clear();
}

// Only the duplicates of the first days can make the list (cut_duplicates keeps the first `limit` by day and
// every other of the last day kept): the ones of later days go, and their reps with them.
void ActivityBuilder::prune_duplicates() {
    const auto limit = static_cast<size_t>(std::max(findings_ ? findings_->limit : 0, 0));
    if (duplicates_.size() <= limit) return;
    std::vector<core::Date> days;
    days.reserve(duplicates_.size());
    for (const Found& d : duplicates_)
        days.push_back(d.date);
    core::Date last{};
    if (limit > 0) {
        std::nth_element(days.begin(), days.begin() + static_cast<std::ptrdiff_t>(limit - 1), days.end());
        last = days[limit - 1];
    }
    std::vector<Found> kept;
    std::vector<uint32_t> kept_reps;
    for (const Found& d : duplicates_) {
        if (limit == 0 || d.date > last) continue;
        const auto from = static_cast<uint32_t>(kept_reps.size());
        kept_reps.insert(kept_reps.end(), duplicate_reps_.begin() + d.reps_from,
                         duplicate_reps_.begin() + d.reps_to);
        kept.push_back(
            Found{d.customer_id, d.date, d.channel, d.count, from, static_cast<uint32_t>(kept_reps.size())});
    }
    duplicates_ = std::move(kept);
    duplicate_reps_ = std::move(kept_reps);
}

// The first `limit` late contacts by (day, id) seen so far stay in the heap; any other is only counted.
void ActivityBuilder::keep_late(std::string_view day, int64_t id) {
    const auto limit = static_cast<size_t>(std::max(findings_->limit, 0));
    if (limit == 0) return;
    if (late_.size() == limit) {
        const std::string_view worst_day = late_.front().first;
        const int64_t worst_id = late_.front().second;
        if (std::tie(worst_day, worst_id) < std::tie(day, id)) return;
        std::pop_heap(late_.begin(), late_.end());
        late_.pop_back();
    }
    late_.emplace_back(std::string(day), id);
    std::push_heap(late_.begin(), late_.end());
}

void ActivityBuilder::close_month() {
    for (uint32_t r = 0; r < visits_.size(); ++r) {
        for (size_t d = 0; d < 31; ++d) {
            if (visits_[r][d] > findings_->max_visits_per_day) {
                const auto date = core::parse_date(fmt::format("{}-{:02}", month_, d + 1), "contact day");
                busy_.push_back(BusyDay{reps_[r], date ? *date : core::Date{}, visits_[r][d]});
            }
        }
        visits_[r].fill(0);
    }
}

Activity ActivityBuilder::finish() {
    if (findings_) {
        close_group();
        close_month();
        std::sort(busy_.begin(), busy_.end(), [](const BusyDay& a, const BusyDay& b) {
            return std::tie(a.date, a.rep) < std::tie(b.date, b.rep);
        });
        if (static_cast<int>(busy_.size()) > findings_->limit)
            busy_.resize(static_cast<size_t>(findings_->limit));
        found_.busy_days = std::move(busy_);
        std::sort_heap(late_.begin(), late_.end());
        for (const auto& [day, id] : late_) {
            Contact& k = found_.late.emplace_back();
            k.id = id;
            k.date = core::parse_date(day, "contact day").value_or(core::Date{});
        }
        prune_duplicates();
        found_.duplicates.reserve(duplicates_.size());
        for (const Found& d : duplicates_) {
            std::string reps;
            for (uint32_t r = d.reps_from; r < d.reps_to; ++r)
                reps += (reps.empty() ? "" : ",") + reps_[duplicate_reps_[r]];
            found_.duplicates.push_back(
                Duplicate{d.customer_id, "", channels_[d.channel], d.date, d.count, std::move(reps)});
        }
    }
    Activity out;
    out.reps = std::move(reps_);
    out.channels = std::move(channels_);
    out.tallies = std::move(tallies_);
    out.findings = std::move(found_);
    return out;
}

void cut_duplicates(std::vector<Duplicate>& duplicates, int limit) {
    std::sort(duplicates.begin(), duplicates.end(), [](const Duplicate& a, const Duplicate& b) {
        return std::tie(a.date, a.customer_id, a.channel) < std::tie(b.date, b.customer_id, b.channel);
    });
    if (limit <= 0) {
        duplicates.clear();
        return;
    }
    if (static_cast<int>(duplicates.size()) <= limit) return;
    const core::Date last = duplicates[static_cast<size_t>(limit - 1)].date;
    auto end = std::find_if(duplicates.begin() + limit, duplicates.end(),
                            [&](const Duplicate& d) { return d.date > last; });
    duplicates.erase(end, duplicates.end());
}

void name_duplicates(std::vector<Duplicate>& duplicates,
                     const std::unordered_map<int64_t, std::string>& codes, int limit) {
    for (auto& d : duplicates)
        if (const auto code = codes.find(d.customer_id); code != codes.end()) d.customer_code = code->second;
    std::stable_sort(duplicates.begin(), duplicates.end(), [](const Duplicate& a, const Duplicate& b) {
        return std::tie(a.date, a.customer_code, a.channel) < std::tie(b.date, b.customer_code, b.channel);
    });
    if (static_cast<int>(duplicates.size()) > limit)
        duplicates.resize(static_cast<size_t>(std::max(limit, 0)));
}

// Late contacts that do not count are left out by the store when no findings need them.
Result<Activity> activity(store::ScanStore& store, core::Date from, core::Date to, CountPolicy policy,
                          const store::Scope& scope, const FindingRules* findings) {
    ActivityBuilder builder(policy, findings);
    store::ScanOptions options{findings != nullptr, std::nullopt};
    // A narrower scope reads its late contacts too (the builder leaves them uncounted), so that its ids
    // name every contact at its customers (read_done's test of a rep's own).
    const bool everyone = scope.kind == store::Scope::Kind::all;
    if (!findings && !policy.count_late && everyone) options.max_lag = policy.late_after_days;
    std::vector<int64_t> read;
    KQ_CHECK(store.scan_contacts(from, to, scope, options, [&](const ContactFacts& c) {
        builder.add(c);
        if (!everyone) read.push_back(c.id);
    }));
    Activity out = builder.finish();
    out.contact_ids = std::move(read);
    if (scope.kind == store::Scope::Kind::ids) {
        out.customer_ids = scope.ids;
        std::sort(out.customer_ids.begin(), out.customer_ids.end());
    }
    if (findings) KQ_CHECK(complete_findings(store, from, to, *findings, out.findings));
    return out;
}

Result<void> complete_findings(store::ScanStore& store, core::Date from, core::Date to,
                               const FindingRules& rules, Quality& found) {
    std::vector<int64_t> ids;
    for (const auto& k : found.late)
        ids.push_back(k.id);
    KQ_TRY(found.late, store.contacts_with_ids(from, to, ids));
    cut_duplicates(found.duplicates, rules.limit);
    ids.clear();
    for (const auto& d : found.duplicates)
        ids.push_back(d.customer_id);
    KQ_TRY(const auto codes, store.customer_codes(ids));
    name_duplicates(found.duplicates, codes, rules.limit);
    return {};
}

} // namespace keqing::compliance
