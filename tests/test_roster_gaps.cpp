// Tests for roster/gaps: what a customer's file lacks against the rules' [gaps] — a person in a key role,
// birthdays, personalities, visit intel in the window — and the scopes it is read for.
#include "core/i18n.hpp"
#include "roster/gaps.hpp"
#include "support.hpp"

#include <algorithm>
#include <map>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_roster_gaps {

using namespace keqing;
using test::day;

namespace {

std::vector<std::string> kinds(const std::vector<roster::Gap>& gaps) {
    std::vector<std::string> out;
    for (const auto& g : gaps)
        out.emplace_back(roster::to_string(g.kind));
    return out;
}

store::Person person(const char* name, const char* role, const char* birthday, const char* personality) {
    store::Person p;
    p.name = name;
    p.role = role;
    p.birthday = birthday;
    p.personality = personality;
    return p;
}

} // namespace

TEST_SUITE("roster::gaps") {
    TEST_CASE("a file without a key person, birthdays or personalities has those gaps") {
        const rules::Rules rules = *rules::load_rules("");
        using V = std::vector<std::string>;
        CHECK(kinds(roster::gaps_of(rules.gaps, {}, true)) == V{"no_key_person"});
        CHECK(kinds(roster::gaps_of(rules.gaps, {}, false)) == V{"no_key_person", "no_visit_intel"});
        const auto full = roster::gaps_of(
            rules.gaps, {person("王芳", "药店店长", "05-12", "活泼"), person("小陈", "店员", "", "")}, true);
        REQUIRE(kinds(full) == V{"no_birthday", "no_personality"});
        CHECK(full[0].people == V{"小陈"});
        CHECK(roster::gap_text(full[0], rules, day("2026-11-20")) == "no birthday for 小陈");
        CHECK(roster::gaps_of(rules.gaps, {person("李", "采购", "03-01", "稳健")}, true).empty());
        rules::Gaps off; // no [gaps] values: nothing checked
        CHECK(roster::gaps_of(off, {}, false).empty());
    }

    TEST_CASE("gaps read in the reader's language while their English stays for JSON") {
        const rules::Rules rules = *rules::load_rules("");
        const auto gaps = roster::gaps_of(rules.gaps, {person("小陈", "店员", "", "稳健")}, false);
        REQUIRE(core::set_language("zh"));
        const compliance::Said said = roster::gaps_said(gaps, rules, day("2026-11-20"));
        CHECK(said.english ==
              "no 店长 or 采购 on file; no birthday for 小陈; no visit intel (R12–R17) since 2026-08-21");
        CHECK(said.shown == "档案中没有店长或采购；小陈没有生日；自 2026-08-21 起没有拜访情报（R12–R17）");
        CHECK(roster::gaps_text(gaps, rules, day("2026-11-20")) == said.shown);
        REQUIRE(core::set_language("en"));
        CHECK(roster::gaps_text(gaps, rules, day("2026-11-20")) == said.english);
    }

    TEST_CASE("the intel window is the same day months back") {
        CHECK(roster::intel_window_start(day("2026-11-20"), 3) == day("2026-08-21"));
        CHECK(roster::intel_window_start(day("2026-05-31"), 3) == day("2026-03-01")); // Feb has no 31st
        CHECK(roster::intel_window_start(day("2026-01-15"), 1) == day("2025-12-16"));
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "intel counts from an in-person contact with a checklist item") {
        const rules::Rules rules = *rules::load_rules("");
        const int64_t a = test::add_customer(*store, "A1", "A", "wang");
        const int64_t b = test::add_customer(*store, "B1", "B", "wang");
        test::add_customer(*store, "C1", "C", "li");
        auto contact = [&](int64_t id, const char* channel, const char* date, const char* family) {
            store::Contact c;
            c.customer_id = id;
            c.channel = channel;
            c.date = day(date);
            c.rep = "wang";
            c.checklist[3] = family;
            c.logged_at = std::string(date) + "T20:00";
            REQUIRE(store->add_contact(c).ok());
        };
        contact(a, "visit", "2026-10-01", "孩子高考"); // intel in the window
        contact(b, "call", "2026-10-01", "孩子高考");  // not in person: no intel
        contact(b, "visit", "2026-07-01", "母亲住院"); // before the window
        auto found =
            roster::customer_gaps(*store, rules, day("2026-11-20"), {store::Scope::Kind::rep, "wang"});
        REQUIRE(found.ok());
        REQUIRE(found->size() == 2); // C1 is li's
        CHECK(found->at(0).customer.code == "A1");
        CHECK(kinds(found->at(0).gaps) == std::vector<std::string>{"no_key_person"});
        CHECK(found->at(1).customer.code == "B1");
        CHECK(kinds(found->at(1).gaps) == std::vector<std::string>{"no_key_person", "no_visit_intel"});
        store::Person boss = person("王芳", "店长", "05-12", "活泼");
        boss.customer_id = a;
        REQUIRE(store->add_person(boss).ok());
        found =
            roster::customer_gaps(*store, rules, day("2026-11-20"), {store::Scope::Kind::rep, "wang"}, true);
        REQUIRE(found.ok());
        REQUIRE(found->size() == 2);
        CHECK(found->at(0).gaps.empty()); // A1 is complete, listed with with_none
        auto team =
            roster::customer_gaps(*store, rules, day("2026-11-20"), {store::Scope::Kind::team, "west"});
        REQUIRE(team.ok());
        REQUIRE(team->size() == 1);
        CHECK(team->at(0).customer.code == "C1");
    }

    TEST_CASE("the window's last 30 days are read first, or all of a shorter window") {
        CHECK(roster::intel_first_read(day("2026-11-20"), 3) == day("2026-10-21"));
        CHECK(roster::intel_first_read(day("2026-03-10"), 1) == day("2026-02-11")); // 27 days: all of it
    }

    TEST_CASE_FIXTURE(test::StoreFixture, "intel anywhere in the window counts, read in two parts") {
        const rules::Rules rules = *rules::load_rules("");
        // 2026-11-20, three months: the window 2026-08-21 … 2026-11-20, read first from 2026-10-21.
        const std::vector<std::pair<const char*, const char*>> visits = {
            {"R1", "2026-11-20"}, {"R2", "2026-10-21"}, {"E1", "2026-10-20"},
            {"E2", "2026-08-21"}, {"X1", "2026-08-20"}, {"X2", "2026-11-21"}};
        std::map<std::string, int64_t> id_of;
        for (const auto& [code, date] : visits) {
            store::Contact c;
            c.customer_id = id_of[code] = test::add_customer(*store, code, "A", "wang");
            c.channel = "visit";
            c.date = day(date);
            c.rep = "wang";
            c.checklist[3] = "孩子高考";
            c.logged_at = "2026-11-21T20:00";
            REQUIRE(store->add_contact(c).ok());
        }
        // E2 has a visit without intel in the last days as well: it is read again for the earlier ones.
        store::Contact plain;
        plain.customer_id = id_of["E2"];
        plain.channel = "visit";
        plain.date = day("2026-11-01");
        plain.rep = "wang";
        plain.logged_at = "2026-11-01T20:00";
        REQUIRE(store->add_contact(plain).ok());
        auto found =
            roster::customer_gaps(*store, rules, day("2026-11-20"), {store::Scope::Kind::rep, "wang"});
        REQUIRE(found.ok());
        std::map<std::string, bool> informed;
        for (const auto& c : *found)
            informed[c.customer.code] = std::none_of(c.gaps.begin(), c.gaps.end(), [](const roster::Gap& g) {
                return g.kind == roster::GapKind::no_visit_intel;
            });
        CHECK(informed ==
              std::map<std::string, bool>{
                  {"E1", true}, {"E2", true}, {"R1", true}, {"R2", true}, {"X1", false}, {"X2", false}});
    }
}

} // namespace unit_roster_gaps
