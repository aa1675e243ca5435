// Tests for report/goal_list and report/packed_text: a month's rep goals kept compactly come back field for
// field, an English detail sharing its end with the shown one included, and packed text unpacks to exactly
// what was packed, in less room when it repeats itself.
#include "report/goal_list.hpp"
#include "report/packed_text.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <random>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_report_goal_list {

using namespace keqing;
using compliance::GoalResult;
using compliance::RepGoals;
using compliance::Status;

namespace {

std::string printed(const std::vector<RepGoals>& reps) {
    std::string out;
    for (const auto& r : reps) {
        out += fmt::format("{}|{}|{}|{}|{}", r.rep, r.team, static_cast<int>(r.status), r.checklist.visits,
                           r.checklist.complete);
        for (const int n : r.checklist.recorded)
            out += fmt::format(",{}", n);
        for (const auto& g : r.goals)
            out += fmt::format("\n  {}|{}|{}|{}|{}|{}|{}|{}|{}|{}", g.id, g.label, g.label_en, g.required,
                               g.done, g.expected, static_cast<int>(g.status), g.per_customer, g.detail,
                               g.detail_en);
        out += "\n";
    }
    return out;
}

// A rep with 60 customers short of R10, its details as the goals write them.
RepGoals rep_with_details(int n, bool chinese) {
    std::string list;
    for (int c = 0; c < 60; ++c)
        list += fmt::format("{}C{:07} 0/{}", c == 0 ? "" : ", ", n + 2000 * c, 1 + c % 2);
    const std::string en = fmt::format("60 of 60 customers still need a problem solved: {}", list);
    const std::string shown = chinese ? fmt::format("60 位客户中仍有 60 位需要解决问题：{}", list) : en;
    RepGoals r{fmt::format("r{:05}", n), n % 3 == 0 ? "east" : "west", {}, {}, Status::behind};
    r.goals.push_back({"R9", chinese ? "请客户帮忙" : "asked customers for help", "asked customers for help",
                       5, n % 6, 2, Status::behind, "", false, ""});
    r.goals.push_back({"R10", chinese ? "每位客户解决的问题" : "problems solved per customer",
                       "problems solved per customer", 60, 0, 60, Status::missed, shown, true, en});
    r.goals.push_back({"R11", "formal training at A customers", "formal training at A customers", 1, 0, 0,
                       Status::on_track, chinese ? "A1 的培训不计入" : "", false,
                       chinese ? "training at A1 did not count" : ""});
    r.checklist.visits = n;
    r.checklist.complete = n / 2;
    r.checklist.recorded = {1, 2, 3, 4, 5, n};
    return r;
}

} // namespace

TEST_SUITE("report goal list") {
    TEST_CASE("every field comes back, in the order given, in either language") {
        for (const bool chinese : {false, true}) {
            INFO(chinese);
            std::vector<RepGoals> reps;
            for (int n = 0; n < 50; ++n)
                reps.push_back(rep_with_details(n, chinese));
            reps.push_back({"solo", "", {}, {}, Status::met}); // no goals at all
            reps.back().goals.push_back(
                {"R9", "x", "x", 0, 0, 0, Status::met, "same end", false, "a longer same end"});
            reps.back().goals.push_back({"R10", "y", "y", 1, 1, 1, Status::met, "abc", true, "xyz"});
            reps.back().goals.push_back({"R11", "z", "z", 1, 1, 1, Status::met, "whole", false, "le"});
            const report::GoalList list(reps);
            CHECK(list.size() == reps.size());
            CHECK_FALSE(list.empty());
            CHECK(printed(list.goals()) == printed(reps));
            const report::GoalList unpacked(reps, false);
            CHECK(printed(unpacked.goals()) == printed(reps));
            CHECK(unpacked.bytes() > list.bytes());
            // The copy is a small part of the strings it stands for (the details repeat each other's words).
            size_t strings = 0;
            for (const auto& r : reps)
                for (const auto& g : r.goals)
                    strings += g.detail.size() + g.detail_en.size();
            CHECK(list.bytes() * 2 < strings);
        }
        CHECK(report::GoalList().empty());
        CHECK(report::GoalList().goals().empty());
    }
}

TEST_SUITE("report packed text") {
    TEST_CASE("unpacks to exactly what was packed") {
        std::mt19937 random(7);
        std::vector<std::string> texts{"",
                                       "a",
                                       "abc",
                                       "abcd",
                                       "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                       "王强、李娜：问题已解决 王强、李娜：问题已解决 王强"};
        std::string noise; // nothing to refer back to: stored nearly as it is
        for (int i = 0; i < 1000; ++i)
            noise += static_cast<char>(random() & 0xff);
        texts.push_back(noise);
        std::string far; // repeats 70,000 bytes back, beyond deflate's 32 KB window, and close by
        for (int i = 0; i < 70000; ++i)
            far += static_cast<char>('a' + random() % 26);
        far += far.substr(0, 5000) + far.substr(far.size() - 3000);
        texts.push_back(far);
        std::string words; // few distinct words: long and overlapping references
        for (int i = 0; i < 20000; ++i)
            words +=
                std::string(i % 7 == 0 ? "C0002001 0/1, " : "C00" + std::to_string(random() % 100) + " ");
        texts.push_back(words);
        for (const auto& t : texts) {
            INFO(t.size());
            CHECK(report::unpack_text(report::pack_text(t)) == t);
        }
        CHECK(report::pack_text(words).size() * 2 < words.size());
        CHECK(report::pack_text(noise).size() < noise.size() + 64); // a length and deflate's few bytes
    }
}

} // namespace unit_report_goal_list
