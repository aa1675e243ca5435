// CachedLookup: an import's customers and reps read ahead and found in memory (see cached_lookup.hpp).
#include "contacts/cached_lookup.hpp"

#include "roster/lookup.hpp"

#include <algorithm>

namespace keqing::contacts {

Result<void> CachedLookup::prefetch(const std::vector<std::string>& texts) {
    constexpr size_t kBatch = 5000;
    entries_.reserve(texts.size());
    by_key_.reserve(texts.size());
    for (size_t start = 0; start < texts.size(); start += kBatch) {
        const auto end = texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), start + kBatch));
        KQ_CHECK(read_customers(
            store::Scope::of_codes({texts.begin() + static_cast<std::ptrdiff_t>(start), end})));
    }
    return read_reps();
}

Result<void> CachedLookup::prefetch_all() {
    KQ_CHECK(read_customers({}));
    return read_reps();
}

Result<store::Customer> CachedLookup::customer(const std::string& query, core::Date on) {
    uint32_t at = by_key_.find(query, [&](uint32_t i) -> const std::string& { return entries_[i].key; });
    if (at == core::StringIndex::npos) {
        KQ_CHECK(before_store_());
        KQ_TRY(store::Customer c, roster::resolve_customer(store_, query, on));
        KQ_TRY(std::vector<store::HistoryEntry> history, store_.rep_history(c.id));
        Entry e{query, c.id, c.code == query ? std::string() : std::move(c.code), c.opened_on, c.closed_on};
        for (const auto& h : history)
            add_history(e, h);
        at = keep(std::move(e));
    }
    // What validating a contact needs: id, code, active days and the rep on `on`.
    const Entry& e = entries_[at];
    store::Customer c;
    c.id = e.id;
    c.code = e.code.empty() ? e.key : e.code;
    c.opened_on = e.opened_on;
    c.closed_on = e.closed_on;
    if (e.histories > 0) {
        uint32_t rep = e.first.rep; // before every entry, the earliest applies
        for (uint32_t i = e.more; i < e.more + e.histories - 1; ++i)
            if (!history_[i].from || *history_[i].from <= on) rep = history_[i].rep;
        c.rep = names_[rep];
    }
    return c;
}

Result<void> CachedLookup::rep(const std::string& id) {
    if (by_rep_.find(id, [&](uint32_t i) -> const std::string& { return reps_[i]; }) !=
        core::StringIndex::npos)
        return {};
    KQ_CHECK(before_store_());
    KQ_TRY([[maybe_unused]] store::Rep rep, roster::require_rep(store_, id));
    by_rep_.add(id, static_cast<uint32_t>(reps_.size()));
    reps_.push_back(id);
    return {};
}

Result<void> CachedLookup::read_customers(const store::Scope& filter) {
    KQ_TRY(std::vector<store::CustomerKey> found, store_.customer_keys(filter));
    KQ_TRY(auto histories, store_.rep_histories(filter));
    // Each customer's history together, in the order read (oldest first): by customer id, then as read —
    // as the store reads them already (then a merge sort of 200,000 histories would only move each of them
    // a dozen times over: a tenth of a second before an import's first row).
    const auto by_customer = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(histories.begin(), histories.end(), by_customer))
        std::stable_sort(histories.begin(), histories.end(), by_customer);
    entries_.reserve(entries_.size() + found.size());
    by_key_.reserve(by_key_.size() + found.size());
    auto h = histories.begin();
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (auto& c : found) {
        Entry e{std::move(c.code), c.id, {}, c.opened_on, c.closed_on};
        while (h != histories.end() && h->first < c.id)
            ++h;
        for (; h != histories.end() && h->first == c.id; ++h)
            add_history(e, h->second);
        keep(std::move(e));
    }
    return {};
}

Result<void> CachedLookup::read_reps() {
    KQ_TRY(std::vector<store::Rep> reps, store_.list_reps());
    reps_.reserve(reps.size());
    by_rep_.reserve(reps.size());
    for (auto& r : reps) {
        by_rep_.add(r.id, static_cast<uint32_t>(reps_.size()));
        reps_.push_back(std::move(r.id));
    }
    return {};
}

uint32_t CachedLookup::keep(Entry e) {
    const uint32_t at =
        by_key_.find(e.key, [&](uint32_t i) -> const std::string& { return entries_[i].key; });
    if (at != core::StringIndex::npos) {
        entries_[at] = std::move(e);
        return at;
    }
    const auto added = static_cast<uint32_t>(entries_.size());
    by_key_.add(e.key, added);
    entries_.push_back(std::move(e));
    return added;
}

void CachedLookup::add_history(Entry& e, const store::HistoryEntry& h) {
    const Entry::Assigned assigned{h.from, name(h.value)};
    if (e.histories == 0) {
        e.first = assigned;
        e.more = static_cast<uint32_t>(history_.size());
    } else {
        history_.push_back(assigned);
    }
    ++e.histories;
}

uint32_t CachedLookup::name(const std::string& rep) {
    const uint32_t at = by_name_.find(rep, [&](uint32_t i) -> const std::string& { return names_[i]; });
    if (at != core::StringIndex::npos) return at;
    by_name_.add(rep, static_cast<uint32_t>(names_.size()));
    names_.push_back(rep);
    return static_cast<uint32_t>(names_.size() - 1);
}

} // namespace keqing::contacts
