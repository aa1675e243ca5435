// Tests for rules/rules: the built-in defaults (SPEC §2) and rejection of malformed or inconsistent files.
#include "rules/rules.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_rules_rules {

using namespace keqing;

namespace {

std::string error_of(const std::string& text) {
    auto r = rules::parse_rules(text, "r.toml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Exit::data);
    return r.error().message;
}

const char* kMinimal = "[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = 2 }\n";

} // namespace

TEST_SUITE("rules::rules") {
    TEST_CASE("built-in rules are SPEC §2: A 8/4/4, B 4/2/2, C 1/1/1, third_party counts toward nothing") {
        auto r = rules::load_rules("");
        REQUIRE(r.ok());
        CHECK(r->late_after_days == 3);
        CHECK(r->count_late);
        REQUIRE(r->channels.size() == 4);
        CHECK(r->channel_ids() == "visit, call, message, third_party");
        CHECK(r->tier_ids() == "A, B, C");
        CHECK(r->tier("A")->quota == std::vector<int>{8, 4, 4, 0});
        CHECK(r->tier("B")->quota == std::vector<int>{4, 2, 2, 0});
        CHECK(r->tier("C")->quota == std::vector<int>{1, 1, 1, 0});
        CHECK(r->quota_channels() == std::vector<int>{0, 1, 2});
        CHECK(r->tier("D") == nullptr);
    }

    TEST_CASE("the shipped schemas/rules.toml file loads the same as the built-in text") {
        auto file = rules::load_rules(KEQING_SOURCE_DIR "/schemas/rules.toml");
        REQUIRE(file.ok());
        CHECK(file->tier("A")->quota == std::vector<int>{8, 4, 4, 0});
    }

    TEST_CASE("a minimal custom file, every number is configurable") {
        auto r =
            rules::parse_rules(std::string("late_after_days = 7\ncount_late = false\n") + kMinimal, "r.toml");
        REQUIRE(r.ok());
        CHECK(r->late_after_days == 7);
        CHECK_FALSE(r->count_late);
        CHECK(r->tier("A")->quota == std::vector<int>{2});
    }

    TEST_CASE("in-person channels come from the rules, and so does log-visit's default channel") {
        auto builtin = rules::load_rules("");
        REQUIRE(builtin.ok());
        CHECK(builtin->in_person("visit"));
        CHECK_FALSE(builtin->in_person("call"));
        CHECK_FALSE(builtin->in_person("fax"));
        CHECK(builtin->in_person_channels() == std::vector<std::string>{"visit"});
        CHECK(builtin->default_channel() == "visit");
        auto custom = rules::parse_rules("[[channel]]\nid = \"phone\"\n[[channel]]\nid = \"store_call\"\n"
                                         "in_person = true\n[[tier]]\nid = \"A\"\nquota = { phone = 1 }\n",
                                         "r.toml");
        REQUIRE(custom.ok());
        CHECK(custom->in_person("store_call"));
        CHECK(custom->default_channel() == "store_call");
        auto none = rules::parse_rules(kMinimal, "r.toml");
        REQUIRE(none.ok());
        CHECK(none->in_person_channels().empty());
        CHECK(none->default_channel() == "visit"); // the first channel when none is in person
        CHECK(error_of("[[channel]]\nid = \"visit\"\nin_person = \"yes\"\n[[tier]]\nid = \"A\"\n"
                       "quota = { visit = 1 }\n")
                  .starts_with("r.toml:3:"));
    }

    TEST_CASE("each channel says how many same-day contacts with one customer are ordinary") {
        auto builtin = rules::load_rules("");
        REQUIRE(builtin.ok());
        CHECK(builtin->same_day_limits() ==
              std::vector<std::pair<std::string, int>>{
                  {"visit", 1}, {"call", 2}, {"message", 3}, {"third_party", 1}});
        auto never =
            rules::parse_rules("[[channel]]\nid = \"visit\"\nsame_day_limit = 0\n[[tier]]\nid = \"A\"\n"
                               "quota = { visit = 1 }\n",
                               "r.toml");
        REQUIRE(never.ok());
        CHECK(never->channels[0].same_day_limit == 0);
        CHECK(error_of("[[channel]]\nid = \"visit\"\nsame_day_limit = -1\n[[tier]]\nid = \"A\"\n"
                       "quota = { visit = 1 }\n")
                  .starts_with("r.toml:3:"));
    }

    TEST_CASE("a channel's short label falls back to its label and then to its id") {
        auto builtin = rules::load_rules("");
        REQUIRE(builtin.ok());
        CHECK(builtin->channels[2].short_label == "消息");
        CHECK(builtin->channels[2].label == "短信/QQ/微信/email");
        auto plain =
            rules::parse_rules("[[channel]]\nid = \"visit\"\nlabel = \"实地拜访\"\n[[channel]]\nid = "
                               "\"call\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n",
                               "r.toml");
        REQUIRE(plain.ok());
        CHECK(plain->channels[0].short_label == "实地拜访");
        CHECK(plain->channels[1].short_label == "call");
        CHECK(
            error_of("[[channel]]\nid = \"visit\"\nshort = 3\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n")
                .starts_with("r.toml:3:"));
    }

    TEST_CASE("deadline_days is 5 in the built-in rules, configurable from 0 to 30, checked with file:line") {
        CHECK(rules::load_rules("")->deadline_days == 5);
        CHECK(rules::load_rules(KEQING_SOURCE_DIR "/schemas/rules.toml")->deadline_days == 5);
        CHECK(rules::parse_rules(std::string("deadline_days = 0\n") + kMinimal, "r.toml")->deadline_days ==
              0);
        CHECK(rules::parse_rules(std::string("deadline_days = 30\n") + kMinimal, "r.toml")->deadline_days ==
              30);
        for (const char* bad : {"deadline_days = -1\n", "deadline_days = 31\n", "deadline_days = \"5\"\n"}) {
            const auto m = error_of(std::string(bad) + kMinimal);
            CHECK(m.starts_with("r.toml:1:"));
            CHECK(m.find("'deadline_days' in the rules file must be a whole number from 0 to 30") !=
                  std::string::npos);
        }
    }

    TEST_CASE("negative quota is rejected with file:line") {
        const auto m =
            error_of("[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = -1 }\n");
        CHECK(m.starts_with("r.toml:5:"));
        CHECK(m.find("out of range") != std::string::npos);
    }

    TEST_CASE("syntax errors carry line and column") {
        const auto m = error_of("late_after_days = \n");
        CHECK(m.starts_with("r.toml:1:"));
        CHECK(m.find("fix the TOML syntax") != std::string::npos);
    }

    TEST_CASE("inconsistent files are rejected") {
        CHECK(error_of(std::string(kMinimal) + "[[tier]]\nid = \"A\"\n").find("defined twice") !=
              std::string::npos);
        CHECK(error_of("[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { call = 1 }\n")
                  .find("unknown channel 'call'") != std::string::npos);
        CHECK(error_of(std::string(kMinimal) + "lateness = 3\n").find("unknown key 'lateness'") !=
              std::string::npos);
        CHECK(error_of("[[tier]]\nid = \"A\"\n").find("no channels") != std::string::npos);
        CHECK(error_of("[[channel]]\nid = \"visit\"\n").find("no tiers") != std::string::npos);
        CHECK(error_of("[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\n").find("no tier has a quota") !=
              std::string::npos);
        CHECK(error_of(std::string(kMinimal) + "late_after_days = \"3\"\n").find("late_after_days") !=
              std::string::npos);
        CHECK(error_of("[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1.5 }\n")
                  .find("whole number") != std::string::npos);
    }

    TEST_CASE("a missing file is a data error naming the path") {
        auto r = rules::load_rules("/nonexistent/rules.toml");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.starts_with("/nonexistent/rules.toml: cannot read"));
    }
}

} // namespace unit_rules_rules
