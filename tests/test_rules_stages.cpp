// Tests for rules/stages: the [[stage]] list (seed 000's 客户关系周期), its checks, and finding a stage by
// id, name or alias.
#include "rules/rules.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_rules_stages {

using namespace keqing;

namespace {

// A minimal rules file with these [[stage]] tables after it.
Result<rules::Rules> with_stages(const std::string& stages) {
    return rules::parse_rules(
        "[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n" + stages, "r.toml");
}

} // namespace

TEST_SUITE("rules::stages") {
    TEST_CASE("the built-in rules list seed 000's seven stages in order") {
        const rules::Rules rules = *rules::load_rules("");
        REQUIRE(rules.stages.size() == 7);
        CHECK(rules.stages.front().name == "突破期");
        CHECK(rules.stages.back().name == "暂停期");
        CHECK(rules.stage_ids().starts_with("breakthrough (突破期), consolidation (巩固期)"));
    }

    TEST_CASE("a stage is found by id in any case by name or by alias and nothing else is") {
        const rules::Rules rules = *rules::load_rules("");
        REQUIRE(rules.stage("growth"));
        CHECK(rules.stage("GROWTH")->id == "growth");
        CHECK(rules.stage("成长期")->id == "growth");
        CHECK(rules.stage(" 成长期 ")->id == "growth");
        CHECK(rules.stage("developing")->id == "growth"); // older keqing's word
        CHECK(rules.stage("key")->id == "harvest");
        CHECK_FALSE(rules.stage("foo"));
        CHECK_FALSE(rules.stage(""));
        CHECK_FALSE(rules.stage("成长"));
    }

    TEST_CASE("a rules file without stages takes the built-in ones and one with stages only its own") {
        CHECK(with_stages("")->stages.size() == 7);
        auto own = with_stages("[[stage]]\nid = \"new\"\nname = \"新客户\"\n[[stage]]\nid = \"old\"\n");
        REQUIRE(own.ok());
        REQUIRE(own->stages.size() == 2);
        CHECK(own->stages[1].name == "old"); // the id when no name is given
        CHECK_FALSE(own->stage("突破期"));
    }

    TEST_CASE("duplicate ids names or aliases and unknown keys are refused with file and line") {
        auto twice = with_stages("[[stage]]\nid = \"a\"\n[[stage]]\nid = \"A\"\n");
        REQUIRE_FALSE(twice.ok());
        CHECK(twice.error().message.find("r.toml:") != std::string::npos);
        CHECK_FALSE(
            with_stages("[[stage]]\nid = \"a\"\nname = \"甲\"\n[[stage]]\nid = \"b\"\nname = \"甲\"\n").ok());
        CHECK_FALSE(with_stages("[[stage]]\nid = \"a\"\n[[stage]]\nid = \"b\"\naliases = [\"a\"]\n").ok());
        auto key = with_stages("[[stage]]\nid = \"a\"\ncolour = \"red\"\n");
        REQUIRE_FALSE(key.ok());
        CHECK(key.error().message.find("colour") != std::string::npos);
        CHECK_FALSE(with_stages("[[stage]]\nid = \"a b\"\n").ok());
        CHECK_FALSE(with_stages("stage = 3\n").ok());
    }
}

} // namespace unit_rules_stages
