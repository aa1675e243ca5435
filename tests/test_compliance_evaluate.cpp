// Tests for compliance/evaluate on a real temporary SQLite store: tier and rep history, voided, late
// and future contacts, partial months, scopes and the summary.
#include "compliance/evaluate.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_compliance_evaluate {

using namespace keqing;
using compliance::Scope;
using compliance::Status;
using core::Month;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");

    int64_t customer(const char* code, const char* tier, const char* rep,
                     std::optional<core::Date> opened = {}, std::optional<core::Date> closed = {}) {
        return test::add_customer(*store, code, tier, rep, opened, closed);
    }

    int64_t contact(int64_t customer_id, const char* channel, const char* date,
                    const char* logged = nullptr) {
        store::Contact c;
        c.customer_id = customer_id;
        c.channel = channel;
        c.date = day(date);
        c.rep = "wang";
        c.logged_at = logged ? logged : std::string(date) + "T18:00";
        auto id = store->add_contact(c);
        REQUIRE(id.ok());
        return *id;
    }

    compliance::MonthResult run(Month m, const char* as_of, Scope scope = {}) {
        auto r = compliance::evaluate_month(*store, rules, m, day(as_of), scope);
        REQUIRE(r.ok());
        return std::move(*r);
    }
};

const compliance::ChannelResult& channel(const compliance::CustomerResult& c, int index) {
    return c.channels.at(static_cast<size_t>(index));
}

} // namespace

TEST_SUITE("compliance::evaluate") {
    TEST_CASE_FIXTURE(Fixture, "a B customer mid-month: counts, pace, status and score") {
        const auto id = customer("B1", "B", "wang");
        for (const char* d : {"2026-11-02", "2026-11-09", "2026-11-16"})
            contact(id, "visit", d);
        contact(id, "call", "2026-11-03");
        contact(id, "message", "2026-11-04");
        contact(id, "message", "2026-11-05");
        contact(id, "message", "2026-11-06");
        contact(id, "third_party", "2026-11-07");
        const auto r = run(Month{2026, 11}, "2026-11-20");
        REQUIRE(r.customers.size() == 1);
        const auto& c = r.customers[0];
        CHECK(channel(c, 0).done == 3);
        CHECK(channel(c, 0).required == 4);
        CHECK(channel(c, 0).expected == 2);
        CHECK(channel(c, 0).status == Status::on_track);
        CHECK(channel(c, 1).status == Status::on_track); // 1 of 2, expected 1
        CHECK(channel(c, 2).status == Status::met);      // 3 of 2
        CHECK(c.status == Status::on_track);
        CHECK(c.score == doctest::Approx(6.0 / 8.0)); // min(3,4)+min(1,2)+min(3,2) over 8
        CHECK(r.summary.by_status[static_cast<size_t>(Status::on_track)] == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "voided contacts and contacts after as-of never count") {
        const auto id = customer("C1", "C", "wang");
        const auto voided = contact(id, "visit", "2026-11-02");
        REQUIRE(store->void_contact(voided, "logged twice", "2026-11-02T19:00").ok());
        contact(id, "call", "2026-11-25");
        const auto r = run(Month{2026, 11}, "2026-11-20");
        CHECK(channel(r.customers[0], 0).done == 0);
        CHECK(channel(r.customers[0], 1).done == 0);
        const auto later = run(Month{2026, 11}, "2026-11-30");
        CHECK(channel(later.customers[0], 0).done == 0);
        CHECK(channel(later.customers[0], 0).status == Status::missed);
        CHECK(channel(later.customers[0], 1).status == Status::met);
        CHECK(later.customers[0].status == Status::missed);
    }

    TEST_CASE_FIXTURE(Fixture, "late contacts count unless count_late = false") {
        const auto id = customer("C1", "C", "wang");
        contact(id, "visit", "2026-11-02", "2026-11-06T09:00"); // 4 days after: late
        contact(id, "call", "2026-11-02", "2026-11-05T09:00");  // 3 days after: not late
        CHECK(channel(run(Month{2026, 11}, "2026-11-20").customers[0], 0).done == 1);
        rules.count_late = false;
        const auto r = run(Month{2026, 11}, "2026-11-20");
        CHECK(channel(r.customers[0], 0).done == 0);
        CHECK(channel(r.customers[0], 1).done == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "tier on the month's first day, re-tiering later never changes a past month") {
        const auto id = customer("X", "C", "wang", day("2025-01-01"));
        REQUIRE(store->set_tier(id, "A", day("2026-11-15")).ok());
        CHECK(run(Month{2026, 11}, "2026-11-30").customers[0].tier == "C");
        CHECK(channel(run(Month{2026, 11}, "2026-11-30").customers[0], 0).required == 1);
        CHECK(run(Month{2026, 12}, "2026-12-31").customers[0].tier == "A");
        REQUIRE(store->set_tier(id, "B", day("2026-12-01")).ok());
        CHECK(run(Month{2026, 12}, "2026-12-31").customers[0].tier == "B");
        CHECK(run(Month{2026, 10}, "2026-10-31").customers[0].tier == "C");
    }

    TEST_CASE_FIXTURE(Fixture,
                      "a customer opened mid-month uses the tier of its opening day and a partial quota") {
        const auto id = customer("N", "A", "wang", day("2026-11-10"));
        REQUIRE(store->set_tier(id, "B", day("2026-11-20")).ok());
        const auto r = run(Month{2026, 11}, "2026-11-20");
        const auto& c = r.customers[0];
        CHECK(c.tier == "A");
        CHECK(c.active_days == 21);
        CHECK(channel(c, 0).required == 6); // ceil(8 × 21 / 30)
        CHECK(channel(c, 0).expected == 4); // floor(6 × 20 / 30)
        CHECK(channel(c, 1).required == 3); // ceil(4 × 21 / 30) = ceil(2.8)
    }

    TEST_CASE_FIXTURE(Fixture, "customers not active in the month are not listed, closed mid-month are") {
        customer("GONE", "A", "wang", day("2024-01-01"), day("2026-10-31"));
        customer("LATER", "A", "wang", day("2026-12-01"));
        customer("CLOSING", "B", "wang", std::nullopt, day("2026-11-12"));
        const auto r = run(Month{2026, 11}, "2026-11-20");
        REQUIRE(r.customers.size() == 1);
        CHECK(r.customers[0].code == "CLOSING");
        CHECK(channel(r.customers[0], 0).required == 2); // ceil(4 × 12 / 30)
    }

    TEST_CASE_FIXTURE(Fixture, "a customer closed on the 1st is listed with one active day") {
        customer("FIRST", "A", "wang", std::nullopt, day("2026-11-01"));
        const auto r = run(Month{2026, 11}, "2026-11-20");
        REQUIRE(r.customers.size() == 1);
        CHECK(r.customers[0].active_days == 1);
        CHECK(channel(r.customers[0], 0).required == 1); // ceil(8 × 1 / 30)
    }

    TEST_CASE_FIXTURE(Fixture, "the row belongs to the rep assigned at the end of the month, scopes filter") {
        const auto id = customer("M", "C", "wang");
        customer("K", "B", "li");
        REQUIRE(store->assign_rep(id, "li", day("2026-11-25")).ok());
        const auto nov = run(Month{2026, 11}, "2026-11-20", {Scope::Kind::rep, "li"});
        CHECK(nov.customers.size() == 2);
        CHECK(run(Month{2026, 10}, "2026-10-31", {Scope::Kind::rep, "wang"}).customers.size() == 1);
        CHECK(run(Month{2026, 11}, "2026-11-20", {Scope::Kind::tier, "B"}).customers.size() == 1);
        CHECK(run(Month{2026, 11}, "2026-11-20", {Scope::Kind::team, "west"}).customers.size() == 2);
        CHECK(run(Month{2026, 11}, "2026-11-20", {Scope::Kind::code, "K"}).customers[0].code == "K");
    }

    TEST_CASE_FIXTURE(Fixture, "before the month starts nothing is expected, after it ends all is due") {
        const auto id = customer("A1", "A", "wang");
        contact(id, "visit", "2026-11-01");
        const auto before = run(Month{2026, 11}, "2026-10-31");
        CHECK(before.elapsed_days == 0);
        CHECK(channel(before.customers[0], 0).done == 0);
        CHECK(before.customers[0].status == Status::on_track);
        const auto after = run(Month{2026, 11}, "2027-01-05");
        CHECK(after.elapsed_days == 30);
        CHECK(channel(after.customers[0], 0).done == 1);
        CHECK(channel(after.customers[0], 0).expected == 8);
        CHECK(after.customers[0].status == Status::missed);
        CHECK(compliance::anything_owed(after));
    }

    TEST_CASE_FIXTURE(Fixture, "summary score over all customers") {
        const auto a = customer("A1", "C", "wang");
        customer("A2", "C", "wang");
        contact(a, "visit", "2026-11-01");
        contact(a, "call", "2026-11-01");
        contact(a, "message", "2026-11-01");
        const auto r = run(Month{2026, 11}, "2026-11-30");
        CHECK(r.summary.customers == 2);
        CHECK(r.summary.required == 6);
        CHECK(r.summary.done_capped == 3);
        CHECK(r.summary.score == doctest::Approx(0.5));
        CHECK(r.summary.by_status[static_cast<size_t>(Status::met)] == 1);
        CHECK(r.summary.by_status[static_cast<size_t>(Status::missed)] == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "an unknown tier in the data is a clear data error") {
        customer("Z", "A", "wang");
        rules = *rules::parse_rules(
            "[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"B\"\nquota = { visit = 1 }\n", "r.toml");
        auto r = compliance::evaluate_month(*store, rules, Month{2026, 11}, day("2026-11-20"), {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("customer Z has tier 'A'") != std::string::npos);
    }
}

} // namespace unit_compliance_evaluate
