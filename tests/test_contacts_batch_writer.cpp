// Tests for contacts/batch_writer: batches stored in the order handed over, a refused batch kept with its
// lines and nothing after it stored, and a writer let go with batches still waiting.
#include "contacts/batch_writer.hpp"
#include "support.hpp"

#include <fmt/core.h>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_contacts_batch_writer {

using namespace keqing;
using test::day;

namespace {

// A batch of `n` visits at `customer`, the k-th noted "<first + k>", on lines first + k.
contacts::BatchWriter::Batch batch(int64_t customer, int first, int n) {
    contacts::BatchWriter::Batch b;
    for (int k = 0; k < n; ++k) {
        store::Contact c;
        c.customer_id = customer;
        c.channel = "visit";
        c.date = day("2026-11-02");
        c.rep = "wang";
        c.note = fmt::format("{}", first + k);
        c.logged_at = "2026-11-02T10:00";
        b.contacts.push_back(std::move(c));
        b.lines.push_back(first + k);
    }
    return b;
}

} // namespace

TEST_SUITE("contacts::batch_writer") {
    TEST_CASE_FIXTURE(test::StoreFixture, "batches are stored in the order they were handed over") {
        const int64_t id = test::add_customer(*store, "A1", "A", "wang");
        {
            contacts::BatchWriter writer(*store);
            for (int b = 0; b < 12; ++b) {
                auto spare = writer.push(batch(id, b * 50, 50));
                CHECK(spare.contacts.empty());
            }
            REQUIRE(writer.drain().ok());
            CHECK(writer.stored() == 600);
        }
        const auto all = *store->contacts_between(day("2026-11-01"), day("2026-11-30"));
        REQUIRE(all.size() == 600);
        for (size_t i = 0; i < all.size(); ++i)
            CHECK(all[i].note == fmt::format("{}", i));
    }

    TEST_CASE_FIXTURE(test::StoreFixture,
                      "a refused batch is kept with its lines and nothing after it is stored") {
        const int64_t id = test::add_customer(*store, "A1", "A", "wang");
        contacts::BatchWriter writer(*store);
        writer.push(batch(id, 2, 10));
        REQUIRE(writer.drain().ok());
        writer.push(batch(id + 1000, 12, 10)); // no such customer: the database refuses it
        for (int b = 0; b < 6; ++b)
            writer.push(batch(id, 22 + b * 10, 10));
        const auto done = writer.drain();
        REQUIRE_FALSE(done.ok());
        REQUIRE(writer.failed().lines.size() == 10);
        CHECK(writer.failed().lines.front() == 12);
        CHECK(writer.failed().contacts.front().customer_id == id + 1000);
        CHECK(writer.stored() == 10);
        CHECK_FALSE(writer.drain().ok()); // (asked again, the same failure)
        CHECK(store->contacts_between(day("2026-11-01"), day("2026-11-30"))->size() == 10);
    }

    TEST_CASE_FIXTURE(
        test::StoreFixture,
        "a writer let go with batches waiting returns and leaves the transaction to roll back") {
        const int64_t id = test::add_customer(*store, "A1", "A", "wang");
        REQUIRE(store->begin().ok());
        {
            contacts::BatchWriter writer(*store);
            for (int b = 0; b < 4; ++b)
                writer.push(batch(id, b * 500, 500));
        } // (returns once the batch being stored is stored: the transaction is the caller's again)
        store->rollback();
        CHECK(store->contacts_between(day("2026-11-01"), day("2026-11-30"))->empty());
    }
}

} // namespace unit_contacts_batch_writer
