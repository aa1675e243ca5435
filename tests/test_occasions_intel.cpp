// Tests for occasions/intel: the rules' word lists propose life events from a contact's family note or
// note, once per kind, and not when the customer's record already has one of that kind nearby.
#include "occasions/intel.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_occasions_intel {

using namespace keqing;
using test::day;

namespace {

std::vector<std::string> kinds(const std::vector<occasions::Proposal>& found) {
    std::vector<std::string> out;
    for (const auto& p : found)
        out.push_back(p.kind->kind + ":" + p.word);
    return out;
}

} // namespace

TEST_SUITE("occasions::intel") {
    TEST_CASE("the built-in words propose weddings, births, illness, bereavement and accidents") {
        const rules::Rules rules = *rules::load_rules("");
        using V = std::vector<std::string>;
        CHECK(kinds(occasions::proposed_by(rules, "店长母亲刚做完手术出院")) == V{"illness:手术"});
        CHECK(kinds(occasions::proposed_by(rules, "采购小刘下月办喜事")) == V{"wedding:办喜事"});
        CHECK(kinds(occasions::proposed_by(rules, "店员小张父亲病逝，住院多日")) ==
              V{"bereavement:病逝", "illness:住院"}); // each kind once, in rules order
        CHECK(kinds(occasions::proposed_by(rules, "老板得女")) == V{"birth:得女"});
        CHECK(occasions::proposed_by(rules, "喜欢喝茶，孩子上初中").empty());
        CHECK(occasions::proposed_by(rules, "").empty());
    }

    TEST_CASE("words come from the rules and only recorded kinds take them") {
        auto own =
            rules::parse_rules("[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n"
                               "[[event]]\nkind = \"move\"\nactions = [\"visit\"]\nwords = [\"搬家\"]\n",
                               "r.toml");
        REQUIRE(own.ok());
        CHECK(kinds(occasions::proposed_by(*own, "店长下周搬家")) == std::vector<std::string>{"move:搬家"});
        const char* base = "[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n";
        for (const char* bad : {"[[event]]\nkind = \"birthday\"\nactions = [\"visit\"]\nwords = [\"生日\"]\n",
                                "[[event]]\nkind = \"move\"\nactions = [\"visit\"]\nwords = \"搬家\"\n",
                                "[[event]]\nkind = \"move\"\nactions = [\"visit\"]\nwords = [\"\"]\n"}) {
            auto r = rules::parse_rules(std::string(base) + bad, "r.toml");
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().message.starts_with("r.toml:9:"));
        }
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "an event of the kind recorded nearby makes the proposal moot") {
        const rules::Rules rules = *rules::load_rules("");
        const int64_t id = test::add_customer(*store, "HZ013", "A", "wang");
        store::Contact c;
        c.customer_id = id;
        c.customer_code = "HZ013";
        c.date = day("2026-11-20");
        c.checklist[3] = "店长母亲刚做完手术"; // R15 family
        c.note = "店长说下月婚礼";
        auto found = occasions::proposals_for(*store, rules, c);
        REQUIRE(found.ok());
        CHECK(kinds(*found) == std::vector<std::string>{"wedding:婚礼", "illness:手术"});
        CHECK(found->front().customer_code == "HZ013");
        CHECK(found->front().date == day("2026-11-20"));
        store::LifeEvent known;
        known.customer_id = id;
        known.kind = "illness";
        known.date = day("2026-10-01"); // 50 days before: known
        REQUIRE(store->add_event(known).ok());
        found = occasions::proposals_for(*store, rules, c);
        REQUIRE(found.ok());
        CHECK(kinds(*found) == std::vector<std::string>{"wedding:婚礼"});
        known.kind = "wedding";
        known.date = day("2026-05-01"); // long before: another wedding
        REQUIRE(store->add_event(known).ok());
        found = occasions::proposals_for(*store, rules, c);
        REQUIRE(found.ok());
        CHECK(kinds(*found) == std::vector<std::string>{"wedding:婚礼"});
    }
}

} // namespace unit_occasions_intel
