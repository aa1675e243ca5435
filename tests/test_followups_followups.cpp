// Tests for followups/followups: opening and closing items with a logged contact (kinds, due days, who
// closes what), their state on a day, and the report's counts.
#include "contacts/log.hpp"
#include "followups/followups.hpp"
#include "store/rows.hpp"
#include "support.hpp"

#include <cstdlib>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_followups_followups {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    Fixture() {
        setenv("KEQING_NOW", "2026-12-20T18:00", 1);
        test::add_customer(*store, "HZ001", "A", "wang", day("2026-01-01"));
        test::add_customer(*store, "HZ004", "B", "wang", day("2026-01-01"));
    }
    ~Fixture() { unsetenv("KEQING_NOW"); }

    // Logs a call with `customer` on `date` carrying `changes`.
    Result<contacts::LogOutcome> log(const char* customer, const char* date, followups::Changes changes,
                                     bool dry_run = false) {
        contacts::LogRequest r;
        r.customer = customer;
        r.channel = "call";
        r.rep = "wang";
        r.date = date;
        r.followup_changes = std::move(changes);
        return contacts::log_contact(*store, rules, r, dry_run);
    }
    int64_t open(const char* kind, const char* date, const char* due = "") {
        auto out = log("HZ001", date, {{{kind, "送样品", due}}, {}});
        REQUIRE(out.ok());
        REQUIRE(out->followups_applied.opened.size() == 1);
        return out->followups_applied.opened[0].id;
    }
};

store::FollowUp item(const char* opened, const char* due, const char* closed = nullptr,
                     const char* status = "open", const char* rep = "wang") {
    store::FollowUp f;
    f.rep = rep;
    f.opened_on = day(opened);
    f.due_on = day(due);
    f.status = status;
    if (closed) f.closed_on = day(closed);
    return f;
}

} // namespace

TEST_SUITE("followups::followups") {
    TEST_CASE("an item is open before its due day, due on it and overdue after it") {
        const auto f = item("2026-12-01", "2026-12-09");
        CHECK(followups::state_on(f, day("2026-12-08")) == followups::State::open);
        CHECK(followups::state_on(f, day("2026-12-09")) == followups::State::due);
        CHECK(followups::state_on(f, day("2026-12-10")) == followups::State::overdue);
    }

    TEST_CASE("an item closed later is still open on an earlier day") {
        const auto f = item("2026-12-01", "2026-12-09", "2026-12-12", "done");
        CHECK(followups::state_on(f, day("2026-12-11")) == followups::State::overdue);
        CHECK(followups::is_open(f, day("2026-12-11")));
        CHECK(followups::state_on(f, day("2026-12-12")) == followups::State::done);
        CHECK_FALSE(followups::is_open(f, day("2026-12-12")));
        CHECK(followups::state_on(item("2026-12-01", "2026-12-09", "2026-12-05", "dropped"),
                                  day("2026-12-05")) == followups::State::dropped);
    }

    TEST_CASE("counts per rep and for everyone with the median days to close") {
        const std::vector<store::FollowUp> items = {
            item("2026-12-01", "2026-12-09", "2026-12-12", "done"),    // 11 days
            item("2026-12-01", "2026-12-08", "2026-12-08", "done"),    // 7 days
            item("2026-12-15", "2026-12-22", "2026-12-20", "dropped"), // 5 days
            item("2026-12-03", "2026-12-17"),                          // open, overdue on 12-20
            item("2026-12-05", "2026-12-07", "2026-12-07", "done", "li"),
            item("2026-11-20", "2026-11-25", "2026-11-30", "done"), // closed before the range
        };
        const auto counts = followups::count(items, day("2026-12-01"), day("2026-12-31"), day("2026-12-20"));
        REQUIRE(counts.size() == 3);
        CHECK(counts[0].rep == "li");
        CHECK(counts[1].rep == "wang");
        CHECK(counts[1].opened == 4);
        CHECK(counts[1].closed == 3);
        CHECK(counts[1].done == 2);
        CHECK(counts[1].open == 1);
        CHECK(counts[1].overdue == 1);
        CHECK(counts[1].median_days == 7);
        CHECK(counts[2].rep.empty());
        CHECK(counts[2].closed == 4);
        CHECK(counts[2].median_days == 6); // 2, 5, 7, 11: the mean of the middle two
        CHECK_FALSE(followups::count({item("2026-12-03", "2026-12-17")}, day("2026-12-01"), day("2026-12-31"),
                                     day("2026-12-31"))[0]
                        .median_days);
    }

    TEST_CASE_FIXTURE(Fixture, "a logged contact opens items due as the rules or --due say") {
        auto out = log("HZ001", "2026-12-01",
                       {{{"promise", "下周三前送样品", "2026-12-09"}, {"problem", "退货慢", ""}}, {}});
        REQUIRE(out.ok());
        REQUIRE(out->followups_applied.opened.size() == 2);
        const auto& promise = out->followups_applied.opened[0];
        CHECK(promise.due_on == day("2026-12-09"));
        CHECK(promise.rep == "wang");
        CHECK(promise.customer_code == "HZ001");
        CHECK(promise.opened_on == day("2026-12-01"));
        CHECK(promise.opened_by == out->contact.id);
        CHECK(out->followups_applied.opened[1].due_on == day("2026-12-08")); // the rules' due_days = 7
        auto open = followups::open_on(*store, day("2026-12-10"), {});
        REQUIRE(open.ok());
        CHECK(open->size() == 2);
    }

    TEST_CASE_FIXTURE(Fixture, "kept and solved close their own kinds only") {
        const int64_t promise = open("promise", "2026-12-01");
        const int64_t problem = open("problem", "2026-12-01");
        auto wrong = log("HZ001", "2026-12-02", {{}, {{problem, followups::How::kept, ""}}});
        REQUIRE_FALSE(wrong.ok());
        CHECK(wrong.error().message.find("closes with --solved") != std::string::npos);
        auto kept = log("HZ001", "2026-12-03", {{}, {{promise, followups::How::kept, ""}}});
        REQUIRE(kept.ok());
        REQUIRE(kept->followups_applied.closed.size() == 1);
        CHECK(kept->followups_applied.closed[0].status == "done");
        CHECK(kept->followups_applied.closed[0].closed_on == day("2026-12-03"));
        auto stored = store->find_followup(promise);
        REQUIRE(stored.ok());
        CHECK((*stored)->status == "done");
        CHECK((*stored)->closed_by == kept->contact.id);
        auto again = log("HZ001", "2026-12-04", {{}, {{promise, followups::How::kept, ""}}});
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().message.find("closed already") != std::string::npos);
    }

    TEST_CASE_FIXTURE(Fixture, "a problem solved through --solved counts as the contact's problem solved") {
        const int64_t problem = open("problem", "2026-12-01");
        auto solved = log("HZ001", "2026-12-05", {{}, {{problem, followups::How::solved, ""}}});
        REQUIRE(solved.ok());
        CHECK(solved->contact.solved == "#" + std::to_string(problem) + " 送样品");
        CHECK((store::contact_flags(solved->contact) & (1 << 8)) != 0);
    }

    TEST_CASE_FIXTURE(Fixture, "an item is closed only at its own customer and not before it was opened") {
        const int64_t promise = open("promise", "2026-12-05");
        auto elsewhere = log("HZ004", "2026-12-06", {{}, {{promise, followups::How::kept, ""}}});
        REQUIRE_FALSE(elsewhere.ok());
        CHECK(elsewhere.error().message.find("is at HZ001, not HZ004") != std::string::npos);
        auto before = log("HZ001", "2026-12-04", {{}, {{promise, followups::How::kept, ""}}});
        REQUIRE_FALSE(before.ok());
        CHECK(before.error().message.find("was opened or started on 2026-12-05") != std::string::npos);
        CHECK((*store->find_followup(promise))->status == "open");
    }

    TEST_CASE_FIXTURE(Fixture, "bad openings store nothing, not even the contact") {
        auto early = log("HZ001", "2026-12-05", {{{"promise", "送样品", "2026-12-01"}}, {}});
        REQUIRE_FALSE(early.ok());
        CHECK(early.error().code == Exit::data);
        auto unknown = log("HZ001", "2026-12-05", {{{"gossip", "x", ""}}, {}});
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message.find("no follow-up kind 'gossip'") != std::string::npos);
        auto dry = log("HZ001", "2026-12-05", {{{"promise", "送样品", ""}}, {}}, true);
        REQUIRE(dry.ok());
        CHECK(store->contacts_between(day("2020-01-01"), day("2030-01-01"))->empty());
        CHECK(store->followups_of(day("2020-01-01"), day("2030-01-01"), {})->empty());
    }

    TEST_CASE_FIXTURE(Fixture, "drop needs a reason and closes without a contact") {
        const int64_t promise = open("promise", "2026-12-01");
        auto no_reason = followups::drop(*store, rules, promise, " ", day("2026-12-20"), false);
        REQUIRE_FALSE(no_reason.ok());
        CHECK(no_reason.error().code == Exit::usage);
        auto dropped = followups::drop(*store, rules, promise, "不需要了", day("2026-12-20"), false);
        REQUIRE(dropped.ok());
        CHECK(dropped->status == "dropped");
        const auto stored = *store->find_followup(promise);
        CHECK(stored->reason == "不需要了");
        CHECK(stored->closed_by == 0);
        CHECK(stored->closed_on == day("2026-12-20"));
    }
}

} // namespace unit_followups_followups
