// Tests for occasions::each_obligation: a range read a month at a time, a slice at a time, gives exactly the
// obligations of the whole range read at once — windows across month ends, customers as they stand on the
// range's reference day, states from contacts tagged in another month.
#include "occasions/obligations.hpp"
#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_occasions_parts {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    std::vector<int64_t> ids;
    Fixture() { setenv("KEQING_NOW", "2026-12-31T12:00", 1); }
    ~Fixture() { unsetenv("KEQING_NOW"); }

    int64_t customer(const char* code, const char* tier, const char* opened) {
        ids.push_back(test::add_customer(*store, code, tier, "wang", day(opened), {}));
        return ids.back();
    }
    void person(int64_t customer_id, const char* name, const char* birthday) {
        store::Person p;
        p.customer_id = customer_id;
        p.name = name;
        p.birthday = birthday;
        REQUIRE(store->add_person(p).ok());
    }
    std::string event(int64_t customer_id, const char* kind, const char* date) {
        return test::add_event(*store, customer_id, kind, date);
    }
    void contact(int64_t customer_id, const char* channel, const char* date, const std::string& tag,
                 const char* rep = "wang", bool gift = false) {
        store::Contact c;
        c.customer_id = customer_id;
        c.channel = channel;
        c.date = day(date);
        c.rep = rep;
        c.gift = gift;
        c.occasion = tag;
        c.logged_at = std::string(date) + "T20:00";
        REQUIRE(store->add_contact(c).ok());
    }

    // The range [from, to] a month at a time (as the report reads it), in obligations()'s order.
    std::vector<occasions::Obligation> by_months(const char* from, const char* to, const char* as_of) {
        const core::Date first = day(from), last = day(to);
        const occasions::Part whole = occasions::Part::whole(first, last, day(as_of));
        std::sort(ids.begin(), ids.end());
        std::vector<occasions::Obligation> out;
        for (core::Month m = core::Month::of(first); m <= core::Month::of(last); m = m.next()) {
            const occasions::Part part{first, std::max(first, m.first()), std::min(last, m.last()),
                                       whole.reference};
            REQUIRE(occasions::each_obligation(*store, rules, part, day(as_of), ids,
                                               [&](std::vector<occasions::Obligation>& slice) {
                                                   out.insert(out.end(), slice.begin(), slice.end());
                                               })
                        .ok());
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return std::tie(a.to, a.customer_code, a.date, a.tag) <
                   std::tie(b.to, b.customer_code, b.date, b.tag);
        });
        return out;
    }
};

// Everything a listing prints of an obligation, and its ids.
std::string whole_text(const occasions::Obligation& o) {
    std::string out = fmt::format("{} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}", o.uid, o.tag, o.kind,
                                  o.name, o.rule, o.person, o.person_id, o.customer_id, o.customer_code,
                                  o.customer_name, o.tier, o.rep, o.from.iso(), o.to.iso(),
                                  occasions::to_string(o.state), o.note_required, o.not_counted.size());
    for (size_t i = 0; i < o.actions.size(); ++i)
        out += fmt::format(" {}:{}:{}", o.actions[i].channel, o.actions[i].gift, o.satisfied_by[i]);
    return out;
}

} // namespace

TEST_SUITE("occasions parts") {
    TEST_CASE_FIXTURE(Fixture, "a range read a month at a time gives the whole range's obligations") {
        const auto a = customer("A1", "A", "2020-06-10");
        const auto b = customer("B1", "B", "2021-03-30");
        customer("C1", "C", "2019-05-02");
        person(a, "王芳", "02-28");
        person(b, "李强", "lunar:1-15");
        const std::string wedding = event(b, "wedding", "2026-04-29"); // its window runs into May
        // The spring festival (2026-02-17) opens its window in February's first days; visits tagged for it
        // in February and in March (done late), one by another rep.
        contact(a, "visit", "2026-02-10", "spring-festival", "wang", true);
        contact(b, "visit", "2026-02-25", "spring-festival", "li");
        contact(b, "visit", "2026-05-02", wedding);
        // Re-tiered and handed over mid-range: festivals take the tier and rep of their day, personal
        // dates those of the range's reference day (its end).
        REQUIRE(store->set_tier(b, "A", day("2026-04-01")).ok());
        REQUIRE(store->assign_rep(a, "li", day("2026-05-15")).ok());

        const auto whole =
            occasions::obligations(*store, rules, day("2026-01-01"), day("2026-06-30"), day("2026-06-30"));
        REQUIRE(whole.ok());
        const auto parts = by_months("2026-01-01", "2026-06-30", "2026-06-30");
        REQUIRE(parts.size() == whole->size());
        for (size_t i = 0; i < parts.size(); ++i)
            CHECK(whole_text(parts[i]) == whole_text((*whole)[i]));
        // The case covers what it means to: a window across a month end, a reference-day rep, both states.
        CHECK(std::any_of(parts.begin(), parts.end(), [&](const auto& o) { return o.tag == wedding; }));
        CHECK(std::any_of(parts.begin(), parts.end(), [](const auto& o) {
            return o.source == occasions::Obligation::Source::birthday && o.rep == "li";
        }));
        CHECK(std::any_of(parts.begin(), parts.end(),
                          [](const auto& o) { return o.state == occasions::State::missed; }));
        CHECK(std::any_of(parts.begin(), parts.end(), [](const auto& o) {
            return o.state == occasions::State::done || o.state == occasions::State::done_late;
        }));
    }

    TEST_CASE_FIXTURE(Fixture,
                      "a month at a time, each obligation is in one month only, and only of the ids") {
        const auto a = customer("A1", "A", "2020-06-10");
        const auto b = customer("B1", "B", "2020-06-10");
        person(a, "王芳", "03-01");
        person(b, "李强", "03-01");
        ids = {a}; // B1 left out
        const auto parts = by_months("2026-01-15", "2026-03-10", "2026-03-10");
        std::vector<std::string> uids;
        for (const auto& o : parts) {
            CHECK(o.customer_code == "A1");
            uids.push_back(o.uid);
        }
        std::sort(uids.begin(), uids.end());
        CHECK(std::adjacent_find(uids.begin(), uids.end()) == uids.end());
        CHECK(std::find(uids.begin(), uids.end(), "spring-festival-2026-02-17-A1") != uids.end());
    }
}

} // namespace unit_occasions_parts
