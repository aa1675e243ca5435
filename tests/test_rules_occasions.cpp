// Tests for rules/occasions: the shipped occasions, events and goals (SPEC §2) and rejection of bad ones.
#include "rules/rules.hpp"
#include "support.hpp"

#include <string_view>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_rules_occasions {

using namespace keqing;

namespace {

const std::string kBase =
    "[[channel]]\nid = \"visit\"\n[[channel]]\nid = \"call\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n"
    "[[tier]]\nid = \"B\"\nquota = { visit = 1 }\n";

std::string error_of(const std::string& extra) {
    auto r = rules::parse_rules(kBase + extra, "r.toml");
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

} // namespace

TEST_SUITE("rules::occasions") {
    TEST_CASE("built-in occasions, events and goals follow SPEC §2") {
        const auto r = *rules::load_rules("");
        REQUIRE(r.occasions.size() == 3);
        const auto* autumn = r.occasion("mid-autumn");
        REQUIRE(autumn);
        CHECK(autumn->date.text() == "lunar:8-15");
        CHECK(autumn->before == 7);
        CHECK(autumn->after == 0);
        CHECK(r.action_text(autumn->actions[0][0]) == "visit+gift");
        CHECK(r.action_text(autumn->actions[0][1]) == "message");
        CHECK(r.action_text(autumn->actions[1][0]) == "call");
        const auto* spring = r.occasion("spring-festival");
        CHECK(spring->before == 14);
        CHECK(spring->after == 7);
        CHECK(r.action_text(spring->actions[2][0]) == "visit");
        CHECK(r.occasion("dragon-boat")->date.text() == "lunar:5-5");
        CHECK(r.event("birthday")->note_required);
        CHECK(r.event("wedding")->after == 7);
        CHECK(r.event("bereavement")->after == 3);
        for (const char* kind : {"wedding", "birth", "anniversary", "bereavement", "illness", "accident"})
            CHECK(r.event(kind)->who == rules::Who{true, true}); // R7, R8: the assigned rep in person
        CHECK(r.event("birthday")->who == rules::Who{});
        CHECK(r.goals.training_who == rules::Who{true, true}); // R11
        CHECK(r.event("anniversary")->yearly);
        CHECK_FALSE(r.event("wedding")->yearly);
        const auto* partnership = r.event("partnership"); // 合作纪念日, seed 004
        REQUIRE(partnership);
        CHECK(partnership->on_opening);
        CHECK(partnership->yearly);
        CHECK_FALSE(partnership->recorded());
        CHECK(partnership->name == "合作纪念日");
        CHECK(r.event_kinds() == "wedding, birth, anniversary, bereavement, illness, accident");
        CHECK(r.goals.asked_help == 5);
        CHECK(r.goals.solved == std::vector<int>{2, 1, 1});
        CHECK(r.goals.training_tier == "A");
        CHECK(r.overdue_days == 7);
        CHECK(r.channels[0].rule == "R1");
    }

    TEST_CASE("company occasions: solar dates, actions for every tier") {
        auto r = rules::parse_rules(
            kBase + "[[occasion]]\nid = \"national-day\"\nname = \"国庆\"\nsolar = \"10-01\"\n"
                    "before = 3\nactions = [\"call+gift\"]\n",
            "r.toml");
        REQUIRE(r.ok());
        CHECK(r->occasions[0].actions.size() == 2);
        CHECK(r->action_text(r->occasions[0].actions[1][0]) == "call+gift");
    }

    TEST_CASE("bad occasions, events and goals are rejected with file:line") {
        CHECK(
            error_of("[[occasion]]\nid = \"x\"\nlunar = \"9-9\"\nsolar = \"10-01\"\nactions = [\"visit\"]\n")
                .find("exactly one of lunar") != std::string::npos);
        CHECK(error_of("[[occasion]]\nid = \"x\"\nlunar = \"13-9\"\nactions = [\"visit\"]\n")
                  .find("months run 1-12") != std::string::npos);
        CHECK(error_of("[[occasion]]\nid = \"x\"\nlunar = \"9-9\"\nactions = [\"fax\"]\n")
                  .starts_with("r.toml:14:"));
        CHECK(error_of("[[occasion]]\nid = \"x\"\nlunar = \"9-9\"\nactions = { Z = [\"visit\"] }\n")
                  .find("unknown tier 'Z'") != std::string::npos);
        CHECK(error_of("[[occasion]]\nid = \"x\"\nlunar = \"9-9\"\nbefore = 99\nactions = [\"visit\"]\n")
                  .find("from 0 to 60") != std::string::npos);
        CHECK(error_of("[[occasion]]\nid = \"x\"\nlunar = \"9-9\"\n").find("has no actions") !=
              std::string::npos);
        CHECK(error_of("[[occasion]]\nid = \"x\"\nsolar = \"2026-10-01\"\nactions = [\"visit\"]\n")
                  .find("MM-DD") != std::string::npos);
        CHECK(error_of("[[event]]\nkind = \"wedding\"\nactions = [\"visit\"]\n[[event]]\nkind = "
                       "\"wedding\"\nactions = []\n")
                  .find("must be unique") != std::string::npos);
        CHECK(error_of("[[goals]]\n").find("goals") != std::string::npos);
        CHECK(error_of("[goals]\nsolved = { Q = 1 }\n").find("unknown tier 'Q'") != std::string::npos);
        CHECK(error_of("[goals]\nasked_help = -1\n").find("from 0 to 1000") != std::string::npos);
        CHECK(error_of("[goals]\ntraining = { tier = \"Z\" }\n").find("unknown tier 'Z'") !=
              std::string::npos);
    }

    TEST_CASE("who and how: by, in_person, yearly and on, with their defaults and errors") {
        const std::string base = "[[channel]]\nid = \"visit\"\nin_person = true\n[[channel]]\nid = \"call\"\n"
                                 "[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n";
        auto r = rules::parse_rules(
            base + "[[event]]\nkind = \"wedding\"\nactions = [\"visit\"]\n"
                   "[[event]]\nkind = \"opened\"\nactions = [\"call\"]\non = \"opened_on\"\n"
                   "[[occasion]]\nid = \"x\"\nsolar = \"10-01\"\nactions = [\"call\"]\n"
                   "by = \"assigned\"\n",
            "r.toml");
        REQUIRE(r.ok());
        CHECK(r->event("wedding")->who == rules::Who{}); // absent: anyone, any channel, as before
        CHECK_FALSE(r->event("wedding")->yearly);
        CHECK(r->event("opened")->on_opening);
        CHECK(r->event_kinds() == "wedding");
        CHECK(r->occasions[0].who == rules::Who{true, false});
        CHECK(r->goals.training_who == rules::Who{true, false}); // absent: the rep itself, as before
        CHECK(std::string_view(rules::Rules::who_text({true, true})) == "the assigned rep in person");
        CHECK(std::string_view(rules::Rules::who_text({false, true})) == "a contact in person");
        CHECK(std::string_view(rules::Rules::who_text({})) == "anyone");

        auto bad = [&](const std::string& extra) {
            auto parsed = rules::parse_rules(base + extra, "r.toml");
            REQUIRE_FALSE(parsed.ok());
            return parsed.error().message;
        };
        CHECK(bad("[[event]]\nkind = \"w\"\nactions = [\"call\"]\nin_person = true\n")
                  .find("asks for 'call', which is not an in-person channel") != std::string::npos);
        CHECK(bad("[[event]]\nkind = \"w\"\nactions = [\"visit\"]\nby = \"me\"\n").starts_with("r.toml:12:"));
        CHECK(bad("[[event]]\nkind = \"w\"\nactions = [\"visit\"]\nyearly = 1\n").find("yearly must be") !=
              std::string::npos);
        CHECK(bad("[[event]]\nkind = \"w\"\nactions = [\"visit\"]\non = \"closed_on\"\n").find("opened_on") !=
              std::string::npos);
        CHECK(bad("[[occasion]]\nid = \"x\"\nsolar = \"10-01\"\nactions = [\"call\"]\n"
                  "[[event]]\nkind = \"x\"\nactions = [\"visit\"]\non = \"opened_on\"\n")
                  .find("needs a name of its own") != std::string::npos);
        CHECK(bad("[goals]\ntraining = { in_person = \"yes\" }\n").find("in_person in goals.training") !=
              std::string::npos);
    }
}

} // namespace unit_rules_occasions
