// Tests for rules/occasions: the shipped occasions, events and goals (SPEC §2) and rejection of bad ones.
#include "rules/rules.hpp"
#include "support.hpp"

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
}
