// Tests for the month's reads at scale (issue 23): everyone's month customers read by merging three reads
// in id order must equal the same customers read through the one ordered join that narrower scopes use,
// on random histories; IdMap must behave as a hash map on dense and far ids alike.
#include "core/id_map.hpp"
#include "store/store.hpp"
#include "support.hpp"

#include <random>
#include <unordered_map>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_store_month_read {

using namespace keqing;
using test::day;

TEST_SUITE("store::month_read") {
    TEST_CASE_FIXTURE(test::StoreFixture, "everyone's month customers equal the same customers read by ids") {
        std::mt19937 random(23);
        const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
        for (const char* id : {"zhao", "qian", "sun"})
            REQUIRE(store->add_rep(store::Rep{id, id, pick(2) ? "north" : ""}).ok());
        const std::vector<std::string> reps = {"wang", "li", "zhao", "qian", "sun"};
        const std::vector<std::string> tiers = {"A", "B", "C"};
        const core::Date start = day("2026-07-01");
        std::vector<int64_t> ids;
        for (int i = 0; i < 300; ++i) {
            // Codes out of id order, so that the merged read must sort them.
            const std::string code = "K" + std::to_string((i * 7919) % 1000 + 1000);
            std::optional<core::Date> opened, closed;
            if (pick(3) == 0) opened = start.plus_days(pick(150));
            if (pick(4) == 0) closed = start.plus_days(pick(150));
            if (opened && closed && *closed < *opened) std::swap(opened, closed);
            const int64_t id =
                test::add_customer(*store, code.c_str(), tiers[static_cast<size_t>(pick(3))].c_str(),
                                   reps[static_cast<size_t>(pick(5))].c_str(), opened, closed);
            ids.push_back(id);
            for (int k = pick(4); k > 0; --k)
                REQUIRE(store->set_tier(id, tiers[static_cast<size_t>(pick(3))], start.plus_days(pick(150)))
                            .ok());
            for (int k = pick(4); k > 0; --k)
                REQUIRE(store->assign_rep(id, reps[static_cast<size_t>(pick(5))], start.plus_days(pick(150)))
                            .ok());
        }
        for (const char* m : {"2026-08", "2026-09", "2026-10", "2026-11"}) {
            CAPTURE(m);
            const core::Month month = *core::parse_month(m, "month");
            auto everyone = store->month_customers(month, store::Scope{});
            auto listed = store->month_customers(month, store::Scope::of_ids(ids));
            REQUIRE(everyone.ok());
            REQUIRE(listed.ok());
            REQUIRE(everyone->size() == listed->size());
            CHECK(everyone->size() > 100);
            for (size_t i = 0; i < everyone->size(); ++i) {
                const store::MonthCustomer &a = (*everyone)[i], &b = (*listed)[i];
                CAPTURE(b.code);
                CHECK(a.id == b.id);
                CHECK(a.code == b.code);
                CHECK(a.name == b.name);
                CHECK(a.opened_on == b.opened_on);
                CHECK(a.closed_on == b.closed_on);
                CHECK(a.tier == b.tier);
                CHECK(a.rep == b.rep);
                CHECK(a.team == b.team);
            }
        }
    }

    TEST_CASE("IdMap holds what a hash map holds, for dense and far ids") {
        std::mt19937 random(16);
        core::IdMap<int> map(100);
        std::unordered_map<int64_t, int> plain;
        for (int i = 0; i < 20000; ++i) {
            const int64_t id = random() % 4 == 0 ? static_cast<int64_t>(random() % 10000000)
                                                 : static_cast<int64_t>(random() % 5000);
            const int value = static_cast<int>(random() % 100);
            const auto [slot, fresh] = map.try_emplace(id);
            CHECK(fresh == !plain.contains(id));
            *slot += value;
            plain[id] += value;
        }
        CHECK(map.size() == plain.size());
        for (const auto& [id, value] : plain) {
            const int* found = map.find(id);
            REQUIRE(found);
            CHECK(*found == value);
        }
        CHECK(map.find(-1) == nullptr);
        CHECK(map.find(10000001) == nullptr);
    }
}

} // namespace unit_store_month_read
