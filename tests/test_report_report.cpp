// Tests for report/report: aggregation over customer-months, ranking with ties, ranges, occasions kept
// and missed, and data-quality flags.
#include "report/report.hpp"
#include "support.hpp"

#include <cstdlib>

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    Fixture() {
        setenv("KEQING_NOW", "2026-12-31T12:00", 1);
        add("W1", "C", "wang");
        add("L1", "C", "li");
    }
    ~Fixture() { unsetenv("KEQING_NOW"); }
    int64_t add(const char* code, const char* tier, const char* rep) {
        return test::add_customer(*store, code, tier, rep, day("2026-01-01"), {}, code);
    }
    void contact(const char* code, const char* channel, const char* date, const char* logged = nullptr) {
        store::Contact k;
        k.customer_id = store->find_customers(code, store::Match::code, day(date))->front().id;
        k.channel = channel;
        k.date = day(date);
        k.rep = store->find_customers(code, store::Match::code, day(date))->front().rep;
        k.logged_at = logged ? logged : std::string(date) + "T20:00";
        REQUIRE(store->add_contact(k).ok());
    }
    report::Report run(core::Month from, core::Month to, const char* as_of, report::By by = report::By::rep) {
        auto r = report::build_report(*store, rules, {from, to, day(as_of), by, ""});
        REQUIRE(r.ok());
        return std::move(*r);
    }
};

} // namespace

TEST_SUITE("report::report") {
    TEST_CASE_FIXTURE(Fixture, "rep ranking by attainment, per channel, ties share a rank") {
        for (const char* ch : {"visit", "call", "message"})
            contact("W1", ch, "2026-10-05");
        contact("L1", "visit", "2026-10-05");
        contact("L1", "visit", "2026-10-06"); // over-serving one channel covers nothing else
        const auto r = run({2026, 10}, {2026, 10}, "2026-10-31");
        REQUIRE(r.reps.size() == 2);
        CHECK(r.reps[0].key == "wang");
        CHECK(r.reps[0].rank == 1);
        CHECK(r.reps[0].total.rate() == 1.0);
        CHECK(r.reps[1].total.required == 3);
        CHECK(r.reps[1].total.done == 1);
        CHECK(r.reps[1].channels[0].rate() == 1.0);
        CHECK(r.summary.customers == 2);
        CHECK(r.summary.by_status[static_cast<size_t>(compliance::Status::met)] == 1);
        CHECK(r.summary.by_status[static_cast<size_t>(compliance::Status::missed)] == 1);
        const auto tie = run({2026, 9}, {2026, 9}, "2026-09-30");
        CHECK(tie.reps[0].rank == 1);
        CHECK(tie.reps[1].rank == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "a range counts customer-months and keeps each month's as-of") {
        contact("W1", "visit", "2026-11-03");
        const auto r = run({2026, 9}, {2026, 11}, "2026-11-10", report::By::customer);
        REQUIRE(r.months.size() == 3);
        CHECK(r.months[0].as_of.iso() == "2026-09-30");
        CHECK(r.months[2].as_of.iso() == "2026-11-10");
        CHECK(r.summary.customers == 6);
        CHECK(r.rows.size() == 2);
        CHECK(r.rows[0].customer_months == 3);
        CHECK(r.rows[0].key == "W1");
        CHECK_FALSE(report::build_report(*store, rules,
                                         {{2026, 11}, {2026, 9}, day("2026-11-10"), report::By::rep, ""})
                        .ok());
    }

    TEST_CASE_FIXTURE(Fixture, "occasions kept and missed count only closed windows, flags are found") {
        const auto r = run({2026, 9}, {2026, 9}, "2026-09-30");
        REQUIRE(r.occasions.size() == 1);
        CHECK(r.occasions[0].kind == "mid-autumn");
        CHECK(r.occasions[0].total == 2);
        CHECK(r.missed.size() == 2);
        CHECK(run({2026, 9}, {2026, 9}, "2026-09-20").occasions.empty()); // still open
        contact("W1", "call", "2026-10-02", "2026-10-09T08:00");          // late
        contact("W1", "call", "2026-10-02");                              // duplicate
        const auto q = run({2026, 10}, {2026, 10}, "2026-10-31").quality;
        CHECK(q.late_count == 1);
        CHECK(q.duplicate_count == 1);
        CHECK(q.duplicates[0].count == 2);
    }
}
