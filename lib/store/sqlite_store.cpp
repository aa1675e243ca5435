// The SQLite implementation of Store: migrations on open (PRAGMA user_version), effective-dated
// history queries, and contact counting pushed into SQL.
#include "store/migrations.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace keqing::store {
namespace {

constexpr std::string_view kSinceAlways = "0001-01-01";

std::optional<core::Date> date_column(const Stmt& s, int column) {
    if (s.is_null(column)) return std::nullopt;
    auto d = core::parse_date(s.text(column), "stored date");
    return d ? std::optional<core::Date>(*d) : std::nullopt;
}

std::optional<std::string> iso_or_null(const std::optional<core::Date>& d) {
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

// Tier and rep in effect on day ?1 (falling back to the earliest entry when ?1 precedes them all).
constexpr std::string_view kCustomerColumns = R"(
    c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
    coalesce((SELECT tier FROM tier_history t WHERE t.customer_id = c.id AND t.effective_from <= ?1
              ORDER BY t.effective_from DESC LIMIT 1),
             (SELECT tier FROM tier_history t WHERE t.customer_id = c.id ORDER BY t.effective_from LIMIT 1)),
    coalesce((SELECT rep_id FROM assignments a WHERE a.customer_id = c.id AND a.effective_from <= ?1
              ORDER BY a.effective_from DESC LIMIT 1),
             (SELECT rep_id FROM assignments a WHERE a.customer_id = c.id ORDER BY a.effective_from LIMIT 1))
)";

Customer read_customer(const Stmt& s) {
    return Customer{s.integer(0), s.text(1), s.text(2), date_column(s, 3), date_column(s, 4),
                    s.text(5),    s.text(6), s.text(7), s.text(8),         s.text(9)};
}

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

class SqliteStore final : public Store {
  public:
    Result<void> open(const std::string& path) {
        KQ_CHECK(db_.open(path));
        return migrate();
    }

    // Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT (retried while another process holds
    // the lock), inner ones are savepoints.
    Result<void> begin() override {
        KQ_CHECK(depth_ == 0 ? db_.exec_retrying("BEGIN IMMEDIATE", "starting a transaction")
                             : db_.exec(fmt::format("SAVEPOINT kq_{}", depth_), "starting a transaction"));
        ++depth_;
        return {};
    }
    Result<void> commit() override {
        KQ_CHECK(depth_ == 1 ? db_.exec_retrying("COMMIT", "committing")
                             : db_.exec(fmt::format("RELEASE kq_{}", depth_ - 1), "committing"));
        --depth_;
        return {};
    }
    void rollback() override {
        if (depth_ == 0) return;
        --depth_;
        if (depth_ == 0) (void)db_.exec("ROLLBACK", "rolling back");
        else (void)db_.exec(fmt::format("ROLLBACK TO kq_{0}; RELEASE kq_{0}", depth_), "rolling back");
    }

    Result<void> add_rep(const Rep& rep) override {
        KQ_TRY(Stmt s, db_.prepare("INSERT INTO reps (id, name, team, created_at) VALUES (?1, ?2, ?3, ?4)"));
        return s.bind(1, rep.id).bind(2, rep.name).bind(3, rep.team).bind(4, core::now().iso()).run();
    }

    Result<std::optional<Rep>> find_rep(const std::string& id) override {
        KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM reps WHERE id = ?1"));
        s.bind(1, id);
        KQ_TRY(bool row, s.step());
        if (!row) return std::optional<Rep>();
        return std::optional<Rep>(Rep{s.text(0), s.text(1), s.text(2)});
    }

    Result<std::vector<Rep>> list_reps() override {
        KQ_TRY(Stmt s, db_.prepare("SELECT id, name, team FROM reps ORDER BY team, id"));
        std::vector<Rep> out;
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            out.push_back(Rep{s.text(0), s.text(1), s.text(2)});
        }
        return out;
    }

    Result<int64_t> add_customer(const Customer& c) override {
        KQ_TRY(Stmt s, db_.prepare("INSERT INTO customers (code, name, opened_on, closed_on, phone, address, stage, "
                                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        const std::string now = core::now().iso();
        KQ_CHECK(s.bind(1, c.code)
                     .bind(2, c.name)
                     .bind(3, iso_or_null(c.opened_on))
                     .bind(4, iso_or_null(c.closed_on))
                     .bind(5, c.phone)
                     .bind(6, c.address)
                     .bind(7, c.stage)
                     .bind(8, now)
                     .run());
        const int64_t id = sqlite3_last_insert_rowid(db_.handle());
        const std::string from = c.opened_on ? c.opened_on->iso() : std::string(kSinceAlways);
        KQ_CHECK(put_history("INSERT INTO tier_history (customer_id, tier, effective_from, recorded_at) VALUES "
                             "(?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET tier = excluded.tier, "
                             "recorded_at = excluded.recorded_at",
                             id, c.tier, from));
        KQ_CHECK(put_history("INSERT INTO assignments (customer_id, rep_id, effective_from, recorded_at) VALUES "
                             "(?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET rep_id = excluded.rep_id, "
                             "recorded_at = excluded.recorded_at",
                             id, c.rep, from));
        return id;
    }

    Result<void> update_customer(const Customer& c) override {
        KQ_TRY(Stmt s, db_.prepare("UPDATE customers SET name = ?2, opened_on = ?3, closed_on = ?4, phone = ?5, "
                                   "address = ?6, stage = ?7 WHERE id = ?1"));
        return s.bind(1, c.id)
            .bind(2, c.name)
            .bind(3, iso_or_null(c.opened_on))
            .bind(4, iso_or_null(c.closed_on))
            .bind(5, c.phone)
            .bind(6, c.address)
            .bind(7, c.stage)
            .run();
    }

    Result<std::vector<Customer>> find_customers(const std::string& text, Match how, core::Date on) override {
        static const std::string by_code = select_customers("c.code = ?2");
        static const std::string by_name = select_customers("c.name = ?2");
        static const std::string by_prefix =
            select_customers("(substr(c.name, 1, length(?2)) = ?2 OR substr(lower(c.code), 1, length(?2)) = lower(?2))");
        static const std::string by_substring = select_customers("instr(c.name, ?2) > 0");
        const std::string& sql = how == Match::code     ? by_code
                                 : how == Match::name   ? by_name
                                 : how == Match::prefix ? by_prefix
                                                        : by_substring;
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, on.iso()).bind(2, text);
        return collect_customers(s);
    }

    Result<std::vector<Customer>> list_customers(core::Date on, const CustomerFilter& filter) override {
        KQ_TRY(Stmt s, db_.prepare(select_customers(filter_sql(filter))));
        s.bind(1, on.iso()).bind(9, filter.value);
        return collect_customers(s);
    }

    Result<void> set_tier(int64_t customer_id, const std::string& tier, core::Date from) override {
        return put_history("INSERT INTO tier_history (customer_id, tier, effective_from, recorded_at) VALUES "
                           "(?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET tier = excluded.tier, "
                           "recorded_at = excluded.recorded_at",
                           customer_id, tier, from.iso());
    }

    Result<void> assign_rep(int64_t customer_id, const std::string& rep, core::Date from) override {
        return put_history("INSERT INTO assignments (customer_id, rep_id, effective_from, recorded_at) VALUES "
                           "(?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET rep_id = excluded.rep_id, "
                           "recorded_at = excluded.recorded_at",
                           customer_id, rep, from.iso());
    }

    Result<std::vector<HistoryEntry>> tier_history(int64_t customer_id) override {
        return history("SELECT tier, effective_from, recorded_at FROM tier_history WHERE customer_id = ?1 "
                       "ORDER BY effective_from",
                       customer_id);
    }

    Result<std::vector<HistoryEntry>> rep_history(int64_t customer_id) override {
        return history("SELECT rep_id, effective_from, recorded_at FROM assignments WHERE customer_id = ?1 "
                       "ORDER BY effective_from",
                       customer_id);
    }

    Result<int64_t> add_contact(const Contact& c) override {
        KQ_TRY(Stmt s, db_.prepare("INSERT INTO contacts (customer_id, channel, happened_on, happened_at, rep_id, "
                                   "note, gift, occasion, feedback, preference, favour, family, competitor, "
                                   "slow_mover, asked_help, solved, training, logged_at, flags) VALUES (?1, ?2, ?3, "
                                   "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"));
        s.bind(1, c.customer_id)
            .bind(2, c.channel)
            .bind(3, c.date.iso())
            .bind(4, c.time)
            .bind(5, c.rep)
            .bind(6, c.note)
            .bind(7, c.gift)
            .bind(8, c.occasion);
        int64_t flags = 0;
        for (int i = 0; i < 6; ++i) {
            s.bind(9 + i, c.checklist[static_cast<size_t>(i)]);
            if (!c.checklist[static_cast<size_t>(i)].empty()) flags |= int64_t{1} << i;
        }
        flags |= (c.asked_help ? 1 << 6 : 0) | (c.training ? 1 << 7 : 0) | (c.solved.empty() ? 0 : 1 << 8);
        KQ_CHECK(s.bind(15, c.asked_help)
                     .bind(16, c.solved)
                     .bind(17, c.training)
                     .bind(18, c.logged_at)
                     .bind(19, flags)
                     .run());
        return static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()));
    }

    Result<std::optional<Contact>> find_contact(int64_t id) override {
        static const std::string sql = select_contacts("k.id = ?1");
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, id);
        KQ_TRY(bool row, s.step());
        if (!row) return std::optional<Contact>();
        return std::optional<Contact>(read_contact(s));
    }

    Result<void> void_contact(int64_t id, const std::string& reason, const std::string& at) override {
        KQ_TRY(Stmt s, db_.prepare("UPDATE contacts SET voided_at = ?2, void_reason = ?3 WHERE id = ?1"));
        return s.bind(1, id).bind(2, at).bind(3, reason).run();
    }

    Result<std::vector<Contact>> customer_contacts(int64_t customer_id, core::Date from, core::Date to) override {
        static const std::string sql =
            select_contacts("k.customer_id = ?1 AND k.happened_on BETWEEN ?2 AND ?3") + " ORDER BY k.happened_on, k.happened_at, k.id";
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, customer_id).bind(2, from.iso()).bind(3, to.iso());
        return collect_contacts(s);
    }

    Result<std::vector<Contact>> tagged_contacts(core::Date from, core::Date to) override {
        static const std::string sql = select_contacts("k.happened_on BETWEEN ?1 AND ?2 AND k.occasion <> ''") +
                                       " ORDER BY k.happened_on, k.happened_at, k.id";
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, from.iso()).bind(2, to.iso());
        return collect_contacts(s);
    }

    Result<std::vector<Contact>> contacts_between(core::Date from, core::Date to) override {
        static const std::string sql =
            select_contacts("k.happened_on BETWEEN ?1 AND ?2") + " ORDER BY k.happened_on, k.happened_at, k.id";
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, from.iso()).bind(2, to.iso());
        return collect_contacts(s);
    }

    Result<int64_t> add_person(const Person& p) override {
        KQ_TRY(Stmt s, db_.prepare("INSERT INTO people (customer_id, name, role, birthday, preferences, family, "
                                   "personality, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
        KQ_CHECK(s.bind(1, p.customer_id)
                     .bind(2, p.name)
                     .bind(3, p.role)
                     .bind(4, p.birthday)
                     .bind(5, p.preferences)
                     .bind(6, p.family)
                     .bind(7, p.personality)
                     .bind(8, p.note)
                     .bind(9, core::now().iso())
                     .run());
        return static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()));
    }

    Result<void> update_person(const Person& p) override {
        KQ_TRY(Stmt s, db_.prepare("UPDATE people SET name = ?2, role = ?3, birthday = ?4, preferences = ?5, "
                                   "family = ?6, personality = ?7, note = ?8 WHERE id = ?1"));
        return s.bind(1, p.id)
            .bind(2, p.name)
            .bind(3, p.role)
            .bind(4, p.birthday)
            .bind(5, p.preferences)
            .bind(6, p.family)
            .bind(7, p.personality)
            .bind(8, p.note)
            .run();
    }

    Result<std::optional<Person>> find_person(int64_t id) override {
        KQ_TRY(std::vector<Person> people, query_people("p.id = ?1", id));
        if (people.empty()) return std::optional<Person>();
        return std::optional<Person>(people.front());
    }

    Result<std::vector<Person>> list_people(int64_t customer_id) override {
        return query_people("(?1 = 0 OR p.customer_id = ?1)", customer_id);
    }

    Result<std::vector<Person>> people_of(const CustomerFilter& filter) override {
        KQ_TRY(Stmt s, db_.prepare(fmt::format(
                           "SELECT p.id, p.customer_id, c.code, p.name, p.role, p.birthday, p.preferences, p.family, "
                           "p.personality, p.note FROM people p JOIN customers c ON c.id = p.customer_id WHERE {} "
                           "ORDER BY c.code, p.id",
                           filter_sql(filter))));
        s.bind(9, filter.value);
        return collect_people(s);
    }

    Result<int64_t> add_event(const LifeEvent& e) override {
        KQ_TRY(Stmt s, db_.prepare("INSERT INTO life_events (customer_id, person_id, kind, happened_on, note, "
                                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        s.bind(1, e.customer_id);
        if (e.person_id) s.bind(2, e.person_id);
        else s.bind_null(2);
        KQ_CHECK(s.bind(3, e.kind).bind(4, e.date.iso()).bind(5, e.note).bind(6, core::now().iso()).run());
        return static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()));
    }

    Result<std::vector<LifeEvent>> list_events(core::Date from, core::Date to, int64_t customer_id) override {
        return query_events("(?3 = 0 OR e.customer_id = ?3)", from, to, customer_id, {});
    }

    Result<std::vector<LifeEvent>> events_of(core::Date from, core::Date to, const CustomerFilter& filter) override {
        return query_events(filter_sql(filter), from, to, 0, filter);
    }

    Result<std::vector<Tally>> tallies(core::Date from, core::Date to, CountPolicy policy,
                                       const std::vector<int64_t>* customers) override {
        if (!customers) return run_tallies("happened_on BETWEEN ?1 AND ?2", from, to, policy, nullptr, "");
        std::vector<Tally> out;
        for (const int64_t id : *customers) {
            KQ_TRY(std::vector<Tally> one,
                   run_tallies("customer_id = ?5 AND happened_on BETWEEN ?1 AND ?2", from, to, policy, &id, ""));
            out.insert(out.end(), one.begin(), one.end());
        }
        return out;
    }

    Result<std::vector<Tally>> rep_tallies(core::Date from, core::Date to, CountPolicy policy,
                                           const std::string& rep) override {
        return run_tallies("rep_id = ?6 AND happened_on BETWEEN ?1 AND ?2", from, to, policy, nullptr, rep);
    }

    Result<Quality> quality(core::Date from, core::Date to, int late_after_days, int max_visits_per_day,
                            int limit, const std::string& team) override {
        Quality q;
        const std::string a = from.iso(), b = to.iso();
        constexpr std::string_view kTeam = "(?9 = '' OR k.rep_id IN (SELECT id FROM reps WHERE team = ?9))";
        const std::string late_where = fmt::format(
            "k.happened_on BETWEEN ?1 AND ?2 AND k.voided_at IS NULL AND "
            "julianday(substr(k.logged_at, 1, 10)) - julianday(k.happened_on) > ?3 AND {}",
            kTeam);
        {
            KQ_TRY(Stmt s, db_.prepare(fmt::format("SELECT count(*) FROM contacts k WHERE {}", late_where)));
            s.bind(1, a).bind(2, b).bind(3, late_after_days).bind(9, team);
            KQ_TRY(bool row, s.step());
            q.late_count = row ? static_cast<int>(s.integer(0)) : 0;
        }
        {
            KQ_TRY(Stmt s, db_.prepare(select_contacts(late_where) + " ORDER BY k.happened_on, k.id LIMIT ?4"));
            s.bind(1, a).bind(2, b).bind(3, late_after_days).bind(4, limit).bind(9, team);
            KQ_TRY(q.late, collect_contacts(s));
        }
        {
            KQ_TRY(Stmt s, db_.prepare(R"(
                SELECT c.code, k.channel, k.happened_on, count(*), group_concat(DISTINCT k.rep_id)
                FROM contacts k JOIN customers c ON c.id = k.customer_id
                WHERE k.happened_on BETWEEN ?1 AND ?2 AND k.voided_at IS NULL
                  AND (?9 = '' OR k.rep_id IN (SELECT id FROM reps WHERE team = ?9))
                GROUP BY k.customer_id, k.channel, k.happened_on HAVING count(*) > 1
                ORDER BY k.happened_on, c.code, k.channel)"));
            s.bind(1, a).bind(2, b).bind(9, team);
            while (true) {
                KQ_TRY(bool row, s.step());
                if (!row) break;
                ++q.duplicate_count;
                if (static_cast<int>(q.duplicates.size()) < limit)
                    q.duplicates.push_back(Duplicate{s.text(0), s.text(1), date_column(s, 2).value_or(core::Date{}),
                                                     static_cast<int>(s.integer(3)), s.text(4)});
            }
        }
        {
            KQ_TRY(Stmt s, db_.prepare(select_contacts(fmt::format("k.happened_on BETWEEN ?1 AND ?2 AND k.voided_at IS "
                                                                   "NOT NULL AND {}",
                                                                   kTeam)) +
                                       " ORDER BY k.happened_on, k.id"));
            s.bind(1, a).bind(2, b).bind(9, team);
            KQ_TRY(std::vector<Contact> voided, collect_contacts(s));
            q.voided_count = static_cast<int>(voided.size());
            if (static_cast<int>(voided.size()) > limit) voided.resize(static_cast<size_t>(limit));
            q.voided = std::move(voided);
        }
        {
            KQ_TRY(Stmt s, db_.prepare(R"(
                SELECT k.rep_id, k.happened_on, count(*) FROM contacts k
                WHERE k.happened_on BETWEEN ?1 AND ?2 AND k.voided_at IS NULL AND k.channel = 'visit'
                  AND (?9 = '' OR k.rep_id IN (SELECT id FROM reps WHERE team = ?9))
                GROUP BY k.rep_id, k.happened_on HAVING count(*) > ?3 ORDER BY k.happened_on, k.rep_id LIMIT ?4)"));
            s.bind(1, a).bind(2, b).bind(3, max_visits_per_day).bind(4, limit).bind(9, team);
            while (true) {
                KQ_TRY(bool row, s.step());
                if (!row) break;
                q.busy_days.push_back(BusyDay{s.text(0), date_column(s, 1).value_or(core::Date{}),
                                              static_cast<int>(s.integer(2))});
            }
        }
        return q;
    }

    Result<std::vector<MonthCustomer>> month_customers(core::Month month, const CustomerFilter& filter) override {
        // ?1 first day, ?2 last day; the tier is read on max(first day, opened_on).
        KQ_TRY(Stmt s, db_.prepare(fmt::format(R"(
            SELECT c.id, c.code, c.name, c.opened_on, c.closed_on,
              coalesce((SELECT tier FROM tier_history t WHERE t.customer_id = c.id
                          AND t.effective_from <= max(?1, coalesce(c.opened_on, ?1))
                        ORDER BY t.effective_from DESC LIMIT 1),
                       (SELECT tier FROM tier_history t WHERE t.customer_id = c.id
                        ORDER BY t.effective_from LIMIT 1)),
              r.id, coalesce(r.team, '')
            FROM customers c
            LEFT JOIN reps r ON r.id = coalesce(
                (SELECT rep_id FROM assignments a WHERE a.customer_id = c.id AND a.effective_from <= ?2
                 ORDER BY a.effective_from DESC LIMIT 1),
                (SELECT rep_id FROM assignments a WHERE a.customer_id = c.id ORDER BY a.effective_from LIMIT 1))
            WHERE (c.opened_on IS NULL OR c.opened_on <= ?2) AND (c.closed_on IS NULL OR c.closed_on >= ?1) AND {}
            ORDER BY c.code)", filter_sql(filter))));
        s.bind(1, month.first().iso()).bind(2, month.last().iso()).bind(9, filter.value);
        std::vector<MonthCustomer> out;
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            out.push_back(MonthCustomer{s.integer(0), s.text(1), s.text(2), date_column(s, 3), date_column(s, 4),
                                        s.text(5), s.text(6), s.text(7)});
        }
        return out;
    }

  private:
    // The SQL condition on customers `c` for a filter; its value binds to ?9.
    static std::string_view filter_sql(const CustomerFilter& filter) {
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

    // One grouped pass over the contacts `where` selects (?1 from, ?2 to, ?5 customer, ?6 rep), grouped by
    // customer, rep, channel and flags so that it reads only the contacts_month index when late contacts
    // count; the flag bits are summed here.
    Result<std::vector<Tally>> run_tallies(std::string_view where, core::Date from, core::Date to, CountPolicy policy,
                                           const int64_t* customer, const std::string& rep) {
        KQ_TRY(Stmt s, db_.prepare(fmt::format(
                           "SELECT customer_id, rep_id, channel, flags, count(*) FROM contacts WHERE {} AND "
                           "voided_at IS NULL {} GROUP BY customer_id, rep_id, channel, flags",
                           where,
                           policy.count_late ? ""
                                             : "AND julianday(substr(logged_at, 1, 10)) - julianday(happened_on) <= ?4")));
        s.bind(1, from.iso()).bind(2, to.iso());
        if (!policy.count_late) s.bind(4, policy.late_after_days);
        if (customer) s.bind(5, *customer);
        if (!rep.empty()) s.bind(6, rep);
        std::vector<Tally> out;
        out.reserve(1024);
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            const int64_t id = s.integer(0);
            const std::string_view rep_id = s.view(1), channel = s.view(2);
            if (out.empty() || out.back().customer_id != id || out.back().rep != rep_id || out.back().channel != channel)
                out.push_back(Tally{id, std::string(rep_id), std::string(channel), 0, 0, 0, 0, 0, {}});
            Tally& t = out.back();
            const int64_t flags = s.integer(3);
            const int n = static_cast<int>(s.integer(4));
            t.count += n;
            if (flags & (1 << 6)) t.asked_help += n;
            if (flags & (1 << 7)) t.training += n;
            if (flags & (1 << 8)) t.solved += n;
            if ((flags & 63) == 63 && t.channel == "visit") t.complete += n;
            for (int i = 0; i < 6; ++i)
                if (flags & (int64_t{1} << i)) t.recorded[static_cast<size_t>(i)] += n;
        }
        return out;
    }

    static std::string select_customers(std::string_view where) {
        return fmt::format("SELECT {} FROM customers c WHERE {} ORDER BY c.code", kCustomerColumns, where);
    }

    static std::string select_contacts(std::string_view where) {
        return fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE {}",
                           kContactColumns, where);
    }

    Result<std::vector<Customer>> collect_customers(Stmt& s) {
        std::vector<Customer> out;
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            out.push_back(read_customer(s));
        }
        return out;
    }

    Result<std::vector<Contact>> collect_contacts(Stmt& s) {
        std::vector<Contact> out;
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            out.push_back(read_contact(s));
        }
        return out;
    }

    Result<std::vector<LifeEvent>> query_events(std::string_view where, core::Date from, core::Date to,
                                                int64_t customer_id, const CustomerFilter& filter) {
        KQ_TRY(Stmt s, db_.prepare(fmt::format(R"(
            SELECT e.id, e.customer_id, c.code, coalesce(e.person_id, 0), coalesce(p.name, ''), e.kind,
                   e.happened_on, e.note
            FROM life_events e JOIN customers c ON c.id = e.customer_id LEFT JOIN people p ON p.id = e.person_id
            WHERE e.happened_on BETWEEN ?1 AND ?2 AND {}
            ORDER BY e.happened_on, e.id)", where)));
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

    Result<std::vector<Person>> query_people(std::string_view where, int64_t id) {
        const std::string sql = fmt::format(
            "SELECT p.id, p.customer_id, c.code, p.name, p.role, p.birthday, p.preferences, p.family, "
            "p.personality, p.note FROM people p JOIN customers c ON c.id = p.customer_id WHERE {} "
            "ORDER BY c.code, p.id",
            where);
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, id);
        return collect_people(s);
    }

    Result<std::vector<Person>> collect_people(Stmt& s) {
        std::vector<Person> out;
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            out.push_back(Person{s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                                 s.text(7), s.text(8), s.text(9)});
        }
        return out;
    }

    Result<void> put_history(std::string_view sql, int64_t customer_id, const std::string& value,
                             const std::string& from) {
        KQ_TRY(Stmt s, db_.prepare(sql));
        return s.bind(1, customer_id).bind(2, value).bind(3, from).bind(4, core::now().iso()).run();
    }

    Result<std::vector<HistoryEntry>> history(std::string_view sql, int64_t customer_id) {
        KQ_TRY(Stmt s, db_.prepare(sql));
        s.bind(1, customer_id);
        std::vector<HistoryEntry> out;
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) break;
            const std::string from = s.text(1);
            out.push_back(HistoryEntry{s.text(0), date_column(s, 1), s.text(2)});
            if (from == kSinceAlways) out.back().from.reset();
        }
        return out;
    }

    Result<int64_t> schema_version() {
        KQ_TRY(Stmt s, db_.prepare("PRAGMA user_version"));
        KQ_TRY(bool row, s.step());
        return row ? s.integer(0) : 0;
    }

    Result<void> migrate() {
        const auto all = migrations();
        const int latest = all.empty() ? 0 : all.back().version;
        KQ_TRY(int64_t version, schema_version());
        if (version > latest)
            return db_error("database {} has schema version {}, newer than this keqing understands ({}); "
                            "upgrade keqing",
                            db_.path(), version, latest);
        if (version == latest) return {};
        KQ_CHECK(begin());
        // Another process may have migrated while this one waited for the write lock.
        if (auto again = schema_version(); !again) {
            rollback();
            return std::move(again).error();
        } else {
            version = *again;
        }
        for (const Migration& m : all) {
            if (m.version <= version) continue;
            if (auto r = db_.exec(m.sql); !r) {
                rollback();
                return db_error("database {}: migration {} failed: {}", db_.path(), m.name, r.error().message);
            }
            if (auto r = db_.exec(fmt::format("PRAGMA user_version = {}", m.version)); !r) {
                rollback();
                return std::move(r).error();
            }
        }
        return commit();
    }

    SqliteDb db_;
    int depth_ = 0;
};

} // namespace

Result<std::unique_ptr<Store>> open_sqlite(const std::string& path) {
    auto store = std::make_unique<SqliteStore>();
    KQ_CHECK(store->open(path));
    return std::unique_ptr<Store>(std::move(store));
}

} // namespace keqing::store
