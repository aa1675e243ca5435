// Tests for plan/schedule and plan/route: the day's limit, days off, skipped customers and windows are never
// broken; what cannot fit is the least important; a task goes on its preferred day when it can, earlier
// only when the rest would not fit; the same tasks give the same days, and the days after one is made do
// not move; areas from addresses, distances and short routes.
#include "plan/route.hpp"
#include "plan/schedule.hpp"
#include "support.hpp"

#include <algorithm>
#include <map>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_plan_schedule {

using namespace keqing;
using plan::Task;

Task visit(const std::string& key, int customer, int from, int to, int ideal, int rank = 100) {
    Task t;
    t.key = key;
    t.customer = customer;
    t.in_person = true;
    t.from = from;
    t.to = to;
    t.ideal = ideal;
    t.rank = rank;
    return t;
}

plan::Calendar days(int n, int limit, std::vector<int> off = {}) {
    plan::Calendar c;
    c.max_in_person = limit;
    for (int d = 0; d < n; ++d)
        c.workday.push_back(std::find(off.begin(), off.end(), d) == off.end());
    c.skipped.resize(static_cast<size_t>(n));
    return c;
}

TEST_SUITE("plan::schedule") {
    TEST_CASE("tasks go on their preferred day when there is room") {
        const std::vector<Task> tasks = {visit("a", 0, 0, 4, 2), visit("b", 1, 0, 4, 3)};
        const auto placed = plan::schedule(tasks, days(5, 2));
        CHECK(placed[0].day == 2);
        CHECK(placed[1].day == 3);
    }

    TEST_CASE("never over the limit never on a day off never outside the window") {
        std::vector<Task> tasks;
        for (int i = 0; i < 12; ++i)
            tasks.push_back(visit("t" + std::to_string(i), i, 0, 6, 1));
        const auto placed = plan::schedule(tasks, days(7, 3, {1, 5}));
        std::map<int, int> per_day;
        for (size_t i = 0; i < placed.size(); ++i) {
            REQUIRE(placed[i].day >= 0);
            CHECK(placed[i].day != 1);
            CHECK(placed[i].day != 5);
            ++per_day[placed[i].day];
        }
        for (const auto& [day, n] : per_day)
            CHECK(n <= 3);
    }

    TEST_CASE("one visit per customer a day") {
        const std::vector<Task> tasks = {visit("a1", 0, 0, 2, 0), visit("a2", 0, 0, 2, 0),
                                         visit("a3", 0, 0, 2, 0), visit("a4", 0, 0, 2, 0)};
        const auto placed = plan::schedule(tasks, days(3, 5));
        std::vector<int> used;
        int missed = 0;
        for (const auto& p : placed) {
            if (p.day < 0) {
                ++missed;
                CHECK(p.why == plan::Unplaced::no_room);
            } else {
                CHECK(std::find(used.begin(), used.end(), p.day) == used.end());
                used.push_back(p.day);
            }
        }
        CHECK(missed == 1);
    }

    TEST_CASE("what cannot fit is the least important: obligations then A then B then C") {
        // one day, room for two: an obligation of a C customer, an A quota, a B quota, a C quota
        const std::vector<Task> tasks = {visit("c-quota", 3, 0, 0, 0, 102), visit("b-quota", 2, 0, 0, 0, 101),
                                         visit("a-quota", 1, 0, 0, 0, 100), visit("c-duty", 0, 0, 0, 0, 2)};
        const auto placed = plan::schedule(tasks, days(1, 2));
        CHECK(placed[3].day == 0);
        CHECK(placed[2].day == 0);
        CHECK(placed[1].why == plan::Unplaced::no_room);
        CHECK(placed[0].why == plan::Unplaced::no_room);
    }

    TEST_CASE("a task whose window has no working day is said so") {
        const auto placed = plan::schedule({visit("sunday", 0, 6, 6, 6)}, days(7, 5, {5, 6}));
        CHECK(placed[0].day == -1);
        CHECK(placed[0].why == plan::Unplaced::no_day);
    }

    TEST_CASE("a skipped customer is moved off that day") {
        plan::Calendar cal = days(5, 5);
        cal.skipped[2].push_back(0);
        const auto placed = plan::schedule({visit("a", 0, 0, 4, 2)}, cal);
        CHECK(placed[0].day == 3);
    }

    TEST_CASE("earlier than preferred only when the rest would not fit") {
        // three tasks due by day 1 at one a day: one must go on day 0 though all prefer day 1
        const std::vector<Task> tasks = {visit("x", 0, 0, 1, 1), visit("y", 1, 0, 1, 1),
                                         visit("z", 2, 0, 3, 1)};
        const auto placed = plan::schedule(tasks, days(4, 1));
        CHECK(placed[0].day + placed[1].day == 1); // days 0 and 1
        CHECK(placed[2].day == 2);
    }

    TEST_CASE("the days after a task is made do not move") {
        std::vector<Task> tasks;
        for (int i = 0; i < 30; ++i)
            tasks.push_back(visit("t" + std::to_string(i), i % 9, 0, 9, (i * 7) % 10));
        const auto first = plan::schedule(tasks, days(10, 4, {5, 6}));
        // the next morning: day 0's tasks made, every window and day shifted by one
        std::vector<Task> rest;
        std::vector<size_t> was;
        for (size_t i = 0; i < tasks.size(); ++i) {
            if (first[i].day == 0) continue;
            Task t = tasks[i];
            t.from = std::max(0, t.from - 1);
            t.to -= 1;
            t.ideal = std::max(0, t.ideal - 1);
            rest.push_back(t);
            was.push_back(i);
        }
        const auto second = plan::schedule(rest, days(9, 4, {4, 5}));
        for (size_t k = 0; k < rest.size(); ++k)
            CHECK(second[k].day == first[was[k]].day - 1);
    }

    TEST_CASE("calls and messages on their preferred day or the nearest free one") {
        Task call;
        call.key = "call";
        call.from = 0;
        call.to = 4;
        call.ideal = 1;
        Task again = call;
        again.key = "again";
        const auto placed = plan::schedule({call, again}, days(5, 1));
        CHECK(std::min(placed[0].day, placed[1].day) == 1); // one a day for this customer and channel
        CHECK(std::max(placed[0].day, placed[1].day) == 2);
        Task greeting = call; // a birthday message due on a day off
        greeting.from = greeting.to = greeting.ideal = 0;
        greeting.any_day = true;
        CHECK(plan::schedule({greeting}, days(1, 1, {0}))[0].day == 0);
    }
}

TEST_SUITE("plan::route") {
    TEST_CASE("the area an address names") {
        CHECK(plan::area_from_address("杭州市萧山区北干路151号") == "萧山区");
        CHECK(plan::area_from_address("浙江省杭州市西湖区文三路1号") == "西湖区");
        CHECK(plan::area_from_address("桐庐县城南路2号") == "桐庐县");
        CHECK(plan::area_from_address("文三路1号") == "");
    }

    TEST_CASE("distances in kilometres") {
        CHECK(plan::km({30.0, 120.0}, {30.0, 120.0}) == doctest::Approx(0.0));
        CHECK(plan::km({30.0, 120.0}, {31.0, 120.0}) == doctest::Approx(111.2).epsilon(0.01));
    }

    TEST_CASE("a short route visits points along a line in order") {
        const std::vector<plan::Point> points = {{30.0, 120.3}, {30.0, 120.0}, {30.0, 120.2}, {30.0, 120.1}};
        const auto order = plan::route(points);
        REQUIRE(order.size() == 4);
        const std::vector<size_t> forward = {1, 3, 2, 0}, backward = {0, 2, 3, 1};
        CHECK((order == forward || order == backward));
        CHECK(plan::path_km(points, order) == doctest::Approx(plan::km(points[1], points[0])).epsilon(0.001));
    }
}

} // namespace unit_plan_schedule
