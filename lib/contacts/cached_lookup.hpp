// CachedLookup: an import's customers and reps, read before its rows and kept for them, so that an import
// costs one lookup in memory per row rather than one in the store — the customers named by code read a
// few thousand at a time (one round trip per batch, which is what a server backend pays for), or all of
// them in one pass when the file has about as many rows as there are customers. Customers are kept by the
// text naming them, with their rep history (for rows without a rep); both are found through flat indexes
// (core::StringIndex), and the rep of every history is kept once.
#pragma once

#include "contacts/validate.hpp"
#include "core/string_index.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace keqing::contacts {

class CachedLookup final : public Lookup {
  public:
    explicit CachedLookup(store::Store& store) : store_(store) {}

    // What must happen before a row's lookup reads the store (the batches handed to a writer stored).
    void before_store(std::function<Result<void>()> f) { before_store_ = std::move(f); }

    // Reads the customers whose code is one of `texts` (any other text is looked up when a row names it)
    // and every rep.
    Result<void> prefetch(const std::vector<std::string>& texts);
    // Reads every customer and every rep: for a file with about as many rows as there are customers, one
    // pass over the table costs less than finding each code the file names.
    Result<void> prefetch_all();

    Result<store::Customer> customer(const std::string& query, core::Date on) override;
    // Starts fetching what customer(query) will read (a row's customer, before the row is checked).
    void expect(std::string_view query) const { by_key_.prefetch(query); }
    Result<void> rep(const std::string& id) override;

  private:
    struct Entry {
        std::string key; // the text naming the customer: its code, unless a row named it otherwise
        int64_t id;
        std::string code; // when the key is not the code (empty: the key is; a smaller entry is a cache hit
                          // more often)
        std::optional<core::Date> opened_on, closed_on;
        // Its rep history, oldest first: the first assignment here (most customers have one, and reading
        // it from another array would be another cache miss per row), the others in history_[more …].
        struct Assigned {
            std::optional<core::Date> from;
            uint32_t rep = 0; // in names_
        } first = {};
        uint32_t histories = 0, more = 0;
    };

    Result<void> read_customers(const store::Scope& filter);
    Result<void> read_reps();
    // Keeps `e` under its key (replacing what the key had); returns its position in entries_.
    uint32_t keep(Entry e);
    // Appends a rep history entry (the entry's own are appended one after the other).
    void add_history(Entry& e, const store::HistoryEntry& h);
    // The position of `rep` in names_, added when new.
    uint32_t name(const std::string& rep);

    store::Store& store_;
    std::function<Result<void>()> before_store_ = [] { return Result<void>{}; };
    std::vector<Entry> entries_;
    core::StringIndex by_key_;
    std::vector<Entry::Assigned> history_;
    std::vector<std::string> names_; // the reps the histories name
    core::StringIndex by_name_;
    std::vector<std::string> reps_; // the reps that exist
    core::StringIndex by_rep_;
};

} // namespace keqing::contacts
