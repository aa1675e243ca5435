// Tests for roster: customer validation, lookup, effective-dated changes (imports: test_roster_imports.cpp).
#include "roster/customers.hpp"
#include "roster/lookup.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_roster_customers {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    store::Customer make(const char* code, const char* name, const char* tier = "A",
                         const char* rep = "wang") {
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

    TEST_CASE_FIXTURE(Fixture, "lookup: code, exact name, prefix, substring, ambiguous lists candidates") {
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
        CHECK(two.error().message == "customer 'HZ0' is ambiguous: it matches HZ001 康泰大药房, HZ017 "
                                     "康泰医药连锁(北门店), HZ020 康泰; use the code");
        auto unknown = roster::resolve_customer(*store, "同仁堂", on);
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().code == Exit::data);
    }

    TEST_CASE_FIXTURE(Fixture, "tier, rep, close and reopen") {
        REQUIRE(roster::add_customer(*store, rules, make("HZ1", "甲", "C")).ok());
        const auto today = day("2026-11-20");
        CHECK(roster::change_tier(*store, rules, "HZ1", "A", day("2026-12-01"), today)->customer.tier == "C");
        CHECK(store->find_customers("HZ1", store::Match::code, day("2026-12-01"))->front().tier == "A");
        CHECK_FALSE(roster::change_tier(*store, rules, "HZ1", "Z", day("2026-12-01"), today).ok());
        CHECK(roster::change_rep(*store, "HZ1", "li", day("2026-11-01"), today)->customer.rep == "li");
        CHECK_FALSE(roster::change_rep(*store, "HZ1", "ghost", day("2026-11-01"), today).ok());
        CHECK(roster::close_customer(*store, "HZ1", day("2026-11-30"), today)->closed_on->iso() ==
              "2026-11-30");
        CHECK_FALSE(roster::reopen_customer(*store, "HZ1", today)->closed_on.has_value());
        CHECK_FALSE(roster::reopen_customer(*store, "HZ1", today).ok());
    }

    TEST_CASE_FIXTURE(Fixture, "reps: ids are validated and unique") {
        CHECK(roster::add_rep(*store, {"zhao", "赵磊", "east"}).ok());
        CHECK_FALSE(roster::add_rep(*store, {"zhao", "", ""}).ok());
        CHECK_FALSE(roster::add_rep(*store, {"赵", "", ""}).ok());
    }

    TEST_CASE_FIXTURE(Fixture, "list keeps the customers active that day, of one rep, tier or team") {
        test::add_customer(*store, "A1", "A", "wang");
        test::add_customer(*store, "B1", "B", "li");
        test::add_customer(*store, "C1", "C", "wang", std::nullopt, day("2026-10-31"));
        auto codes = [&](std::string rep, std::string tier, std::string team, bool include_closed = false) {
            roster::Listing which;
            which.rep = std::move(rep);
            which.tier = std::move(tier);
            which.team = std::move(team);
            which.include_closed = include_closed;
            auto listed = roster::list_customers(*store, day("2026-11-20"), which);
            REQUIRE(listed.ok());
            std::string out;
            for (const auto& c : *listed)
                out += (out.empty() ? "" : ",") + c.code;
            return out;
        };
        CHECK(codes("", "", "") == "A1,B1");
        CHECK(codes("", "", "", true) == "A1,B1,C1");
        CHECK(codes("li", "", "") == "B1");
        CHECK(codes("", "A", "") == "A1");
        CHECK(codes("", "", "east", true) == "A1,C1");
        CHECK(codes("", "", "west") == "B1");
        CHECK(codes("", "", "nowhere").empty());
    }
}

} // namespace unit_roster_customers
