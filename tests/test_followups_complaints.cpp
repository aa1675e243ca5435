// Unit tests of followups/complaints: a complaint's steps in the rules' order, the last one closing it, and
// the rules' steps checked when loaded.
#include "contacts/log.hpp"
#include "followups/complaints.hpp"
#include "support.hpp"

#include <cstdlib>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_followups_complaints {

using namespace keqing;
using test::day;

namespace {

struct ComplaintFixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    int64_t id = 0;
    ComplaintFixture() {
        setenv("KEQING_NOW", "2026-12-20T18:00", 1);
        test::add_customer(*store, "HZ001", "A", "wang", day("2026-01-01"));
        contacts::LogRequest r;
        r.customer = "HZ001";
        r.channel = "call";
        r.rep = "wang";
        r.date = "2026-12-01";
        r.followup_changes.open.push_back({"complaint", "送货晚了", ""});
        auto out = contacts::log_contact(*store, rules, r, false);
        REQUIRE(out.ok());
        id = out->followups_applied.opened.at(0).id;
    }
    ~ComplaintFixture() { unsetenv("KEQING_NOW"); }
};

} // namespace

TEST_SUITE("followups::complaints") {
    TEST_CASE_FIXTURE(ComplaintFixture,
                      "steps go in the rules' order and the last one closes the complaint") {
        const auto& steps = rules.followup("complaint")->steps;
        REQUIRE(steps.size() == 7);
        CHECK_FALSE(followups::record_step(*store, rules, id, steps[1], "x", day("2026-12-02"), false).ok());
        core::Date d = day("2026-12-02");
        for (const std::string& s : steps) {
            auto done = followups::record_step(*store, rules, id, s, "ok", d, false);
            REQUIRE(done.ok());
            d = d.plus_days(1);
        }
        auto item = followups::stepped_item(*store, rules, id, day("2026-12-20"));
        REQUIRE(item.ok());
        CHECK(item->item.status == "done");
        CHECK(item->state == followups::State::done);
        CHECK(item->age_days == 7);
        CHECK(item->next.empty());
        CHECK(item->steps.size() == 7);
    }

    TEST_CASE_FIXTURE(ComplaintFixture, "a step before the last one or a dry run stores nothing") {
        const auto& steps = rules.followup("complaint")->steps;
        REQUIRE(followups::record_step(*store, rules, id, steps[0], "成立", day("2026-12-05"), false).ok());
        CHECK_FALSE(followups::record_step(*store, rules, id, steps[1], "x", day("2026-12-04"), false).ok());
        REQUIRE(followups::record_step(*store, rules, id, steps[1], "x", day("2026-12-06"), true).ok());
        auto item = followups::stepped_item(*store, rules, id, day("2026-12-20"));
        REQUIRE(item.ok());
        CHECK(item->steps.size() == 1);
        CHECK(item->next == steps[1]);
        CHECK(item->state == followups::State::overdue);
    }

    TEST_CASE("a kind naming a step twice is refused when the rules load") {
        std::string text(rules::builtin_rules_text());
        const std::string steps = "steps = [\"判定\", \"责任部门\"";
        REQUIRE(text.find(steps) != std::string::npos);
        text.replace(text.find(steps), steps.size(), "steps = [\"判定\", \"判定\"");
        auto r = rules::parse_rules(text, "t.toml");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("step '判定' is named twice") != std::string::npos);
    }
}

} // namespace unit_followups_complaints
