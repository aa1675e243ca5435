// The SQLite implementation of Store, part two: every read, in SQLite's dialect; what the rows mean is
// read by store/rows.hpp, as on PostgreSQL. Each pass over contacts names the index that narrows it.
#include "store/relations.hpp"
#include "store/rows.hpp"
#include "store/sqlite_store.hpp"

#include <algorithm>

namespace keqing::store {
namespace {

// The columns a pass over contacts reads (all of them in the contacts_month index): what counting needs,
// and what the findings add.
constexpr std::string_view kCountFacts = "customer_id, channel, rep_id, flags";
constexpr std::string_view kFindingFacts = "customer_id, channel, rep_id, flags, lag, happened_on, id";
// The months ?3..?4 (and, unless the range is whole months, the days ?1..?2), read in the order of the
// contacts_month index; late contacts (lag over ?6) left out unless they count.
constexpr std::string_view kMonthsInOrder =
    "substr(happened_on, 1, 7) BETWEEN ?3 AND ?4 {} AND voided_at IS NULL {} "
    "ORDER BY substr(happened_on, 1, 7), customer_id, channel, happened_on, rep_id";
// The range ?1..?2 of a narrower scope (?5), sorted into day order.
constexpr std::string_view kRangeInOrder = "happened_on BETWEEN ?1 AND ?2 AND voided_at IS NULL {} ORDER BY "
                                           "happened_on, customer_id, channel, rep_id";

std::string ids_json(const std::vector<int64_t>& ids) {
    std::string out = "[";
    for (const int64_t id : ids)
        out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "]";
}

} // namespace

std::string_view SqliteStore::filter_sql(const CustomerFilter& filter) {
    switch (filter.kind) {
    case CustomerFilter::Kind::all:
        return "(?9 IS NOT NULL OR 1)";
    case CustomerFilter::Kind::rep:
        return "c.id IN (SELECT customer_id FROM assignments WHERE rep_id = ?9)";
    case CustomerFilter::Kind::team:
        return "c.id IN (SELECT a.customer_id FROM assignments a JOIN reps r ON r.id = a.rep_id WHERE r.team "
               "= ?9)";
    case CustomerFilter::Kind::code:
        return "c.code = ?9";
    case CustomerFilter::Kind::ids:
        return "c.id IN (SELECT value FROM json_each(?9))";
    case CustomerFilter::Kind::codes:
        return "c.code IN (SELECT value FROM json_each(?9))";
    }
    return "1";
}

Result<std::optional<Rep>> SqliteStore::find_rep(const std::string& id) {
    KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM reps WHERE id = ?1"));
    s.bind(1, id);
    KQ_TRY(std::vector<Rep> found, rows::all(s, rows::rep<Stmt>));
    if (found.empty()) return std::optional<Rep>();
    return std::optional<Rep>(std::move(found.front()));
}

Result<std::vector<Rep>> SqliteStore::list_reps() {
    KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM reps ORDER BY team, id"));
    return rows::all(s, rows::rep<Stmt>);
}

Result<std::vector<Customer>> SqliteStore::customers_on(std::string_view where, core::Date on,
                                                        const std::function<void(Stmt&)>& bind) {
    KQ_TRY(Stmt s, db_.prepare(resolve_relations(select_with_history(where), Source::tables)));
    bind(s);
    return rows::customers(s, on);
}

Result<std::vector<Customer>> SqliteStore::find_customers(const std::string& text, Match how, core::Date on) {
    const std::string_view where =
        how == Match::code   ? "c.code = ?2"
        : how == Match::name ? "c.name = ?2"
        : how == Match::prefix
            ? "(substr(c.name, 1, length(?2)) = ?2 OR substr(lower(c.code), 1, length(?2)) = lower(?2))"
            : "instr(c.name, ?2) > 0";
    return customers_on(where, on, [&](Stmt& s) { s.bind(2, text); });
}

Result<std::vector<Customer>> SqliteStore::list_customers(core::Date on, const CustomerFilter& filter) {
    return customers_on(filter_sql(filter), on, [&](Stmt& s) { s.bind(9, filter_value(filter)); });
}

Result<std::vector<MonthCustomer>> SqliteStore::month_customers(core::Month month,
                                                                const CustomerFilter& filter) {
    KQ_TRY(std::vector<Rep> reps, list_reps());
    size_t expected = 0;
    if (filter.kind == CustomerFilter::Kind::all) {
        KQ_TRY(Stmt count, db_.prepare("SELECT count(*) FROM customers"));
        KQ_TRY(bool row, count.step());
        if (row) expected = static_cast<size_t>(count.integer(0));
    }
    // ?1 first day, ?2 last day: active on some day of the month.
    KQ_TRY(
        Stmt s,
        db_.prepare(resolve_relations(
            select_with_history(fmt::format(
                "(c.opened_on IS NULL OR c.opened_on <= ?2) AND (c.closed_on IS NULL OR c.closed_on >= ?1) "
                "AND {}",
                filter_sql(filter))),
            Source::tables)));
    s.bind(1, month.first().iso()).bind(2, month.last().iso()).bind(9, filter_value(filter));
    return rows::month_customers(s, month, std::move(reps), expected);
}

Result<std::vector<HistoryEntry>> SqliteStore::tier_history(int64_t customer_id) {
    return history("SELECT tier, effective_from, recorded_at FROM tier_history WHERE customer_id = ?1 "
                   "ORDER BY effective_from",
                   customer_id);
}

Result<std::vector<HistoryEntry>> SqliteStore::rep_history(int64_t customer_id) {
    return history("SELECT rep_id, effective_from, recorded_at FROM assignments WHERE customer_id = ?1 "
                   "ORDER BY effective_from",
                   customer_id);
}

Result<std::vector<std::pair<int64_t, HistoryEntry>>>
SqliteStore::rep_histories(const CustomerFilter& filter) {
    KQ_TRY(Stmt s, db_.prepare(resolve_relations(fmt::format(rows::kRepHistories, filter_sql(filter)),
                                                 Source::tables)));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::customer_history_entry<Stmt>);
}

Result<std::vector<HistoryEntry>> SqliteStore::history(std::string_view sql, int64_t customer_id) {
    KQ_TRY(Stmt s, db_.prepare(sql));
    s.bind(1, customer_id);
    return rows::all(s, rows::history_entry<Stmt>);
}

std::string SqliteStore::select_contacts(std::string_view where) {
    return fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE {}",
                       rows::kContactColumns, where);
}

Result<std::vector<Contact>> SqliteStore::collect_contacts(Stmt& s) {
    return rows::all(s, rows::contact<Stmt>);
}

Result<std::optional<Contact>> SqliteStore::find_contact(int64_t id) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.id = ?1")));
    s.bind(1, id);
    KQ_TRY(std::vector<Contact> found, collect_contacts(s));
    if (found.empty()) return std::optional<Contact>();
    return std::optional<Contact>(std::move(found.front()));
}

Result<std::vector<Contact>> SqliteStore::customer_contacts(int64_t customer_id, core::Date from,
                                                            core::Date to) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.customer_id = ?1 AND k.happened_on BETWEEN ?2 AND ?3") +
                               " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, customer_id).bind(2, from.iso()).bind(3, to.iso());
    return collect_contacts(s);
}

Result<std::vector<Contact>> SqliteStore::tagged_contacts(core::Date from, core::Date to,
                                                          const CustomerFilter& filter) {
    const std::string where =
        fmt::format("k.happened_on BETWEEN ?1 AND ?2 AND k.occasion <> '' AND {}", filter_sql(filter));
    KQ_TRY(Stmt s, db_.prepare(select_contacts(where) + " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, filter_value(filter));
    return collect_contacts(s);
}

Result<std::vector<Contact>> SqliteStore::contacts_between(core::Date from, core::Date to) {
    KQ_TRY(Stmt s,
           db_.prepare(select_contacts("substr(k.happened_on, 1, 7) BETWEEN ?3 AND ?4 AND k.happened_on "
                                       "BETWEEN ?1 AND ?2") +
                       " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso())
        .bind(2, to.iso())
        .bind(3, core::Month::of(from).iso())
        .bind(4, core::Month::of(to).iso());
    return collect_contacts(s);
}

Result<Activity> SqliteStore::activity(core::Date from, core::Date to, CountPolicy policy,
                                       const ContactScope& scope, const FindingRules* findings) {
    // Everyone's contacts are read in the order of the covering contacts_month index (no sorting, each
    // customer's contacts together); a narrower scope through the index that narrows it, sorted by day.
    // Without findings, late contacts that do not count are left out here.
    const std::string_view late = findings || policy.count_late ? "" : "AND lag <= ?6";
    std::string where;
    switch (scope.kind) {
    case ContactScope::Kind::all: {
        const bool whole_months = from == core::Month::of(from).first() && to == core::Month::of(to).last();
        where = fmt::format(" INDEXED BY contacts_month WHERE {}",
                            fmt::format(fmt::runtime(kMonthsInOrder),
                                        whole_months ? "" : "AND happened_on BETWEEN ?1 AND ?2", late));
        break;
    }
    case ContactScope::Kind::customers:
        if (scope.customers.empty()) return Activity{};
        where = fmt::format(
            " INDEXED BY contacts_customer WHERE customer_id IN (SELECT value FROM json_each(?5)) AND {}",
            fmt::format(fmt::runtime(kRangeInOrder), late));
        break;
    case ContactScope::Kind::rep:
        where = fmt::format(" INDEXED BY contacts_rep WHERE rep_id = ?5 AND {}",
                            fmt::format(fmt::runtime(kRangeInOrder), late));
        break;
    case ContactScope::Kind::team:
        where = fmt::format(
            " INDEXED BY contacts_rep WHERE rep_id IN (SELECT id FROM reps WHERE team = ?5) AND {}",
            fmt::format(fmt::runtime(kRangeInOrder), late));
        break;
    }
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT {} FROM contacts{}",
                                           findings ? kFindingFacts : kCountFacts, where)));
    s.bind(1, from.iso()).bind(2, to.iso());
    if (scope.kind == ContactScope::Kind::all)
        s.bind(3, core::Month::of(from).iso()).bind(4, core::Month::of(to).iso());
    else if (scope.kind == ContactScope::Kind::customers)
        s.bind(5, ids_json(scope.customers));
    else
        s.bind(5, scope.value);
    if (!late.empty()) s.bind(6, policy.late_after_days);
    KQ_TRY(Activity out, rows::activity(s, policy, findings));
    if (findings) KQ_CHECK(complete_findings(out.findings, findings->limit));
    return out;
}

// The late contacts listed are read whole, the duplicates named.
Result<void> SqliteStore::complete_findings(Quality& found, int limit) {
    if (!found.late.empty()) {
        std::vector<int64_t> ids;
        for (const auto& k : found.late)
            ids.push_back(k.id);
        KQ_TRY(Stmt s, db_.prepare(select_contacts("k.id IN (SELECT value FROM json_each(?1))") +
                                   " ORDER BY k.happened_on, k.id"));
        s.bind(1, ids_json(ids));
        KQ_TRY(found.late, collect_contacts(s));
    }
    cut_duplicates(found.duplicates, limit);
    std::vector<int64_t> ids;
    for (const auto& d : found.duplicates)
        ids.push_back(d.customer_id);
    std::unordered_map<int64_t, std::string> codes;
    if (!ids.empty()) { // one query for every customer named, as on PostgreSQL
        KQ_TRY(Stmt s,
               db_.prepare("SELECT id, code FROM customers WHERE id IN (SELECT value FROM json_each(?1))"));
        s.bind(1, ids_json(ids));
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            codes[s.integer(0)] = s.text(1);
        }
    }
    name_duplicates(found.duplicates, codes, limit);
    return {};
}

Result<Quality> SqliteStore::voided_contacts(core::Date from, core::Date to, int limit,
                                             const std::string& team) {
    KQ_TRY(Stmt s,
           db_.prepare(select_contacts("k.happened_on BETWEEN ?1 AND ?2 AND k.voided_at IS NOT NULL AND "
                                       "(?9 = '' OR k.rep_id IN (SELECT id FROM reps WHERE team = ?9))") +
                       " ORDER BY k.happened_on, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, team);
    Quality q;
    KQ_TRY(q.voided, collect_contacts(s));
    q.voided_count = static_cast<int>(q.voided.size());
    if (q.voided_count > limit) q.voided.resize(static_cast<size_t>(limit));
    return q;
}

Result<std::optional<Person>> SqliteStore::find_person(int64_t id) {
    KQ_TRY(std::vector<Person> people, query_people("p.id = ?1", id));
    if (people.empty()) return std::optional<Person>();
    return std::optional<Person>(people.front());
}

Result<std::vector<Person>> SqliteStore::list_people(int64_t customer_id) {
    return query_people("(?1 = 0 OR p.customer_id = ?1)", customer_id);
}

Result<std::vector<Person>> SqliteStore::people_of(const CustomerFilter& filter) {
    KQ_TRY(Stmt s, db_.prepare(fmt::format(
                       "SELECT {} FROM people p JOIN customers c ON c.id = p.customer_id WHERE {} "
                       "ORDER BY c.code, p.id",
                       rows::kPersonColumns, filter_sql(filter))));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::person<Stmt>);
}

Result<std::vector<Person>> SqliteStore::birthdays_of(const CustomerFilter& filter,
                                                      const BirthdayMonths* months) {
    // A solar birthday's month is the MM of its last five characters (MM-DD or YYYY-MM-DD); a lunar one's
    // follows "lunar:" and an optional L.
    constexpr std::string_view kMonths =
        "AND CASE WHEN substr(p.birthday, 1, 6) = 'lunar:' "
        "THEN CAST(ltrim(substr(p.birthday, 7), 'L') AS INTEGER) IN (SELECT value FROM json_each(?2)) "
        "ELSE CAST(substr(p.birthday, -5, 2) AS INTEGER) IN (SELECT value FROM json_each(?3)) END";
    const bool everyone = filter.kind == CustomerFilter::Kind::all;
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format("SELECT p.id, p.customer_id, p.name, p.birthday FROM people p {} WHERE "
                                   "p.birthday <> '' AND {} {}",
                                   everyone ? "" : "JOIN customers c ON c.id = p.customer_id",
                                   everyone ? "1" : filter_sql(filter), months ? kMonths : "")));
    if (!everyone) s.bind(9, filter_value(filter));
    if (months) {
        auto json = [](const std::vector<int>& list) {
            std::string out = "[";
            for (const int m : list)
                out += (out.size() > 1 ? "," : "") + std::to_string(m);
            return out + "]";
        };
        s.bind(2, json(months->lunar)).bind(3, json(months->solar));
    }
    return rows::all(s, rows::birthday<Stmt>);
}

Result<std::vector<Person>> SqliteStore::query_people(std::string_view where, int64_t id) {
    KQ_TRY(Stmt s, db_.prepare(fmt::format(
                       "SELECT {} FROM people p JOIN customers c ON c.id = p.customer_id WHERE {} "
                       "ORDER BY c.code, p.id",
                       rows::kPersonColumns, where)));
    s.bind(1, id);
    return rows::all(s, rows::person<Stmt>);
}

Result<std::vector<LifeEvent>> SqliteStore::list_events(core::Date from, core::Date to, int64_t customer_id) {
    return query_events("(?3 = 0 OR e.customer_id = ?3)", from, to, customer_id, {});
}

Result<std::vector<LifeEvent>> SqliteStore::events_of(core::Date from, core::Date to,
                                                      const CustomerFilter& filter) {
    return query_events(filter_sql(filter), from, to, 0, filter);
}

Result<std::vector<LifeEvent>> SqliteStore::query_events(std::string_view where, core::Date from,
                                                         core::Date to, int64_t customer_id,
                                                         const CustomerFilter& filter) {
    KQ_TRY(Stmt s,
           db_.prepare(fmt::format(
               "SELECT {} FROM life_events e JOIN customers c ON c.id = e.customer_id LEFT JOIN people p ON "
               "p.id = e.person_id WHERE e.happened_on BETWEEN ?1 AND ?2 AND {} ORDER BY e.happened_on, e.id",
               rows::kEventColumns, where)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id).bind(9, filter_value(filter));
    return rows::all(s, rows::event<Stmt>);
}

} // namespace keqing::store
