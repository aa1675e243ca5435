// Tests for occasions/obligations: window edges, month boundaries, gifts and notes, leap-month birthdays,
// re-tiering before a festival, voided contacts, states and the choice of tag for a new contact.
#include "occasions/obligations.hpp"
#include "occasions/satisfy.hpp"
#include "support.hpp"

#include <cstdlib>
#include <map>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_occasions_obligations {

using namespace keqing;
using occasions::State;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    Fixture() { setenv("KEQING_NOW", "2026-12-31T12:00", 1); }
    ~Fixture() { unsetenv("KEQING_NOW"); }

    // Opened on 2020-06-10, so that its opening anniversary (合作纪念日, 06-10 … 06-17) stays out of the
    // windows the cases look at.
    int64_t customer(const char* code, const char* tier, std::optional<core::Date> closed = {}) {
        return test::add_customer(*store, code, tier, "wang", day("2020-06-10"), closed);
    }

    // Adds a person with a birthday at a customer and returns the person's id.
    int64_t person(int64_t customer_id, const char* name, const char* birthday) {
        store::Person p;
        p.customer_id = customer_id;
        p.name = name;
        p.birthday = birthday;
        auto added = store->add_person(p);
        REQUIRE(added.ok());
        return *added;
    }

    int64_t contact(int64_t customer_id, const char* channel, const char* date, const std::string& tag,
                    bool gift = false, const char* note = "", const char* rep = "wang",
                    const char* logged = nullptr) {
        store::Contact c;
        c.customer_id = customer_id;
        c.channel = channel;
        c.date = day(date);
        c.rep = rep;
        c.gift = gift;
        c.note = note;
        c.occasion = tag;
        c.logged_at = std::string(logged ? logged : date) + "T20:00";
        auto id = store->add_contact(c);
        REQUIRE(id.ok());
        return *id;
    }

    std::vector<occasions::Obligation> run(const char* from, const char* to, const char* as_of) {
        auto r = occasions::obligations(*store, rules, day(from), day(to), day(as_of));
        REQUIRE(r.ok());
        return std::move(*r);
    }

    // Records a life event and returns its tag.
    std::string event(int64_t customer_id, const char* kind, const char* date) {
        return test::add_event(*store, customer_id, kind, date);
    }

    // The days of the obligations of one kind in [from, to], as of `to`.
    std::vector<std::string> days_of(const char* from, const char* to, const std::string& kind) {
        std::vector<std::string> out;
        for (const auto& o : run(from, to, to))
            if (o.kind == kind) out.push_back(o.customer_code + " " + o.date.iso());
        return out;
    }

    occasions::Obligation only(const char* from, const char* to, const char* as_of, const std::string& kind) {
        std::vector<occasions::Obligation> found;
        for (auto& o : run(from, to, as_of))
            if (o.kind == kind) found.push_back(o);
        REQUIRE(found.size() == 1);
        return found.front();
    }
};

} // namespace

TEST_SUITE("occasions::obligations") {
    TEST_CASE_FIXTURE(Fixture,
                      "mid-autumn for an A customer: visit with gift and message inside 09-18 … 09-25") {
        const auto id = customer("A1", "A");
        auto o = only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn");
        CHECK(o.date.iso() == "2026-09-25");
        CHECK(o.from.iso() == "2026-09-18");
        CHECK(o.to.iso() == "2026-09-25");
        CHECK(o.rule == "R4");
        CHECK(o.actions.size() == 2);
        CHECK(o.state == State::overdue);

        contact(id, "visit", "2026-09-18", "mid-autumn");   // first day, but no gift
        contact(id, "message", "2026-09-17", "mid-autumn"); // the day before the window
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").outstanding().size() == 2);
        const auto visit = contact(id, "visit", "2026-09-18", "mid-autumn", true);
        const auto message = contact(id, "message", "2026-09-25", "mid-autumn"); // the last day
        o = only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn");
        CHECK(o.state == State::done);
        CHECK(o.satisfied_by == std::vector<int64_t>{visit, message});
    }

    TEST_CASE_FIXTURE(Fixture,
                      "B and C customers owe a call and a message, contacts after as-of do not count") {
        const auto id = customer("B1", "B");
        contact(id, "call", "2026-09-20", "mid-autumn");
        contact(id, "message", "2026-09-24", "mid-autumn");
        auto o = only("2026-09-01", "2026-09-30", "2026-09-22", "mid-autumn");
        CHECK(o.state == State::open);
        REQUIRE(o.outstanding().size() == 1);
        CHECK(rules.action_text(o.outstanding()[0]) == "message");
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-24", "mid-autumn").state == State::done);
    }

    TEST_CASE_FIXTURE(Fixture, "states: upcoming, open, overdue for overdue_days, then missed") {
        customer("C1", "C");
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-17", "mid-autumn").state == State::upcoming);
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-18", "mid-autumn").state == State::open);
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-25", "mid-autumn").state == State::open);
        CHECK(only("2026-09-01", "2026-09-30", "2026-10-02", "mid-autumn").state == State::overdue);
        CHECK(only("2026-09-01", "2026-09-30", "2026-10-03", "mid-autumn").state == State::missed);
    }

    TEST_CASE_FIXTURE(Fixture, "voided contacts never satisfy") {
        const auto id = customer("C1", "C");
        const auto call = contact(id, "call", "2026-09-20", "mid-autumn");
        contact(id, "message", "2026-09-20", "mid-autumn");
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").state == State::done);
        REQUIRE(store->void_contact(call, "wrong", "2026-09-21T08:00").ok());
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").state == State::overdue);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "re-tiering before a festival: the tier on the festival day decides the actions") {
        const auto up = customer("UP", "C");
        const auto late = customer("LATE", "C");
        REQUIRE(store->set_tier(up, "A", day("2026-09-20")).ok());
        REQUIRE(store->set_tier(late, "A", day("2026-09-26")).ok());
        std::map<std::string, std::string> actions;
        for (const auto& o : run("2026-09-01", "2026-09-30", "2026-09-30"))
            if (o.kind == "mid-autumn") actions[o.customer_code] = o.tier;
        CHECK(actions["UP"] == "A");
        CHECK(actions["LATE"] == "C");
    }

    TEST_CASE_FIXTURE(Fixture, "a customer closed before the festival owes nothing") {
        customer("GONE", "A", day("2026-09-01"));
        CHECK(run("2026-09-01", "2026-09-30", "2026-09-30").empty());
    }

    TEST_CASE_FIXTURE(Fixture, "a customer closing on the festival's day still owes it") {
        customer("LAST", "A", day("2026-09-25")); // mid-autumn 2026 is 09-25: its last active day
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").customer_code == "LAST");
    }

    TEST_CASE_FIXTURE(Fixture, "a tagged contact before the window fulfils nothing") {
        const auto id = customer("B1", "B");
        person(id, "王芳",
               "09-10"); // a birthday on 09-10 makes the read of tagged contacts start before 09-17
        contact(id, "call", "2026-09-17", "mid-autumn"); // the window opens 09-18
        contact(id, "message", "2026-09-17", "mid-autumn");
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").state != State::done);
        contact(id, "call", "2026-09-18", "mid-autumn");
        contact(id, "message", "2026-09-18", "mid-autumn");
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").state == State::done);
    }

    TEST_CASE_FIXTURE(Fixture, "spring festival's window crosses months: 14 days before to 7 after") {
        customer("A1", "A");
        const auto jan = run("2027-01-01", "2027-01-31", "2027-01-25");
        REQUIRE(jan.size() == 1);
        CHECK(jan[0].kind == "spring-festival");
        CHECK(jan[0].from.iso() == "2027-01-23");
        CHECK(jan[0].to.iso() == "2027-02-13");
        CHECK(jan[0].rule == "R5");
        CHECK(run("2027-02-14", "2027-02-28", "2027-02-20").empty());
    }

    TEST_CASE_FIXTURE(Fixture, "a birthday message needs a personal note") {
        const auto id = customer("P1", "C");
        const auto person_id = person(id, "张丽", "1990-11-20");
        const std::string tag = fmt::format("birthday:{}", person_id);
        contact(id, "message", "2026-11-20", tag);
        auto o = only("2026-11-01", "2026-11-30", "2026-11-20", "birthday");
        CHECK(o.note_required);
        CHECK(o.person == "张丽");
        CHECK(o.state == State::open);
        contact(id, "message", "2026-11-20", tag, false, "张姐生日快乐,记得您爱喝普洱");
        CHECK(only("2026-11-01", "2026-11-30", "2026-11-20", "birthday").state == State::done);
        CHECK(only("2026-11-01", "2026-11-30", "2026-11-19", "birthday").state == State::upcoming);
    }

    TEST_CASE_FIXTURE(Fixture, "a lunar leap-month birthday in a year without that leap month") {
        const auto id = customer("P2", "C");
        person(id, "王芳", "lunar:L6-20"); // 2025 has a leap 6th month, 2026 does not
        const auto in2025 = only("2025-01-01", "2025-12-31", "2025-12-31", "birthday");
        const auto in2026 = only("2026-01-01", "2026-12-31", "2026-12-31", "birthday");
        CHECK(in2025.date.iso() == "2025-08-13"); // leap 6-20 of 2025 (闰六月初一 = 2025-07-25)
        CHECK(in2026.date.iso() == "2026-08-02"); // ordinary 6-20 of 2026
    }

    TEST_CASE_FIXTURE(Fixture, "a wedding at the end of a month is owed into the next month") {
        const auto id = customer("W1", "B");
        store::LifeEvent e;
        e.customer_id = id;
        e.kind = "wedding";
        e.date = day("2026-10-30");
        const auto event = *store->add_event(e);
        const auto nov = run("2026-11-01", "2026-11-30", "2026-11-02");
        REQUIRE(nov.size() == 1);
        CHECK(nov[0].to.iso() == "2026-11-06");
        CHECK(nov[0].rule == "R7");
        CHECK(nov[0].state == State::open);
        contact(id, "visit", "2026-11-02", fmt::format("event:{}", event));
        CHECK(run("2026-11-01", "2026-11-30", "2026-11-02")[0].state == State::done);
    }

    TEST_CASE_FIXTURE(Fixture, "tagging: automatic for the one or the most urgent obligation that fits, "
                               "explicit by id, errors otherwise") {
        const auto id = customer("T1", "B");
        store::Contact c;
        c.customer_id = id;
        c.customer_code = "T1";
        c.channel = "call";
        c.date = day("2026-09-21");
        auto choice = occasions::choose_tag(*store, rules, c, "");
        REQUIRE(choice.ok());
        CHECK(choice->tag == "mid-autumn");
        CHECK(choice->automatic);
        c.channel = "visit"; // B owes a call and a message: a visit fits nothing
        CHECK(occasions::choose_tag(*store, rules, c, "")->tag.empty());
        CHECK(occasions::choose_tag(*store, rules, c, "mid-autumn")->tag == "mid-autumn");
        CHECK(occasions::choose_tag(*store, rules, c, "dragon-boat")
                  .error()
                  .message.find("no such obligation") != std::string::npos);
        c.date = day("2026-09-10");
        CHECK(occasions::choose_tag(*store, rules, c, "")->tag.empty());

        person(id, "李", "09-22");
        c.date = day("2026-09-22");
        c.channel = "message";
        c.note = "生日快乐";
        auto two = occasions::choose_tag(*store, rules, c, ""); // the birthday's window closes first
        CHECK(two->tag.starts_with("birthday:"));
        CHECK(two->automatic);
        REQUIRE(two->others.size() == 1);
        CHECK(two->others[0].starts_with("mid-autumn"));
        CHECK(two->candidates.empty());
        CHECK(occasions::choose_tag(*store, rules, c, "birthday")->tag.starts_with("birthday:"));
    }

    TEST_CASE_FIXTURE(Fixture, "a contact after the overdue days fulfils nothing, even when it is read") {
        const auto id = customer("L4", "C");
        person(id, "李强", "10-10"); // a birthday on 10-10 makes the read of tagged contacts reach past 10-03
        contact(id, "call", "2026-09-20", "mid-autumn");
        contact(id, "message", "2026-10-03", "mid-autumn"); // overdue ended 10-02
        CHECK(only("2026-09-01", "2026-10-31", "2026-10-05", "mid-autumn").state == State::missed);
    }

    TEST_CASE_FIXTURE(Fixture, "a contact within overdue_days after the window fulfils it as done late") {
        // C: a call and a message, window 09-18 … 09-25, overdue until 10-02.
        const auto late = customer("L1", "C");
        const auto call = contact(late, "call", "2026-09-20", "mid-autumn");
        const auto message = contact(late, "message", "2026-10-02", "mid-autumn"); // the last overdue day
        const auto too_late = customer("L2", "C");
        contact(too_late, "call", "2026-09-20", "mid-autumn");
        contact(too_late, "message", "2026-10-03", "mid-autumn");
        const auto on_time = customer("L3", "C");
        contact(on_time, "call", "2026-09-20", "mid-autumn");
        contact(on_time, "message", "2026-09-25", "mid-autumn");
        std::map<std::string, occasions::Obligation> at;
        for (auto& o : run("2026-09-01", "2026-10-31", "2026-10-05"))
            if (o.kind == "mid-autumn") at[o.customer_code] = o;
        CHECK(at.at("L1").state == State::done_late);
        CHECK(at.at("L1").satisfied_by == std::vector<int64_t>{call, message});
        CHECK(at.at("L2").state == State::missed);
        CHECK(at.at("L3").state == State::done);
        CHECK(occasions::to_string(State::done_late) == "done_late");
        CHECK(occasions::display(State::done_late) == "done late");
        // Before the late contact happened it is overdue; with overdue_days = 0 a late one never counts.
        for (auto& o : run("2026-09-01", "2026-10-31", "2026-10-01"))
            if (o.customer_code == "L1" && o.kind == "mid-autumn") CHECK(o.state == State::overdue);
        rules.overdue_days = 0;
        for (auto& o : run("2026-09-01", "2026-10-31", "2026-10-05"))
            if (o.customer_code == "L1" && o.kind == "mid-autumn") CHECK(o.state == State::missed);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "tagging after the window: named or automatic up to overdue_days, open ones first") {
        const auto id = customer("T2", "B");
        store::Contact c;
        c.customer_id = id;
        c.customer_code = "T2";
        c.channel = "call";
        c.date = day("2026-10-01"); // mid-autumn's window closed 09-25
        auto choice = occasions::choose_tag(*store, rules, c, "");
        REQUIRE(choice.ok());
        CHECK(choice->tag == "mid-autumn");
        CHECK(choice->automatic);
        CHECK(choice->late);
        CHECK(choice->name.find("late: window closed 2026-09-25") != std::string::npos);
        CHECK(occasions::choose_tag(*store, rules, c, "mid-autumn")->late);
        c.date = day("2026-10-03"); // more than overdue_days (7) after
        CHECK(occasions::choose_tag(*store, rules, c, "")->tag.empty());
        CHECK(occasions::choose_tag(*store, rules, c, "mid-autumn")
                  .error()
                  .message.find("no such obligation") != std::string::npos);

        // A birthday today and the overdue festival both take a message: the open one wins.
        person(id, "李", "09-30");
        c.date = day("2026-09-30");
        c.channel = "message";
        c.note = "生日快乐";
        choice = occasions::choose_tag(*store, rules, c, "");
        CHECK(choice->tag.starts_with("birthday:"));
        CHECK_FALSE(choice->late);
        c.note = ""; // no note: the birthday does not fit, the overdue festival does
        choice = occasions::choose_tag(*store, rules, c, "");
        CHECK(choice->tag == "mid-autumn");
        CHECK(choice->late);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "a wedding visit by another rep or not in person fulfils nothing, and says why") {
        const auto id = customer("W2", "B"); // wang's
        const auto tag = event(id, "wedding", "2026-11-03");
        const auto by_li = contact(id, "visit", "2026-11-04", tag, false, "", "li");
        const auto message = contact(id, "message", "2026-11-05", tag);
        auto o = only("2026-11-01", "2026-11-30", "2026-11-06", "wedding");
        CHECK(o.who.assigned);
        CHECK(o.who.in_person);
        CHECK(o.state == State::open);
        REQUIRE(o.not_counted.size() == 2);
        CHECK(o.not_counted[0].contact == by_li);
        CHECK(o.not_counted[0].why == occasions::NotCounted::Why::other_rep);
        CHECK(o.not_counted[0].assigned == "wang");
        CHECK(o.not_counted[1].contact == message);
        CHECK(o.not_counted[1].why == occasions::NotCounted::Why::not_in_person);
        CHECK(occasions::to_string(o.not_counted[1].why) == "not_in_person");

        // Handed over to li from 11-05: li's visit on 11-04 still was not the assigned rep's; li's on 11-06
        // is.
        REQUIRE(store->assign_rep(id, "li", day("2026-11-05")).ok());
        CHECK(only("2026-11-01", "2026-11-30", "2026-11-06", "wedding").state == State::open);
        const auto later = contact(id, "visit", "2026-11-06", tag, false, "", "li");
        o = only("2026-11-01", "2026-11-30", "2026-11-06", "wedding");
        CHECK(o.state == State::done);
        CHECK(o.satisfied_by == std::vector<int64_t>{later});

        // Without by = "assigned" anyone's visit counts.
        rules.events[static_cast<size_t>(rules.event("wedding") - rules.events.data())].who = {};
        o = only("2026-11-01", "2026-11-30", "2026-11-06", "wedding");
        CHECK(o.satisfied_by == std::vector<int64_t>{by_li});
        CHECK(o.not_counted.empty());
    }

    TEST_CASE_FIXTURE(Fixture, "with count_late = false a contact logged late fulfils no occasion") {
        const auto id = customer("K1", "C"); // mid-autumn 09-25: a call and a message
        contact(id, "call", "2026-09-20", "mid-autumn", false, "", "wang", "2026-09-24");    // 4 days: late
        contact(id, "message", "2026-09-21", "mid-autumn", false, "", "wang", "2026-09-24"); // 3 days: not
        CHECK(only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn").state == State::done);
        rules.count_late = false;
        const auto o = only("2026-09-01", "2026-09-30", "2026-09-30", "mid-autumn");
        CHECK(o.state == State::overdue);
        REQUIRE(o.not_counted.size() == 1);
        CHECK(o.not_counted[0].why == occasions::NotCounted::Why::logged_late);
        CHECK(o.not_counted[0].days_late == 4);
        CHECK(o.outstanding().size() == 1);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "an anniversary comes back every year from the one recorded, unless yearly is off") {
        const auto id = customer("N1", "B");
        const auto tag = event(id, "anniversary", "2024-02-29");
        CHECK(days_of("2023-01-01", "2023-12-31", "anniversary").empty());
        CHECK(days_of("2024-01-01", "2024-12-31", "anniversary") ==
              std::vector<std::string>{"N1 2024-02-29"});
        CHECK(days_of("2025-01-01", "2025-12-31", "anniversary") ==
              std::vector<std::string>{"N1 2025-02-28"});
        CHECK(days_of("2026-02-01", "2026-03-31", "anniversary") ==
              std::vector<std::string>{"N1 2026-02-28"});
        // Each year's obligation is fulfilled by that year's visit only.
        contact(id, "visit", "2025-03-01", tag);
        CHECK(only("2025-02-01", "2025-03-31", "2025-03-31", "anniversary").state == State::done);
        CHECK(only("2026-02-01", "2026-03-31", "2026-03-31", "anniversary").state == State::missed);
        // A wedding does not come back.
        event(id, "wedding", "2024-06-01");
        CHECK(days_of("2025-01-01", "2025-12-31", "wedding").empty());
        rules.events[static_cast<size_t>(rules.event("anniversary") - rules.events.data())].yearly = false;
        CHECK(days_of("2025-01-01", "2025-12-31", "anniversary").empty());
        CHECK(days_of("2024-01-01", "2024-12-31", "anniversary").size() == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "the opening day's anniversary every year after the first, not while closed") {
        test::add_customer(*store, "O1", "C", "wang", day("2024-11-13"));
        test::add_customer(*store, "O2", "C", "wang", day("2026-11-20")); // opens this year
        test::add_customer(*store, "O3", "C", "wang", day("2023-11-10"), day("2026-11-01")); // closed by then
        CHECK(days_of("2026-11-01", "2026-11-30", "partnership") ==
              std::vector<std::string>{"O1 2026-11-13"});
        CHECK(days_of("2025-11-01", "2025-11-30", "partnership") ==
              std::vector<std::string>{"O3 2025-11-10", "O1 2025-11-13"});
        CHECK(days_of("2024-11-01", "2024-11-30", "partnership") ==
              std::vector<std::string>{"O3 2024-11-10"});
        const auto o = only("2026-11-01", "2026-11-30", "2026-11-14", "partnership");
        CHECK(o.tag == "partnership");
        CHECK(o.name == "合作纪念日");
        CHECK(o.uid == "partnership-2026-11-13-O1");
        CHECK(o.to.iso() == "2026-11-20");
        CHECK(o.state == State::open);
        // Turned off: no such kind in the rules.
        std::erase_if(rules.events, [](const rules::EventKind& k) { return k.on_opening; });
        CHECK(days_of("2026-11-01", "2026-11-30", "partnership").empty());
    }

    TEST_CASE_FIXTURE(Fixture, "automatic tagging leaves out obligations the contact cannot fulfil") {
        const auto id = customer("W3", "B"); // wang's
        event(id, "wedding", "2026-11-03");
        store::Contact c;
        c.customer_id = id;
        c.customer_code = "W3";
        c.channel = "visit";
        c.date = day("2026-11-04");
        c.rep = "li";
        CHECK(occasions::choose_tag(*store, rules, c, "")->tag.empty()); // li is not the assigned rep
        CHECK(occasions::choose_tag(*store, rules, c, "wedding")->tag.starts_with("event:")); // named: tagged
        c.rep = "wang";
        CHECK(occasions::choose_tag(*store, rules, c, "")->tag.starts_with("event:"));
        REQUIRE(store->assign_rep(id, "li", day("2026-11-04")).ok());
        CHECK(occasions::choose_tag(*store, rules, c, "")->tag.empty()); // li's from that day
    }

    TEST_CASE_FIXTURE(Fixture, "obligations come by the window's end, then customer code, day and tag") {
        // Added in another order than the one listed: codes against ids, a birthday before the festival.
        const auto z = customer("Z9", "B");
        const auto a = customer("A1", "B");
        person(z, "赵", "1980-09-24");
        person(a, "钱", "1980-09-24");
        person(a, "孙", "1980-09-10");
        std::vector<std::string> listed;
        for (const auto& o : run("2026-09-01", "2026-09-30", "2026-09-30"))
            listed.push_back(o.to.iso() + " " + o.customer_code + " " + o.date.iso() + " " + o.kind);
        const std::vector<std::string> want{
            "2026-09-10 A1 2026-09-10 birthday",   "2026-09-24 A1 2026-09-24 birthday",
            "2026-09-24 Z9 2026-09-24 birthday",   "2026-09-25 A1 2026-09-25 mid-autumn",
            "2026-09-25 Z9 2026-09-25 mid-autumn",
        };
        CHECK(listed == want);
    }

    TEST_CASE("the rep in effect on a day, whatever order the history comes in") {
        auto entry = [](const char* rep, std::optional<core::Date> from) {
            return store::HistoryEntry{rep, from, ""};
        };
        const std::vector<store::HistoryEntry> history{
            entry("li", day("2026-11-05")), entry("zhao", day("2026-12-01")), entry("wang", std::nullopt)};
        CHECK(occasions::assigned_on(history, day("2026-11-04")) == "wang");
        CHECK(occasions::assigned_on(history, day("2026-11-05")) == "li");
        CHECK(occasions::assigned_on(history, day("2026-12-31")) == "zhao");
        const std::vector<store::HistoryEntry> later{entry("zhao", day("2026-12-01")),
                                                     entry("li", day("2026-11-05"))};
        CHECK(occasions::assigned_on(later, day("2026-01-01")) == "li"); // before every entry: the earliest
        CHECK(occasions::assigned_on({}, day("2026-01-01")).empty());
    }
}

} // namespace unit_occasions_obligations
