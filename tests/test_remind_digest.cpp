// Tests for remind/digest: what is reminded, in which order, with which hints; nothing once done.
#include "remind/digest.hpp"
#include "support.hpp"

#include <cstdlib>

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    int64_t customer = 0;
    Fixture() {
        setenv("KEQING_NOW", "2026-12-31T12:00", 1);
        customer = test::add_customer(*store, "B1", "B", "wang", {}, {}, "同济堂");
        store::Person p;
        p.customer_id = customer;
        p.name = "李姐";
        p.role = "店长";
        p.birthday = "09-23";
        p.personality = "力量";
        p.preferences = "钓鱼";
        REQUIRE(store->add_person(p).ok());
    }
    ~Fixture() { unsetenv("KEQING_NOW"); }
    std::vector<remind::Item> items(const char* as_of, int days = 7) {
        auto d = remind::build_digests(*store, rules, day(as_of), days, "wang");
        REQUIRE(d.ok());
        REQUIRE(d->size() == 1);
        return d->front().items;
    }
};

} // namespace

TEST_SUITE("remind::digest") {
    TEST_CASE_FIXTURE(Fixture, "upcoming within the horizon, open, then gone once done") {
        std::vector<remind::Item> early;
        for (auto& i : items("2026-09-11"))
            if (i.kind == remind::Item::Kind::obligation) early.push_back(i);
        REQUIRE(early.size() == 1);
        CHECK(early[0].state == "upcoming"); // mid-autumn opens 09-18, within 11 + 7 days
        CHECK(early[0].rule == "R4");
        CHECK(early[0].tag == "mid-autumn");
        CHECK(items("2026-09-01").empty());
        for (const auto& i : items("2026-09-10"))
            CHECK(i.kind != remind::Item::Kind::obligation); // 09-18 > 10 + 7
        const auto mid = items("2026-09-23");
        REQUIRE(mid.size() >= 2);
        CHECK(mid[0].state == "due"); // the birthday, today
        CHECK(mid[0].rule == "R6");
        CHECK(mid[0].hint.find("与力量型一起行动") == 0);
        CHECK(mid[0].preferences == "钓鱼");
        store::Contact c;
        c.customer_id = customer;
        c.channel = "message";
        c.date = day("2026-09-23");
        c.rep = "wang";
        c.note = "生日快乐";
        c.occasion = "birthday:1";
        c.logged_at = "2026-09-23T09:00";
        REQUIRE(store->add_contact(c).ok());
        for (const auto& i : items("2026-09-23"))
            CHECK(i.rule != "R6");
    }

    TEST_CASE_FIXTURE(Fixture, "overdue first, then by due date, pace and goals due today") {
        const auto list = items("2026-09-27");
        REQUIRE_FALSE(list.empty());
        CHECK(list[0].state == "overdue");
        for (size_t i = 1; i < list.size(); ++i)
            if (list[i - 1].state != "overdue" && list[i].state != "overdue")
                CHECK(list[i - 1].due <= list[i].due);
        bool pace = false, goal = false;
        for (const auto& i : list) {
            pace = pace || i.kind == remind::Item::Kind::pace;
            goal = goal || i.kind == remind::Item::Kind::goal;
        }
        CHECK(pace);
        CHECK(goal);
    }

    TEST_CASE_FIXTURE(Fixture, "an unknown rep is a data error") {
        CHECK(remind::build_digests(*store, rules, day("2026-09-01"), 7, "ghost").error().code == Exit::data);
    }
}
