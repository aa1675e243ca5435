// Tests for roster/stages: which stage is in effect on a day, dated changes (same-day replacement, nothing
// written when nothing changes, refused values), and the stages filled into a listing.
#include "roster/stages.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_roster_stages {

using namespace keqing;
using test::day;

namespace {

store::HistoryEntry entry(const char* value, const char* from) {
    store::HistoryEntry e;
    e.value = value;
    if (from) e.from = day(from);
    return e;
}

} // namespace

TEST_SUITE("roster::stages") {
    TEST_CASE("the stage in effect is the latest entry on or before the day and none before the first") {
        const std::vector<store::HistoryEntry> h = {entry("breakthrough", "2026-03-01"),
                                                    entry("growth", "2026-11-02")};
        CHECK_FALSE(roster::stage_on(h, day("2026-02-28")));
        CHECK(roster::stage_on(h, day("2026-03-01"))->value == "breakthrough");
        CHECK(roster::stage_on(h, day("2026-11-01"))->value == "breakthrough");
        CHECK(roster::stage_on(h, day("2026-11-02"))->value == "growth");
        CHECK(roster::stage_on({entry("harvest", nullptr)}, day("1990-01-01"))->value == "harvest");
        CHECK_FALSE(roster::stage_on({}, day("2026-11-02")));
    }

    TEST_CASE("a stored value the rules do not know stays readable") {
        const rules::Rules rules = *rules::load_rules("");
        CHECK(roster::stage_name(rules, "growth") == "成长期");
        CHECK(roster::stage_name(rules, "my own words") == "my own words (not in the rules)");
        auto bad = roster::stage_id(rules, "foo", "--stage");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == Exit::data);
        CHECK(bad.error().message.find("breakthrough (突破期)") != std::string::npos);
        CHECK(*roster::stage_id(rules, "暂停期", "--stage") == "paused");
    }

    TEST_CASE("changes are dated and a same-day change replaces the first and a repeat writes nothing") {
        test::StoreFixture f;
        const rules::Rules rules = *rules::load_rules("");
        test::add_customer(*f.store, "HZ1", "A", "wang", day("2026-01-01"));
        const core::Date today = day("2026-11-20");
        REQUIRE(roster::change_stage(*f.store, rules, "HZ1", "突破期", day("2026-01-01"), today).ok());
        REQUIRE(roster::change_stage(*f.store, rules, "HZ1", "growth", day("2026-11-02"), today).ok());
        REQUIRE(roster::change_stage(*f.store, rules, "HZ1", "harvest", day("2026-11-02"), today).ok());
        auto same = roster::change_stage(*f.store, rules, "HZ1", "收获期", day("2026-11-10"), today);
        REQUIRE(same.ok());
        CHECK(same->unchanged.find("nothing changed") != std::string::npos);
        const auto history = *f.store->stage_history(f.store->list_customers(today)->front().id);
        REQUIRE(history.size() == 2);
        CHECK(history[1].value == "harvest");
        CHECK_FALSE(roster::change_stage(*f.store, rules, "HZ1", "foo", today, today).ok());
        CHECK(f.store->stage_history(f.store->list_customers(today)->front().id)->size() == 2);
        // Before the customer opened: refused unless forced.
        CHECK_FALSE(roster::change_stage(*f.store, rules, "HZ1", "paused", day("2025-12-01"), today).ok());
        std::vector<store::Customer> customers = *f.store->list_customers(today);
        REQUIRE(roster::fill_stages(*f.store, customers, day("2026-10-31")).ok());
        CHECK(customers.front().stage == "breakthrough");
        REQUIRE(roster::fill_stages(*f.store, customers, today).ok());
        CHECK(customers.front().stage == "harvest");
    }
}

} // namespace unit_roster_stages
