// Tests for compliance/goals: R9 asked-for-help, R10 problems solved per customer, R11 training at A
// customers, and R12–R17 checklist completeness, with pace.
#include "compliance/goals.hpp"
#include "support.hpp"

#include <algorithm>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_compliance_goals {

using namespace keqing;
using compliance::Status;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    int64_t a = 0, b = 0;
    Fixture() {
        a = test::add_customer(*store, "A1", "A", "wang");
        b = test::add_customer(*store, "B1", "B", "wang");
    }
    void contact(int64_t customer, const char* date, bool asked, const char* solved, bool training,
                 int items = 0, const char* rep = "wang", const char* channel = "visit",
                 const char* logged = nullptr) {
        store::Contact k;
        k.customer_id = customer;
        k.channel = channel;
        k.date = day(date);
        k.rep = rep;
        k.asked_help = asked;
        k.solved = solved;
        k.training = training;
        for (int i = 0; i < items; ++i)
            k.checklist[static_cast<size_t>(i)] = "x";
        k.logged_at = std::string(logged ? logged : date) + "T20:00";
        REQUIRE(store->add_contact(k).ok());
    }
    compliance::RepGoals run(const char* as_of, const compliance::Scope& scope = {}) {
        auto month = *compliance::evaluate_month(*store, rules, {2026, 11}, day(as_of), scope);
        auto goals = compliance::evaluate_goals(*store, rules, month);
        REQUIRE(goals.ok());
        // wang's: the tests' rep (some add li's customers too)
        const auto wang = std::find_if(goals->begin(), goals->end(),
                                       [](const compliance::RepGoals& g) { return g.rep == "wang"; });
        REQUIRE(wang != goals->end());
        return *wang;
    }
};

} // namespace

TEST_SUITE("compliance::goals") {
    TEST_CASE_FIXTURE(Fixture, "nothing done: on track early, behind later, missed at the end") {
        CHECK(run("2026-11-02").goals[0].status == Status::on_track);
        const auto mid = run("2026-11-15");
        CHECK(mid.goals[0].id == "R9");
        CHECK(mid.goals[0].expected == 2); // floor(5 × 15 / 30)
        CHECK(mid.goals[0].status == Status::behind);
        CHECK(mid.goals[1].required == 2);            // A1 and B1 each owe problems solved
        CHECK(mid.goals[1].status == Status::behind); // A1 owes floor(2 × 15 / 30) = 1 by now
        CHECK(mid.goals[1].per_customer);
        CHECK(mid.goals[1].detail == "2 of 2 customers still need a problem solved: A1 0/2, B1 0/1");
        CHECK(mid.goals[2].required == 1);
        const auto end = run("2026-11-30");
        CHECK(end.status == Status::missed);
    }

    TEST_CASE_FIXTURE(Fixture, "all goals met, checklist completeness per item") {
        for (const char* d : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"})
            contact(a, d, true, "", false, 6);
        contact(a, "2026-11-07", false, "退货", true, 3);
        contact(a, "2026-11-08", false, "调货", false, 0);
        contact(b, "2026-11-09", false, "", false, 0,
                "li"); // li's visit to wang's customer: no problem solved
        contact(b, "2026-11-10", false, "培训店员", false, 0, "li");
        const auto g = run("2026-11-30");
        CHECK(g.goals[0].done == 5);
        CHECK(g.goals[0].status == Status::met);
        CHECK(g.goals[1].done == 2); // A1 2/2, B1 1/1 (solved by anyone)
        CHECK(g.goals[1].status == Status::met);
        CHECK(g.goals[2].done == 1);
        CHECK(g.status == Status::met);
        CHECK(g.checklist.visits == 7); // wang's own visits
        CHECK(g.checklist.complete == 5);
        CHECK(g.checklist.recorded[0] == 6);
        CHECK(g.checklist.recorded[5] == 5);
    }

    TEST_CASE_FIXTURE(Fixture, "the visit checklist counts in-person channels only, as the rules mark them") {
        contact(a, "2026-11-02", false, "", false, 6);
        contact(a, "2026-11-03", false, "", false, 6, "wang", "call");
        CHECK(run("2026-11-30").checklist.visits == 1);
        CHECK(run("2026-11-30").checklist.complete == 1);
        rules.channels[static_cast<size_t>(rules.channel_index("call"))].in_person = true;
        CHECK(run("2026-11-30").checklist.visits == 2);
        CHECK(run("2026-11-30").checklist.complete == 2);
    }

    TEST_CASE_FIXTURE(Fixture, "training at a B customer does not count toward R11") {
        contact(b, "2026-11-02", false, "", true);
        CHECK(run("2026-11-30").goals[2].done == 0);
    }

    TEST_CASE_FIXTURE(Fixture, "R10 is prorated for a customer opened mid-month") {
        // A2 is active 15 of 30 days: it owes ceil(2 × 15 / 30) = 1 problem solved, not 2.
        const int64_t a2 = test::add_customer(*store, "A2", "A", "wang", day("2026-11-16"));
        contact(a, "2026-11-02", false, "退货", false);
        contact(a, "2026-11-03", false, "调货", false);
        contact(b, "2026-11-04", false, "价格", false);
        contact(a2, "2026-11-20", false, "陈列", false);
        const auto g = run("2026-11-30");
        CHECK(g.goals[1].required == 3);
        CHECK(g.goals[1].done == 3);
        CHECK(g.goals[1].status == Status::met);
        CHECK(g.goals[1].detail.empty());
    }

    TEST_CASE("R11 owes nothing to a rep without A customers") {
        test::StoreFixture f;
        const rules::Rules rules = *rules::load_rules("");
        test::add_customer(*f.store, "B1", "B", "li");
        test::add_customer(*f.store, "C1", "C", "li");
        auto month = *compliance::evaluate_month(*f.store, rules, {2026, 11}, day("2026-11-30"), {});
        auto goals = compliance::evaluate_goals(*f.store, rules, month);
        REQUIRE(goals.ok());
        REQUIRE(goals->size() == 1);
        const auto& r11 = goals->front().goals[2];
        CHECK(r11.id == "R11");
        CHECK(r11.required == 0);
        CHECK(r11.status == Status::met);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "R11 needs a visit by the customer's own rep: a message or li's does not count") {
        contact(a, "2026-11-02", false, "", true, 0, "wang", "message");
        contact(a, "2026-11-03", false, "", true, 0, "li", "visit");
        auto r11 = run("2026-11-30").goals[2];
        CHECK(r11.done == 0);
        CHECK(r11.status == Status::missed);
        CHECK(r11.detail == "training at A1 by li did not count: R11 needs the assigned rep in person "
                            "(wang's customer); training at A1 by wang did not count: R11 needs the assigned "
                            "rep in person (message is not in person)");
        // In person only: li's visit counts; by the assigned rep only: wang's message counts.
        rules.goals.training_who = {false, true};
        CHECK(run("2026-11-30").goals[2].done == 1);
        rules.goals.training_who = {true, false};
        CHECK(run("2026-11-30").goals[2].done == 1);
        rules.goals.training_who = {true, true};
        contact(a, "2026-11-04", false, "", true, 0, "wang", "visit");
        r11 = run("2026-11-30").goals[2];
        CHECK(r11.done == 1);
        CHECK(r11.status == Status::met);
        CHECK(r11.detail.empty());
    }

    TEST_CASE_FIXTURE(Fixture, "a message with --training says it is not in person") {
        contact(a, "2026-11-02", false, "", true, 0, "wang", "message");
        CHECK(run("2026-11-30").goals[2].detail ==
              "training at A1 by wang did not count: R11 needs the assigned rep in person (message is not in "
              "person)");
    }

    // One rep's goals take the rep's own contacts from the month's pass at the rep's customers when it read
    // them all (an index says so), and read them apart otherwise: either way as everyone's pass counts them.
    TEST_CASE_FIXTURE(Fixture,
                      "one rep's goals equal that rep's in everyone's, with or without contacts elsewhere") {
        const int64_t elsewhere = test::add_customer(*store, "C1", "A", "li");
        const auto same = [&](const char* when) {
            CAPTURE(when);
            const compliance::RepGoals all = run("2026-11-30");
            const compliance::RepGoals one = run("2026-11-30", {compliance::Scope::Kind::rep, "wang"});
            for (size_t g = 0; g < 3; ++g) {
                CHECK(one.goals[g].done == all.goals[g].done);
                CHECK(one.goals[g].detail == all.goals[g].detail);
            }
            CHECK(one.checklist.visits == all.checklist.visits);
            CHECK(one.checklist.complete == all.checklist.complete);
            CHECK(one.checklist.recorded == all.checklist.recorded);
            return all;
        };
        contact(a, "2026-11-02", true, "退货", true, 6);
        contact(b, "2026-11-03", true, "", false, 3);
        contact(a, "2026-11-03", true, "", false, 6, "li"); // li at wang's customer: li's own, not wang's
        contact(b, "2026-11-04", true, "", false, 2, "wang", "visit", "2026-11-20"); // late
        CHECK(same("own customers only").goals[0].done == 3);
        rules.count_late = false;
        CHECK(same("a late one left out").goals[0].done == 2);
        rules.count_late = true;
        const auto last = store->contacts_between(day("2026-11-01"), day("2026-11-30"));
        REQUIRE(last.ok());
        REQUIRE(store->void_contact(last->front().id, "typo", "2026-11-05T09:00").ok());
        CHECK(same("a voided one").goals[0].done == 2);
        contact(elsewhere, "2026-11-06", true, "", false, 4); // wang at li's customer
        CHECK(same("one at another rep's customer").goals[0].done == 3);
        CHECK(same("one at another rep's customer").checklist.visits == 3);
    }

    TEST_CASE_FIXTURE(Fixture, "with count_late = false a contact logged late counts toward no goal") {
        contact(a, "2026-11-02", true, "退货", true, 0, "wang", "visit", "2026-11-10");
        CHECK(run("2026-11-30").goals[0].done == 1);
        CHECK(run("2026-11-30").goals[2].done == 1);
        rules.count_late = false;
        const auto g = run("2026-11-30");
        CHECK(g.goals[0].done == 0);
        CHECK(g.goals[1].done == 0);
        CHECK(g.goals[2].done == 0);
    }
}

} // namespace unit_compliance_goals
