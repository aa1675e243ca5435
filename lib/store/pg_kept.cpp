// What a team server's store keeps beside the customers (pg_reads.cpp's kept_for), each asked for once and
// narrowed on the client for each later ask (store/kept_reads.hpp): the kept customers' people and life
// events, read for their ids through people() and life_events() alone — the shared SQL's joins with
// customers() and assignments() would be two more calls each, with their reads of the session's customers —;
// the kept customers as the relation the reads of follow-ups, trainings and tagged contacts join; and their
// contacts over the days a read's passes reach. The kept rows go when the read ends, a write begins (unless
// it keeps them: keep_roster_reads) or ends, or the roster is written.
#include "store/dialect.hpp"
#include "store/kept_reads.hpp"
#include "store/pg_store.hpp"
#include "store/rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keqing::store {

// (No ids is no customer, which the SQL store answers with nothing; kept_reads would read it as all.)
Result<const PgStore::Kept*> PgStore::kept_customers(const Scope& filter, std::vector<int64_t>& ids) {
    if (filter.kind != Scope::Kind::rep && filter.kind != Scope::Kind::code &&
        (filter.kind != Scope::Kind::ids || filter.ids.empty()))
        return nullptr;
    KQ_TRY(const Kept* kept, kept_for(filter));
    ids.clear();
    if (kept && filter.kind == Scope::Kind::ids) {
        ids = filter.ids;
        std::sort(ids.begin(), ids.end());
    }
    if (kept && filter.kind == Scope::Kind::code) ids = kept->rows.ids_where(1, filter.value);
    return kept;
}

Result<std::vector<Person>> PgStore::people_of(const Scope& filter) {
    std::vector<int64_t> ids;
    KQ_TRY(const Kept* found, kept_customers(filter, ids));
    if (!found) return SqlStore::people_of(filter);
    KQ_CHECK(keep_people());
    return people_among(*kept_->people, ids);
}

Result<std::vector<Person>> PgStore::birthdays_of(const Scope& filter, const BirthdayMonths* months) {
    std::vector<int64_t> ids;
    KQ_TRY(const Kept* found, kept_customers(filter, ids));
    if (!found) return SqlStore::birthdays_of(filter, months);
    KQ_CHECK(keep_people());
    return birthdays_among(people_among(*kept_->people, ids), months);
}

Result<std::vector<LifeEvent>> PgStore::events_of(core::Date from, core::Date to, const Scope& filter,
                                                  const std::vector<std::string>& kinds) {
    std::vector<int64_t> ids;
    KQ_TRY(const Kept* found, kept_customers(filter, ids));
    if (!found) return SqlStore::events_of(from, to, filter, kinds);
    KQ_CHECK(keep_events());
    return events_among(*kept_->events, from, to, ids, kinds);
}

// One customer's events not removed (a contact's proposals ask for those near its day): from the kept ones
// when it is one of the kept customers.
Result<std::vector<LifeEvent>> PgStore::list_events(core::Date from, core::Date to, int64_t customer_id,
                                                    Removed removed) {
    if (customer_id == 0 || removed != Removed::left_out || !kept_ || !kept_->events)
        return SqlStore::list_events(from, to, customer_id, removed);
    std::vector<int64_t> ids;
    KQ_TRY(const Kept* found, kept_customers(Scope::of_ids({customer_id}), ids));
    if (!found) return SqlStore::list_events(from, to, customer_id, removed);
    return events_among(*kept_->events, from, to, ids, {});
}

namespace {

// rows.hpp's columns with the customer's code left empty: the kept rows have it.
std::string without_code(std::string_view columns) {
    std::string out(columns);
    out.replace(out.find("c.code"), 6, "''");
    return out;
}

// Each kept customer's code, by id.
std::unordered_map<int64_t, std::string> codes_of(const KeptRows& rows) {
    std::unordered_map<int64_t, std::string> out;
    for (size_t row = 0; row < rows.size(); ++row)
        out.emplace(rows.integer_at(row, 0), rows.view_at(row, 1));
    return out;
}

// The rows `sql` reads for the customers `ids` ($1), as `read` makes them, each given its customer's code
// from the kept rows.
template <class Read>
auto read_with_codes(PgDb& db, const std::string& sql, const std::vector<int64_t>& ids, const KeptRows& kept,
                     Read read) -> Result<std::vector<decltype(read(std::declval<PgStmt&>()))>> {
    KQ_TRY(PgStmt s, db.prepare(sql));
    s.bind(1, id_list(kPostgresDialect, ids));
    KQ_TRY(auto out, rows::all(s, read));
    const auto codes = codes_of(kept);
    for (auto& row : out)
        if (const auto code = codes.find(row.customer_id); code != codes.end())
            row.customer_code = code->second;
    return out;
}

} // namespace

// The kept customers' people, in people_of's order (code, then id): people() alone, the codes from the kept
// rows — people_of's join would call customers() and assignments() as well. Those not removed are kept as
// people_of reads them; every one's name, removed or not, for the life events that name them.
Result<void> PgStore::keep_people() {
    if (kept_->people) return {};
    KQ_TRY(std::vector<Person> people,
           read_with_codes(db_,
                           fmt::format("SELECT {} FROM @people p WHERE p.customer_id = ANY ($1::bigint[])",
                                       without_code(rows::kPersonColumns)),
                           kept_->ids, kept_->rows, rows::person<PgStmt>));
    std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
        return std::tie(a.customer_code, a.id) < std::tie(b.customer_code, b.id);
    });
    kept_->names.clear();
    for (const Person& p : people)
        kept_->names.emplace(p.id, p.name);
    std::erase_if(people, [](const Person& p) { return !p.removed_at.empty(); });
    kept_->people = std::move(people);
    return {};
}

// The kept customers' life events not removed, of every day, in events_of's order (day, then id):
// life_events() alone, each person's name from the kept people. (An event naming someone not among them — a
// person of another customer — is read as the shared SQL reads it, with people() beside.)
Result<void> PgStore::keep_events() {
    if (kept_->events) return {};
    KQ_CHECK(keep_people());
    constexpr std::string_view kSql =
        "SELECT {} FROM @life_events e {} WHERE e.customer_id = ANY ($1::bigint[]) "
        "AND e.removed_at IS NULL ORDER BY e.happened_on, e.id";
    constexpr std::string_view kName = "coalesce(p.name, '')"; // kEventColumns' person's name
    std::string columns = without_code(rows::kEventColumns);
    const std::string with_names = fmt::format(kSql, columns, "LEFT JOIN @people p ON p.id = e.person_id");
    columns.replace(columns.find(kName), kName.size(), "''");
    KQ_TRY(std::vector<LifeEvent> events, read_with_codes(db_, fmt::format(kSql, columns, ""), kept_->ids,
                                                          kept_->rows, rows::event<PgStmt>));
    for (LifeEvent& e : events) {
        if (e.person_id == 0) continue;
        const auto name = kept_->names.find(e.person_id);
        if (name == kept_->names.end()) {
            KQ_TRY(events, read_with_codes(db_, with_names, kept_->ids, kept_->rows, rows::event<PgStmt>));
            break;
        }
        e.person_name = name->second;
    }
    kept_->events = std::move(events);
    return {};
}

// Kept rows answer within one read (one snapshot), or within a write that writes contacts and follow-ups
// only: a write's statements each see what others committed since, but what it read of the roster is a
// state the roster was in during the transaction. A savepoint keeps them (it only undoes contacts).
bool PgStore::keeping() const {
    return depth_ > 0 ? kept_in_write_ : read_depth_ > 0;
}

// The kept customers `filter` keeps, as the relation `c` the SQL store's reads of follow-ups, trainings and
// tagged contacts join: their ids, codes and names as one JSON list ($10), so that each of those reads calls
// its one API function — followups(), trainings(), tagged_contacts() — and not customers() and assignments()
// beside, which read the session's customers again. Through keqing_api the tagged contacts are those
// customers' alone (schema 20), not every tagged or untagged contact the session sees on those days.
auto PgStore::customers_for(const Scope& filter) -> Result<Customers> {
    std::vector<int64_t> ids;
    KQ_TRY(const Kept* kept, kept_customers(filter, ids));
    if (!kept) return SqlStore::customers_for(filter);
    std::string list = customers_json(kept->rows, ids);
    Customers out{"json_to_recordset($10::json) AS c(id bigint, code text, name text)", "TRUE",
                  [list = std::move(list)](PgStmt& s) { s.bind(10, list); }};
    if (db_.source() == Source::api)
        out.tagged = "keqing_api.tagged_contacts($1::text, $2::text, ARRAY(SELECT (j.value ->> 'id')::bigint "
                     "FROM json_array_elements($10::json) j))";
    return out;
}

// A pass over some customers' contacts. When the read said how far back its passes reach and they are kept
// customers: the kept customers' unvoided contacts are read once, from that day (or this pass's first, if
// earlier) through this pass's last, in scan_contacts' order; this pass and each later one within those days
// are taken from them — remind read a rep's contacts three times (the month so far, 30 days of proposals,
// the files' intel window). Through keqing_api, those and any other listed customers' contacts are read for
// them alone (contact_facts(), schema 20): contacts() read every customer the session sees each time.
Result<void> PgStore::scan_contacts(core::Date from, core::Date to, const Scope& scope, ScanOptions options,
                                    const std::function<void(const ContactFacts&)>& visit) {
    if (scope.kind != Scope::Kind::ids || scope.ids.empty() || options.customers)
        return SqlStore::scan_contacts(from, to, scope, options, visit);
    const bool api = db_.source() == Source::api;
    // The unvoided contacts of the customers `ids` from `first` through `last`, in scan_contacts' order.
    const auto read = [&](core::Date first, core::Date last,
                          const std::vector<int64_t>& ids) -> Result<KeptRows> {
        KQ_TRY(PgStmt s,
               db_.stream(api ? "SELECT customer_id, channel, rep_id, flags, lag, happened_on, id FROM "
                                "keqing_api.contact_facts($1::text, $2::text, $3::bigint[]) ORDER BY "
                                "happened_on COLLATE \"C\", customer_id, channel COLLATE \"C\", rep_id "
                                "COLLATE \"C\", id"
                              : "SELECT customer_id, channel, rep_id, flags, lag, happened_on, id FROM "
                                "@contacts WHERE customer_id = ANY ($3::bigint[]) AND happened_on BETWEEN "
                                "$1::text AND $2::text AND voided_at IS NULL ORDER BY happened_on, "
                                "customer_id, channel, rep_id, id"));
        s.bind(1, first.iso()).bind(2, last.iso()).bind(3, id_list(kPostgresDialect, ids));
        return KeptRows::read(s, 7);
    };
    std::vector<int64_t> ids = scope.ids;
    std::sort(ids.begin(), ids.end());
    // (Never kept in a write: a contact added there would be missing from the kept ones.)
    const Kept* kept = nullptr;
    if (scans_from_ && depth_ == 0) {
        KQ_TRY(kept, kept_for(scope));
    }
    if (kept && !kept_->contacts) {
        const core::Date first = std::min(from, *scans_from_);
        KQ_TRY(KeptRows rows, read(first, to, kept_->ids));
        kept_->contacts = Kept::Contacts{first, to, std::move(rows)};
    }
    if (kept && from >= kept_->contacts->from && to <= kept_->contacts->to) {
        scan_among(kept_->contacts->rows, from, to, ids, options.max_lag, visit);
        return {};
    }
    if (!api) return SqlStore::scan_contacts(from, to, scope, options, visit);
    KQ_TRY(KeptRows rows, read(from, to, ids));
    scan_among(rows, from, to, ids, options.max_lag, visit);
    return {};
}

// Everything kept, and what said it may be, goes: when a transaction begins or ends, a read ends, or the
// roster is written.
void PgStore::forget_kept() {
    kept_.reset();
    kept_in_write_ = false;
    scans_from_.reset();
}

Result<void> PgStore::begin() {
    if (depth_ == 0) forget_kept();
    return SqlStore::begin();
}

Result<void> PgStore::commit() {
    KQ_CHECK(SqlStore::commit());
    if (depth_ == 0) forget_kept();
    return {};
}

void PgStore::rollback() {
    SqlStore::rollback();
    if (depth_ == 0) forget_kept();
}

void PgStore::end_read() {
    SqlStore::end_read();
    if (read_depth_ == 0) forget_kept();
}

void PgStore::keep_roster_reads() {
    if (depth_ > 0) kept_in_write_ = true;
}

void PgStore::roster_changing() {
    forget_kept();
}

} // namespace keqing::store
