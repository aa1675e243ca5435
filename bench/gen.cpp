// keqing-gen: builds a benchmark database at a given scale — reps in teams, customers 10/30/60 % A/B/C,
// a year of contacts around the quotas with realistic misses, people with birthdays, life events — and
// optionally a CSV of further contacts for import benchmarks. Deterministic for a given seed.
//   keqing-gen DB CUSTOMERS [--months 12] [--end 2026-10] [--seed 1] [--import-csv FILE --import-rows N]
//              [--per-rep 100] [--bare]   (--bare: no people, no life events)
//              [--csv-only]   (the CSV alone, for a database generated before at the same scale)
#include "core/date.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"

#include <fmt/core.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

using keqing::core::Date;
using keqing::core::Month;

struct Args {
    std::string db, import_csv;
    int customers = 0, months = 12, seed = 1, import_rows = 0, per_rep = 100;
    bool csv_only = false, bare = false;
    Month end{2026, 10};
};

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fmt::print(stderr, "keqing-gen: {}: {}\n", what, sqlite3_errmsg(db));
        std::exit(4);
    }
}

constexpr int kQuota[3][3] = {{8, 4, 4}, {4, 2, 2}, {1, 1, 1}};
constexpr const char* kChannels[] = {"visit", "call", "message"};

// Contacts for the month after `end`, by code, as log-visit --import takes them: a random stream of its
// own, so that the file is the same with or without generating the database.
bool write_import_csv(const Args& a) {
    std::mt19937_64 rng(static_cast<uint64_t>(a.seed) * 7919 + 1);
    const int reps = std::max(1, a.customers / a.per_rep);
    std::FILE* f = std::fopen(a.import_csv.c_str(), "w");
    if (!f) return false;
    std::fputs("customer,channel,date,time,rep,note\n", f);
    const Month m = a.end.next();
    for (int i = 0; i < a.import_rows; ++i) {
        const int c = 1 + static_cast<int>(rng() % static_cast<uint64_t>(a.customers));
        const Date day = Date::from_ymd(m.year, m.month, 1 + static_cast<int>(rng() % 20));
        std::fprintf(f, "C%07d,%s,%s,%02d:%02d,r%05d,补录\n", c, kChannels[rng() % 3], day.iso().c_str(),
                     static_cast<int>(8 + rng() % 10), static_cast<int>(rng() % 60), (c - 1) % reps);
    }
    return std::fclose(f) == 0;
}

} // namespace

int main(int argc, char** argv) {
    Args a;
    if (argc < 3) {
        fmt::print(stderr, "usage: keqing-gen DB CUSTOMERS [--months N] [--end YYYY-MM] [--seed N] "
                           "[--per-rep N] [--bare] [--import-csv FILE --import-rows N] [--csv-only]\n");
        return 2;
    }
    a.db = argv[1];
    a.customers = std::atoi(argv[2]);
    for (int i = 3; i < argc; ++i) {
        if (std::strcmp(argv[i], "--csv-only") == 0) {
            a.csv_only = true;
            continue;
        }
        if (std::strcmp(argv[i], "--bare") == 0) {
            a.bare = true;
            continue;
        }
        if (i + 1 >= argc) break;
        const std::string k = argv[i], v = argv[++i];
        if (k == "--months")
            a.months = std::stoi(v);
        else if (k == "--seed")
            a.seed = std::stoi(v);
        else if (k == "--import-csv")
            a.import_csv = v;
        else if (k == "--import-rows")
            a.import_rows = std::stoi(v);
        else if (k == "--per-rep")
            a.per_rep = std::max(1, std::stoi(v));
        else if (k == "--end")
            a.end = *keqing::core::parse_month(v, "--end");
    }
    if (a.csv_only) return !a.import_csv.empty() && write_import_csv(a) ? 0 : 3;
    {
        auto store = keqing::store::open_sqlite(a.db); // creates the schema
        if (!store) {
            fmt::print(stderr, "keqing-gen: {}\n", store.error().message);
            return 4;
        }
    }
    sqlite3* db = nullptr;
    check(sqlite3_open(a.db.c_str(), &db), db, "open");
    check(
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr),
        db, "begin");
    std::mt19937_64 rng(static_cast<uint64_t>(a.seed));
    std::uniform_real_distribution<double> unit(0, 1);
    const int reps = std::max(1, a.customers / a.per_rep); // ~100 customers per rep by default
    Month start = a.end;
    for (int i = 1; i < a.months; ++i)
        start = start.previous();
    const std::string created = "2020-01-01T00:00";

    sqlite3_stmt* rep = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO reps (id, name, team, created_at) VALUES (?1, ?2, ?3, ?4)", -1,
                             &rep, nullptr),
          db, "prep");
    for (int r = 0; r < reps; ++r) {
        const std::string id = fmt::format("r{:05}", r), name = fmt::format("业务员{}", r),
                          team = fmt::format("第{}组", r / 10);
        sqlite3_bind_text(rep, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(rep, 2, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(rep, 3, team.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(rep, 4, created.c_str(), -1, SQLITE_STATIC);
        check(sqlite3_step(rep), db, "rep");
        sqlite3_reset(rep);
    }

    sqlite3_stmt *cust = nullptr, *tier = nullptr, *assign = nullptr, *contact = nullptr, *person = nullptr,
                 *event = nullptr;
    check(sqlite3_prepare_v2(
              db, "INSERT INTO customers (id, code, name, opened_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
              -1, &cust, nullptr),
          db, "prep");
    check(sqlite3_prepare_v2(db, "INSERT INTO tier_history VALUES (?1, ?2, ?3, ?4)", -1, &tier, nullptr), db,
          "prep");
    check(sqlite3_prepare_v2(db, "INSERT INTO assignments VALUES (?1, ?2, ?3, ?4)", -1, &assign, nullptr), db,
          "prep");
    // flags and lag as the store keeps them (store/rows.hpp); about 1 in 500 contacts voided.
    check(sqlite3_prepare_v2(
              db,
              "INSERT INTO contacts (customer_id, channel, happened_on, happened_at, rep_id, note, "
              "feedback, preference, asked_help, solved, logged_at, flags, lag, voided_at, "
              "void_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
              -1, &contact, nullptr),
          db, "prep");
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO people (customer_id, name, role, birthday, personality, "
                             "created_at) VALUES (?1, ?2, '店长', ?3, ?4, ?5)",
                             -1, &person, nullptr),
          db, "prep");
    check(sqlite3_prepare_v2(
              db,
              "INSERT INTO life_events (customer_id, kind, happened_on, created_at) VALUES (?1, ?2, ?3, ?4)",
              -1, &event, nullptr),
          db, "prep");
    const char* personalities[] = {"活泼", "完美", "力量", "和平"};
    const char* kinds[] = {"wedding", "birth", "bereavement", "illness"};
    long long contacts = 0;
    std::vector<int> tiers(static_cast<size_t>(a.customers) + 1);
    for (int c = 1; c <= a.customers; ++c) {
        const double u = unit(rng);
        const int t = u < 0.1 ? 0 : u < 0.4 ? 1 : 2;
        tiers[static_cast<size_t>(c)] = t;
        const std::string code = fmt::format("C{:07}", c), name = fmt::format("药房{}", c),
                          rep_id = fmt::format("r{:05}", (c - 1) % reps);
        sqlite3_bind_int(cust, 1, c);
        sqlite3_bind_text(cust, 2, code.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(cust, 3, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(cust, 4, "2020-01-01", -1, SQLITE_STATIC);
        sqlite3_bind_text(cust, 5, created.c_str(), -1, SQLITE_STATIC);
        check(sqlite3_step(cust), db, "customer");
        sqlite3_reset(cust);
        for (sqlite3_stmt* h : {tier, assign}) {
            sqlite3_bind_int(h, 1, c);
            sqlite3_bind_text(h, 2,
                              h == tier ? (t == 0   ? "A"
                                           : t == 1 ? "B"
                                                    : "C")
                                        : rep_id.c_str(),
                              -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(h, 3, "2020-01-01", -1, SQLITE_STATIC);
            sqlite3_bind_text(h, 4, created.c_str(), -1, SQLITE_STATIC);
            check(sqlite3_step(h), db, "history");
            sqlite3_reset(h);
        }
        if (!a.bare && unit(rng) < 0.5) {
            const std::string birthday = unit(rng) < 0.3
                                             ? fmt::format("lunar:{}-{}", 1 + rng() % 12, 1 + rng() % 28)
                                             : fmt::format("{:02}-{:02}", 1 + rng() % 12, 1 + rng() % 28);
            const std::string pname = fmt::format("联系人{}", c);
            sqlite3_bind_int(person, 1, c);
            sqlite3_bind_text(person, 2, pname.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(person, 3, birthday.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(person, 4, personalities[rng() % 4], -1, SQLITE_STATIC);
            sqlite3_bind_text(person, 5, created.c_str(), -1, SQLITE_STATIC);
            check(sqlite3_step(person), db, "person");
            sqlite3_reset(person);
        }
    }
    // Contacts month by month, as they would be logged: usually the quota, sometimes fewer (misses),
    // sometimes more.
    for (Month m = start; m <= a.end; m = m.next()) {
        for (int c = 1; c <= a.customers; ++c) {
            const int t = tiers[static_cast<size_t>(c)];
            const std::string rep_id = fmt::format("r{:05}", (c - 1) % reps);
            if (!a.bare && unit(rng) < 0.02) {
                const std::string day =
                    Date::from_ymd(m.year, m.month, 1 + static_cast<int>(rng() % 28)).iso();
                sqlite3_bind_int(event, 1, c);
                sqlite3_bind_text(event, 2, kinds[rng() % 4], -1, SQLITE_STATIC);
                sqlite3_bind_text(event, 3, day.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(event, 4, created.c_str(), -1, SQLITE_STATIC);
                check(sqlite3_step(event), db, "event");
                sqlite3_reset(event);
            }
            for (int ch = 0; ch < 3; ++ch) {
                const double roll = unit(rng);
                int n = kQuota[t][ch];
                if (roll < 0.15)
                    n = static_cast<int>(n * unit(rng));
                else if (roll > 0.9)
                    n += 1 + static_cast<int>(rng() % 2);
                for (int k = 0; k < n; ++k) {
                    const Date day = Date::from_ymd(m.year, m.month, 1 + static_cast<int>(rng() % m.days()));
                    const std::string date = day.iso(),
                                      time = fmt::format("{:02}:{:02}", 8 + rng() % 10, rng() % 60);
                    const int lag = unit(rng) < 0.05 ? 4 + static_cast<int>(rng() % 5) : 0;
                    const std::string logged = day.plus_days(lag).iso() + "T" + time;
                    keqing::store::Contact facts;
                    facts.date = day;
                    facts.logged_at = logged;
                    if (ch == 0 && unit(rng) < 0.7) facts.checklist[0] = "店员反映好卖";
                    if (ch == 0 && unit(rng) < 0.7) facts.checklist[1] = "店长爱喝茶";
                    facts.asked_help = unit(rng) < 0.01;
                    if (unit(rng) < 0.02) facts.solved = "协调退货";
                    const bool voided = unit(rng) < 0.002;
                    sqlite3_bind_int(contact, 1, c);
                    sqlite3_bind_text(contact, 2, kChannels[ch], -1, SQLITE_STATIC);
                    sqlite3_bind_text(contact, 3, date.c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(contact, 4, time.c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(contact, 5, rep_id.c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(contact, 6, ch == 0 ? "陈列检查,补货" : "沟通订货", -1, SQLITE_STATIC);
                    sqlite3_bind_text(contact, 7, facts.checklist[0].c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(contact, 8, facts.checklist[1].c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_int(contact, 9, facts.asked_help ? 1 : 0);
                    sqlite3_bind_text(contact, 10, facts.solved.c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(contact, 11, logged.c_str(), -1, SQLITE_TRANSIENT);
                    sqlite3_bind_int64(contact, 12, keqing::store::contact_flags(facts));
                    sqlite3_bind_int64(contact, 13, keqing::store::contact_lag(facts));
                    if (voided) {
                        sqlite3_bind_text(contact, 14, logged.c_str(), -1, SQLITE_TRANSIENT);
                        sqlite3_bind_text(contact, 15, "记错客户", -1, SQLITE_STATIC);
                    } else {
                        sqlite3_bind_null(contact, 14);
                        sqlite3_bind_null(contact, 15);
                    }
                    check(sqlite3_step(contact), db, "contact");
                    sqlite3_reset(contact);
                    ++contacts;
                }
            }
        }
    }
    for (sqlite3_stmt* s : {rep, cust, tier, assign, contact, person, event})
        sqlite3_finalize(s);
    check(sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE); ANALYZE", nullptr, nullptr, nullptr), db,
          "commit");
    sqlite3_close(db);

    if (!a.import_csv.empty() && !write_import_csv(a)) return 3;
    fmt::print("{}: {} reps, {} customers, {} contacts over {} months ending {}\n", a.db, reps, a.customers,
               contacts, a.months, a.end.iso());
    return 0;
}
