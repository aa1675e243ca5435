// Tests for followups/progress and followups/transfer: items put in progress, about a person, opened
// without a contact, and imported from CSV all or nothing.
#include "core/import.hpp"
#include "followups/transfer.hpp"
#include "roster/people.hpp"
#include "support.hpp"

#include <cstdlib>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_followups_progress {

using namespace keqing;
using test::day;

namespace {

struct ProgressFixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    ProgressFixture() {
        setenv("KEQING_NOW", "2026-12-20T18:00", 1);
        test::add_customer(*store, "HZ001", "A", "wang", day("2026-01-01"));
        test::add_customer(*store, "HZ002", "A", "li", day("2026-01-01"));
        store::Person p;
        p.name = "张丽";
        REQUIRE(roster::add_person(*store, "HZ001", p, day("2026-12-01")).ok());
    }
    ~ProgressFixture() { unsetenv("KEQING_NOW"); }

    Result<store::FollowUp> complaint(const char* customer, const char* opened, const char* person = "",
                                      bool dry_run = false) {
        return followups::open_at(*store, rules, {customer, "complaint", "发票开错", person, "", day(opened)},
                                  day("2026-12-20"), dry_run);
    }
    std::string csv(const std::string& text) { return dir.write("rows.csv", text); }
    Result<core::ImportSummary> import(const std::string& text) {
        return followups::import_followups(*store, rules, csv(text), {}, day("2026-12-20"));
    }
    size_t stored() {
        auto all = store->followups_of(day("2000-01-01"), day("2099-12-31"), {});
        REQUIRE(all.ok());
        return all->size();
    }
};

} // namespace

TEST_SUITE("followups::progress") {
    TEST_CASE_FIXTURE(ProgressFixture, "a complaint opened without a contact belongs to the rep of its day") {
        auto c = complaint("HZ002", "2026-12-03");
        REQUIRE(c.ok());
        CHECK(c->rep == "li");
        CHECK(c->due_on == day("2026-12-17")); // the rules' 14 days
        CHECK(c->opened_by == 0);
        CHECK(followups::state_on(*c, day("2026-12-10")) == followups::State::open);
    }

    TEST_CASE_FIXTURE(ProgressFixture, "a dry run stores nothing and a bad person or day stores nothing") {
        REQUIRE(complaint("HZ002", "2026-12-03", "", true).ok());
        CHECK(stored() == 0);
        auto nobody = complaint("HZ002", "2026-12-03", "张丽"); // 张丽 is at HZ001
        REQUIRE_FALSE(nobody.ok());
        CHECK(nobody.error().message.find("names nobody at HZ002") != std::string::npos);
        auto future = complaint("HZ002", "2026-12-21");
        REQUIRE_FALSE(future.ok());
        CHECK(future.error().code == Exit::data);
        CHECK(stored() == 0);
    }

    TEST_CASE_FIXTURE(ProgressFixture, "the person is found by name or number") {
        auto c = complaint("HZ001", "2026-12-03", "张丽");
        REQUIRE(c.ok());
        CHECK(c->person_name == "张丽");
        auto by_id = complaint("HZ001", "2026-12-04", ("#" + std::to_string(c->person_id)).c_str());
        REQUIRE(by_id.ok());
        CHECK(by_id->person_id == c->person_id);
    }

    TEST_CASE_FIXTURE(ProgressFixture, "open then in progress then done and no other way") {
        auto c = complaint("HZ001", "2026-12-03");
        REQUIRE(c.ok());
        CHECK_FALSE(followups::start(*store, c->id, day("2026-12-02"), false).ok()); // before its opening
        auto started = followups::start(*store, c->id, day("2026-12-05"), false);
        REQUIRE(started.ok());
        CHECK(followups::state_on(*started, day("2026-12-04")) == followups::State::open);
        CHECK(followups::state_on(*started, day("2026-12-05")) == followups::State::in_progress);
        CHECK(followups::state_on(*started, day("2026-12-18")) == followups::State::overdue);
        auto twice = followups::start(*store, c->id, day("2026-12-06"), false);
        REQUIRE_FALSE(twice.ok());
        CHECK(twice.error().message.find("in progress already since 2026-12-05") != std::string::npos);
        CHECK_FALSE(
            followups::drop(*store, rules, c->id, "x", day("2026-12-04"), false).ok()); // before start
        REQUIRE(followups::drop(*store, rules, c->id, "不成立", day("2026-12-06"), false).ok());
        CHECK_FALSE(followups::start(*store, c->id, day("2026-12-07"), false).ok());
        CHECK_FALSE(followups::start(*store, 999, day("2026-12-07"), false).ok());
    }

    TEST_CASE_FIXTURE(ProgressFixture, "a complaint's first step puts it in progress") {
        auto c = complaint("HZ001", "2026-12-03");
        REQUIRE(c.ok());
        REQUIRE(followups::record_step(*store, rules, c->id, "判定", "成立", day("2026-12-04"), false).ok());
        auto found = store->find_followup(c->id);
        REQUIRE(found.ok());
        CHECK((*found)->status == "in_progress");
        CHECK((*found)->started_on == day("2026-12-04"));
    }

    TEST_CASE_FIXTURE(ProgressFixture, "an import keeps every row or none and names the bad line") {
        const std::string head = "customer,kind,body,opened_on,due_on,status,started_on,closed_on,reason\n";
        auto bad = import(head + "HZ001,promise,a,2026-12-01,2026-12-08,open,,,\n"
                                 "HZ001,promise,b,2026-12-01,2026-12-08,in_progress,,,\n");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message.find("rows.csv:3: status in_progress needs its first day") !=
              std::string::npos);
        CHECK(stored() == 0);
        auto good = import(head + "HZ001,promise,a,2026-12-01,2026-12-08,done,2026-12-02,2026-12-05,\n"
                                  "HZ002,problem,b,2026-12-01,2026-12-08,dropped,,2026-12-03,不需要了\n");
        REQUIRE(good.ok());
        CHECK(good->added == 2);
        auto again = import(head + "HZ001,promise,a,2026-12-01,2026-12-08,done,2026-12-02,2026-12-05,\n");
        REQUIRE(again.ok());
        CHECK(again->unchanged == 1);
        auto other = import(head + "HZ001,promise,a,2026-12-01,2026-12-09,done,2026-12-02,2026-12-05,\n");
        REQUIRE_FALSE(other.ok());
        CHECK(other.error().message.find("due_on 2026-12-08 → 2026-12-09") != std::string::npos);
        CHECK(stored() == 2);
    }

    TEST_CASE_FIXTURE(ProgressFixture, "an imported row checks its rep and its days") {
        const std::string head = "customer,kind,body,rep,opened_on,due_on,status,closed_on\n";
        auto rep = import(head + "HZ002,promise,a,wang,2026-12-01,2026-12-08,open,\n");
        REQUIRE_FALSE(rep.ok());
        CHECK(rep.error().message.find("HZ002 was assigned to li") != std::string::npos);
        auto future = import(head + "HZ001,promise,a,wang,2026-12-01,2026-12-08,done,2026-12-21\n");
        REQUIRE_FALSE(future.ok());
        CHECK(future.error().message.find("after today") != std::string::npos);
        auto due = import(head + "HZ001,promise,a,wang,2026-12-09,2026-12-08,open,\n");
        REQUIRE_FALSE(due.ok());
        CHECK(due.error().message.find("due_on 2026-12-08 is before opened_on 2026-12-09") !=
              std::string::npos);
    }

    TEST_CASE_FIXTURE(ProgressFixture, "complaints import with their steps in order") {
        const std::string head = "customer,body,opened_on,due_on,step,done_on,note\n";
        auto path = csv(head + "HZ001,发票开错,2026-12-01,2026-12-15,判定,2026-12-02,成立\n"
                               "HZ001,发票开错,2026-12-01,2026-12-15,责任部门,2026-12-03,财务部\n");
        auto first = followups::import_complaints(*store, rules, path, {}, day("2026-12-20"));
        REQUIRE(first.ok());
        CHECK(first->added == 2);
        auto again = followups::import_complaints(*store, rules, path, {}, day("2026-12-20"));
        REQUIRE(again.ok());
        CHECK(again->unchanged == 2);
        auto skipped = followups::import_complaints(
            *store, rules, csv(head + "HZ001,发票开错,2026-12-01,2026-12-15,批示,2026-12-04,同意\n"), {},
            day("2026-12-20"));
        REQUIRE_FALSE(skipped.ok());
        CHECK(skipped.error().message.find("the next step is 方案, not 批示") != std::string::npos);
        auto steps = store->followup_steps(0);
        REQUIRE(steps.ok());
        CHECK(steps->size() == 2);
    }
}

} // namespace unit_followups_progress
