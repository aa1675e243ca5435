// The PostgreSQL implementation of Store, part two: every read, in PostgreSQL's dialect; what the rows
// mean is read by store/rows.hpp, as on SQLite. Large reads (a month's contacts or customers) go through
// a cursor, 20,000 rows a round trip, into the same readers, so both backends count alike. Tables are
// named @customers, @contacts … (store/relations.hpp): the owner reads the tables, every other role the
// keqing_api functions; a query over @contacts binds the range of days it reads to $1 and $2.
#include "store/pg_store.hpp"
#include "store/rows.hpp"

#include <algorithm>

namespace keqing::store {
namespace {

// A PostgreSQL array literal of ids: {1,5,9}.
std::string id_array(const std::vector<int64_t>& ids) {
    std::string out = "{";
    for (const int64_t id : ids)
        out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "}";
}

std::string int_array(const std::vector<int>& list) {
    std::string out = "{";
    for (const int n : list)
        out += (out.size() > 1 ? "," : "") + std::to_string(n);
    return out + "}";
}

constexpr std::string_view kCountFacts = "customer_id, channel, rep_id, flags";
constexpr std::string_view kFindingFacts = "customer_id, channel, rep_id, flags, lag, happened_on, id";
// As on SQLite: everyone's contacts in the order of the contacts_month index, narrower scopes by day.
constexpr std::string_view kMonthsInOrder =
    "substr(happened_on, 1, 7) BETWEEN $3::text AND $4::text {} AND voided_at IS NULL {} "
    "ORDER BY substr(happened_on, 1, 7), customer_id, channel, happened_on, rep_id";
constexpr std::string_view kRangeInOrder = "happened_on BETWEEN $1::text AND $2::text AND voided_at IS NULL "
                                           "{} ORDER BY happened_on, customer_id, channel, "
                                           "rep_id";

} // namespace

std::string_view PgStore::filter_sql(const CustomerFilter& filter) {
    switch (filter.kind) {
    case CustomerFilter::Kind::all:
        return "TRUE";
    case CustomerFilter::Kind::rep:
        return "c.id IN (SELECT customer_id FROM @assignments WHERE rep_id = $9::text)";
    case CustomerFilter::Kind::team:
        return "c.id IN (SELECT a.customer_id FROM @assignments a JOIN @reps r ON r.id = a.rep_id WHERE "
               "r.team = "
               "$9::text)";
    case CustomerFilter::Kind::code:
        return "c.code = $9::text";
    case CustomerFilter::Kind::ids:
        return "c.id IN (SELECT value::bigint FROM json_array_elements_text($9::json))";
    case CustomerFilter::Kind::codes:
        return "c.code IN (SELECT json_array_elements_text($9::json))";
    }
    return "TRUE";
}

Result<std::optional<Rep>> PgStore::find_rep(const std::string& id) {
    KQ_TRY(PgStmt s, db_.prepare("SELECT id, name, team FROM @reps WHERE id = $1"));
    s.bind(1, id);
    KQ_TRY(std::vector<Rep> found, rows::all(s, rows::rep<PgStmt>));
    if (found.empty()) return std::optional<Rep>();
    return std::optional<Rep>(std::move(found.front()));
}

Result<std::vector<Rep>> PgStore::list_reps() {
    KQ_TRY(PgStmt s, db_.prepare("SELECT id, name, team FROM @reps ORDER BY team, id"));
    return rows::all(s, rows::rep<PgStmt>);
}

Result<std::vector<Customer>> PgStore::customers_on(std::string_view where, core::Date on,
                                                    const std::function<void(PgStmt&)>& bind) {
    PgStmt s = db_.stream(select_with_history(where));
    bind(s);
    return rows::customers(s, on);
}

Result<std::vector<Customer>> PgStore::find_customers(const std::string& text, Match how, core::Date on) {
    const std::string_view where = how == Match::code   ? "c.code = $2::text"
                                   : how == Match::name ? "c.name = $2::text"
                                   : how == Match::prefix
                                       ? "(substr(c.name, 1, length($2::text)) = $2::text OR "
                                         "substr(lower(c.code), 1, length($2::text)) = lower($2::text))"
                                       : "strpos(c.name, $2::text) > 0";
    return customers_on(where, on, [&](PgStmt& s) { s.bind(2, text); });
}

Result<std::vector<Customer>> PgStore::list_customers(core::Date on, const CustomerFilter& filter) {
    return customers_on(filter_sql(filter), on, [&](PgStmt& s) { s.bind(9, filter_value(filter)); });
}

Result<std::vector<MonthCustomer>> PgStore::month_customers(core::Month month, const CustomerFilter& filter) {
    KQ_TRY(std::vector<Rep> reps, list_reps());
    PgStmt s =
        db_.stream(select_with_history(fmt::format("(c.opened_on IS NULL OR c.opened_on <= $2::text) AND "
                                                   "(c.closed_on IS NULL OR c.closed_on >= $1::text) AND {}",
                                                   filter_sql(filter))));
    s.bind(1, month.first().iso()).bind(2, month.last().iso()).bind(9, filter_value(filter));
    return rows::month_customers(s, month, std::move(reps), 0);
}

Result<std::vector<HistoryEntry>> PgStore::tier_history(int64_t customer_id) {
    return history("SELECT tier, effective_from, recorded_at FROM @tier_history WHERE customer_id = $1 "
                   "ORDER BY effective_from",
                   customer_id);
}

Result<std::vector<HistoryEntry>> PgStore::rep_history(int64_t customer_id) {
    return history("SELECT rep_id, effective_from, recorded_at FROM @assignments WHERE customer_id = $1 "
                   "ORDER BY effective_from",
                   customer_id);
}

Result<std::vector<std::pair<int64_t, HistoryEntry>>> PgStore::rep_histories(const CustomerFilter& filter) {
    PgStmt s = db_.stream(fmt::format(rows::kRepHistories, filter_sql(filter)));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::customer_history_entry<PgStmt>);
}

Result<std::vector<HistoryEntry>> PgStore::history(std::string_view sql, int64_t customer_id) {
    KQ_TRY(PgStmt s, db_.prepare(sql));
    s.bind(1, customer_id);
    return rows::all(s, rows::history_entry<PgStmt>);
}

std::string PgStore::select_contacts(std::string_view where, std::string_view from) {
    return fmt::format("SELECT {} FROM {} k JOIN @customers c ON c.id = k.customer_id WHERE {}",
                       rows::kContactColumns, from, where);
}

Result<std::vector<Contact>> PgStore::collect_contacts(PgStmt& s) {
    return rows::all(s, rows::contact<PgStmt>);
}

Result<std::optional<Contact>> PgStore::find_contact(int64_t id) {
    KQ_TRY(PgStmt s, db_.prepare(select_contacts("k.id = $1", "@contact")));
    s.bind(1, id);
    KQ_TRY(std::vector<Contact> found, collect_contacts(s));
    if (found.empty()) return std::optional<Contact>();
    return std::optional<Contact>(std::move(found.front()));
}

Result<std::vector<Contact>> PgStore::customer_contacts(int64_t customer_id, core::Date from, core::Date to) {
    KQ_TRY(PgStmt s,
           db_.prepare(select_contacts("k.customer_id = $3 AND k.happened_on BETWEEN $1::text AND $2::text") +
                       " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id);
    return collect_contacts(s);
}

Result<std::vector<Contact>> PgStore::tagged_contacts(core::Date from, core::Date to,
                                                      const CustomerFilter& filter) {
    const std::string where = fmt::format(
        "k.happened_on BETWEEN $1::text AND $2::text AND k.occasion <> '' AND {}", filter_sql(filter));
    KQ_TRY(PgStmt s, db_.prepare(select_contacts(where) + " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, filter_value(filter));
    return collect_contacts(s);
}

Result<std::vector<Contact>> PgStore::contacts_between(core::Date from, core::Date to) {
    KQ_TRY(PgStmt s,
           db_.prepare(select_contacts("substr(k.happened_on, 1, 7) BETWEEN $3::text AND $4::text AND "
                                       "k.happened_on BETWEEN $1::text AND $2::text") +
                       " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso())
        .bind(2, to.iso())
        .bind(3, core::Month::of(from).iso())
        .bind(4, core::Month::of(to).iso());
    return collect_contacts(s);
}

Result<Activity> PgStore::activity(core::Date from, core::Date to, CountPolicy policy,
                                   const ContactScope& scope, const FindingRules* findings) {
    const std::string_view late = findings || policy.count_late ? "" : "AND lag <= $6::integer";
    std::string where;
    switch (scope.kind) {
    case ContactScope::Kind::all: {
        const bool whole_months = from == core::Month::of(from).first() && to == core::Month::of(to).last();
        where = fmt::format(fmt::runtime(kMonthsInOrder),
                            whole_months ? "" : "AND happened_on BETWEEN $1::text AND $2::text", late);
        break;
    }
    case ContactScope::Kind::customers:
        if (scope.customers.empty()) return Activity{};
        where = "customer_id = ANY($5::bigint[]) AND " + fmt::format(fmt::runtime(kRangeInOrder), late);
        break;
    case ContactScope::Kind::rep:
        where = "rep_id = $5::text AND " + fmt::format(fmt::runtime(kRangeInOrder), late);
        break;
    case ContactScope::Kind::team:
        where = "rep_id IN (SELECT id FROM @reps WHERE team = $5::text) AND " +
                fmt::format(fmt::runtime(kRangeInOrder), late);
        break;
    }
    PgStmt s = db_.stream(
        fmt::format("SELECT {} FROM @contacts WHERE {}", findings ? kFindingFacts : kCountFacts, where));
    s.bind(1, from.iso()).bind(2, to.iso());
    if (scope.kind == ContactScope::Kind::all)
        s.bind(3, core::Month::of(from).iso()).bind(4, core::Month::of(to).iso());
    else if (scope.kind == ContactScope::Kind::customers)
        s.bind(5, id_array(scope.customers));
    else
        s.bind(5, scope.value);
    if (!late.empty()) s.bind(6, policy.late_after_days);
    KQ_TRY(Activity out, rows::activity(s, policy, findings));
    if (findings) KQ_CHECK(complete_findings(out.findings, findings->limit, from, to));
    return out;
}

Result<void> PgStore::complete_findings(Quality& found, int limit, core::Date from, core::Date to) {
    if (!found.late.empty()) {
        std::vector<int64_t> ids;
        for (const auto& k : found.late)
            ids.push_back(k.id);
        KQ_TRY(PgStmt s,
               db_.prepare(select_contacts("k.id = ANY($3::bigint[])") + " ORDER BY k.happened_on, k.id"));
        s.bind(1, from.iso()).bind(2, to.iso()).bind(3, id_array(ids));
        KQ_TRY(found.late, collect_contacts(s));
    }
    cut_duplicates(found.duplicates, limit);
    std::vector<int64_t> ids;
    for (const auto& d : found.duplicates)
        ids.push_back(d.customer_id);
    std::unordered_map<int64_t, std::string> codes;
    if (!ids.empty()) {
        KQ_TRY(PgStmt s, db_.prepare("SELECT id, code FROM @customers WHERE id = ANY($1::bigint[])"));
        s.bind(1, id_array(ids));
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            codes[s.integer(0)] = s.text(1);
        }
    }
    name_duplicates(found.duplicates, codes, limit);
    return {};
}

Result<Quality> PgStore::voided_contacts(core::Date from, core::Date to, int limit, const std::string& team) {
    KQ_TRY(PgStmt s,
           db_.prepare(select_contacts("k.happened_on BETWEEN $1::text AND $2::text AND k.voided_at IS NOT "
                                       "NULL AND ($9::text = '' OR k.rep_id IN (SELECT id FROM @reps WHERE "
                                       "team = $9::text))") +
                       " ORDER BY k.happened_on, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(9, team);
    Quality q;
    KQ_TRY(q.voided, collect_contacts(s));
    q.voided_count = static_cast<int>(q.voided.size());
    if (q.voided_count > limit) q.voided.resize(static_cast<size_t>(limit));
    return q;
}

Result<std::optional<Person>> PgStore::find_person(int64_t id) {
    KQ_TRY(std::vector<Person> people, query_people("p.id = $1", id));
    if (people.empty()) return std::optional<Person>();
    return std::optional<Person>(people.front());
}

Result<std::vector<Person>> PgStore::list_people(int64_t customer_id) {
    return query_people("($1::bigint = 0 OR p.customer_id = $1::bigint)", customer_id);
}

Result<std::vector<Person>> PgStore::people_of(const CustomerFilter& filter) {
    KQ_TRY(PgStmt s,
           db_.prepare(fmt::format("SELECT {} FROM @people p JOIN @customers c ON c.id = p.customer_id "
                                   "WHERE {} ORDER BY c.code, p.id",
                                   rows::kPersonColumns, filter_sql(filter))));
    s.bind(9, filter_value(filter));
    return rows::all(s, rows::person<PgStmt>);
}

Result<std::vector<Person>> PgStore::birthdays_of(const CustomerFilter& filter,
                                                  const BirthdayMonths* months) {
    // A solar birthday's month is the MM of its last five characters; a lunar one's follows "lunar:" and an
    // optional L. Texts of neither shape (not written by keqing) are read and left to the parser.
    constexpr std::string_view kMonths =
        "AND CASE WHEN p.birthday ~ '^lunar:L?[0-9]+-' "
        "THEN split_part(ltrim(substr(p.birthday, 7), 'L'), '-', 1)::integer = ANY($2::integer[]) "
        "WHEN right(p.birthday, 5) ~ '^[0-9][0-9]-' THEN substr(right(p.birthday, 5), 1, 2)::integer = "
        "ANY($3::integer[]) ELSE TRUE END";
    const bool everyone = filter.kind == CustomerFilter::Kind::all;
    KQ_TRY(PgStmt s,
           db_.prepare(fmt::format("SELECT p.id, p.customer_id, p.name, p.birthday FROM @people p {} WHERE "
                                   "p.birthday <> '' AND {} {}",
                                   everyone ? "" : "JOIN @customers c ON c.id = p.customer_id",
                                   everyone ? "TRUE" : filter_sql(filter), months ? kMonths : "")));
    if (!everyone) s.bind(9, filter_value(filter));
    if (months) s.bind(2, int_array(months->lunar)).bind(3, int_array(months->solar));
    return rows::all(s, rows::birthday<PgStmt>);
}

Result<std::vector<Person>> PgStore::query_people(std::string_view where, int64_t id) {
    KQ_TRY(PgStmt s,
           db_.prepare(fmt::format("SELECT {} FROM @people p JOIN @customers c ON c.id = p.customer_id "
                                   "WHERE {} ORDER BY c.code, p.id",
                                   rows::kPersonColumns, where)));
    s.bind(1, id);
    return rows::all(s, rows::person<PgStmt>);
}

Result<std::vector<LifeEvent>> PgStore::list_events(core::Date from, core::Date to, int64_t customer_id) {
    return query_events("($3::bigint = 0 OR e.customer_id = $3::bigint)", from, to, customer_id, {});
}

Result<std::vector<LifeEvent>> PgStore::events_of(core::Date from, core::Date to,
                                                  const CustomerFilter& filter) {
    return query_events(filter_sql(filter), from, to, 0, filter);
}

Result<std::vector<LifeEvent>> PgStore::query_events(std::string_view where, core::Date from, core::Date to,
                                                     int64_t customer_id, const CustomerFilter& filter) {
    KQ_TRY(
        PgStmt s,
        db_.prepare(fmt::format(
            "SELECT {} FROM @life_events e JOIN @customers c ON c.id = e.customer_id LEFT JOIN @people p ON "
            "p.id = e.person_id WHERE e.happened_on BETWEEN $1::text AND $2::text AND {} ORDER BY "
            "e.happened_on, e.id",
            rows::kEventColumns, where)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id).bind(9, filter_value(filter));
    return rows::all(s, rows::event<PgStmt>);
}

} // namespace keqing::store
