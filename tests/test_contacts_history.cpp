// Tests for contacts/history and output/history_view: the history's filters over a store, its three
// renderings (the CSV in the import's columns, voided contacts marked or left out), and undoing the last
// contact logged within the rules' window.
#include "contacts/history.hpp"
#include "contacts/log.hpp"
#include "output/history_view.hpp"
#include "support.hpp"

#include <cstdio>
#include <cstdlib>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_contacts_history {

using namespace keqing;
using test::day;

namespace {

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");
    Fixture() {
        setenv("KEQING_NOW", "2026-11-20T16:30", 1);
        test::add_customer(*store, "HZ001", "A", "wang", day("2026-01-01"));
        test::add_customer(*store, "HZ002", "B", "li", day("2026-01-01"));
        log("HZ001", "visit", "2026-11-18", "wang");
        log("HZ001", "call", "2026-11-19", "wang");
        log("HZ002", "call", "2026-11-19", "li");
    }
    ~Fixture() { unsetenv("KEQING_NOW"); }

    int64_t log(const char* customer, const char* channel, const char* date, const char* rep) {
        contacts::LogRequest r;
        r.customer = customer;
        r.channel = channel;
        r.date = date;
        r.time = "10:00";
        r.rep = rep;
        r.note = "陈列,补货";
        auto out = contacts::log_contact(*store, rules, r, false);
        REQUIRE(out.ok());
        return out->contact.id;
    }
    // The history as text, in one format.
    std::string history(contacts::HistoryRequest request, output::Format format) {
        std::FILE* file = std::tmpfile();
        REQUIRE(file != nullptr);
        core::Output out(file, "history");
        REQUIRE(contacts::write_history(*store, rules, request, format, &out).ok());
        REQUIRE(out.finish().ok());
        std::rewind(file);
        std::string text;
        for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file))
            text += static_cast<char>(c);
        std::fclose(file);
        return text;
    }
    contacts::HistoryRequest november() {
        contacts::HistoryRequest r;
        r.from = day("2026-11-01");
        r.to = day("2026-11-20");
        return r;
    }
};

} // namespace

TEST_SUITE("contacts::history") {
    TEST_CASE_FIXTURE(Fixture, "the CSV has exactly the import's columns and leaves voided contacts out") {
        REQUIRE(contacts::void_contact(*store, 2, "logged twice").ok());
        const std::string csv = history(november(), output::Format::csv);
        CHECK(csv.starts_with("customer,channel,date,time,rep,note,gift,occasion,feedback,preference,favour,"
                              "family,competitor,slow_mover,asked_help,solved,training,ref\n"));
        CHECK(csv.find("HZ001,visit,2026-11-18,10:00,wang,\"陈列,补货\",0,") != std::string::npos);
        CHECK(csv.find("HZ001,call") == std::string::npos);
        const std::string table = history(november(), output::Format::table);
        CHECK(table.find("voided: logged twice") != std::string::npos);
        CHECK(table.find("3 contacts from 2026-11-01 to 2026-11-20 (1 voided)") != std::string::npos);
        const std::string json = history(november(), output::Format::json);
        CHECK(
            json.find(
                "\"voided\": true, \"voided_at\": \"2026-11-20T16:30\", \"void_reason\": \"logged twice\"") !=
            std::string::npos);
        CHECK(json.find("\"count\": 3") != std::string::npos);
    }

    TEST_CASE_FIXTURE(Fixture, "filters by customer rep team and channel") {
        auto r = november();
        r.customer = "HZ002";
        CHECK(history(r, output::Format::csv).find("HZ001") == std::string::npos);
        r = november();
        r.rep = "wang";
        CHECK(history(r, output::Format::csv).find(",li,") == std::string::npos);
        r = november();
        r.channel = "call";
        CHECK(history(r, output::Format::csv).find(",visit,") == std::string::npos);
        r.channel = "fax";
        CHECK(contacts::history_query(*store, rules, r).error().message.find("unknown channel 'fax'") !=
              std::string::npos);
        r = november();
        r.team = "west";
        CHECK(history(r, output::Format::csv).find(",wang,") == std::string::npos);
        r.team = "华南组";
        CHECK(contacts::history_query(*store, rules, r).error().code == Exit::data);
        r = november();
        r.from = day("2026-11-21");
        CHECK(contacts::history_query(*store, rules, r).error().code == Exit::usage);
    }

    TEST_CASE_FIXTURE(Fixture, "undo voids the rep's last contact within undo_hours only") {
        const int64_t last = log("HZ001", "message", "2026-11-20", "wang");
        auto dry = contacts::undo_last(*store, rules, "wang", true);
        REQUIRE(dry.ok());
        CHECK(dry->id == last);
        CHECK(store->find_contact(last).value()->voided_at.empty());
        auto undone = contacts::undo_last(*store, rules, "wang", false);
        REQUIRE(undone.ok());
        CHECK(undone->id == last);
        CHECK(store->find_contact(last).value()->void_reason == "undo");
        CHECK(contacts::undo_last(*store, rules, "wang", false)->id == 2); // the one before
        CHECK(contacts::undo_last(*store, rules, "li", false)->id == 3);   // another rep's own
        setenv("KEQING_NOW", "2026-11-21T16:31", 1);                       // 24 h and a minute later
        auto late = contacts::undo_last(*store, rules, "wang", false);
        REQUIRE_FALSE(late.ok());
        CHECK(late.error().message.find("nothing to undo: wang logged no contact since 2026-11-20T16:31") !=
              std::string::npos);
    }
}

} // namespace unit_contacts_history
