// Tests for roster/people: validation of people and life events, personality hints (imports:
// test_roster_imports.cpp).
#include "occasions/obligations.hpp"
#include "roster/people.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_roster_people {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    Fixture() { test::add_customer(*store, "A1", "A", "wang", {}, {}, "康泰大药房"); }
};

} // namespace

TEST_SUITE("roster::people") {
    TEST_CASE("every personality type has the seed's advice") {
        for (const char* p : roster::kPersonalities)
            CHECK_FALSE(roster::personality_hint(p).empty());
        CHECK(roster::personality_hint("开朗").empty());
    }

    TEST_CASE_FIXTURE(Fixture, "people: birthdays stored canonically, bad input rejected") {
        store::Person p;
        p.name = " 张丽 ";
        p.birthday = "lunar:l6-20";
        auto added = roster::add_person(*store, "康泰", p, day("2026-11-20"));
        REQUIRE(added.ok());
        CHECK(added->name == "张丽");
        CHECK(added->birthday == "lunar:L6-20");
        p.birthday = "2026-13-01";
        CHECK_FALSE(roster::add_person(*store, "A1", p, day("2026-11-20")).ok());
        p.birthday = "";
        p.personality = "开朗";
        CHECK_FALSE(roster::add_person(*store, "A1", p, day("2026-11-20")).ok());
        roster::PersonEdit edit;
        edit.personality = "完美";
        edit.birthday = "";
        auto edited = roster::edit_person(*store, added->id, edit);
        REQUIRE(edited.ok());
        CHECK(edited->personality == "完美");
        CHECK(edited->birthday.empty());
        CHECK(store->list_people(0)->size() == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "life events need a known kind and, if named, a person of that customer") {
        store::Person p;
        p.name = "李姐";
        REQUIRE(roster::add_person(*store, "A1", p, day("2026-11-20")).ok());
        auto e = roster::add_event(*store, rules, "A1", "wedding", day("2026-11-18"), "李姐", "",
                                   day("2026-11-20"));
        REQUIRE(e.ok());
        CHECK(e->person_name == "李姐");
        CHECK(roster::add_event(*store, rules, "A1", "birthday", day("2026-11-18"), "", "", day("2026-11-20"))
                  .error()
                  .message.find("not a life event kind") != std::string::npos);
        CHECK_FALSE(roster::add_event(*store, rules, "A1", "wedding", day("2026-11-18"), "王五", "",
                                      day("2026-11-20"))
                        .ok());
        CHECK_FALSE(
            roster::add_event(*store, rules, "A1", "wedding", day("2028-01-01"), "", "", day("2026-11-20"))
                .ok());
    }

    TEST_CASE_FIXTURE(Fixture, "a removed person or event is kept with its reason and owes nothing more") {
        store::Person p;
        p.name = "李姐";
        p.birthday = "11-25";
        auto person = roster::add_person(*store, "A1", p, day("2026-11-20"));
        REQUIRE(person.ok());
        auto event =
            roster::add_event(*store, rules, "A1", "wedding", day("2026-11-18"), "", "", day("2026-11-20"));
        REQUIRE(event.ok());
        const auto owed = [&] {
            return occasions::obligations(*store, rules, day("2026-11-01"), day("2026-11-30"),
                                          day("2026-11-20"))
                ->size();
        };
        const size_t before = owed();
        CHECK(roster::remove_event(*store, event->id, " ").error().code == Exit::usage); // a reason is needed
        auto removed = roster::remove_event(*store, event->id, "日期记错");
        REQUIRE(removed.ok());
        CHECK(removed->removed_reason == "日期记错");
        CHECK(owed() == before - 1);
        REQUIRE(roster::remove_person(*store, person->id, "离职").ok());
        CHECK(owed() == before - 2);
        CHECK(store->list_people(0)->empty());
        CHECK(store->list_people(0, store::Removed::included)->size() == 1);
        CHECK(store->list_events(day("2026-11-01"), day("2026-11-30"), 0, store::Removed::included)->size() ==
              1);
        CHECK(store->find_person(person->id).value()->removed_reason == "离职");
        roster::PersonEdit edit;
        edit.note = "x";
        CHECK(roster::remove_person(*store, person->id, "again").error().message.find("already removed") !=
              std::string::npos);
        CHECK(roster::edit_person(*store, person->id, edit).error().message.find("was removed on") !=
              std::string::npos);
        CHECK(roster::remove_event(*store, 999, "x").error().message.find("no life event #999") !=
              std::string::npos);
    }
}

} // namespace unit_roster_people
