// Tests for roster/imports: every row or none, and files that run again — identical rows unchanged,
// differing rows refused unless --update, tier and rep changes dated with --from.
#include "roster/imports.hpp"
#include "roster/lookup.hpp"
#include "roster/people.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_roster_imports {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    size_t count() { return store->list_customers(day("2026-11-20"))->size(); }
    store::Customer customer(const char* code, const char* on = "2026-11-20") {
        return *roster::resolve_customer(*store, code, day(on));
    }
};

bool has(const Result<roster::ImportSummary>& r, std::string_view text) {
    return !r.ok() && r.error().message.find(text) != std::string::npos;
}

} // namespace

TEST_SUITE("roster::imports") {
    TEST_CASE_FIXTURE(Fixture, "customers: every row or none, naming the bad row") {
        const auto good = dir.write("good.csv", "code,name,tier,rep,opened_on,address\n"
                                                "HZ1,康泰大药房,A,wang,2025-01-02,\"杭州市,解放路1号\"\n"
                                                "HZ2,同济堂,C,li,,\n");
        auto r = roster::import_customers(*store, rules, good, {});
        REQUIRE(r.ok());
        CHECK(r->added == 2);
        CHECK(r->rows == 2);
        CHECK(customer("HZ1").address == "杭州市,解放路1号");

        const auto bad = dir.write("bad.csv", "code,name,tier,rep,opened_on\n"
                                              "HZ3,甲,A,wang,2025-01-02\n"
                                              "HZ4,乙,A,wang,2026-02-30\n");
        auto e = roster::import_customers(*store, rules, bad, {});
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().message.starts_with(
            bad + ":3: column opened_on (field 5): '2026-02-30' is not a real date"));
        CHECK(count() == 2);

        const auto dup = dir.write("dup.csv", "code,name,tier,rep\nHZ5,甲,A,wang\nHZ5,乙,B,wang\n");
        CHECK(has(roster::import_customers(*store, rules, dup, {}), ":3: customer code HZ5 appears twice"));
        const auto extra = dir.write("extra.csv", "code,name,tier,rep,fax\nHZ6,甲,A,wang,1\n");
        CHECK_FALSE(roster::import_customers(*store, rules, extra, {}).ok());
        CHECK(roster::import_customers(*store, rules, extra, {.ignore_unknown = true, .dry_run = true})
                  ->added == 1);
        CHECK(count() == 2);
        CHECK(roster::import_customers(*store, rules, extra, {.ignore_unknown = true})->added == 1);
        CHECK(count() == 3);
    }

    TEST_CASE_FIXTURE(Fixture, "customers: the same file again changes nothing, a newer one needs --update") {
        const auto first =
            dir.write("c1.csv", "code,name,tier,rep,phone\nHZ1,康泰,A,wang,0571-1\nHZ2,同济堂,C,li,\n");
        REQUIRE(roster::import_customers(*store, rules, first, {}).ok());
        auto again = roster::import_customers(*store, rules, first, {});
        REQUIRE(again.ok());
        CHECK(again->added == 0);
        CHECK(again->unchanged == 2);

        const auto newer =
            dir.write("c2.csv", "code,name,tier,rep,phone\nHZ1,康泰,B,wang,0571-2\nHZ2,同济堂,C,li,\n"
                                "HZ3,新店,C,li,\n");
        CHECK(has(roster::import_customers(*store, rules, newer, {}),
                  "c2.csv:2: customer HZ1 is stored with other values (phone 0571-1 → 0571-2, tier A → B); "
                  "add --update"));
        CHECK(count() == 2);
        // A tier change needs its first day; then November stays A.
        CHECK(has(roster::import_customers(*store, rules, newer, {.update = true}),
                  "say from which day with --from"));
        auto applied =
            roster::import_customers(*store, rules, newer, {.update = true, .from = day("2026-12-01")});
        REQUIRE(applied.ok());
        CHECK(applied->added == 1);
        CHECK(applied->changed == 1);
        CHECK(applied->unchanged == 1);
        REQUIRE(applied->changes.size() == 1);
        CHECK(applied->changes[0] == "customer HZ1: phone 0571-1 → 0571-2, tier A → B from 2026-12-01");
        CHECK(customer("HZ1").tier == "A");
        CHECK(customer("HZ1", "2026-12-01").tier == "B");
        CHECK(customer("HZ1").phone == "0571-2");
        // Columns the file lacks are neither compared nor changed.
        const auto names = dir.write("c3.csv", "code,name,tier,rep\nHZ1,康泰,B,wang\n");
        CHECK(roster::import_customers(*store, rules, names, {.from = day("2026-12-01")})->unchanged == 1);
        CHECK(customer("HZ1").phone == "0571-2");
        // A rep change, dry run: counted, not kept.
        const auto moved = dir.write("c4.csv", "code,name,tier,rep\nHZ2,同济堂,C,wang\n");
        auto dry = roster::import_customers(*store, rules, moved,
                                            {.dry_run = true, .update = true, .from = day("2026-11-15")});
        REQUIRE(dry.ok());
        CHECK(dry->changed == 1);
        CHECK(customer("HZ2").rep == "li");
    }

    TEST_CASE_FIXTURE(Fixture, "reps: identical rows unchanged, a new team needs --update") {
        const auto file = dir.write("reps.csv", "id,name,team\nsun,孙,x\nwang,王强,east\n");
        auto r = roster::import_reps(*store, file, {});
        REQUIRE(r.ok());
        CHECK(r->added == 1);
        CHECK(r->unchanged == 1);
        const auto moved = dir.write("moved.csv", "id,name,team\nsun,孙,x\nwang,王强,west\n");
        CHECK(has(roster::import_reps(*store, moved, {}),
                  "moved.csv:3: rep wang is stored with other values (team east → west)"));
        CHECK(store->find_rep("wang")->value().team == "east");
        CHECK(roster::import_reps(*store, moved, {.update = true})->changed == 1);
        CHECK(store->find_rep("wang")->value().team == "west");
        CHECK(store->find_rep("wang")->value().name == "王强");
        const auto bad = dir.write("bad.csv", "id\nzhou\n赵\n");
        CHECK_FALSE(roster::import_reps(*store, bad, {}).ok());
        CHECK_FALSE(store->find_rep("zhou")->has_value());
    }

    TEST_CASE_FIXTURE(Fixture, "people: by customer and name, never twice") {
        test::add_customer(*store, "A1", "A", "wang", {}, {}, "康泰大药房");
        const auto good =
            dir.write("p.csv", "customer,name,birthday,personality\nA1,张丽,lunar:8-15,活泼\nA1,小王,,\n");
        CHECK(roster::import_people(*store, good, {})->added == 2);
        auto again = roster::import_people(*store, good, {});
        REQUIRE(again.ok());
        CHECK(again->unchanged == 2);
        CHECK(store->list_people(0)->size() == 2);
        const auto bad = dir.write("q.csv", "customer,name,birthday\nA1,甲,\nA1,乙,2026-02-30\n");
        auto r = roster::import_people(*store, bad, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.starts_with(bad + ":3: --birthday: '2026-02-30'"));
        CHECK(store->list_people(0)->size() == 2);
        const auto newer = dir.write("p2.csv", "customer,name,birthday\nA1,张丽,lunar:8-16\n");
        auto refused = roster::import_people(*store, newer, {});
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message ==
              newer + ":2: person #1 张丽 at A1 is stored with other values (birthday "
                      "lunar:8-15 → lunar:8-16); add --update to apply the file, or fix the row");
        CHECK(roster::import_people(*store, newer, {.update = true})->changed == 1);
        CHECK(store->list_people(0)->front().personality == "活泼");
    }

    TEST_CASE_FIXTURE(Fixture, "life events: by customer, kind, day and person, a new note needs --update") {
        test::add_customer(*store, "A1", "A", "wang", {}, {}, "康泰大药房");
        store::Person zhang;
        zhang.name = "张丽";
        REQUIRE(roster::add_person(*store, "A1", zhang, day("2026-11-20")).ok());
        const auto events =
            dir.write("e.csv", "customer,kind,date,person,note\nA1,wedding,2026-11-01,张丽,女儿\n"
                               "A1,bereavement,2026-11-02,,\n");
        CHECK(roster::import_events(*store, rules, events, {})->added == 2);
        CHECK(roster::import_events(*store, rules, events, {})->unchanged == 2);
        const auto all = [&] { return *store->list_events(day("2026-01-01"), day("2026-12-31"), 0); };
        CHECK(all().size() == 2);
        const auto noted =
            dir.write("e2.csv", "customer,kind,date,person,note\nA1,wedding,2026-11-01,张丽,儿子\n");
        CHECK(has(roster::import_events(*store, rules, noted, {}), "note 女儿 → 儿子"));
        CHECK(roster::import_events(*store, rules, noted, {.update = true})->changed == 1);
        CHECK(all().front().note == "儿子");
        const auto bad = dir.write(
            "e3.csv", "customer,kind,date,person\nA1,wedding,2026-11-05,张丽\nA1,party,2026-11-02,\n");
        CHECK_FALSE(roster::import_events(*store, rules, bad, {}).ok());
        CHECK(all().size() == 2);
    }
}

} // namespace unit_roster_imports
