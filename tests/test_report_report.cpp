// Tests for report/report: aggregation over customer-months, ranking with ties, ranges, occasions kept
// and missed, and data-quality flags.
#include "report/report.hpp"
#include "support.hpp"

#include <cstdlib>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_report_report {

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
        contact("W1", "call", "2026-10-02");                              // a call back: ordinary
        contact("W1", "visit", "2026-10-03");
        contact("W1", "visit", "2026-10-03"); // a second visit that day: a possible duplicate
        const auto q = run({2026, 10}, {2026, 10}, "2026-10-31").quality;
        CHECK(q.late_count == 1);
        CHECK(q.duplicate_count == 1);
        CHECK(q.duplicates[0].count == 2);
    }

    TEST_CASE("the accumulator adds evaluated months up without a store") {
        const rules::Rules rules = *rules::load_rules("");
        report::Options options{{2026, 10}, {2026, 11}, day("2026-11-30"), report::By::tier, ""};
        report::Accumulator sum(rules, options, {{"wang", "王强", "east"}, {"li", "李娜", "west"}});
        auto customer = [](int64_t id, const char* code, const char* tier, const char* rep, int done,
                           int required, compliance::Status status) {
            compliance::CustomerResult c;
            c.id = id;
            c.code = code;
            c.tier = tier;
            c.rep = rep;
            c.status = status;
            c.channels.resize(3);
            c.channels[0].done = done;
            c.channels[0].required = required;
            return c;
        };
        for (const core::Month m : {core::Month{2026, 10}, core::Month{2026, 11}}) {
            compliance::MonthResult month;
            month.month = m;
            month.as_of = m.last();
            month.customers.push_back(customer(1, "A1", "A", "wang", 8, 8, compliance::Status::met));
            month.customers.push_back(customer(2, "B1", "B", "li", 1, 4, compliance::Status::missed));
            month.summary.customers = 2;
            month.summary.required = 12;
            month.summary.done_capped = 9;
            month.activity.findings.late_count = 1;
            sum.add_month(std::move(month), {});
        }
        occasions::Obligation kept, missed, open, elsewhere;
        kept.kind = missed.kind = open.kind = elsewhere.kind = "mid_autumn";
        kept.customer_id = 1;
        kept.state = occasions::State::done;
        missed.customer_id = 2;
        missed.state = occasions::State::missed;
        open.customer_id = 2;
        open.state = occasions::State::open;
        elsewhere.customer_id = 9; // a customer no month listed
        elsewhere.state = occasions::State::missed;
        store::Voided voided;
        voided.count = 3;
        sum.add_obligations({kept, missed, open}, sum.in_scope());
        sum.add_obligations({elsewhere}, sum.in_scope());
        const report::Report r = sum.finish(std::move(voided));
        CHECK(r.months.size() == 2);
        CHECK(r.summary.customers == 4);
        CHECK(r.summary.score == doctest::Approx(18.0 / 24));
        REQUIRE(r.rows.size() == 2); // by tier: A first (100 %), then B
        CHECK(r.rows[0].key == "A");
        CHECK(r.rows[0].customer_months == 2);
        CHECK(r.rows[1].key == "B");
        CHECK(r.rows[1].total.done == 2);
        CHECK(r.rows[1].total.required == 8);
        REQUIRE(r.reps.size() == 2);
        CHECK(r.reps[0].key == "wang");
        CHECK(r.reps[0].label == "王强");
        CHECK(r.reps[1].team == "west");
        CHECK(r.tier_status[1][static_cast<size_t>(compliance::Status::missed)] == 2);
        REQUIRE(r.occasions.size() == 1);
        CHECK(r.occasions[0].total == 2); // the open window and the customer out of scope are left out
        CHECK(r.missed.size() == 1);
        CHECK(r.quality.late_count == 2);
        CHECK(r.quality.voided_count == 3);
    }
}

} // namespace unit_report_report
