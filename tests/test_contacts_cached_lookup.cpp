// Tests for contacts/cached_lookup: customers read ahead (all, or by the codes named) answer with the rep
// their history gives on each day, a text the read did not cover is looked up in the store (after
// before_store) and kept, and unknown customers and reps are refused.
#include "contacts/cached_lookup.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_contacts_cached_lookup {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    int64_t a1 = 0, b2 = 0;
    Fixture() {
        a1 = test::add_customer(*store, "A1", "A", "wang", {}, {}, "康泰大药房");
        b2 = test::add_customer(*store, "B2", "B", "wang");
        REQUIRE(store->add_rep({"zhao", "赵磊", "east"}).ok());
        // B2: wang, li from 11-10, zhao from 11-20.
        REQUIRE(store->assign_rep(b2, "li", day("2026-11-10")).ok());
        REQUIRE(store->assign_rep(b2, "zhao", day("2026-11-20")).ok());
    }
    int store_reads = 0; // how many times a lookup was about to read the store
    void count_store_reads(contacts::CachedLookup& lookup) {
        lookup.before_store([this] {
            ++store_reads;
            return Result<void>{};
        });
    }
    // The rep the lookup gives B2 on each day.
    static void check_b2(contacts::CachedLookup& lookup) {
        CHECK(lookup.customer("B2", day("2026-11-01"))->rep == "wang");
        CHECK(lookup.customer("B2", day("2026-11-09"))->rep == "wang");
        CHECK(lookup.customer("B2", day("2026-11-10"))->rep == "li");
        CHECK(lookup.customer("B2", day("2026-11-19"))->rep == "li");
        CHECK(lookup.customer("B2", day("2026-11-20"))->rep == "zhao");
        CHECK(lookup.customer("B2", day("2026-12-01"))->rep == "zhao");
    }
};

} // namespace

TEST_SUITE("contacts::cached_lookup") {
    TEST_CASE_FIXTURE(Fixture, "customers read all at once answer from memory with their rep on the day") {
        contacts::CachedLookup lookup(*store);
        count_store_reads(lookup);
        REQUIRE(lookup.prefetch_all().ok());
        check_b2(lookup);
        const auto a = lookup.customer("A1", day("2026-11-05"));
        REQUIRE(a.ok());
        CHECK(a->id == a1);
        CHECK(a->code == "A1");
        CHECK(a->rep == "wang");
        CHECK(lookup.rep("zhao").ok());
        CHECK(store_reads == 0);
        // A name is not a code: looked up in the store once, then kept.
        const auto by_name = lookup.customer("康泰", day("2026-11-05"));
        REQUIRE(by_name.ok());
        CHECK(by_name->id == a1);
        CHECK(by_name->code == "A1");
        CHECK(lookup.customer("康泰", day("2026-11-06")).ok());
        CHECK(store_reads == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "customers read by the codes named, the others looked up when named") {
        contacts::CachedLookup lookup(*store);
        count_store_reads(lookup);
        REQUIRE(lookup.prefetch({"B2", "NOPE"}).ok());
        check_b2(lookup);
        CHECK(store_reads == 0);
        CHECK(lookup.customer("A1", day("2026-11-05"))->id == a1); // not read ahead
        CHECK(store_reads == 1);
        CHECK(lookup.customer("A1", day("2026-11-06"))->rep == "wang");
        CHECK(store_reads == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "an unknown customer or rep is refused") {
        contacts::CachedLookup lookup(*store);
        REQUIRE(lookup.prefetch_all().ok());
        const auto customer = lookup.customer("NOPE", day("2026-11-05"));
        REQUIRE_FALSE(customer.ok());
        CHECK(customer.error().message.find("NOPE") != std::string::npos);
        CHECK_FALSE(lookup.rep("nobody").ok());
        CHECK(lookup.rep("li").ok());
    }
}

} // namespace unit_contacts_cached_lookup
