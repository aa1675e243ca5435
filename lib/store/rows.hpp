// What result rows mean, once for both stores: contacts, people, life events, reps, tier and rep history,
// customers with the tier and rep in effect, the month's customers, a pass over contacts added up. The
// SQL differs between SQLite and PostgreSQL; the columns each reader expects, in order, do not. Works on
// any statement type with step(), integer(), text(), view() and is_null() (Stmt, PgStmt).
#pragma once

#include "core/json.hpp"
#include "store/history.hpp"
#include "store/statement.hpp"
#include "store/types.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keqing::store {

// '0001-01-01' in a history table means "since the customer's start".
inline constexpr std::string_view kSinceAlways = "0001-01-01";

// What a query binds for a filter (its ?9 / $9): the rep, team or code, or the id, code or rep list as JSON.
inline std::string filter_value(const Scope& filter) {
    std::string out;
    switch (filter.kind) {
    case Scope::Kind::ids:
        return "[" + joined(filter.ids) + "]";
    case Scope::Kind::codes:
    case Scope::Kind::reps:
        out = "[";
        for (const std::string& code : filter.codes) {
            if (out.size() > 1) out += ',';
            core::append_json_quoted(out, code);
        }
        return out + "]";
    default:
        return filter.value;
    }
}

// The bits a store keeps in a contact's `flags` (schemas/002): checklist items R12–R17 in bits 0–5,
// asked_help 6, training 7, a problem solved 8.
inline int64_t contact_flags(const Contact& c) {
    int64_t flags = 0;
    for (size_t i = 0; i < c.checklist.size(); ++i)
        if (!c.checklist[i].empty()) flags |= int64_t{1} << i;
    return flags | (c.asked_help ? 1 << 6 : 0) | (c.training ? 1 << 7 : 0) | (c.solved.empty() ? 0 : 1 << 8);
}

// Days from the day a contact happened to the day it was logged (its `lag`, schemas/003); 0 when logged_at
// does not start with a date.
inline int64_t contact_lag(const Contact& c) {
    const auto logged = core::parse_date(std::string_view(c.logged_at).substr(0, 10), "logged_at");
    return logged ? *logged - c.date : 0;
}

// A date as its column value: ISO text, or NULL.
inline std::optional<std::string> iso_or_null(const std::optional<core::Date>& d) {
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

} // namespace keqing::store

namespace keqing::store::rows {

// A date column, or nothing when it is NULL or not a date.
template <class S> std::optional<core::Date> date(const S& s, int column) {
    if (s.is_null(column)) return std::nullopt;
    auto d = core::parse_date(s.view(column), "stored date");
    return d ? std::optional<core::Date>(*d) : std::nullopt;
}

// Every row of `s`, each made by `read`.
template <class S, class Read> auto all(S& s, Read read) -> Result<std::vector<decltype(read(s))>> {
    std::vector<decltype(read(s))> out;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        out.push_back(read(s));
    }
    return out;
}

// The columns of a contact `k` and its customer `c`, as contact() reads them.
inline constexpr std::string_view kContactColumns = R"(
    k.id, k.customer_id, c.code, k.channel, k.happened_on, k.happened_at, k.rep_id, k.note, k.gift, k.occasion,
    k.feedback, k.preference, k.favour, k.family, k.competitor, k.slow_mover, k.asked_help, k.solved, k.training,
    k.logged_at, coalesce(k.voided_at, ''), coalesce(k.void_reason, ''), k.ref
)";

template <class S> Contact contact(const S& s) {
    Contact c;
    c.id = s.integer(0);
    c.customer_id = s.integer(1);
    c.customer_code = s.text(2);
    c.channel = s.text(3);
    c.date = date(s, 4).value_or(core::Date{});
    c.time = s.text(5);
    c.rep = s.text(6);
    c.note = s.text(7);
    c.gift = s.integer(8) != 0;
    c.occasion = s.text(9);
    for (int i = 0; i < 6; ++i)
        c.checklist[static_cast<size_t>(i)] = s.text(10 + i);
    c.asked_help = s.integer(16) != 0;
    c.solved = s.text(17);
    c.training = s.integer(18) != 0;
    c.logged_at = s.text(19);
    c.voided_at = s.text(20);
    c.void_reason = s.text(21);
    c.ref = s.text(22);
    return c;
}

// The columns of a person `p` and its customer `c`, as person() reads them.
inline constexpr std::string_view kPersonColumns = "p.id, p.customer_id, c.code, p.name, p.role, p.birthday, "
                                                   "p.preferences, p.family, p.personality, p.note, "
                                                   "coalesce(p.removed_at, ''), p.removed_reason";

template <class S> Person person(const S& s) {
    return Person{s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4),  s.text(5),
                  s.text(6),    s.text(7),    s.text(8), s.text(9), s.text(10), s.text(11)};
}

// id, customer_id, name, birthday: what birthday obligations need.
template <class S> Person birthday(const S& s) {
    Person p;
    p.id = s.integer(0);
    p.customer_id = s.integer(1);
    p.name = s.text(2);
    p.birthday = s.text(3);
    return p;
}

// The columns of a life event `e`, its customer `c` and its person `p` (left-joined).
inline constexpr std::string_view kEventColumns = "e.id, e.customer_id, c.code, coalesce(e.person_id, 0), "
                                                  "coalesce(p.name, ''), e.kind, e.happened_on, e.note, "
                                                  "coalesce(e.removed_at, ''), e.removed_reason";

template <class S> LifeEvent event(const S& s) {
    return LifeEvent{s.integer(0),
                     s.integer(1),
                     s.text(2),
                     s.integer(3),
                     s.text(4),
                     s.text(5),
                     date(s, 6).value_or(core::Date{}),
                     s.text(7),
                     s.text(8),
                     s.text(9)};
}

// id, name, team.
template <class S> Rep rep(const S& s) {
    return Rep{s.text(0), s.text(1), s.text(2)};
}

// hash, file, rows, imported_at, login.
template <class S> ImportRecord import_record(const S& s) {
    return ImportRecord{s.text(0), s.text(1), static_cast<int>(s.integer(2)), s.text(3), s.text(4)};
}

// value, effective_from ('0001-01-01' = since the start), recorded_at.
template <class S> HistoryEntry history_entry(const S& s) {
    HistoryEntry h{s.text(0), date(s, 1), s.text(2)};
    if (s.view(1) == "0001-01-01") h.from.reset();
    return h;
}

// The rep histories of the customers a filter allows (filter_sql, parameter 9): history_entry's columns,
// then the customer's id (tables named as store/relations.hpp reads them).
inline constexpr std::string_view kRepHistories =
    "SELECT a.rep_id, a.effective_from, a.recorded_at, a.customer_id FROM @assignments a "
    "JOIN @customers c ON c.id = a.customer_id WHERE {} ORDER BY a.customer_id, a.effective_from";

template <class S> std::pair<int64_t, HistoryEntry> customer_history_entry(const S& s) {
    return {s.integer(3), history_entry(s)};
}

// select_with_history rows as customers with the tier and rep in effect on `on`.
// `expected`: how many rows there will be at most, when known (the list is then allocated once).
template <class S> Result<std::vector<Customer>> customers(S& s, core::Date on, size_t expected = 0) {
    const std::string day = on.iso();
    std::vector<Customer> out;
    out.reserve(expected);
    KQ_CHECK(each_customer(
        s,
        [&](const S& r) {
            out.push_back(Customer{r.integer(0), r.text(1), r.text(2), date(r, 3), date(r, 4), r.text(5),
                                   r.text(6), r.text(7), "", ""});
            return std::pair(day, day);
        },
        [&](const std::string& tier, const std::string& rep) {
            out.back().tier = tier;
            out.back().rep = rep;
        }));
    return out;
}

// Each rep's team, by rep id (what a month's customer carries beside its rep).
inline std::unordered_map<std::string, std::string> teams_by_rep(std::vector<Rep> reps) {
    std::unordered_map<std::string, std::string> team_of;
    for (auto& r : reps)
        team_of.emplace(std::move(r.id), std::move(r.team));
    return team_of;
}

// Each customer's team: its rep's, from `reps`.
inline void set_teams(std::vector<MonthCustomer>& customers, std::vector<Rep> reps) {
    const std::unordered_map<std::string, std::string> team_of = teams_by_rep(std::move(reps));
    for (MonthCustomer& c : customers)
        if (const auto team = team_of.find(c.rep); team != team_of.end()) c.team = team->second;
}

// The reps the customers have, each once.
inline std::vector<std::string> reps_of(const std::vector<MonthCustomer>& customers) {
    std::vector<std::string> reps;
    for (const MonthCustomer& c : customers)
        if (!c.rep.empty()) reps.push_back(c.rep);
    std::sort(reps.begin(), reps.end());
    reps.erase(std::unique(reps.begin(), reps.end()), reps.end());
    return reps;
}

// select_with_history rows as a month's customers: the tier on the month's first day (or the day the
// customer opened, if later) and the rep on its last day; teams are set_teams'.
template <class S>
Result<std::vector<MonthCustomer>> month_customers(S& s, core::Month month, size_t expected) {
    const core::Date first = month.first();
    const std::string first_iso = first.iso(), last_iso = month.last().iso();
    std::vector<MonthCustomer> out;
    out.reserve(expected);
    KQ_CHECK(each_customer(
        s,
        [&](const S& r) {
            out.push_back(
                MonthCustomer{r.integer(0), r.text(1), r.text(2), date(r, 3), date(r, 4), "", "", ""});
            const auto& opened = out.back().opened_on;
            return std::pair(opened && *opened > first ? opened->iso() : first_iso, last_iso);
        },
        [&](const std::string& tier, const std::string& rep) {
            MonthCustomer& c = out.back();
            c.tier = tier;
            c.rep = rep;
        }));
    return out;
}

// A history read in customer id order (customer_id, value, effective_from), stepped along with the
// customers: the value in effect for each customer on a day.
template <class S> class HistoryCursor {
  public:
    explicit HistoryCursor(S& s) : s_(s) {}
    // The value in effect on `day` for customer `id` (ids asked in increasing order); "" without entries.
    Result<void> value_on(int64_t id, std::string_view day, std::string& out) {
        InEffect in_effect;
        bool any = false;
        while (true) {
            if (!pending_) {
                KQ_TRY(bool row, s_.step());
                if (!row) break;
                pending_ = true;
            }
            const int64_t of = s_.integer(0);
            if (of > id) break;
            if (of == id) {
                in_effect.consider(s_.view(1), s_.view(2), day);
                any = true;
            }
            pending_ = false;
        }
        if (any)
            out = in_effect.value();
        else
            out.clear();
        return {};
    }

  private:
    S& s_;
    bool pending_ = false; // the statement stands on a row not yet taken
};

// month_customers from three reads in id order — the active customers (id, code, name, opened_on,
// closed_on), their tier history and their rep history (HistoryCursor's columns) — put in code order.
template <class S>
Result<std::vector<MonthCustomer>> month_customers_merged(S& customers, S& tiers, S& assigned,
                                                          core::Month month, std::vector<Rep> reps,
                                                          size_t expected) {
    const std::unordered_map<std::string, std::string> team_of = teams_by_rep(std::move(reps));
    const core::Date first = month.first();
    const std::string first_iso = first.iso(), last_iso = month.last().iso();
    HistoryCursor<S> tier_of(tiers), rep_of(assigned);
    std::vector<MonthCustomer> out;
    out.reserve(expected);
    while (true) {
        KQ_TRY(bool row, customers.step());
        if (!row) break;
        MonthCustomer& c =
            out.emplace_back(MonthCustomer{customers.integer(0), customers.text(1), customers.text(2),
                                           date(customers, 3), date(customers, 4), "", "", ""});
        const std::string tier_day = c.opened_on && *c.opened_on > first ? c.opened_on->iso() : first_iso;
        KQ_CHECK(tier_of.value_on(c.id, tier_day, c.tier));
        KQ_CHECK(rep_of.value_on(c.id, last_iso, c.rep));
        if (const auto team = team_of.find(c.rep); team != team_of.end()) c.team = team->second;
    }
    if (!std::is_sorted(out.begin(), out.end(),
                        [](const MonthCustomer& a, const MonthCustomer& b) { return a.code < b.code; }))
        std::sort(out.begin(), out.end(),
                  [](const MonthCustomer& a, const MonthCustomer& b) { return a.code < b.code; });
    return out;
}

} // namespace keqing::store::rows
