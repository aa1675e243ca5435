// Tests for rules/workdays: the rep's working weekdays and holidays in the rules, and the weekday lists
// plan --workdays takes.
#include "roster/customers.hpp"
#include "rules/rules.hpp"
#include "support.hpp"

#include <string>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_rules_workdays {

using namespace keqing;

core::Date day(const char* iso) {
    return *core::parse_date(iso, "day");
}

TEST_SUITE("rules::workdays") {
    TEST_CASE("Monday to Friday by default") {
        const rules::Rules rules = *rules::load_rules("");
        CHECK(rules.workday(day("2026-11-23")));  // Monday
        CHECK(rules.workday(day("2026-11-27")));  // Friday
        CHECK(!rules.workday(day("2026-11-28"))); // Saturday
        CHECK(!rules.workday(day("2026-11-29"))); // Sunday
        CHECK(rules::weekday_of(day("2026-11-23")) == 0);
    }

    TEST_CASE("workdays and holidays from the rules file") {
        std::string text(rules::builtin_rules_text());
        text.replace(text.find("workdays = \"mon-fri\""), 20, "workdays = \"mon-sat\"");
        text.replace(text.find("holidays = []"), 13, "holidays = [\"2026-11-25\"]");
        const auto rules = rules::parse_rules(text, "r.toml");
        REQUIRE(rules);
        CHECK(rules->workday(day("2026-11-28")));
        CHECK(!rules->workday(day("2026-11-25")));
        CHECK(!rules->workday(day("2026-11-29")));
    }

    TEST_CASE("a bad workdays or holiday is refused with its line") {
        std::string text(rules::builtin_rules_text());
        text.replace(text.find("holidays = []"), 13, "holidays = [\"2026-13-01\"]");
        const auto bad = rules::parse_rules(text, "r.toml");
        REQUIRE(!bad);
        CHECK(bad.error().message.find("r.toml:") != std::string::npos);
        std::string days(rules::builtin_rules_text());
        days.replace(days.find("workdays = \"mon-fri\""), 20, "workdays = \"fri-mon\"");
        CHECK(!rules::parse_rules(days, "r.toml"));
    }

    TEST_CASE("weekday lists: ranges and single days") {
        const auto some = rules::parse_weekdays("mon-wed, sat", "--workdays");
        REQUIRE(some);
        CHECK(*some == std::array<bool, 7>{true, true, true, false, false, true, false});
        CHECK(!rules::parse_weekdays("monday", "--workdays"));
        CHECK(!rules::parse_weekdays("", "--workdays"));
        CHECK(!rules::parse_weekdays("mon-", "--workdays"));
    }

    TEST_CASE("coordinates as roster edit --geo takes them") {
        const auto p = roster::parse_geo("30.27, 120.15", "--geo");
        REQUIRE(p);
        CHECK(*p->lat == doctest::Approx(30.27));
        CHECK(*p->lon == doctest::Approx(120.15));
        CHECK(!roster::parse_geo("30.27", "--geo"));
        CHECK(!roster::parse_geo("91,120", "--geo"));
        CHECK(!roster::parse_geo("30,181", "--geo"));
        CHECK(!roster::parse_geo("30x,120", "--geo"));
    }
}

} // namespace unit_rules_workdays
