// Tests for contacts/log: one-line logging, validation, dry runs, voiding and all-or-nothing import.
#include "contacts/log.hpp"
#include "core/csv.hpp"
#include "support.hpp"

#include <fmt/core.h>
#include <sqlite3.h>

#include <cstdlib>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_contacts_log {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    Fixture() {
        setenv("KEQING_NOW", "2026-11-20T16:30", 1);
        store::Customer c;
        c.code = "HZ001";
        c.name = "康泰大药房";
        c.tier = "A";
        c.rep = "wang";
        c.opened_on = day("2026-01-01");
        REQUIRE(store->add_customer(c).ok());
        c.code = "HZ030";
        c.name = "中联大药房";
        c.tier = "C";
        c.closed_on = day("2026-09-30");
        REQUIRE(store->add_customer(c).ok());
    }
    ~Fixture() { unsetenv("KEQING_NOW"); }

    contacts::LogRequest request(const char* customer, const char* channel = "visit") {
        contacts::LogRequest r;
        r.customer = customer;
        r.channel = channel;
        r.rep = "wang";
        return r;
    }
    size_t stored() { return store->contacts_between(day("2020-01-01"), day("2030-01-01"))->size(); }
};

} // namespace

TEST_SUITE("contacts::log") {
    TEST_CASE_FIXTURE(Fixture, "a visit today defaults date and time and reports the month") {
        auto r = request("康泰");
        r.checklist[0] = "店员反映颗粒好卖";
        auto out = contacts::log_contact(*store, rules, r, false);
        REQUIRE(out.ok());
        CHECK(out->contact.date.iso() == "2026-11-20");
        CHECK(out->contact.time == "16:30");
        CHECK(out->contact.logged_at == "2026-11-20T16:30");
        CHECK(out->days_late == 0);
        REQUIRE(out->month.customers.size() == 1);
        CHECK(out->month.customers[0].channels[0].done == 1);
        CHECK(contacts::missing_checklist(out->contact).size() == 5);
        CHECK(stored() == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "a goal flag reports the rep's goals after the contact") {
        CHECK_FALSE(contacts::log_contact(*store, rules, request("康泰"), true)->goals.has_value());
        auto r = request("康泰");
        r.asked_help = true;
        auto out = contacts::log_contact(*store, rules, r, false);
        REQUIRE(out.ok());
        REQUIRE(out->goals.has_value());
        CHECK(out->goals->rep == out->contact.rep);
        const auto& asked = out->goals->goals[static_cast<size_t>(compliance::Goal::asked_help)];
        CHECK(asked.id == "R9");
        CHECK(asked.done == 1); // this contact
    }

    TEST_CASE_FIXTURE(Fixture, "a back-dated contact is flagged late beyond late_after_days") {
        auto r = request("HZ001", "call");
        r.date = "2026-11-16";
        CHECK(contacts::log_contact(*store, rules, r, false)->days_late == 4);
        r.date = "2026-11-17";
        auto ontime = contacts::log_contact(*store, rules, r, false);
        CHECK(ontime->days_late == 0);
        CHECK(ontime->contact.time.empty());
    }

    TEST_CASE_FIXTURE(Fixture, "bad input is rejected and nothing is stored") {
        auto r = request("HZ001", "fax");
        CHECK(contacts::log_contact(*store, rules, r, false).error().message ==
              "--channel: unknown channel 'fax'; the rules define visit, call, message, third_party");
        r = request("HZ001");
        r.date = "2026-02-30";
        CHECK(contacts::log_contact(*store, rules, r, false).error().code == Exit::data);
        r.date = "2026-11-21";
        CHECK(contacts::log_contact(*store, rules, r, false).error().message.find("in the future") !=
              std::string::npos);
        r.date = "2025-12-31";
        CHECK(contacts::log_contact(*store, rules, r, false).error().message.find("opened on 2026-01-01") !=
              std::string::npos);
        r = request("HZ030");
        CHECK(contacts::log_contact(*store, rules, r, false).error().message.find("closed on 2026-09-30") !=
              std::string::npos);
        r = request("同仁堂");
        CHECK(contacts::log_contact(*store, rules, r, false).error().message.starts_with("unknown customer"));
        r = request("HZ001");
        r.rep = "ghost";
        CHECK(contacts::log_contact(*store, rules, r, false)
                  .error()
                  .message.starts_with("unknown rep 'ghost'"));
        r = request("HZ001");
        r.time = "25:00";
        CHECK_FALSE(contacts::log_contact(*store, rules, r, false).ok());
        CHECK(stored() == 0);
    }

    TEST_CASE_FIXTURE(Fixture, "a contact on the closing day is accepted, the day after is refused") {
        auto r = request("HZ030", "call");
        r.date = "2026-09-30"; // the closing day is the customer's last active day
        REQUIRE(contacts::log_contact(*store, rules, r, false).ok());
        r.date = "2026-10-01";
        CHECK(contacts::log_contact(*store, rules, r, false).error().message.find("closed on 2026-09-30") !=
              std::string::npos);
        CHECK(stored() == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "an import row after the closing day refuses the whole file") {
        const auto file = dir.write("closed.csv", "customer,channel,date\nHZ030,call,2026-09-30\n"
                                                  "HZ001,visit,2026-11-02\nHZ030,call,2026-10-01\n");
        auto e = contacts::import_contacts(*store, rules, file, {});
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().message.starts_with(file + ":4:"));
        CHECK(e.error().message.find("closed on 2026-09-30") != std::string::npos);
        CHECK(stored() == 0);
    }

    TEST_CASE_FIXTURE(Fixture, "a dry run reports but stores nothing") {
        auto out = contacts::log_contact(*store, rules, request("HZ001"), true);
        REQUIRE(out.ok());
        CHECK(out->month.customers[0].channels[0].done == 1);
        CHECK(stored() == 0);
    }

    TEST_CASE_FIXTURE(Fixture, "void needs a reason, keeps the contact and refuses a second void") {
        const auto id = contacts::log_contact(*store, rules, request("HZ001"), false)->contact.id;
        CHECK(contacts::void_contact(*store, id, " ").error().code == Exit::usage);
        auto v = contacts::void_contact(*store, id, "logged twice");
        REQUIRE(v.ok());
        CHECK(v->voided_at == "2026-11-20T16:30");
        CHECK(contacts::void_contact(*store, id, "again").error().message.find("already voided") !=
              std::string::npos);
        CHECK(contacts::void_contact(*store, 999, "x").error().message.starts_with("no contact #999"));
        CHECK(stored() == 1);
    }

    TEST_CASE_FIXTURE(Fixture, "re-tagging moves a contact's tag without a second contact") {
        auto r = request("HZ001", "message");
        r.note = "生日快乐";
        const auto id = contacts::log_contact(*store, rules, r, false)->contact.id;
        CHECK(store->find_contact(id)->value().occasion.empty()); // no birthday on record yet
        store::Person p;
        p.customer_id = store->find_customers("HZ001", store::Match::code, day("2026-11-20"))->front().id;
        p.name = "王丽";
        p.birthday = "11-20";
        REQUIRE(store->add_person(p).ok());

        CHECK(contacts::retag_contact(*store, rules, id, "birthday", "li", true)->changed);
        CHECK(store->find_contact(id)->value().occasion.empty()); // a dry run stores nothing
        auto tagged = contacts::retag_contact(*store, rules, id, "birthday", "li", false);
        REQUIRE(tagged.ok());
        CHECK(tagged->previous.empty());
        CHECK(tagged->contact.occasion.starts_with("birthday:"));
        REQUIRE(tagged->obligation.has_value());
        CHECK(tagged->obligation->state == occasions::State::done);
        CHECK(store->find_contact(id)->value().occasion == tagged->contact.occasion);
        CHECK(stored() == 1);
        CHECK_FALSE(contacts::retag_contact(*store, rules, id, "birthday", "li", false)->changed);
        CHECK(contacts::retag_contact(*store, rules, id, "mid-autumn", "li", false)
                  .error()
                  .message.find("no such obligation") != std::string::npos);

        auto untagged = contacts::retag_contact(*store, rules, id, "", "li", false);
        REQUIRE(untagged.ok());
        CHECK(untagged->previous == tagged->contact.occasion);
        CHECK(store->find_contact(id)->value().occasion.empty());
        CHECK(contacts::retag_contact(*store, rules, id, "", "li", false)
                  .error()
                  .message.find("no occasion tag") != std::string::npos);
        CHECK(contacts::retag_contact(*store, rules, 999, "birthday", "li", false)
                  .error()
                  .message.starts_with("no contact #999"));
        REQUIRE(contacts::void_contact(*store, id, "logged twice").ok());
        CHECK(contacts::retag_contact(*store, rules, id, "birthday", "li", false)
                  .error()
                  .message.find("voided") != std::string::npos);
        CHECK(stored() == 1);
    }

    TEST_CASE_FIXTURE(Fixture,
                      "import: a row without a rep takes the one in effect on its day, code or name") {
        const auto id = store->find_customers("HZ001", store::Match::code, day("2026-11-20"))->front().id;
        REQUIRE(store->assign_rep(id, "li", day("2026-11-10")).ok());
        const auto csv = dir.write("reps.csv", "customer,channel,date\n"
                                               "HZ001,visit,2026-11-09\n"
                                               "HZ001,visit,2026-11-10\n"
                                               "康泰大药房,call,2026-11-02\n"
                                               "HZ001,call,2026-11-11\n"
                                               "HZ030,call,2026-09-15\n");
        const auto summary = contacts::import_contacts(*store, rules, csv, {});
        REQUIRE(summary.ok());
        CHECK(summary->rows == 5); // the one summary shape of every import (core::ImportSummary)
        CHECK(summary->added == 5);
        const auto all = *store->contacts_between(day("2026-11-01"), day("2026-11-30"));
        REQUIRE(all.size() == 4);    // and HZ030's in September
        CHECK(all[0].rep == "wang"); // 11-02, named by name
        CHECK(all[1].rep == "wang"); // 11-09
        CHECK(all[2].rep == "li");   // 11-10
        CHECK(all[3].rep == "li");   // 11-11

        CHECK(contacts::customers_in_file(*core::read_file(csv), csv, false) ==
              std::vector<std::string>{"HZ001", "康泰大药房", "HZ030"});

        const auto unknown = dir.write(
            "unknown.csv", "customer,channel,date\nHZ001,visit,2026-11-12\nHZ999,visit,2026-11-12\n");
        auto e = contacts::import_contacts(*store, rules, unknown, {});
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().message.find("unknown customer 'HZ999'") != std::string::npos);
        CHECK(stored() == 5);
    }

    TEST_CASE_FIXTURE(Fixture, "import loads all rows, or none with the row and column of the first error") {
        const auto good = dir.write("ok.csv", "customer,channel,date,time,note,gift,asked_help,competitor\n"
                                              "HZ001,visit,2026-11-02,09:30,\"陈列,补货\",1,yes,竞品降价\n"
                                              "康泰,call,2026-11-19,,,,,\n");
        auto r = contacts::import_contacts(*store, rules, good, {});
        REQUIRE(r.ok());
        CHECK(r->rows == 2);
        CHECK(r->late == 1);
        const auto all = *store->contacts_between(day("2026-11-01"), day("2026-11-30"));
        REQUIRE(all.size() == 2);
        CHECK(all[0].note == "陈列,补货");
        CHECK(all[0].gift);
        CHECK(all[0].asked_help);
        CHECK(all[0].rep == "wang"); // the customer's rep when the row names none

        const auto bad =
            dir.write("bad.csv", "customer,channel,date\nHZ001,visit,2026-11-03\nHZ001,fax,2026-11-03\n");
        auto e = contacts::import_contacts(*store, rules, bad, {});
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().message.starts_with(bad + ":3: column channel (field 2): unknown channel 'fax'"));
        const auto flag = dir.write("flag.csv", "customer,channel,date,gift\nHZ001,visit,2026-11-03,maybe\n");
        CHECK(contacts::import_contacts(*store, rules, flag, {}).error().message.find("yes/no") !=
              std::string::npos);
        CHECK(stored() == 2);
    }

    // A file with at least half as many rows as there are customers reads every customer at once, a
    // smaller one the customers it names (contacts/import.cpp): both must find the same customers and reps.
    TEST_CASE_FIXTURE(Fixture, "import: customers read all at once or by the codes named, alike") {
        for (int i = 1; i <= 8; ++i) // 10 customers in all
            test::add_customer(*store, fmt::format("X{:02}", i).c_str(), "B", "wang");
        const int64_t x03 = store->find_customers("X03", store::Match::code, day("2026-11-01"))->front().id;
        REQUIRE(store->assign_rep(x03, "li", day("2026-11-10")).ok());
        const auto import = [&](const char* name, const std::string& rows) {
            auto r = contacts::import_contacts(*store, rules,
                                               dir.write(name, "customer,channel,date\n" + rows), {});
            REQUIRE(r.ok());
            CHECK(r->added == static_cast<int>(std::count(rows.begin(), rows.end(), '\n')));
        };
        // 4 rows, 10 customers: by the codes named (and 康泰 looked up by name).
        import("named.csv", "X03,visit,2026-11-05\nX03,call,2026-11-12\n康泰,call,2026-11-03\nHZ001,visit,"
                            "2026-11-04\n");
        // 5 rows: every customer read at once.
        import("all.csv", "X03,message,2026-11-06\nX03,message,2026-11-13\n康泰,message,2026-11-07\nX08,"
                          "call,2026-11-08\nHZ001,call,2026-11-09\n");
        std::vector<std::string> seen;
        const auto november = *store->contacts_between(day("2026-11-01"), day("2026-11-30"));
        for (const auto& c : november)
            seen.push_back(fmt::format("{} {} {} {}", c.customer_code, c.channel, c.date.iso(), c.rep));
        std::sort(seen.begin(), seen.end());
        CHECK(seen == std::vector<std::string>{"HZ001 call 2026-11-03 wang", "HZ001 call 2026-11-09 wang",
                                               "HZ001 message 2026-11-07 wang", "HZ001 visit 2026-11-04 wang",
                                               "X03 call 2026-11-12 li", "X03 message 2026-11-06 wang",
                                               "X03 message 2026-11-13 li", "X03 visit 2026-11-05 wang",
                                               "X08 call 2026-11-08 wang"});
    }

    // A load at least as large as the contacts stored drops contacts_month & co. and builds them at the end
    // (store/sqlite_load.cpp); a smaller one inserts through them. Both must store the same rows.
    TEST_CASE_FIXTURE(Fixture,
                      "import: a load with its indexes built at the end stores what one through them "
                      "does") {
        const auto month_scan = [](store::Store& s) -> Result<std::vector<std::string>> {
            std::vector<std::string> seen;
            KQ_CHECK(s.scan_contacts(day("2026-11-01"), day("2026-11-30"), store::Scope{}, {true},
                                     [&](const store::ContactFacts& f) {
                                         seen.push_back(fmt::format("{} {} {} {} {}", f.customer_id,
                                                                    f.channel, f.rep, f.day, f.flags));
                                     }));
            return seen;
        };
        // The store alone: the indexes go only when the load is at least as large as what is stored.
        REQUIRE(store->begin().ok());
        REQUIRE(store->begin_load(1).ok());
        CHECK_FALSE(month_scan(*store).ok()); // (it reads INDEXED BY contacts_month)
        REQUIRE(store->end_load().ok());
        CHECK(month_scan(*store).ok());
        store->rollback();

        std::string csv = "customer,channel,date,time,rep,note,ref\n";
        for (int i = 0; i < 40; ++i)
            csv += fmt::format("{},{},2026-11-{:02},{},{},第{}次,{}\n", i % 3 ? "HZ001" : "康泰",
                               i % 4 ? "visit" : "call", 1 + i % 19, i % 5 ? "" : "10:15", i % 2 ? "li" : "",
                               i, i % 7 ? "" : fmt::format("R{}", i));
        csv += "HZ001,visit,2026-11-02,,,重复,R7\n"; // a ref seen before: refused
        const auto file = dir.write("load.csv", csv);
        // The same customers in a second database that holds more contacts than the file: no indexes dropped.
        auto other = store::open_sqlite((dir.path() / "other.db").string());
        REQUIRE(other.ok());
        store::Store& plain = **other;
        REQUIRE(plain.add_rep({"wang", "王强", "east"}).ok());
        REQUIRE(plain.add_rep({"li", "李娜", "west"}).ok());
        const auto customers = store->list_customers(day("2026-11-20"), store::Scope{});
        REQUIRE(customers.ok());
        for (const auto& c : *customers)
            REQUIRE(plain.add_customer(c).ok());
        for (int i = 0; i < 100; ++i) {
            auto r = request("HZ001");
            r.date = "2026-10-15";
            REQUIRE(contacts::log_contact(plain, rules, r, false).ok());
        }
        const auto refused = contacts::import_contacts(*store, rules, file, {});
        REQUIRE_FALSE(refused.ok()); // the repeated ref: nothing stored, the indexes back
        CHECK(refused.error().message.find("load.csv:42:") != std::string::npos);
        CHECK(stored() == 0);
        CHECK(month_scan(*store).ok());

        const auto good = dir.write("good.csv", csv.substr(0, csv.rfind("HZ001,visit,2026-11-02,,,重复")));
        const auto loaded = contacts::import_contacts(*store, rules, good, {});
        const auto through = contacts::import_contacts(plain, rules, good, {});
        REQUIRE(loaded.ok());
        REQUIRE(through.ok());
        CHECK(loaded->added == 40);
        CHECK(through->added == 40);
        const auto rows = [](store::Store& s) {
            std::vector<std::string> out;
            const auto all = s.contacts_between(day("2026-11-01"), day("2026-11-30"));
            REQUIRE(all.ok());
            for (const auto& c : *all)
                out.push_back(fmt::format("{} {} {} {} {} {} {} {}", c.customer_code, c.channel, c.date.iso(),
                                          c.time, c.rep, c.note, c.ref, c.logged_at));
            return out;
        };
        CHECK(rows(*store) == rows(plain));
        CHECK(*month_scan(*store) == *month_scan(plain));
        const auto indexes = [](const std::string& path) {
            sqlite3* db = nullptr;
            sqlite3_open(path.c_str(), &db);
            sqlite3_stmt* s = nullptr;
            sqlite3_prepare_v2(
                db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
                -1, &s, nullptr);
            std::vector<std::string> out;
            while (sqlite3_step(s) == SQLITE_ROW)
                out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
            sqlite3_finalize(s);
            sqlite3_close(db);
            return out;
        };
        CHECK(indexes((dir.path() / "test.db").string()) == indexes((dir.path() / "other.db").string()));
        CHECK(indexes((dir.path() / "test.db").string()).size() >= 6);
    }

    // A batch of contacts is stored through one statement, each row's texts bound where they are, without
    // a copy (store/sqlite_load.cpp, bind_kept): every row must keep its own texts, none the previous row's.
    TEST_CASE_FIXTURE(Fixture, "import: each row of a batch is stored with its own texts") {
        std::string csv = "customer,channel,date,time,rep,note,feedback,preference,favour,family,competitor,"
                          "slow_mover,solved,ref\n";
        const auto text = [](const char* what, int i) {
            return fmt::format("{}第{}行{}", what, i, std::string(i % 3 * 7, 'x'));
        };
        for (int i = 0; i < 30; ++i)
            csv += fmt::format("HZ001,visit,2026-11-{:02},{:02}:{:02},{},{},{},{},{},{},{},{},{},R{}\n",
                               1 + i % 19, 8 + i % 10, i, i % 2 ? "li" : "wang", text("备注", i),
                               text("反馈", i), text("偏好", i), text("投其所好", i), text("家庭", i),
                               text("竞品", i), text("滞销", i), text("解决", i), i);
        REQUIRE(contacts::import_contacts(*store, rules, dir.write("texts.csv", csv), {}).ok());
        const auto all = store->contacts_between(day("2026-11-01"), day("2026-11-30"));
        REQUIRE(all.ok());
        REQUIRE(all->size() == 30);
        for (const auto& c : *all) {
            REQUIRE(c.ref.starts_with("R"));
            const int i = std::atoi(c.ref.c_str() + 1);
            CHECK(c.date.iso() == fmt::format("2026-11-{:02}", 1 + i % 19));
            CHECK(c.time == fmt::format("{:02}:{:02}", 8 + i % 10, i));
            CHECK(c.rep == (i % 2 ? "li" : "wang"));
            CHECK(c.note == text("备注", i));
            CHECK(c.checklist == std::array<std::string, 6>{text("反馈", i), text("偏好", i),
                                                            text("投其所好", i), text("家庭", i),
                                                            text("竞品", i), text("滞销", i)});
            CHECK(c.solved == text("解决", i));
            CHECK(c.logged_at == "2026-11-20T16:30");
        }
    }
}

} // namespace unit_contacts_log
