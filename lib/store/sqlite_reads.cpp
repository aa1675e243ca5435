// The SQLite implementation of Store, part two: every read. Customers come with their whole tier and
// rep history in one ordered join and the entry in effect is picked here; a range's contacts are read in
// one pass over a covering index and added up by ActivityBuilder.
#include "store/activity.hpp"
#include "store/history.hpp"
#include "store/sqlite_store.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace keqing::store {
namespace {

constexpr std::string_view kContactColumns = R"(
    k.id, k.customer_id, c.code, k.channel, k.happened_on, k.happened_at, k.rep_id, k.note, k.gift, k.occasion,
    k.feedback, k.preference, k.favour, k.family, k.competitor, k.slow_mover, k.asked_help, k.solved, k.training,
    k.logged_at, coalesce(k.voided_at, ''), coalesce(k.void_reason, '')
)";

Contact read_contact(const Stmt& s) {
    Contact c;
    c.id = s.integer(0);
    c.customer_id = s.integer(1);
    c.customer_code = s.text(2);
    c.channel = s.text(3);
    c.date = date_column(s, 4).value_or(core::Date{});
    c.time = s.text(5);
    c.rep = s.text(6);
    c.note = s.text(7);
    c.gift = s.integer(8) != 0;
    c.occasion = s.text(9);
    for (int i = 0; i < 6; ++i) c.checklist[static_cast<size_t>(i)] = s.text(10 + i);
    c.asked_help = s.integer(16) != 0;
    c.solved = s.text(17);
    c.training = s.integer(18) != 0;
    c.logged_at = s.text(19);
    c.voided_at = s.text(20);
    c.void_reason = s.text(21);
    return c;
}

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
constexpr std::string_view kRangeInOrder =
    "happened_on BETWEEN ?1 AND ?2 AND voided_at IS NULL {} ORDER BY happened_on, customer_id, channel, rep_id";

std::string ids_json(const std::vector<int64_t>& ids) {
    std::string out = "[";
    for (const int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "]";
}

} // namespace

std::string_view SqliteStore::filter_sql(const CustomerFilter& filter) {
    switch (filter.kind) {
    case CustomerFilter::Kind::all: return "(?9 IS NOT NULL OR 1)";
    case CustomerFilter::Kind::rep: return "c.id IN (SELECT customer_id FROM assignments WHERE rep_id = ?9)";
    case CustomerFilter::Kind::team:
        return "c.id IN (SELECT a.customer_id FROM assignments a JOIN reps r ON r.id = a.rep_id WHERE r.team = ?9)";
    case CustomerFilter::Kind::code: return "c.code = ?9";
    case CustomerFilter::Kind::ids: return "c.id IN (SELECT value FROM json_each(?9))";
    }
    return "1";
}

Result<std::optional<Rep>> SqliteStore::find_rep(const std::string& id) {
    KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM reps WHERE id = ?1"));
    s.bind(1, id);
    KQ_TRY(bool row, s.step());
    if (!row) return std::optional<Rep>();
    return std::optional<Rep>(Rep{s.text(0), s.text(1), s.text(2)});
}

Result<std::vector<Rep>> SqliteStore::list_reps() {
    KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM reps ORDER BY team, id"));
    std::vector<Rep> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(Rep{s.text(0), s.text(1), s.text(2)});
    }
    return out;
}

Result<std::vector<Customer>> SqliteStore::customers_on(std::string_view where, core::Date on,
                                                        const std::function<void(Stmt&)>& bind) {
    KQ_TRY(Stmt s, db_.prepare(select_with_history(where)));
    bind(s);
    const std::string day = on.iso();
    std::vector<Customer> out;
    KQ_CHECK(each_customer(
        s,
        [&](const Stmt& r) {
            out.push_back(Customer{r.integer(0), r.text(1), r.text(2), date_column(r, 3), date_column(r, 4), r.text(5),
                                   r.text(6), r.text(7), "", ""});
            return std::pair(day, day);
        },
        [&](const std::string& tier, const std::string& rep) {
            out.back().tier = tier;
            out.back().rep = rep;
        }));
    return out;
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
    return customers_on(filter_sql(filter), on, [&](Stmt& s) { s.bind(9, filter.value); });
}

Result<std::vector<MonthCustomer>> SqliteStore::month_customers(core::Month month, const CustomerFilter& filter) {
    KQ_TRY(std::vector<Rep> reps, list_reps());
    std::unordered_map<std::string, std::string> team_of;
    for (auto& r : reps) team_of.emplace(std::move(r.id), std::move(r.team));
    std::vector<MonthCustomer> out;
    if (filter.kind == CustomerFilter::Kind::all) {
        KQ_TRY(Stmt count, db_.prepare("SELECT count(*) FROM customers"));
        KQ_TRY(bool row, count.step());
        if (row) out.reserve(static_cast<size_t>(count.integer(0)));
    }
    // ?1 first day, ?2 last day: active on some day of the month.
    KQ_TRY(Stmt s, db_.prepare(select_with_history(fmt::format(
                       "(c.opened_on IS NULL OR c.opened_on <= ?2) AND (c.closed_on IS NULL OR c.closed_on >= ?1) "
                       "AND {}",
                       filter_sql(filter)))));
    const core::Date first = month.first();
    const std::string first_iso = first.iso(), last_iso = month.last().iso();
    s.bind(1, first_iso).bind(2, last_iso).bind(9, filter.value);
    // The tier on the month's first day, or on the day the customer opened if later; the rep at its end.
    KQ_CHECK(each_customer(
        s,
        [&](const Stmt& r) {
            out.push_back(MonthCustomer{r.integer(0), r.text(1), r.text(2), date_column(r, 3), date_column(r, 4), "", "", ""});
            const auto& opened = out.back().opened_on;
            return std::pair(opened && *opened > first ? opened->iso() : first_iso, last_iso);
        },
        [&](const std::string& tier, const std::string& rep) {
            MonthCustomer& c = out.back();
            c.tier = tier;
            c.rep = rep;
            if (const auto team = team_of.find(rep); team != team_of.end()) c.team = team->second;
        }));
    return out;
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

Result<std::vector<HistoryEntry>> SqliteStore::history(std::string_view sql, int64_t customer_id) {
    KQ_TRY(Stmt s, db_.prepare(sql));
    s.bind(1, customer_id);
    std::vector<HistoryEntry> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(HistoryEntry{s.text(0), date_column(s, 1), s.text(2)});
        if (s.view(1) == kSinceAlways) out.back().from.reset();
    }
    return out;
}

std::string SqliteStore::select_contacts(std::string_view where) {
    return fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE {}", kContactColumns,
                       where);
}

Result<std::vector<Contact>> SqliteStore::collect_contacts(Stmt& s) {
    std::vector<Contact> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(read_contact(s));
    }
    return out;
}

Result<std::optional<Contact>> SqliteStore::find_contact(int64_t id) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.id = ?1")));
    s.bind(1, id);
    KQ_TRY(bool row, s.step());
    if (!row) return std::optional<Contact>();
    return std::optional<Contact>(read_contact(s));
}

Result<std::vector<Contact>> SqliteStore::customer_contacts(int64_t customer_id, core::Date from, core::Date to) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.customer_id = ?1 AND k.happened_on BETWEEN ?2 AND ?3") +
                               " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, customer_id).bind(2, from.iso()).bind(3, to.iso());
    return collect_contacts(s);
}

Result<std::vector<Contact>> SqliteStore::tagged_contacts(core::Date from, core::Date to) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.happened_on BETWEEN ?1 AND ?2 AND k.occasion <> ''") +
                               " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso());
    return collect_contacts(s);
}

Result<std::vector<Contact>> SqliteStore::contacts_between(core::Date from, core::Date to) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("substr(k.happened_on, 1, 7) BETWEEN ?3 AND ?4 AND k.happened_on "
                                               "BETWEEN ?1 AND ?2") +
                               " ORDER BY k.happened_on, k.happened_at, k.id"));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, core::Month::of(from).iso()).bind(4, core::Month::of(to).iso());
    return collect_contacts(s);
}

Result<Activity> SqliteStore::activity(core::Date from, core::Date to, CountPolicy policy, const ContactScope& scope,
                                       const FindingRules* findings) {
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
        where = fmt::format(" INDEXED BY contacts_customer WHERE customer_id IN (SELECT value FROM json_each(?5)) AND {}",
                            fmt::format(fmt::runtime(kRangeInOrder), late));
        break;
    case ContactScope::Kind::rep:
        where = fmt::format(" INDEXED BY contacts_rep WHERE rep_id = ?5 AND {}", fmt::format(fmt::runtime(kRangeInOrder), late));
        break;
    case ContactScope::Kind::team:
        where = fmt::format(" INDEXED BY contacts_rep WHERE rep_id IN (SELECT id FROM reps WHERE team = ?5) AND {}",
                            fmt::format(fmt::runtime(kRangeInOrder), late));
        break;
    }
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT {} FROM contacts{}", findings ? kFindingFacts : kCountFacts, where)));
    s.bind(1, from.iso()).bind(2, to.iso());
    if (scope.kind == ContactScope::Kind::all) s.bind(3, core::Month::of(from).iso()).bind(4, core::Month::of(to).iso());
    else if (scope.kind == ContactScope::Kind::customers) s.bind(5, ids_json(scope.customers));
    else s.bind(5, scope.value);
    if (!late.empty()) s.bind(6, policy.late_after_days);
    ActivityBuilder builder(policy, findings);
    if (findings) {
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            builder.add(ContactFacts{s.integer(6), s.integer(0), s.view(1), s.view(2), s.view(5), s.integer(3), s.integer(4)});
        }
    } else {
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            builder.add(ContactFacts{0, s.integer(0), s.view(1), s.view(2), {}, s.integer(3), 0});
        }
    }
    Activity out = builder.finish();
    if (findings) KQ_CHECK(complete_findings(out.findings, findings->limit));
    return out;
}

Result<void> SqliteStore::complete_findings(Quality& found, int limit) {
    if (!found.late.empty()) {
        std::vector<int64_t> ids;
        for (const auto& k : found.late) ids.push_back(k.id);
        KQ_TRY(Stmt s, db_.prepare(select_contacts("k.id IN (SELECT value FROM json_each(?1))") +
                                   " ORDER BY k.happened_on, k.id"));
        s.bind(1, ids_json(ids));
        KQ_TRY(found.late, collect_contacts(s));
    }
    std::vector<Duplicate>& duplicates = found.duplicates;
    cut_duplicates(duplicates, limit);
    std::map<int64_t, std::string> codes;
    for (const auto& d : duplicates) codes.emplace(d.customer_id, "");
    for (auto& [id, code] : codes) {
        KQ_TRY(Stmt s, db_.prepare("SELECT code FROM customers WHERE id = ?1"));
        s.bind(1, id);
        KQ_TRY(bool row, s.step());
        if (row) code = s.text(0);
    }
    for (auto& d : duplicates) d.customer_code = codes[d.customer_id];
    std::stable_sort(duplicates.begin(), duplicates.end(), [](const Duplicate& a, const Duplicate& b) {
        return std::tie(a.date, a.customer_code, a.channel) < std::tie(b.date, b.customer_code, b.channel);
    });
    if (static_cast<int>(duplicates.size()) > limit) duplicates.resize(static_cast<size_t>(limit));
    return {};
}

Result<Quality> SqliteStore::voided_contacts(core::Date from, core::Date to, int limit, const std::string& team) {
    KQ_TRY(Stmt s, db_.prepare(select_contacts("k.happened_on BETWEEN ?1 AND ?2 AND k.voided_at IS NOT NULL AND "
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
                       "SELECT p.id, p.customer_id, c.code, p.name, p.role, p.birthday, p.preferences, p.family, "
                       "p.personality, p.note FROM people p JOIN customers c ON c.id = p.customer_id WHERE {} "
                       "ORDER BY c.code, p.id",
                       filter_sql(filter))));
    s.bind(9, filter.value);
    return collect_people(s);
}

Result<std::vector<Person>> SqliteStore::birthdays_of(const CustomerFilter& filter, const BirthdayMonths* months) {
    // A solar birthday's month is the MM of its last five characters (MM-DD or YYYY-MM-DD); a lunar one's
    // follows "lunar:" and an optional L.
    constexpr std::string_view kMonths =
        "AND CASE WHEN substr(p.birthday, 1, 6) = 'lunar:' "
        "THEN CAST(ltrim(substr(p.birthday, 7), 'L') AS INTEGER) IN (SELECT value FROM json_each(?2)) "
        "ELSE CAST(substr(p.birthday, -5, 2) AS INTEGER) IN (SELECT value FROM json_each(?3)) END";
    const bool everyone = filter.kind == CustomerFilter::Kind::all;
    KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT p.id, p.customer_id, p.name, p.birthday FROM people p {} WHERE "
                                           "p.birthday <> '' AND {} {}",
                                           everyone ? "" : "JOIN customers c ON c.id = p.customer_id",
                                           everyone ? "1" : filter_sql(filter), months ? kMonths : "")));
    if (!everyone) s.bind(9, filter.value);
    if (months) {
        auto json = [](const std::vector<int>& list) {
            std::string out = "[";
            for (const int m : list) out += (out.size() > 1 ? "," : "") + std::to_string(m);
            return out + "]";
        };
        s.bind(2, json(months->lunar)).bind(3, json(months->solar));
    }
    std::vector<Person> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        Person& p = out.emplace_back();
        p.id = s.integer(0);
        p.customer_id = s.integer(1);
        p.name = s.text(2);
        p.birthday = s.text(3);
    }
    return out;
}

Result<std::vector<Person>> SqliteStore::query_people(std::string_view where, int64_t id) {
    KQ_TRY(Stmt s, db_.prepare(fmt::format(
                       "SELECT p.id, p.customer_id, c.code, p.name, p.role, p.birthday, p.preferences, p.family, "
                       "p.personality, p.note FROM people p JOIN customers c ON c.id = p.customer_id WHERE {} "
                       "ORDER BY c.code, p.id",
                       where)));
    s.bind(1, id);
    return collect_people(s);
}

Result<std::vector<Person>> SqliteStore::collect_people(Stmt& s) {
    std::vector<Person> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(Person{s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                             s.text(7), s.text(8), s.text(9)});
    }
    return out;
}

Result<std::vector<LifeEvent>> SqliteStore::list_events(core::Date from, core::Date to, int64_t customer_id) {
    return query_events("(?3 = 0 OR e.customer_id = ?3)", from, to, customer_id, {});
}

Result<std::vector<LifeEvent>> SqliteStore::events_of(core::Date from, core::Date to, const CustomerFilter& filter) {
    return query_events(filter_sql(filter), from, to, 0, filter);
}

Result<std::vector<LifeEvent>> SqliteStore::query_events(std::string_view where, core::Date from, core::Date to,
                                                         int64_t customer_id, const CustomerFilter& filter) {
    KQ_TRY(Stmt s, db_.prepare(fmt::format(R"(
        SELECT e.id, e.customer_id, c.code, coalesce(e.person_id, 0), coalesce(p.name, ''), e.kind,
               e.happened_on, e.note
        FROM life_events e JOIN customers c ON c.id = e.customer_id LEFT JOIN people p ON p.id = e.person_id
        WHERE e.happened_on BETWEEN ?1 AND ?2 AND {}
        ORDER BY e.happened_on, e.id)",
                                           where)));
    s.bind(1, from.iso()).bind(2, to.iso()).bind(3, customer_id).bind(9, filter.value);
    std::vector<LifeEvent> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(LifeEvent{s.integer(0), s.integer(1), s.text(2), s.integer(3), s.text(4), s.text(5),
                                date_column(s, 6).value_or(core::Date{}), s.text(7)});
    }
    return out;
}

} // namespace keqing::store
