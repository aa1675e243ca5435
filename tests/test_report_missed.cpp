// Tests for report/missed: the compact list of missed obligations gives back every field a listing prints,
// in obligations()'s order, whatever order they were added in.
#include "report/missed.hpp"
#include "support.hpp"

#include <algorithm>
#include <tuple>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_report_missed {

using namespace keqing;
using occasions::Obligation;
using test::day;

namespace {

Obligation festival(const char* code, const char* name, const char* date, const char* rep) {
    Obligation o;
    o.source = Obligation::Source::occasion;
    o.tag = o.kind = "mid-autumn";
    o.name = "中秋节";
    o.rule = "R4";
    o.customer_code = code;
    o.customer_name = name;
    o.tier = "A";
    o.rep = rep;
    o.date = day(date);
    o.from = o.date.plus_days(-7);
    o.to = o.date;
    o.actions = {{0, true}, {2, false}};
    o.satisfied_by = {0, 0};
    o.who.assigned = true;
    o.state = occasions::State::missed;
    o.uid = occasions::uid_of(o);
    return o;
}

std::string printed(const Obligation& o) {
    std::string out = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", o.uid, o.tag, o.kind,
                                  o.name, o.rule, o.person, o.customer_code, o.customer_name, o.tier, o.rep,
                                  o.date.iso(), o.from.iso(), o.to.iso(), occasions::to_string(o.state),
                                  o.note_required, o.who.assigned, o.who.in_person);
    for (size_t i = 0; i < o.actions.size(); ++i)
        out += fmt::format("|{}:{}:{}", o.actions[i].channel, o.actions[i].gift, o.satisfied_by[i]);
    for (const auto& n : o.not_counted)
        out += fmt::format("|{}:{}:{}:{}:{}", n.contact, n.rep, n.channel, n.assigned, n.days_late);
    return out + "|" + std::to_string(static_cast<int>(o.source));
}

} // namespace

TEST_SUITE("report missed list") {
    TEST_CASE("every printed field comes back, in window-end, code, day and tag order") {
        std::vector<Obligation> all;
        all.push_back(festival("B2", "大参林", "2026-09-25", "wang"));
        Obligation early = festival("A1", "老百姓大药房", "2026-09-18", "li");
        early.to =
            day("2026-09-25"); // the same window end as the birthday's: its day (not its tag) goes first
        early.uid = occasions::uid_of(early);
        all.push_back(early);
        Obligation birthday = festival("A1", "老百姓大药房", "2026-09-20", "li");
        birthday.source = Obligation::Source::birthday;
        birthday.tag = "birthday:17";
        birthday.kind = "birthday";
        birthday.name = "生日";
        birthday.rule = "R6";
        birthday.person = "王芳";
        birthday.to = day("2026-09-25"); // same window end as the festivals: the code, then the day decide
        birthday.actions = {{1, false}};
        birthday.satisfied_by = {0};
        birthday.note_required = true;
        birthday.who = {false, true};
        birthday.state = occasions::State::overdue;
        birthday.uid = occasions::uid_of(birthday);
        all.push_back(birthday);
        Obligation partly = festival("C3", std::string(70000, 'x').c_str(), "2026-08-01", "zhao");
        partly.satisfied_by = {0, 42}; // one of two actions made
        partly.tier = "B";
        partly.not_counted.push_back(
            {occasions::NotCounted::Why::other_rep, 9, "li", "visit", day("2026-07-30"), "zhao", 0});
        all.push_back(partly);
        all.push_back(festival("A1", "老百姓大药房", "2026-06-19", "li")); // earliest window end

        report::MissedList list;
        for (const auto& o : all)
            list.add(o);
        list.sort();
        std::sort(all.begin(), all.end(), [](const Obligation& a, const Obligation& b) {
            return std::tie(a.to, a.customer_code, a.date, a.tag) <
                   std::tie(b.to, b.customer_code, b.date, b.tag);
        });
        REQUIRE(list.size() == all.size());
        Obligation scratch;
        for (size_t i = 0; i < all.size(); ++i) {
            CHECK(printed(list.at(i, scratch)) == printed(all[i]));
            const auto key = list.key(i);
            CHECK(key.customer_code == all[i].customer_code);
            CHECK(key.date == all[i].date);
            CHECK(key.state == all[i].state);
        }
        CHECK(list.at(0, scratch).date.iso() == "2026-06-19");
        CHECK(list.at(2, scratch).tag == "mid-autumn"); // A1's festival (09-18) before its birthday (09-20)
        CHECK(list.at(3, scratch).tag == "birthday:17");
        // Rebuilding one after another leaves nothing of the one before.
        CHECK(list.at(1, scratch).not_counted.size() == 1);
        CHECK(list.at(0, scratch).not_counted.empty());
    }
}

} // namespace unit_report_missed
