// Tests for remind/digest: what is reminded, in which order, with which hints; nothing once done.
#include "output/remind_view.hpp"
#include "remind/digest.hpp"
#include "support.hpp"

#include <cstdlib>
#include <map>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_remind_digest {

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
    std::vector<remind::Item> items(const char* as_of, int days = 7, const char* rep = "wang") {
        auto d = remind::build_digests(*store, rules, day(as_of), days, rep);
        REQUIRE(d.ok());
        REQUIRE(d->size() == 1);
        return d->front().items;
    }
    // The quota items (pace or deadline) of one customer on a day, by channel.
    std::map<std::string, remind::Item> quota_items(const char* as_of, const std::string& code,
                                                    const char* rep = "wang") {
        std::map<std::string, remind::Item> out;
        for (auto& i : items(as_of, 7, rep))
            if ((i.kind == remind::Item::Kind::deadline || i.kind == remind::Item::Kind::pace) &&
                i.customer_code == code)
                out.emplace(i.channel, i);
        return out;
    }
    void contact(int64_t id, const char* channel, const char* date, const char* rep = "wang") {
        store::Contact c;
        c.customer_id = id;
        c.channel = channel;
        c.date = day(date);
        c.rep = rep;
        c.logged_at = std::string(date) + "T09:00";
        REQUIRE(store->add_contact(c).ok());
    }
};

} // namespace

TEST_SUITE("remind::digest") {
    TEST_CASE_FIXTURE(Fixture, "upcoming within the horizon, open, then gone once done") {
        std::vector<remind::Item> early;
        for (auto& i : items("2026-09-11"))
            if (i.kind == remind::Item::Kind::obligation) early.push_back(i);
        REQUIRE(early.size() == 1);
        CHECK(early[0].state == remind::Item::State::upcoming); // mid-autumn opens 09-18, within 11 + 7 days
        CHECK(early[0].rule == "R4");
        CHECK(early[0].tag == "mid-autumn");
        CHECK(items("2026-09-01").empty());
        for (const auto& i : items("2026-09-10"))
            CHECK(i.kind != remind::Item::Kind::obligation); // 09-18 > 10 + 7
        const auto mid = items("2026-09-23");
        REQUIRE(mid.size() >= 2);
        CHECK(mid[0].state == remind::Item::State::due); // the birthday, today
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
        const auto list = items("2026-09-24"); // six days before the month's end: pace, not deadline
        REQUIRE_FALSE(list.empty());
        CHECK(list[0].state == remind::Item::State::overdue);
        for (size_t i = 1; i < list.size(); ++i)
            if (list[i - 1].state != remind::Item::State::overdue &&
                list[i].state != remind::Item::State::overdue)
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

    TEST_CASE_FIXTURE(Fixture,
                      "a C customer is reminded of every unmet quota on the last day and the 5 before") {
        const int64_t c1 = test::add_customer(*store, "C1", "C", "wang");
        CHECK(quota_items("2026-11-24", "C1").empty()); // C: never behind pace, not yet near the end
        for (const char* d :
             {"2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}) {
            const auto q = quota_items(d, "C1");
            REQUIRE(q.size() == 3);
            for (const auto& [channel, i] : q) {
                CHECK(i.kind == remind::Item::Kind::deadline);
                CHECK(i.state == remind::Item::State::due);
                CHECK(i.due == day("2026-11-30"));
                CHECK(i.uid == "quota-C1-" + channel + "-2026-11");
                CHECK(i.owed == 1);
                CHECK(i.what.starts_with(channel + ": 1 more by 11-30 (0 of 1 done; "));
            }
        }
        CHECK(quota_items("2026-11-30", "C1").at("visit").what ==
              "visit: 1 more by 11-30 (0 of 1 done; 1 day left)");
        contact(c1, "visit", "2026-11-27");
        CHECK(quota_items("2026-11-26", "C1").size() == 3);
        const auto after = quota_items("2026-11-27", "C1"); // logged today: met, no longer reminded
        CHECK(after.size() == 2);
        CHECK_FALSE(after.contains("visit"));
        CHECK(quota_items("2026-11-30", "C1").size() == 2);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "deadline items replace pace items near the end, deadline_days comes from the rules") {
        // B1 (visit 4, none done) is behind pace on 11-24 and has a deadline item from 11-25.
        CHECK(quota_items("2026-11-24", "B1").at("visit").kind == remind::Item::Kind::pace);
        CHECK(quota_items("2026-11-25", "B1").at("visit").kind == remind::Item::Kind::deadline);
        CHECK(quota_items("2026-11-25", "B1").at("visit").what.starts_with("visit: 4 more by 11-30"));
        rules.deadline_days = 2;
        CHECK(quota_items("2026-11-27", "B1").at("visit").kind == remind::Item::Kind::pace);
        CHECK(quota_items("2026-11-28", "B1").at("visit").kind == remind::Item::Kind::deadline);
        rules.deadline_days = 0;
        test::add_customer(*store, "C1", "C", "wang");
        CHECK(quota_items("2026-11-29", "C1").empty());
        CHECK(quota_items("2026-11-30", "C1").size() == 3);
    }

    TEST_CASE_FIXTURE(Fixture, "a closing customer: its closing day is the deadline, nothing after it") {
        test::add_customer(*store, "C2", "C", "wang", {}, day("2026-11-12"));
        test::add_customer(*store, "B2", "B", "wang", {}, day("2026-11-20"));
        CHECK(quota_items("2026-11-06", "C2").empty());
        for (const char* d : {"2026-11-07", "2026-11-12"}) {
            const auto q = quota_items(d, "C2");
            REQUIRE(q.size() == 3);
            CHECK(q.at("call").due == day("2026-11-12"));
            CHECK(q.at("call").what.starts_with("call: 1 more by 11-12"));
        }
        CHECK(quota_items("2026-11-13", "C2").empty());
        CHECK(quota_items("2026-11-30", "C2").empty());
        // B2: required ceil(4 × 20 / 30) = 3 visits; behind pace on 11-14, deadline from 11-15.
        CHECK(quota_items("2026-11-14", "B2").at("visit").kind == remind::Item::Kind::pace);
        CHECK(quota_items("2026-11-15", "B2").at("visit").what.starts_with("visit: 3 more by 11-20"));
        CHECK(quota_items("2026-11-21", "B2").empty()); // no pace reminder after the closing day
        // Not yet open: nothing owed yet.
        test::add_customer(*store, "B3", "B", "wang", day("2026-11-28"));
        CHECK(quota_items("2026-11-27", "B3").empty()); // within the last days, but not open yet
        CHECK(quota_items("2026-11-28", "B3").at("visit").what.starts_with("visit: 1 more by 11-30"));
    }

    TEST_CASE_FIXTURE(Fixture,
                      "visits the days left cannot hold at max_visits_per_day are deadline items early") {
        test::add_customer(*store, "A1", "A", "wang");
        test::add_customer(*store, "A2", "A", "wang");
        rules.max_visits_per_day = 1;
        // 8 + 8 + 4 = 20 visits owed: 11-11 leaves 20 days (room for 20), 11-12 leaves 19.
        for (const char* code : {"A1", "A2", "B1"}) {
            const auto early = quota_items("2026-11-11", code);
            CHECK((early.contains("visit") ? early.at("visit").kind != remind::Item::Kind::deadline : true));
            const auto q = quota_items("2026-11-12", code);
            REQUIRE(q.contains("visit"));
            CHECK(q.at("visit").kind == remind::Item::Kind::deadline);
            CHECK(q.at("visit").due == day("2026-11-30"));
            CHECK(q.at("visit").what.find("20 visits owed by 11-30, room for 19 at 1 a day") !=
                  std::string::npos);
            CHECK((q.contains("call") ? q.at("call").kind == remind::Item::Kind::pace : true));
        }
        rules.max_visits_per_day = 12;
        CHECK(quota_items("2026-11-12", "A1").at("visit").kind == remind::Item::Kind::pace);
    }

    TEST_CASE_FIXTURE(Fixture, "reminders go to the rep assigned on their day, not to a later hand-over's") {
        REQUIRE(store->assign_rep(customer, "li", day("2026-11-27")).ok());
        CHECK(quota_items("2026-11-26", "B1", "wang").size() == 3);
        CHECK(quota_items("2026-11-26", "B1", "li").empty());
        CHECK(quota_items("2026-11-27", "B1", "wang").empty());
        const auto li = quota_items("2026-11-27", "B1", "li");
        CHECK(li.size() == 3);
        CHECK(li.at("visit").uid == "quota-B1-visit-2026-11");
        auto all = remind::build_digests(*store, rules, day("2026-11-26"), 7, "");
        REQUIRE(all.ok());
        for (const auto& d : *all)
            for (const auto& i : d.items)
                if (i.customer_code == "B1") CHECK(d.rep == "wang");
    }

    TEST_CASE_FIXTURE(Fixture,
                      "an obligation is reminded to today's rep, though its day falls after a hand-over") {
        // Mid-autumn 2026-09-25 (window 09-18 .. 09-25): li takes B1 over on 09-22.
        REQUIRE(store->assign_rep(customer, "li", day("2026-09-22")).ok());
        auto festival = [&](const char* as_of, const char* rep) {
            for (const auto& i : items(as_of, 7, rep))
                if (i.tag == "mid-autumn") return true;
            return false;
        };
        CHECK(festival("2026-09-20", "wang"));
        CHECK_FALSE(festival("2026-09-20", "li"));
        CHECK_FALSE(festival("2026-09-22", "wang"));
        CHECK(festival("2026-09-22", "li"));
    }

    TEST_CASE_FIXTURE(Fixture, "an overdue obligation of a customer is not reminded after its closing day") {
        auto found = store->find_customers("B1", store::Match::code, day("2026-09-01"));
        REQUIRE(found.ok());
        REQUIRE(found->size() == 1);
        store::Customer b1 = found->front();
        b1.closed_on = day("2026-09-25");
        REQUIRE(store->update_customer(b1).ok());
        auto birthday = [&](const char* as_of) {
            for (const auto& i : items(as_of))
                if (i.rule == "R6") return std::string(remind::to_string(i.state));
            return std::string();
        };
        CHECK(birthday("2026-09-25") == "overdue"); // 09-23, overdue for 7 days
        CHECK(birthday("2026-09-26").empty());
    }
    TEST_CASE_FIXTURE(Fixture,
                      "a family note's life event is proposed every day for 30 days and never recorded") {
        store::Contact c;
        c.customer_id = customer;
        c.channel = "visit";
        c.date = day("2026-12-01");
        c.rep = "wang";
        c.logged_at = "2026-12-01T09:00";
        c.checklist[3] = "店长女儿下月结婚";
        REQUIRE(store->add_contact(c).ok());
        auto proposals = [&](const char* as_of) {
            std::vector<remind::Item> out;
            for (auto& i : items(as_of))
                if (i.kind == remind::Item::Kind::proposal) out.push_back(i);
            return out;
        };
        auto first = proposals("2026-12-02");
        REQUIRE(first.size() == 1);
        CHECK(first[0].command == "roster event add B1 --kind wedding --date 2026-12-01");
        CHECK(first[0].uid == "proposal-B1-wedding");
        CHECK(proposals("2026-12-31").size() == 1);
        CHECK(proposals("2027-01-01").empty()); // 31 days after the note
        auto events = store->list_events(day("2026-01-01"), day("2027-12-31"), customer);
        REQUIRE(events.ok());
        CHECK(events->empty()); // proposed, never recorded
        store::LifeEvent e;
        e.customer_id = customer;
        e.kind = "wedding";
        e.date = day("2026-12-20");
        REQUIRE(store->add_event(e).ok());
        CHECK(proposals("2026-12-21").empty()); // recorded: no longer proposed
    }

    TEST_CASE_FIXTURE(Fixture, "every rep's digests read a few reps at a time are each rep's own digests") {
        REQUIRE(store->add_rep({"ann", "安妮", "east"}).ok());
        REQUIRE(store->add_rep({"zhao", "赵六", "west"}).ok());
        const int64_t a2 = test::add_customer(*store, "A2", "A", "ann");
        test::add_customer(*store, "C3", "C", "zhao");
        test::add_customer(*store, "A4", "A", "li");
        test::add_customer(*store, "B5", "B", "wang");
        REQUIRE(store->assign_rep(customer, "li", day("2026-11-20")).ok()); // B1 handed over to li
        // wang asks for help at ann's customer: it counts toward wang's R9, not ann's
        store::Contact c;
        c.customer_id = a2;
        c.channel = "visit";
        c.date = day("2026-11-05");
        c.rep = "wang";
        c.asked_help = true;
        c.logged_at = "2026-11-05T09:00";
        REQUIRE(store->add_contact(c).ok());
        contact(a2, "call", "2026-11-06", "ann");

        std::vector<remind::Digest> one_by_one; // each rep's digest alone, in rep id order
        for (const char* rep : {"ann", "li", "wang", "zhao"}) {
            auto d = remind::build_digests(*store, rules, day("2026-11-26"), 7, rep);
            REQUIRE(d.ok());
            one_by_one.push_back(std::move(d->front()));
        }
        const std::string expected = output::render_digests(one_by_one, output::RemindFormat::json, false);
        CHECK(expected.find("asked customers for help: 1 of") != std::string::npos); // wang's, at A2
        for (const size_t batch : {size_t{1}, size_t{2}, size_t{3}, remind::kRepsPerBatch}) {
            CAPTURE(batch);
            std::vector<remind::Digest> streamed;
            REQUIRE(remind::each_digest(*store, rules, day("2026-11-26"), 7, batch, [&](remind::Digest&& d) {
                        streamed.push_back(std::move(d));
                        return Result<void>{};
                    }).ok());
            CHECK(output::render_digests(streamed, output::RemindFormat::json, false) == expected);
            // and written one at a time, the same bytes as written together
            output::DigestStream stream(nullptr, output::RemindFormat::text, false);
            for (const auto& d : streamed)
                stream.add(d);
            CHECK(stream.finish() == output::render_digests(one_by_one, output::RemindFormat::text, false));
        }
    }
}

} // namespace unit_remind_digest
