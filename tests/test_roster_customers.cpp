// Tests for roster: customer validation, lookup, effective-dated changes and all-or-nothing imports.
#include "roster/customers.hpp"
#include "roster/lookup.hpp"
#include "support.hpp"

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    store::Customer make(const char* code, const char* name, const char* tier = "A", const char* rep = "wang") {
        store::Customer c;
        c.code = code;
        c.name = name;
        c.tier = tier;
        c.rep = rep;
        return c;
    }
    size_t count() { return store->list_customers(day("2026-11-20"))->size(); }
};

} // namespace

TEST_SUITE("roster::customers") {
    TEST_CASE_FIXTURE(Fixture, "add validates tier, rep, code, dates and duplicates") {
        CHECK(roster::add_customer(*store, rules, make("HZ1", "康泰大药房")).ok());
        auto dup = roster::add_customer(*store, rules, make("HZ1", "别的"));
        REQUIRE_FALSE(dup.ok());
        CHECK(dup.error().message.find("already exists") != std::string::npos);
        auto tier = roster::add_customer(*store, rules, make("HZ2", "x", "D"));
        REQUIRE_FALSE(tier.ok());
        CHECK(tier.error().message == "unknown tier 'D' for HZ2; the rules define A, B, C");
        auto rep = roster::add_customer(*store, rules, make("HZ3", "x", "A", "nobody"));
        REQUIRE_FALSE(rep.ok());
        CHECK(rep.error().message.find("unknown rep 'nobody'") != std::string::npos);
        CHECK_FALSE(roster::add_customer(*store, rules, make("HZ 4", "x")).ok());
        auto dates = make("HZ5", "x");
        dates.opened_on = day("2026-05-01");
        dates.closed_on = day("2026-04-01");
        CHECK_FALSE(roster::add_customer(*store, rules, dates).ok());
        CHECK(count() == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "lookup: code, exact name, prefix, substring; ambiguous lists candidates") {
        REQUIRE(roster::add_customer(*store, rules, make("HZ001", "康泰大药房")).ok());
        REQUIRE(roster::add_customer(*store, rules, make("HZ017", "康泰医药连锁(北门店)")).ok());
        REQUIRE(roster::add_customer(*store, rules, make("HZ020", "康泰")).ok());
        const auto on = day("2026-11-20");
        CHECK(roster::resolve_customer(*store, "HZ017", on)->name == "康泰医药连锁(北门店)");
        CHECK(roster::resolve_customer(*store, "康泰", on)->code == "HZ020"); // exact name beats prefix
        CHECK(roster::resolve_customer(*store, "康泰大", on)->code == "HZ001");
        CHECK(roster::resolve_customer(*store, "北门", on)->code == "HZ017");
        CHECK_FALSE(roster::resolve_customer(*store, "康泰医药连锁(北门店)x", on).ok());
        auto two = roster::resolve_customer(*store, "HZ0", on);
        REQUIRE_FALSE(two.ok());
        CHECK(two.error().message ==
              "customer 'HZ0' is ambiguous: it matches HZ001 康泰大药房, HZ017 康泰医药连锁(北门店), HZ020 康泰; use the code");
        auto unknown = roster::resolve_customer(*store, "同仁堂", on);
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().code == Exit::data);
    }

    TEST_CASE_FIXTURE(Fixture, "tier, rep, close and reopen") {
        REQUIRE(roster::add_customer(*store, rules, make("HZ1", "甲", "C")).ok());
        const auto today = day("2026-11-20");
        CHECK(roster::change_tier(*store, rules, "HZ1", "A", day("2026-12-01"), today)->tier == "C");
        CHECK(store->find_customers("HZ1", store::Match::code, day("2026-12-01"))->front().tier == "A");
        CHECK_FALSE(roster::change_tier(*store, rules, "HZ1", "Z", day("2026-12-01"), today).ok());
        CHECK(roster::change_rep(*store, "HZ1", "li", day("2026-11-01"), today)->rep == "li");
        CHECK_FALSE(roster::change_rep(*store, "HZ1", "ghost", day("2026-11-01"), today).ok());
        CHECK(roster::close_customer(*store, "HZ1", day("2026-11-30"), today)->closed_on->iso() == "2026-11-30");
        CHECK_FALSE(roster::reopen_customer(*store, "HZ1", today)->closed_on.has_value());
        CHECK_FALSE(roster::reopen_customer(*store, "HZ1", today).ok());
    }

    TEST_CASE_FIXTURE(Fixture, "import loads every row or none, naming the bad row") {
        const auto good = dir.write("good.csv", "code,name,tier,rep,opened_on,address\n"
                                                "HZ1,康泰大药房,A,wang,2025-01-02,\"杭州市,解放路1号\"\n"
                                                "HZ2,同济堂,C,li,,\n");
        auto r = roster::import_customers(*store, rules, good, {});
        REQUIRE(r.ok());
        CHECK(r->rows == 2);
        CHECK(roster::resolve_customer(*store, "HZ1", day("2026-11-20"))->address == "杭州市,解放路1号");

        const auto bad = dir.write("bad.csv", "code,name,tier,rep,opened_on\n"
                                              "HZ3,甲,A,wang,2025-01-02\n"
                                              "HZ4,乙,A,wang,2026-02-30\n");
        auto e = roster::import_customers(*store, rules, bad, {});
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().message.starts_with(bad + ":3: column opened_on (field 5): '2026-02-30' is not a real date"));
        CHECK(count() == 2);

        const auto dup = dir.write("dup.csv", "code,name,tier,rep\nHZ5,甲,A,wang\nHZ5,乙,B,wang\n");
        CHECK(roster::import_customers(*store, rules, dup, {}).error().message.find("appears twice") != std::string::npos);
        const auto extra = dir.write("extra.csv", "code,name,tier,rep,fax\nHZ6,甲,A,wang,1\n");
        CHECK_FALSE(roster::import_customers(*store, rules, extra, {}).ok());
        CHECK(roster::import_customers(*store, rules, extra, {.ignore_unknown = true, .dry_run = true})->rows == 1);
        CHECK(count() == 2);
        CHECK(roster::import_customers(*store, rules, extra, {.ignore_unknown = true, .dry_run = false})->rows == 1);
        CHECK(count() == 3);
    }

    TEST_CASE_FIXTURE(Fixture, "reps: ids are validated and unique; rep import is all or nothing") {
        CHECK(roster::add_rep(*store, {"zhao", "赵磊", "east"}).ok());
        CHECK_FALSE(roster::add_rep(*store, {"zhao", "", ""}).ok());
        CHECK_FALSE(roster::add_rep(*store, {"赵", "", ""}).ok());
        const auto file = dir.write("reps.csv", "id,name,team\nsun,孙,x\nwang,王,y\n");
        CHECK_FALSE(roster::import_reps(*store, file, {}).ok());
        CHECK_FALSE(store->find_rep("sun")->has_value());
    }
}
