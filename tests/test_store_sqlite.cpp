// Tests for the SQLite store: migrations and refusal of newer or foreign files, file mode, lookups,
// effective-dated history and voiding.
#include "compliance/activity.hpp"
#include "store/migrations.hpp"
#include "store/rows.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <sys/stat.h>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_store_sqlite {

using namespace keqing;
using test::day;

namespace {

int64_t user_version(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr);
    sqlite3_step(s);
    const int64_t v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

void set_user_version(const std::string& path, int v) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(v)).c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

} // namespace

TEST_SUITE("store::sqlite") {
    TEST_CASE("a new database is migrated to the latest version, created mode 0600, in a new folder") {
        test::TempDir dir;
        const std::string path = (dir.path() / "sub" / "k.db").string();
        const mode_t old_umask = umask(0); // 0600 must not depend on the caller's umask
        {
            auto s = store::open_sqlite(path);
            umask(old_umask);
            REQUIRE(s.ok());
            // While the connection is open its -wal and -shm files exist; they hold the same data.
            for (const char* suffix : {"", "-wal", "-shm"}) {
                CAPTURE(suffix);
                struct stat st {};
                REQUIRE(stat((path + suffix).c_str(), &st) == 0);
                CHECK((st.st_mode & 0777) == 0600);
            }
        }
        CHECK(user_version(path) == store::migrations().back().version);
        auto again = store::open_sqlite(path); // re-opening an up-to-date file is a no-op
        CHECK(again.ok());
    }

    TEST_CASE("a connection reads through its page cache and never maps the file") {
        // Mapped pages count in the process's resident memory: at 200,000 customers a month-wide read
        // carried up to 128 MB more peak RSS with a map (issue 23, docs/PERFORMANCE.md).
        test::TempDir dir;
        const std::string path = (dir.path() / "k.db").string();
        REQUIRE(store::open_sqlite(path).ok());
        for (auto memory : {store::SqliteDb::Memory::full, store::SqliteDb::Memory::small}) {
            store::SqliteDb db;
            REQUIRE(db.open(path, memory).ok());
            auto mmap = db.prepare("PRAGMA mmap_size");
            REQUIRE(mmap.ok());
            REQUIRE(mmap->step().value());
            CHECK(mmap->integer(0) == 0);
            auto cache = db.prepare("PRAGMA cache_size");
            REQUIRE(cache.ok());
            REQUIRE(cache->step().value());
            CHECK(cache->integer(0) == (memory == store::SqliteDb::Memory::full ? -16384 : -4096));
        }
    }

    TEST_CASE("pages are read into the page cache region SQLite is given before it starts") {
        // Each page read into a malloc'ed buffer was a page fault of its own (about 600 for one rep's
        // check-quota); the region is on huge pages (issue 23 target 3). Its slots are counted by SQLite.
        test::TempDir dir;
        const std::string path = (dir.path() / "k.db").string();
        REQUIRE(store::open_sqlite(path).ok()); // the first connection of this process: creates, migrates
        sqlite3_int64 used = 0;
        sqlite3_int64 most = 0;
        REQUIRE(sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &used, &most, 0) == SQLITE_OK);
        CHECK(most > 0);
        sqlite3_int64 overflow = 0;
        REQUIRE(sqlite3_status64(SQLITE_STATUS_PAGECACHE_OVERFLOW, &overflow, &most, 0) == SQLITE_OK);
        CHECK(most == 0); // no page came from malloc
    }

    TEST_CASE("a month's trainings are found by day, not by reading every training") {
        // Schema 18 (trainings_date, issue 23): before it, a company's month read every training ever
        // recorded, or with the planner's statistics every customer. Pages come from the page cache region,
        // so the slots a fresh connection fills while reading are the pages it read.
        test::TempDir dir;
        const std::string path = (dir.path() / "k.db").string();
        {
            auto made = store::open_sqlite(path);
            REQUIRE(made.ok());
            REQUIRE((*made)->add_rep({"wang", "王强", "east"}).ok());
            test::add_customer(**made, "K00001", "A", "wang");
        }
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        // Five years of trainings, two a day, at the one customer; one of them in October 2026.
        REQUIRE(
            sqlite3_exec(raw,
                         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3651) "
                         "INSERT INTO trainings (customer_id, rep_id, held_on, topic, note, created_at) "
                         "SELECT 1, 'wang', date('2021-01-01', '+' || (i / 2) || ' days'), '药品知识培训', "
                         "printf('%0100d', i), '2021-01-01T00:00' FROM n "
                         "WHERE date('2021-01-01', '+' || (i / 2) || ' days') NOT LIKE '2026-10-%'; "
                         "INSERT INTO trainings (customer_id, rep_id, held_on, topic, created_at) "
                         "VALUES (1, 'wang', '2026-10-05', '营销培训', '2026-10-05T00:00')",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
        auto fresh = store::open_sqlite(path);
        REQUIRE(fresh.ok());
        sqlite3_int64 before = 0;
        sqlite3_int64 after = 0;
        sqlite3_int64 most = 0;
        REQUIRE(sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &before, &most, 0) == SQLITE_OK);
        auto month = (*fresh)->trainings_of(day("2026-10-01"), day("2026-10-31"), store::Scope{},
                                            store::Removed::left_out);
        REQUIRE(month.ok());
        REQUIRE(sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &after, &most, 0) == SQLITE_OK);
        REQUIRE(month->size() == 1);
        CHECK(month->front().topic == "营销培训");
        CHECK(after - before <= 8); // the index's path and the one row's page; every training: 100 and more
    }

    TEST_CASE("a database from a newer keqing is refused") {
        test::TempDir dir;
        const std::string path = (dir.path() / "k.db").string();
        { REQUIRE(store::open_sqlite(path).ok()); }
        set_user_version(path, 999);
        auto s = store::open_sqlite(path);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == Exit::database);
        CHECK(s.error().message.find("newer than this keqing") != std::string::npos);
    }

    TEST_CASE("a file that is not a database is a database error") {
        test::TempDir dir;
        const std::string path = dir.write("notes.txt", std::string(4096, 'x'));
        auto s = store::open_sqlite(path);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == Exit::database);
        CHECK(s.error().message.find("not a keqing database") != std::string::npos);
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "completion lists codes and rep ids that start with the prefix") {
        for (const char* code : {"HZ001", "HZ002", "HZ010", "HZ1", "SH001", "hz003"})
            test::add_customer(*store, code, "A", "wang");
        const auto codes = [&](const char* prefix, int limit) {
            auto found = store->complete(store::Completable::customer_code, prefix, limit);
            REQUIRE(found.ok());
            return *found;
        };
        CHECK(codes("HZ0", 100) == std::vector<std::string>{"HZ001", "HZ002", "HZ010"});
        CHECK(codes("HZ00", 1) == std::vector<std::string>{"HZ001"});
        CHECK(codes("", 100).size() == 6);
        CHECK(codes("hz", 100) == std::vector<std::string>{"hz003"}); // as typed: a shell filters by case too
        CHECK(codes("HZ001", 100) == std::vector<std::string>{"HZ001"});
        CHECK(codes("%", 100).empty());
        auto reps = store->complete(store::Completable::rep_id, "w", 100);
        REQUIRE(reps.ok());
        CHECK(*reps == std::vector<std::string>{"wang"});
        REQUIRE(store->add_rep({"zhao", "赵敏", "华东一组"}).ok());
        auto teams = store->complete(store::Completable::team, "", 100);
        REQUIRE(teams.ok());
        CHECK(*teams == std::vector<std::string>{"east", "west", "华东一组"});
        teams = store->complete(store::Completable::team, "华东", 100); // a prefix ending in a CJK character
        REQUIRE(teams.ok());
        CHECK(*teams == std::vector<std::string>{"华东一组"});
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "customers are found by code, name, prefix and substring") {
        store::Customer c;
        c.code = "HZ001";
        c.name = "康泰大药房";
        c.tier = "A";
        c.rep = "wang";
        REQUIRE(store->add_customer(c).ok());
        c.code = "HZ017";
        c.name = "康泰医药连锁(北门店)";
        REQUIRE(store->add_customer(c).ok());
        const auto on = day("2026-11-20");
        CHECK(store->find_customers("HZ001", store::Match::code, on)->size() == 1);
        CHECK(store->find_customers("康泰大药房", store::Match::name, on)->size() == 1);
        CHECK(store->find_customers("康泰", store::Match::prefix, on)->size() == 2);
        CHECK(store->find_customers("hz0", store::Match::prefix, on)->size() == 2);
        CHECK(store->find_customers("北门", store::Match::substring, on)->size() == 1);
        CHECK(store->find_customers("%", store::Match::substring, on)->empty());
    }

    TEST_CASE_FIXTURE(test::StoreFixture,
                      "tier and rep history, a second change on one day replaces the first") {
        store::Customer c;
        c.code = "X";
        c.name = "X";
        c.tier = "C";
        c.rep = "wang";
        c.opened_on = day("2026-01-05");
        const auto id = *store->add_customer(c);
        REQUIRE(store->set_tier(id, "B", day("2026-06-01")).ok());
        REQUIRE(store->set_tier(id, "A", day("2026-06-01")).ok());
        REQUIRE(store->assign_rep(id, "li", day("2026-07-01")).ok());
        const auto tiers = *store->tier_history(id);
        REQUIRE(tiers.size() == 2);
        CHECK(tiers[1].value == "A");
        CHECK(tiers[0].from->iso() == "2026-01-05");
        CHECK(store->find_customers("X", store::Match::code, day("2026-05-31"))->front().tier == "C");
        CHECK(store->find_customers("X", store::Match::code, day("2026-06-01"))->front().tier == "A");
        CHECK(store->find_customers("X", store::Match::code, day("2026-06-30"))->front().rep == "wang");
        CHECK(store->find_customers("X", store::Match::code, day("2026-07-01"))->front().rep == "li");
        // Before the first entry, the earliest tier applies.
        CHECK(store->find_customers("X", store::Match::code, day("2025-01-01"))->front().tier == "C");
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "customers and rep histories read for a list of codes") {
        store::Customer c;
        c.tier = "B";
        c.rep = "wang";
        int64_t ids[3];
        const char* codes[3] = {"A\"1", "B2", "C3"};
        for (int i = 0; i < 3; ++i) {
            c.code = c.name = codes[i];
            ids[i] = *store->add_customer(c);
        }
        REQUIRE(store->assign_rep(ids[2], "li", day("2026-03-01")).ok());
        const auto filter = store::Scope::of_codes({"C3", "A\"1", "nope"});
        const auto found = *store->list_customers(day("2026-04-01"), filter);
        REQUIRE(found.size() == 2);
        CHECK(found[0].code == "A\"1");
        CHECK(found[1].rep == "li");
        const auto reps = *store->rep_histories(filter);
        REQUIRE(reps.size() == 3);
        CHECK(reps[0].first == ids[0]);
        CHECK(reps[1].first == ids[2]);
        CHECK(reps[1].second.value == "wang");
        CHECK(reps[2].second.value == "li");
        CHECK(reps[2].second.from->iso() == "2026-03-01");
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "customer keys: id, code and open days of the codes listed") {
        const int64_t a = test::add_customer(*store, "A1", "A", "wang", day("2026-01-05"));
        test::add_customer(*store, "B2", "B", "wang");
        const int64_t c = test::add_customer(*store, "C3", "C", "wang", {}, day("2026-06-30"));
        auto keys = *store->customer_keys(store::Scope::of_codes({"C3", "A1", "nope"}));
        std::sort(keys.begin(), keys.end(), [](const auto& x, const auto& y) { return x.code < y.code; });
        REQUIRE(keys.size() == 2);
        CHECK(keys[0].id == a);
        CHECK(keys[0].opened_on->iso() == "2026-01-05");
        CHECK_FALSE(keys[0].closed_on.has_value());
        CHECK(keys[1].id == c);
        CHECK(keys[1].code == "C3");
        CHECK(keys[1].closed_on->iso() == "2026-06-30");
        CHECK(store->customer_keys({})->size() == 3);
    }

    TEST_CASE_FIXTURE(test::StoreFixture,
                      "a checked load skips foreign-key lookups in its transaction only") {
        const int64_t id = test::add_customer(*store, "A1", "A", "wang");
        store::Contact k;
        k.customer_id = id;
        k.channel = "visit";
        k.date = day("2026-11-02");
        k.rep = "nobody"; // no such rep: only the caller's checks would have refused it
        k.logged_at = "2026-11-02T10:00";
        for (const store::Finish finish : {store::Finish::rollback, store::Finish::commit}) {
            store->checked_load_next();
            auto in_load = store::in_transaction(
                *store, [&]() -> Result<int64_t> { return store->add_contact(k); }, finish);
            CHECK(in_load.ok());
            CHECK_FALSE(store->add_contact(k).ok()); // enforced again after the load, however it ended
        }
        // Only the transaction right after the call is relaxed.
        store->checked_load_next();
        REQUIRE(store::in_transaction(*store, [&]() -> Result<void> { return {}; }).ok());
        CHECK_FALSE(
            store::in_transaction(*store, [&]() -> Result<int64_t> { return store->add_contact(k); }).ok());
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "voiding keeps the contact with its reason") {
        store::Customer c;
        c.code = "V";
        c.name = "V";
        c.tier = "C";
        c.rep = "wang";
        const auto customer_id = *store->add_customer(c);
        store::Contact k;
        k.customer_id = customer_id;
        k.channel = "visit";
        k.date = day("2026-11-02");
        k.rep = "wang";
        k.checklist[4] = "竞品降价";
        k.logged_at = "2026-11-02T10:00";
        const auto id = *store->add_contact(k);
        REQUIRE(store->void_contact(id, "wrong customer", "2026-11-03T08:00").ok());
        const auto found = *store->find_contact(id);
        REQUIRE(found.has_value());
        CHECK(found->void_reason == "wrong customer");
        CHECK(found->checklist[4] == "竞品降价");
        CHECK(store->customer_contacts(customer_id, day("2026-11-01"), day("2026-11-30"))->size() == 1);
        CHECK(compliance::activity(*store, day("2026-11-01"), day("2026-11-30"), {}, {})->tallies.empty());
    }

    TEST_CASE_FIXTURE(test::StoreFixture,
                      "tagged contacts and life events of the customers a filter allows") {
        const auto a = test::add_customer(*store, "A1", "A", "wang");
        const auto b = test::add_customer(*store, "B1", "B", "li");
        for (const int64_t customer : {a, b}) {
            store::Contact k;
            k.customer_id = customer;
            k.channel = "visit";
            k.date = day("2026-09-20");
            k.rep = customer == a ? "wang" : "li";
            k.occasion = "mid-autumn";
            k.logged_at = "2026-09-20T10:00";
            REQUIRE(store->add_contact(k).ok());
            k.occasion.clear();
            REQUIRE(store->add_contact(k).ok());
            store::LifeEvent e;
            e.customer_id = customer;
            e.kind = "wedding";
            e.date = day("2026-09-25");
            REQUIRE(store->add_event(e).ok());
        }
        const store::Scope li{store::Scope::Kind::rep, "li"};
        const auto tagged = *store->tagged_contacts(day("2026-09-01"), day("2026-09-30"), li);
        REQUIRE(tagged.size() == 1);
        CHECK(tagged[0].customer_id == b);
        CHECK(store->tagged_contacts(day("2026-09-01"), day("2026-09-30"), {})->size() == 2);
        const auto events = *store->events_of(day("2026-09-01"), day("2026-09-30"), li);
        REQUIRE(events.size() == 1);
        CHECK(events[0].customer_id == b);
        CHECK(store->list_events(day("2026-09-01"), day("2026-09-30"), a)->size() == 1);
        // Of some kinds only (a quote in a kind stays text in the JSON list).
        CHECK(store->events_of(day("2026-09-01"), day("2026-09-30"), {}, {"wedding"})->size() == 2);
        CHECK(store->events_of(day("2026-09-01"), day("2026-09-30"), li, {"birth", "wedding"})->size() == 1);
        CHECK(store->events_of(day("2026-09-01"), day("2026-09-30"), {}, {"birth", "we\"dding"})->empty());
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "birthdays can be read for some months only, solar and lunar") {
        const auto a = test::add_customer(*store, "A1", "A", "wang");
        const auto b = test::add_customer(*store, "B1", "B", "li");
        for (const char* birthday :
             {"03-12", "1985-10-05", "lunar:8-15", "lunar:L4-12", "lunar:10-1", "12-10", ""}) {
            store::Person p;
            p.customer_id = std::string(birthday) == "12-10" ? b : a;
            p.name = birthday;
            p.birthday = birthday;
            REQUIRE(store->add_person(p).ok());
        }
        auto names = [&](const store::Scope& filter, const store::BirthdayMonths* months) {
            std::vector<std::string> out;
            const auto people = store->birthdays_of(filter, months);
            REQUIRE(people.ok());
            for (const auto& p : *people)
                out.push_back(p.name);
            std::sort(out.begin(), out.end());
            return out;
        };
        CHECK(names({}, nullptr).size() == 6); // every birthday, none of the empty one
        const store::BirthdayMonths october{{10}, {8}};
        CHECK(names({}, &october) == std::vector<std::string>{"1985-10-05", "lunar:8-15"});
        const store::BirthdayMonths lunar_four_and_ten{{12}, {4, 10}};
        CHECK(names({}, &lunar_four_and_ten) ==
              std::vector<std::string>{"12-10", "lunar:10-1", "lunar:L4-12"});
        CHECK(names({store::Scope::Kind::code, "A1"}, &lunar_four_and_ten) ==
              std::vector<std::string>{"lunar:10-1", "lunar:L4-12"});
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "a failed transaction leaves nothing behind") {
        auto r = store::in_transaction(*store, [&]() -> Result<void> {
            REQUIRE(store->add_rep({"zhao", "", ""}).ok());
            return data_error("boom");
        });
        CHECK_FALSE(r.ok());
        CHECK_FALSE(store->find_rep("zhao")->has_value());
    }

    TEST_CASE("flags and lag as the store keeps them") {
        store::Contact k;
        k.date = day("2026-10-02");
        k.logged_at = "2026-10-09T08:00";
        CHECK(store::contact_lag(k) == 7);
        CHECK(store::contact_flags(k) == 0);
        k.checklist[0] = "好卖";
        k.checklist[5] = "滞销";
        k.asked_help = true;
        k.solved = "退货";
        CHECK(store::contact_flags(k) == (1 | 32 | 64 | 256));
        k.training = true;
        CHECK(store::contact_flags(k) == (1 | 32 | 64 | 128 | 256));
        k.logged_at = "garbage";
        CHECK(store::contact_lag(k) == 0);
    }
}

} // namespace unit_store_sqlite
