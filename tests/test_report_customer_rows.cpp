// Tests for report/customer_rows: the compact --by customer breakdown gives the rows a plain map of
// report::Row by code gave — numbers, labels as of the last month, the rank order — over random months
// in which customers change code, name and rep, and codes pass from one customer to another.
#include "report/customer_rows.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_report_customer_rows {

using namespace keqing;

namespace {

constexpr size_t kChannels = 3;

compliance::CustomerResult customer(int64_t id, std::string code, std::string name, compliance::Status status,
                                    std::vector<std::pair<int, int>> done_required) {
    compliance::CustomerResult c;
    c.id = id;
    c.code = std::move(code);
    c.name = std::move(name);
    c.status = status;
    for (const auto& [done, required] : done_required) {
        compliance::ChannelResult ch;
        ch.done = done;
        ch.required = required;
        c.channels.push_back(ch);
    }
    return c;
}

// What the report did before: a row per code, labelled at every addition, sorted best first then by code.
struct Reference {
    std::map<std::string, report::Row> rows;
    void add(const compliance::CustomerResult& c, const store::Rep* rep) {
        report::Row& r = rows[c.code];
        r.key = c.code;
        r.channels.resize(kChannels);
        r.label = c.name;
        r.team = rep ? rep->team : "";
        r.customer_months++;
        r.by_status[static_cast<size_t>(c.status)]++;
        for (size_t k = 0; k < c.channels.size(); ++k) {
            r.channels[k].add(c.channels[k].done, c.channels[k].required);
            r.total.add(c.channels[k].done, c.channels[k].required);
        }
    }
    std::vector<report::Row> ranked() const {
        std::vector<report::Row> out;
        for (const auto& [code, row] : rows)
            out.push_back(row);
        std::stable_sort(out.begin(), out.end(), [](const report::Row& a, const report::Row& b) {
            return a.total.rate() > b.total.rate();
        });
        return out;
    }
};

std::string printed(const std::vector<report::Row>& rows) {
    std::string out;
    for (const auto& r : rows) {
        out += fmt::format("{}|{}|{}|{}|{}/{}|{},{},{},{}", r.key, r.label, r.team, r.customer_months,
                           r.total.done, r.total.required, r.by_status[0], r.by_status[1], r.by_status[2],
                           r.by_status[3]);
        for (const auto& a : r.channels)
            out += fmt::format("|{}/{}", a.done, a.required);
        out += "\n";
    }
    return out;
}

} // namespace

TEST_SUITE("report/customer_rows") {
    TEST_CASE("rows come best first, then by code, and a code keeps what each customer added under it") {
        const std::vector<store::Rep> reps{{"wang", "王强", "east"}, {"li", "李娜", "west"}};
        report::CustomerRows rows(kChannels);
        using S = compliance::Status;
        rows.add(customer(1, "C2", "甲", S::met, {{8, 8}, {4, 4}, {4, 4}}), &reps[0]);
        rows.add(customer(2, "C1", "乙", S::met, {{8, 8}, {4, 4}, {4, 4}}), &reps[0]);
        rows.add(customer(3, "C3", "丙", S::missed, {{1, 4}, {0, 2}, {2, 2}}), &reps[1]);
        // The next month: customer 1 is renamed and handed over; customer 3 takes the code C9 and
        // customer 4 the code C3.
        rows.add(customer(1, "C2", "甲公司", S::met, {{9, 8}, {4, 4}, {4, 4}}), &reps[1]);
        rows.add(customer(3, "C9", "丙", S::missed, {{0, 4}, {0, 2}, {0, 2}}), &reps[1]);
        rows.add(customer(4, "C3", "丁", S::met, {{4, 4}, {2, 2}, {2, 2}}), nullptr);
        const std::vector<report::Row> out = rows.take_ranked();
        REQUIRE(out.size() == 4);
        CHECK(out[0].key == "C1"); // 100 %, before C2's equal 100 % by code
        CHECK(out[1].key == "C2");
        CHECK(out[1].label == "甲公司");
        CHECK(out[1].team == "west");
        CHECK(out[1].customer_months == 2);
        CHECK(out[1].channels[0].done == 16); // the ninth visit is over the quota: capped
        CHECK(out[2].key == "C3");            // (3 + 8) of 16
        CHECK(out[2].label == "丁");
        CHECK(out[2].team.empty());
        CHECK(out[2].total.done == 11);
        CHECK(out[2].total.required == 16);
        CHECK(out[2].by_status[static_cast<size_t>(S::missed)] == 1);
        CHECK(out[3].key == "C9");
        CHECK(rows.take_ranked().empty()); // taken
    }

    TEST_CASE("random months give the rows a map of rows by code gave") {
        std::mt19937 random(20261204);
        const std::vector<store::Rep> reps{
            {"wang", "王强", "east"}, {"li", "李娜", "west"}, {"zhao", "赵六", ""}};
        for (int round = 0; round < 40; ++round) {
            report::CustomerRows rows(kChannels);
            Reference reference;
            const int customers = 1 + static_cast<int>(random() % 60);
            std::vector<std::string> code(static_cast<size_t>(customers)), name(code.size());
            for (size_t i = 0; i < code.size(); ++i) {
                code[i] = fmt::format("C{:03}", i);
                name[i] = fmt::format("客户{}", i);
            }
            for (int month = 0; month < 1 + static_cast<int>(random() % 12); ++month) {
                for (size_t i = 0; i < code.size(); ++i) {
                    const unsigned change = random() % 20;
                    if (change == 0) code[i] = fmt::format("C{:03}", random() % 80); // may be another's
                    if (change == 1) name[i] = fmt::format("新客户{}", random() % 5);
                    if (random() % 7 == 0) continue; // not in scope this month
                    std::vector<std::pair<int, int>> channels;
                    for (size_t k = 0; k < kChannels; ++k)
                        channels.emplace_back(static_cast<int>(random() % 6), static_cast<int>(random() % 5));
                    const auto status = static_cast<compliance::Status>(random() % 4);
                    const compliance::CustomerResult c =
                        customer(static_cast<int64_t>(i) + 1, code[i], name[i], status, channels);
                    const store::Rep* rep = random() % 5 == 0 ? nullptr : &reps[random() % reps.size()];
                    rows.add(c, rep);
                    reference.add(c, rep);
                }
            }
            CAPTURE(round);
            CHECK(printed(rows.take_ranked()) == printed(reference.ranked()));
        }
    }
}

} // namespace unit_report_customer_rows
