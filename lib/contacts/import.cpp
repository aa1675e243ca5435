// Importing contacts from CSV: rows are streamed (the file is never held as records), customers and reps
// are cached, and everything is written in one transaction — all rows or none.
#include "contacts/validate.hpp"

#include "contacts/batch_writer.hpp"
#include "core/csv.hpp"
#include "core/json.hpp"
#include "core/limits.hpp"
#include "core/progress.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "output/history_view.hpp"
#include "roster/lookup.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace keqing::contacts {
namespace {

// The columns, as log-visit --list --format csv writes them: the first three required.
const std::vector<std::string> kRequired(output::kContactCsvColumns.begin(),
                                         output::kContactCsvColumns.begin() + 3);
const std::vector<std::string> kOptional(output::kContactCsvColumns.begin() + 3,
                                         output::kContactCsvColumns.end());

// Caches customers by the text naming them (and their rep history, for rows without a rep) and the
// known reps, so that an import costs one lookup per customer, not per row — and customers named by
// code, as well as the reps, are read before the rows are: a few thousand at a time (one round trip per
// batch rather than two per customer, which is what a server backend pays for), or all of them in one
// pass when the file has about as many rows as there are customers.
class CachedLookup final : public Lookup {
  public:
    explicit CachedLookup(store::Store& store) : store_(store) {}

    // What must happen before a row's lookup reads the store (the batches handed to a writer stored).
    void before_store(std::function<Result<void>()> f) { before_store_ = std::move(f); }

    // Reads the customers whose code is one of `texts` (any other text is looked up when a row names it)
    // and every rep.
    Result<void> prefetch(const std::vector<std::string>& texts) {
        constexpr size_t kBatch = 5000;
        customers_.reserve(texts.size());
        for (size_t start = 0; start < texts.size(); start += kBatch) {
            const auto end =
                texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), start + kBatch));
            KQ_CHECK(read_customers(
                store::Scope::of_codes({texts.begin() + static_cast<std::ptrdiff_t>(start), end})));
        }
        return read_reps();
    }

    // Reads every customer and every rep: for a file with about as many rows as there are customers, one
    // pass over the table costs less than finding each code the file names.
    Result<void> prefetch_all() {
        KQ_CHECK(read_customers({}));
        return read_reps();
    }

    Result<store::Customer> customer(const std::string& query, core::Date on) override {
        auto it = customers_.find(query);
        if (it == customers_.end()) {
            KQ_CHECK(before_store_());
            KQ_TRY(store::Customer c, roster::resolve_customer(store_, query, on));
            KQ_TRY(std::vector<store::HistoryEntry> history, store_.rep_history(c.id));
            Entry e{c.id, std::move(c.code), c.opened_on, c.closed_on, {}};
            for (auto& h : history)
                e.reps.emplace_back(h.from, std::move(h.value));
            it = customers_.emplace(query, std::move(e)).first;
        }
        // What validating a contact needs: id, code, active days and the rep on `on`.
        const Entry& e = it->second;
        store::Customer c;
        c.id = e.id;
        c.code = e.code;
        c.opened_on = e.opened_on;
        c.closed_on = e.closed_on;
        if (!e.reps.empty()) {
            c.rep = e.reps.front().second; // before every entry, the earliest applies
            for (const auto& [from, rep] : e.reps)
                if (!from || *from <= on) c.rep = rep;
        }
        return c;
    }

    Result<void> rep(const std::string& id) override {
        if (reps_.contains(id)) return {};
        KQ_CHECK(before_store_());
        KQ_TRY([[maybe_unused]] store::Rep rep, roster::require_rep(store_, id));
        reps_.insert(id);
        return {};
    }

  private:
    Result<void> read_customers(const store::Scope& filter) {
        KQ_TRY(std::vector<store::CustomerKey> found, store_.customer_keys(filter));
        KQ_TRY(auto histories, store_.rep_histories(filter));
        customers_.reserve(customers_.size() + found.size());
        std::unordered_map<int64_t, Entry*> by_id;
        by_id.reserve(found.size());
        for (auto& c : found) {
            Entry e{c.id, c.code, c.opened_on, c.closed_on, {}};
            by_id[c.id] = &customers_.insert_or_assign(std::move(c.code), std::move(e)).first->second;
        }
        for (auto& [id, h] : histories)
            if (auto it = by_id.find(id); it != by_id.end())
                it->second->reps.emplace_back(h.from, std::move(h.value));
        return {};
    }

    Result<void> read_reps() {
        KQ_TRY(std::vector<store::Rep> reps, store_.list_reps());
        for (auto& r : reps)
            reps_.insert(std::move(r.id));
        return {};
    }

    struct Entry {
        int64_t id;
        std::string code;
        std::optional<core::Date> opened_on, closed_on;
        std::vector<std::pair<std::optional<core::Date>, std::string>> reps; // (from, rep), oldest first
    };
    store::Store& store_;
    std::function<Result<void>()> before_store_ = [] { return Result<void>{}; };
    std::unordered_map<std::string, Entry> customers_;
    std::unordered_set<std::string> reps_;
};

} // namespace

std::vector<std::string> customers_in_file(std::string_view text, const std::string& path,
                                           bool ignore_unknown) {
    std::vector<std::string> out;
    auto table = core::CsvStream::open(text, path, kRequired, kOptional, ignore_unknown);
    if (!table) return out;
    std::unordered_set<std::string> seen; // (a field's view lasts only until the next row)
    while (true) {
        auto more = table->next();
        if (!more || !*more) break;
        const std::string_view customer = table->get("customer");
        if (!customer.empty() && seen.emplace(customer).second) out.emplace_back(customer);
    }
    return out;
}

namespace {

// The request a CSV row makes (its rep: the row's, else `default_rep`).
Result<LogRequest> request_of(const core::CsvStream& table, const std::string& default_rep) {
    const std::function<std::string(std::string_view)> where = [&](std::string_view column) {
        return table.where(column);
    };
    LogRequest r;
    r.customer = std::string(table.get("customer"));
    if (r.customer.empty())
        return data_error("{}: the customer is empty; give a code or name", where("customer"));
    r.channel = core::to_lower(table.get("channel"));
    r.date = std::string(table.get("date"));
    if (r.date->empty()) return data_error("{}: the date is empty; write YYYY-MM-DD", where("date"));
    r.time = std::string(table.get("time"));
    r.rep = table.has("rep") && !table.get("rep").empty() ? std::string(table.get("rep")) : default_rep;
    r.note = std::string(table.get("note"));
    KQ_TRY(r.gift, parse_flag_at(table.get("gift"), where, "gift"));
    r.occasion = std::string(table.get("occasion"));
    for (size_t k = 0; k < r.checklist.size(); ++k)
        r.checklist[k] = std::string(table.get(store::kChecklistColumns[k]));
    KQ_TRY(r.asked_help, parse_flag_at(table.get("asked_help"), where, "asked_help"));
    r.solved = std::string(table.get("solved"));
    KQ_TRY(r.training, parse_flag_at(table.get("training"), where, "training"));
    return r;
}

// Refuses a file whose content was imported before (unless again): `earlier` is what the store recorded.
Result<void> check_not_imported(const std::vector<store::ImportRecord>& earlier, const std::string& path,
                                bool again) {
    if (earlier.empty() || again) return {};
    const store::ImportRecord& e = earlier.front();
    std::string when = e.imported_at;
    std::replace(when.begin(), when.end(), 'T', ' ');
    return data_error("{}: this file was imported already on {}{} ({} contacts, from {}); nothing was "
                      "imported again; add --again to import it once more",
                      path, when, e.login.empty() ? "" : " by " + e.login, e.rows, e.file);
}

// After the database refused a batch (nothing was stored), names the refused line: the batch goes again a
// row at a time in a transaction that is rolled back whatever happens (a savepoint per batch would cost
// every import).
Error refused_line(store::Store& store, const std::vector<store::Contact>& batch,
                   const std::vector<int>& lines, const std::string& path, Error refusal) {
    auto row = store::in_transaction(
        store,
        [&]() -> Result<void> {
            for (size_t i = 0; i < batch.size(); ++i) {
                if (auto one = store.add_contacts({batch[i]}); !one) {
                    const Error& e = one.error();
                    return Error{e.code, fmt::format("{}:{}: {}", path, lines[i], e.message)};
                }
            }
            return {};
        },
        store::Finish::rollback);
    return row ? std::move(refusal) : std::move(row).error();
}

} // namespace

Result<core::ImportSummary> import_contacts(store::Store& store, const rules::Rules& rules,
                                            const std::string& file, const core::ImportOptions& options) {
    const bool ignore_unknown = options.ignore_unknown;
    KQ_TRY(std::string text, core::read_import(file, options.encoding));
    const std::string path = core::source_name(file);
    const std::string hash = core::sha256_hex(text);
    KQ_TRY(core::CsvStream table, core::CsvStream::open(text, path, kRequired, kOptional, ignore_unknown));
    const core::Now now = core::now();
    // Contacts go to the store a thousand at a time (one statement per batch on PostgreSQL), with the
    // file's line of each, on a thread of their own while the next rows are read (BatchWriter); a batch the
    // database itself refuses (row-level security) ends up in `pending`.
    constexpr size_t kBatch = 1000;
    std::vector<store::Contact> pending;
    std::vector<int> pending_lines;
    bool refused = false;
    core::ImportSummary result;
    std::unordered_map<std::string, int> refs; // "customer id/ref" → its line
    const int64_t rows_about = core::csv_rows_about(text);
    core::Progress progress(rows_about);
    auto load = [&]() -> Result<core::ImportSummary> {
        CachedLookup lookup(store);
        // First, and under a lock another import of the same file waits for: was this content imported?
        KQ_TRY(std::vector<store::ImportRecord> earlier, store.claim_import(hash));
        KQ_CHECK(check_not_imported(earlier, path, options.again));
        KQ_TRY(const auto span, store.customer_id_span()); // (ids grow: the span bounds how many there are)
        if (rows_about * 2 >= span.second - span.first + 1)
            KQ_CHECK(lookup.prefetch_all());
        else
            KQ_CHECK(lookup.prefetch(customers_in_file(text, path, ignore_unknown)));
        KQ_CHECK(store.begin_load(static_cast<size_t>(rows_about)));
        BatchWriter writer(store); // (from here on the store is the writer's but after stored())
        const auto stored = [&]() -> Result<void> {
            if (auto done = writer.drain(); !done) {
                refused = done.error().code == Exit::data;
                if (!writer.failed().contacts.empty()) { // (the first time it is asked)
                    pending = std::move(writer.failed().contacts);
                    pending_lines = std::move(writer.failed().lines);
                    writer.failed() = {};
                }
                return done;
            }
            return {};
        };
        lookup.before_store(stored);
        const auto flush = [&] {
            auto next = writer.push({std::move(pending), std::move(pending_lines)});
            pending = std::move(next.contacts);
            pending_lines = std::move(next.lines);
            pending.reserve(kBatch);
        };
        const auto each_row = [&]() -> Result<void> {
            while (true) {
                KQ_TRY(bool more, table.next());
                if (!more) break;
                const std::function<std::string(std::string_view)> where = [&](std::string_view column) {
                    return table.where(column);
                };
                const auto prefix = [&] { return fmt::format("{}:{}: ", path, table.line()); };
                KQ_TRY(LogRequest r, request_of(table, options.default_rep));
                KQ_TRY(store::Contact contact, build(lookup, rules, r, now, prefix, where));
                contact.ref = std::string(table.get("ref"));
                KQ_CHECK(check_value_at(contact.ref, core::kMaxName, where, "ref"));
                if (!contact.ref.empty()) {
                    const auto [seen, added] =
                        refs.emplace(fmt::format("{}/{}", contact.customer_id, contact.ref), table.line());
                    if (!added)
                        return data_error("{}: ref '{}' of {} repeats line {}; a ref names one contact",
                                          where("ref"), contact.ref, contact.customer_code, seen->second);
                }
                if (!r.occasion.empty()) {
                    flush(); // the tag is chosen against every contact stored before this one
                    KQ_CHECK(stored());
                    KQ_CHECK(store.end_load()); // (which it reads through the indexes)
                    auto tag = occasions::choose_tag(store, rules, contact, r.occasion);
                    if (!tag) return data_error("{}: {}", where("occasion"), tag.error().message);
                    contact.occasion = tag->tag;
                }
                result.rows++;
                progress.tick(result.rows);
                if (days_late(rules, contact, now) > 0) result.late++;
                pending.push_back(std::move(contact));
                pending_lines.push_back(table.line());
                if (pending.size() >= kBatch) flush();
            }
            flush();
            return {};
        };
        auto read = each_row();
        KQ_CHECK(stored()); // (a batch refused before the row that failed is the first error)
        if (!read) return std::move(read).error();
        result.added = static_cast<int>(writer.stored());
        std::string().swap(text); // every row is read: the text goes before the indexes are built (memory)
        KQ_CHECK(store.end_load());
        KQ_CHECK(store.record_import(store::ImportRecord{hash, path, result.added, now.iso(), options.who}));
        return result;
    };
    store.checked_load_next(); // (build() resolves each row's customer and rep in the transaction)
    auto loaded =
        store::in_transaction(store, load, options.dry_run ? store::Finish::rollback : store::Finish::commit);
    if (loaded || !refused) return loaded;
    return refused_line(store, pending, pending_lines, path, std::move(loaded).error());
}

} // namespace keqing::contacts
