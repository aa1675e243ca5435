// Tests for store/kept_reads: a rep's people and life events, kept for a read on a team server, narrowed to
// what each later read asks — the customers, the birthdays written in some months with only the fields
// birthdays_of reads, the events of some days and kinds — in the order kept.
#include "store/kept_reads.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_store_kept_reads {

using keqing::core::Date;
using keqing::store::BirthdayMonths;
using keqing::store::LifeEvent;
using keqing::store::Person;

namespace {

Person person(int64_t id, int64_t customer, std::string birthday) {
    Person p;
    p.id = id;
    p.customer_id = customer;
    p.customer_code = "HZ00" + std::to_string(customer);
    p.name = "人" + std::to_string(id);
    p.role = "店长";
    p.birthday = std::move(birthday);
    p.preferences = "喜欢喝茶";
    return p;
}

LifeEvent event(int64_t id, int64_t customer, std::string kind, Date day) {
    LifeEvent e;
    e.id = id;
    e.customer_id = customer;
    e.kind = std::move(kind);
    e.date = day;
    return e;
}

std::vector<int64_t> ids_of(const std::vector<Person>& people) {
    std::vector<int64_t> out;
    for (const Person& p : people)
        out.push_back(p.id);
    return out;
}

std::vector<int64_t> ids_of(const std::vector<LifeEvent>& events) {
    std::vector<int64_t> out;
    for (const LifeEvent& e : events)
        out.push_back(e.id);
    return out;
}

} // namespace

TEST_CASE("people among some customers keep the kept order, and no ids keeps everyone") {
    const std::vector<Person> kept = {person(5, 3, ""), person(2, 7, "1980-10-05"), person(9, 3, "11-02")};
    CHECK(ids_of(keqing::store::people_among(kept, {3})) == std::vector<int64_t>{5, 9});
    CHECK(ids_of(keqing::store::people_among(kept, {3, 7})) == std::vector<int64_t>{5, 2, 9});
    CHECK(ids_of(keqing::store::people_among(kept, {})) == std::vector<int64_t>{5, 2, 9});
    CHECK(keqing::store::people_among(kept, {4}).empty());
    CHECK(keqing::store::people_among(kept, {7}).front().preferences == "喜欢喝茶"); // whole rows
}

TEST_CASE("birthdays among the people: written ones, in the months asked, with birthdays_of's fields only") {
    const std::vector<Person> kept = {person(1, 3, ""), person(2, 3, "1980-10-05"),
                                      person(3, 4, "lunar:08-15"), person(4, 4, "1975-09-30"),
                                      person(5, 5, "lunar:10-01")};
    const BirthdayMonths october{{10}, {8, 9}};
    const auto in_october = keqing::store::birthdays_among(kept, &october);
    CHECK(ids_of(in_october) == std::vector<int64_t>{2, 3});
    const auto any = keqing::store::birthdays_among(kept, nullptr);
    CHECK(ids_of(any) == std::vector<int64_t>{2, 3, 4, 5}); // no birthday written: never
    const Person& b = in_october.front();
    CHECK(b.customer_id == 3);
    CHECK(b.name == "人2");
    CHECK(b.birthday == "1980-10-05");
    CHECK(b.customer_code.empty()); // as rows::birthday reads them
    CHECK(b.role.empty());
    CHECK(b.preferences.empty());
}

TEST_CASE("events among the kept: the days from and through, the customers and the kinds asked") {
    const std::vector<LifeEvent> kept = {event(4, 3, "anniversary", Date::from_ymd(2016, 11, 18)),
                                         event(1, 7, "wedding", Date::from_ymd(2026, 9, 21)),
                                         event(6, 3, "illness", Date::from_ymd(2026, 11, 17)),
                                         event(2, 3, "anniversary", Date::from_ymd(2026, 12, 31))};
    const Date from = Date::from_ymd(2026, 9, 21), to = Date::from_ymd(2026, 12, 31);
    CHECK(ids_of(keqing::store::events_among(kept, from, to, {}, {})) == std::vector<int64_t>{1, 6, 2});
    CHECK(ids_of(keqing::store::events_among(kept, from.plus_days(1), to.plus_days(-1), {}, {})) ==
          std::vector<int64_t>{6});
    CHECK(ids_of(keqing::store::events_among(kept, from, to, {3}, {})) == std::vector<int64_t>{6, 2});
    CHECK(ids_of(keqing::store::events_among(kept, Date::from_ymd(1900, 1, 1), to, {}, {"anniversary"})) ==
          std::vector<int64_t>{4, 2});
    CHECK(keqing::store::events_among(kept, from, to, {5}, {}).empty());
}

} // namespace unit_store_kept_reads
