// Importing contacts from CSV: rows are streamed (the file is never held as records), customers and reps
// are cached, and everything is written in one transaction — all rows or none.
#include "contacts/validate.hpp"

#include "contacts/batch_writer.hpp"
#include "contacts/cached_lookup.hpp"
#include "core/csv.hpp"
#include "core/json.hpp"
#include "core/limits.hpp"
#include "core/progress.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "output/history_view.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace keqing::contacts {
namespace {

// The columns, as log-visit --list --format csv writes them: the first three required.
const std::vector<std::string> kRequired(output::kContactCsvColumns.begin(),
                                         output::kContactCsvColumns.begin() + 3);
const std::vector<std::string> kOptional(output::kContactCsvColumns.begin() + 3,
                                         output::kContactCsvColumns.end());

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

// The positions of the columns a row's request reads, found once per file rather than by name per row.
struct Columns {
    explicit Columns(const core::CsvStream& t)
        : customer(t.position("customer")), channel(t.position("channel")), date(t.position("date")),
          time(t.position("time")), rep(t.position("rep")), note(t.position("note")),
          gift(t.position("gift")), occasion(t.position("occasion")), asked_help(t.position("asked_help")),
          solved(t.position("solved")), training(t.position("training")), ref(t.position("ref")) {
        for (size_t k = 0; k < checklist.size(); ++k)
            checklist[k] = t.position(store::kChecklistColumns[k]);
    }
    size_t customer, channel, date, time, rep, note, gift, occasion, asked_help, solved, training, ref;
    std::array<size_t, std::tuple_size_v<decltype(LogRequest::checklist)>> checklist{};
};

// The request a CSV row makes (its rep: the row's, else `default_rep`).
Result<LogRequest> request_of(const core::CsvStream& table, const Columns& at,
                              const std::string& default_rep) {
    const std::function<std::string(std::string_view)> where = [&](std::string_view column) {
        return table.where(column);
    };
    // (Most optional columns are empty in most rows: only a text that is there is copied.)
    const auto take = [&](std::string& to, size_t column) {
        const std::string_view text = table.get(column);
        if (!text.empty()) to.assign(text.data(), text.size());
    };
    LogRequest r;
    take(r.customer, at.customer);
    if (r.customer.empty())
        return data_error("{}: the customer is empty; give a code or name", where("customer"));
    r.channel = core::to_lower(table.get(at.channel));
    take(r.date.emplace(), at.date);
    if (r.date->empty()) return data_error("{}: the date is empty; write YYYY-MM-DD", where("date"));
    take(r.time.emplace(), at.time);
    take(r.rep, at.rep);
    if (r.rep.empty()) r.rep = default_rep;
    take(r.note, at.note);
    KQ_TRY(r.gift, parse_flag_at(table.get(at.gift), where, "gift"));
    take(r.occasion, at.occasion);
    for (size_t k = 0; k < r.checklist.size(); ++k)
        take(r.checklist[k], at.checklist[k]);
    KQ_TRY(r.asked_help, parse_flag_at(table.get(at.asked_help), where, "asked_help"));
    take(r.solved, at.solved);
    KQ_TRY(r.training, parse_flag_at(table.get(at.training), where, "training"));
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
    // The content's hash (a fifth of a second for a million rows) is worked out on a thread of its own while
    // the customers are read; text is not changed until it is known.
    std::future<std::string> hashing =
        std::async(std::launch::async, [&text] { return core::sha256_hex(text); });
    std::string hash;
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
    size_t left_out = 0;                       // rows a load's end left out (refs stored already)
    const Columns columns(table);
    const int64_t rows_about = core::csv_rows_about(text);
    core::Progress progress(rows_about);
    auto load = [&]() -> Result<core::ImportSummary> {
        CachedLookup lookup(store);
        KQ_TRY(const auto span, store.customer_id_span()); // (ids grow: the span bounds how many there are)
        if (rows_about * 2 >= span.second - span.first + 1)
            KQ_CHECK(lookup.prefetch_all());
        else
            KQ_CHECK(lookup.prefetch(customers_in_file(text, path, ignore_unknown)));
        // Under a lock another import of the same file waits for, before anything is written: was this
        // content imported?
        if (hashing.valid()) hash = hashing.get();
        KQ_TRY(std::vector<store::ImportRecord> earlier, store.claim_import(hash));
        KQ_CHECK(check_not_imported(earlier, path, options.again));
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
                lookup.expect(table.get(columns.customer));
                KQ_TRY(LogRequest r, request_of(table, columns, options.default_rep));
                const std::string occasion = std::move(r.occasion);
                auto built = build(lookup, rules, std::move(r), now, prefix, where);
                if (!built) return std::move(built).error();
                store::Contact& contact = *built; // (moved once, into its batch)
                contact.ref = std::string(table.get(columns.ref));
                KQ_CHECK(check_value_at(contact.ref, core::kMaxName, where, "ref"));
                if (!contact.ref.empty()) {
                    const auto [seen, added] =
                        refs.emplace(fmt::format("{}/{}", contact.customer_id, contact.ref), table.line());
                    if (!added)
                        return data_error("{}: ref '{}' of {} repeats line {}; a ref names one contact",
                                          where("ref"), contact.ref, contact.customer_code, seen->second);
                }
                if (!occasion.empty()) {
                    flush(); // the tag is chosen against every contact stored before this one
                    KQ_CHECK(stored());
                    KQ_TRY(size_t out, store.end_load()); // (which it reads through the indexes)
                    left_out += out;
                    auto tag = occasions::choose_tag(store, rules, contact, occasion);
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
        std::string().swap(text); // every row is read: the text goes before the indexes are built (memory)
        KQ_TRY(size_t out, store.end_load());
        result.added = static_cast<int>(writer.stored() - left_out - out);
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
