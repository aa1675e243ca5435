// Tests for one-pass contact activity: over an in-memory store::ScanStore, what compliance::activity asks
// the store for and makes of its answers; and over SQLite, that the tallies and findings it adds up in one
// pass over the store's index equal what plain GROUP BY SQL computes over the same random contacts, for every
// scope and both late policies.
#include "compliance/activity.hpp"
#include "compliance/split_pass.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"
#include "support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <random>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_compliance_activity {

using namespace keqing;
using test::day;

namespace {

// Rows of a query as text, for comparing with what the store returned.
std::vector<std::string> rows(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
            row += (c ? "|" : "") + std::string(text ? text : "");
        }
        out.push_back(row);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    std::sort(out.begin(), out.end());
    return out;
}

// A duplicate row with its comma-separated reps put in order (group_concat's order depends on the plan).
std::string reps_in_order(const std::string& row) {
    const size_t bar = row.rfind('|');
    std::vector<std::string> reps;
    for (size_t at = bar + 1; at <= row.size();) {
        const size_t comma = std::min(row.find(',', at), row.size());
        reps.push_back(row.substr(at, comma - at));
        at = comma + 1;
    }
    std::sort(reps.begin(), reps.end());
    std::string out = row.substr(0, bar + 1);
    for (size_t i = 0; i < reps.size(); ++i)
        out += (i ? "," : "") + reps[i];
    return out;
}

std::vector<std::string> tally_rows(const compliance::Activity& a) {
    std::vector<std::string> out;
    for (const auto& t : a.tallies) {
        std::string row = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", t.customer_id, a.rep_of(t), a.channel_of(t),
                                      t.count, t.asked_help, t.training, t.solved, t.complete);
        for (const int r : t.recorded)
            row += fmt::format("|{}", r);
        out.push_back(row);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The tallies as plain SQL computes them, under `where` (on contacts k).
std::string tally_sql(const std::string& where) {
    return "SELECT customer_id, rep_id, channel, count(*), sum(flags >> 6 & 1), sum(flags >> 7 & 1), "
           "sum(flags >> 8 & 1), sum((flags & 63) = 63), sum(flags & 1), sum(flags >> "
           "1 & 1), "
           "sum(flags >> 2 & 1), sum(flags >> 3 & 1), sum(flags >> 4 & 1), sum(flags >> 5 & 1) FROM contacts "
           "k WHERE "
           "happened_on BETWEEN '2026-10-01' AND '2026-10-20' AND voided_at IS NULL AND " +
           where + " GROUP BY customer_id, rep_id, channel";
}

struct Random : test::StoreFixture {
    std::string path = (dir.path() / "test.db").string();
    std::vector<int64_t> ids;

    Random() {
        REQUIRE(store->add_rep({"zhao", "赵磊", "east"}).ok());
        const char* reps[] = {"wang", "li", "zhao"};
        const char* channels[] = {"visit", "call", "message", "third_party"};
        // Codes in the opposite order of ids, so that naming and sorting duplicates matters.
        for (int i = 0; i < 12; ++i)
            ids.push_back(
                test::add_customer(*store, fmt::format("K{:02}", 20 - i).c_str(), "A", reps[i % 3]));
        std::mt19937 rng(7);
        for (int n = 0; n < 1500; ++n) {
            store::Contact k;
            k.customer_id = ids[rng() % ids.size()];
            k.channel = channels[rng() % 4];
            k.date = day("2026-09-28").plus_days(static_cast<int>(rng() % 26));
            k.rep = reps[rng() % 3];
            for (auto& item : k.checklist)
                if (rng() % 3) item = "x";
            k.asked_help = rng() % 4 == 0;
            k.training = rng() % 9 == 0;
            if (rng() % 5 == 0) k.solved = "退货";
            k.logged_at = k.date.plus_days(rng() % 6 == 0 ? static_cast<int>(rng() % 9) : 0).iso() + "T09:00";
            const auto id = store->add_contact(k);
            REQUIRE(id.ok());
            if (rng() % 25 == 0) REQUIRE(store->void_contact(*id, "wrong", "2026-10-30T08:00").ok());
        }
    }

    compliance::Activity run(const store::Scope& scope, compliance::CountPolicy policy,
                             const compliance::FindingRules* findings = nullptr) {
        auto a = compliance::activity(*store, day("2026-10-01"), day("2026-10-20"), policy, scope, findings);
        REQUIRE(a.ok());
        return *a;
    }
};

} // namespace

TEST_SUITE("compliance::activity") {
    TEST_CASE("the builder leaves out only contacts later than late_after_days when late ones do not count") {
        compliance::ActivityBuilder builder({false, 3}, nullptr);
        for (const int lag : {0, 3, 4}) {
            store::ContactFacts c;
            c.customer_id = 1;
            c.channel = "visit";
            c.rep = "wang";
            c.day = "2026-11-02";
            c.lag = lag;
            builder.add(c);
        }
        const compliance::Activity a = builder.finish();
        REQUIRE(a.tallies.size() == 1);
        CHECK(a.tallies.front().count == 2); // lag 0 and lag 3; lag 4 is late
    }

    TEST_CASE_FIXTURE(Random, "tallies equal GROUP BY for every scope and both late policies") {
        for (const bool count_late : {true, false}) {
            CAPTURE(count_late);
            const compliance::CountPolicy policy{count_late, 3};
            const std::string late = count_late ? "1" : "lag <= 3";
            CHECK(tally_rows(run({}, policy)) == rows(path, tally_sql(late)));
            const store::Scope some = store::Scope::of_ids({ids[1], ids[4], ids[5]});
            CHECK(tally_rows(run(some, policy)) ==
                  rows(path, tally_sql(fmt::format("{} AND customer_id IN ({}, {}, {})", late, ids[1], ids[4],
                                                   ids[5]))));
            CHECK(tally_rows(run({store::Scope::Kind::rep, "li"}, policy)) ==
                  rows(path, tally_sql(late + " AND rep_id = 'li'")));
            CHECK(tally_rows(run({store::Scope::Kind::team, "east"}, policy)) ==
                  rows(path, tally_sql(late + " AND rep_id IN ('wang', 'zhao')")));
        }
        CHECK(run(store::Scope::of_ids({}), {}).tallies.empty());
        // One scope type: the kinds that name customers by tier or code are not a pass over contacts.
        const auto by_tier = compliance::activity(*store, day("2026-10-01"), day("2026-10-20"), {},
                                                  {store::Scope::Kind::tier, "A"});
        CHECK_FALSE(by_tier.ok());
    }

    TEST_CASE_FIXTURE(Random,
                      "findings equal GROUP BY: late count, duplicates named and ordered, busy days") {
        const std::string range =
            "k.happened_on BETWEEN '2026-10-01' AND '2026-10-20' AND k.voided_at IS NULL";
        for (const auto& [scope, where] : std::vector<std::pair<store::Scope, std::string>>{
                 {{}, "1"}, {{store::Scope::Kind::team, "east"}, "k.rep_id IN ('wang', 'zhao')"}}) {
            CAPTURE(where);
            for (const int limit : {1000, 5}) {
                CAPTURE(limit);
                const compliance::FindingRules rules{3, 4, limit, {"visit"}};
                // Findings ignore the count policy: late contacts are checked whether or not they count.
                const auto found = run(scope, {false, 3}, &rules).findings;
                CHECK(std::to_string(found.late_count) ==
                      rows(path, "SELECT count(*) FROM contacts k WHERE " + range + " AND lag > 3 AND " +
                                     where)[0]);

                auto duplicates =
                    rows(path, "SELECT k.happened_on, c.code, k.channel, count(*), group_concat(DISTINCT "
                               "k.rep_id) FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE " +
                                   range + " AND " + where +
                                   " GROUP BY k.customer_id, k.channel, k.happened_on HAVING count(*) > 1");
                REQUIRE(duplicates.size() > 10);
                CHECK(found.duplicate_count == static_cast<int>(duplicates.size()));
                duplicates.resize(std::min(duplicates.size(), static_cast<size_t>(limit)));
                std::vector<std::string> got;
                for (const auto& d : found.duplicates)
                    got.push_back(fmt::format("{}|{}|{}|{}|{}", d.date.iso(), d.customer_code, d.channel,
                                              d.count, d.reps));
                // Sorted rows are in (day, code, channel) order, as the list must be.
                REQUIRE(got.size() == duplicates.size());
                for (size_t i = 0; i < got.size(); ++i)
                    CHECK(got[i] == reps_in_order(duplicates[i]));

                auto busy = rows(path, "SELECT k.happened_on, k.rep_id, count(*) FROM contacts k WHERE " +
                                           range + " AND k.channel = 'visit' AND " + where +
                                           " GROUP BY k.rep_id, k.happened_on HAVING count(*) > 4");
                REQUIRE_FALSE(busy.empty());
                busy.resize(std::min(busy.size(), static_cast<size_t>(limit)));
                std::vector<std::string> busy_got;
                for (const auto& b : found.busy_days)
                    busy_got.push_back(fmt::format("{}|{}|{}", b.date.iso(), b.rep, b.visits));
                CHECK(busy_got == busy);
            }
        }
    }

    TEST_CASE_FIXTURE(Random,
                      "the first late contacts come whole from the pass, voided ones from their own query") {
        const compliance::FindingRules rules{3, 4, 4, {"visit"}};
        const auto found = run({}, {}, &rules).findings;
        const auto late =
            rows(path, "SELECT happened_on || '|' || printf('%08d', id) FROM contacts WHERE happened_on "
                       "BETWEEN '2026-10-01' AND '2026-10-20' AND voided_at IS NULL AND lag > 3");
        REQUIRE(late.size() > 4);
        REQUIRE(found.late.size() == 4);
        for (size_t i = 0; i < 4; ++i) {
            CHECK(fmt::format("{}|{:08}", found.late[i].date.iso(), found.late[i].id) == late[i]);
            CHECK(found.late[i].customer_code.starts_with("K")); // read whole
            CHECK(store::contact_lag(found.late[i]) > 3);
        }
        const auto voided =
            rows(path, "SELECT count(*) FROM contacts WHERE happened_on BETWEEN '2026-10-01' AND "
                       "'2026-10-20' AND voided_at IS NOT NULL AND rep_id IN ('wang', 'zhao')");
        const auto east = store->voided_contacts(day("2026-10-01"), day("2026-10-20"), 1000, "east");
        REQUIRE(east.ok());
        CHECK(std::to_string(east->count) == voided[0]);
        CHECK(std::all_of(east->first.begin(), east->first.end(),
                          [](const store::Contact& c) { return c.rep != "li" && c.void_reason == "wrong"; }));
        const auto two = store->voided_contacts(day("2026-10-01"), day("2026-10-20"), 2, "");
        REQUIRE(two.ok());
        CHECK(two->first.size() == 2);
        const auto all_voided =
            rows(path, "SELECT count(*) FROM contacts WHERE happened_on BETWEEN '2026-10-01' "
                       "AND '2026-10-20' AND voided_at IS NOT NULL");
        CHECK(std::to_string(two->count) == all_voided[0]); // the ones past the limit are counted, not read
        const auto oldest =
            rows(path, "SELECT printf('%s|%08d', happened_on, id) FROM contacts WHERE happened_on BETWEEN "
                       "'2026-10-01' AND '2026-10-20' AND voided_at IS NOT NULL ORDER BY "
                       "happened_on, id LIMIT 2");
        REQUIRE(oldest.size() == 2);
        for (size_t i = 0; i < 2; ++i)
            CHECK(fmt::format("{}|{:08}", two->first[i].date.iso(), two->first[i].id) == oldest[i]);
    }

    TEST_CASE_FIXTURE(Random,
                      "a pass split by customer ids makes what one pass makes, in any number of parts") {
        const compliance::FindingRules rules{3, 4, 6, {"visit"}};
        const auto span = store->customer_id_span();
        REQUIRE(span.ok());
        CHECK(*span == std::pair<int64_t, int64_t>{ids.front(), ids.back()});
        for (const compliance::FindingRules* findings :
             {&rules, static_cast<const compliance::FindingRules*>(nullptr)}) {
            for (const bool count_late : {true, false}) {
                CAPTURE(count_late);
                CAPTURE(findings != nullptr);
                const compliance::Activity whole = run({}, {count_late, 3}, findings);
                for (const size_t parts : {1, 2, 3, 5, 64}) {
                    CAPTURE(parts);
                    compliance::SplitPass pass(day("2026-10-01"), day("2026-10-20"), {count_late, 3},
                                               findings, *span, parts);
                    store::SharedRead read(*store);
                    REQUIRE(read.begin().ok());
                    CHECK(read.side_by_side()); // both connections take parts at once
                    REQUIRE(read.run([&](store::Store& here) { return pass.work(here); },
                                     [&](store::Store& there) { return pass.work(there); })
                                .ok());
                    const auto split = pass.finish(*store);
                    REQUIRE(split.ok());
                    // The same tallies in the same order, reps and channels numbered alike.
                    CHECK(split->reps == whole.reps);
                    CHECK(split->channels == whole.channels);
                    REQUIRE(split->tallies.size() == whole.tallies.size());
                    for (size_t i = 0; i < whole.tallies.size(); ++i) {
                        const auto &a = split->tallies[i], &b = whole.tallies[i];
                        CHECK(std::tie(a.customer_id, a.rep, a.channel, a.count, a.asked_help, a.solved,
                                       a.training, a.complete, a.recorded) ==
                              std::tie(b.customer_id, b.rep, b.channel, b.count, b.asked_help, b.solved,
                                       b.training, b.complete, b.recorded));
                    }
                    const auto &f = split->findings, &g = whole.findings;
                    CHECK(f.late_count == g.late_count);
                    CHECK(f.duplicate_count == g.duplicate_count);
                    std::vector<std::string> mine, theirs;
                    for (const auto* q : {&f, &g}) {
                        auto& out = q == &f ? mine : theirs;
                        for (const auto& k : q->late)
                            out.push_back(fmt::format("late {} {} {}", k.id, k.date.iso(), k.customer_code));
                        for (const auto& d : q->duplicates)
                            out.push_back(fmt::format("dup {} {} {} {} {}", d.date.iso(), d.customer_code,
                                                      d.channel, d.count, d.reps));
                        for (const auto& b : q->busy_days)
                            out.push_back(fmt::format("busy {} {} {}", b.date.iso(), b.rep, b.visits));
                    }
                    CHECK(mine == theirs);
                    if (findings) {
                        CHECK(g.late.size() == 6); // lists cut to the limit
                        CHECK_FALSE(g.busy_days.empty());
                    }
                }
            }
        }
        // A part covers one month.
        compliance::SplitPass months(day("2026-09-01"), day("2026-10-20"), {}, nullptr, *span, 2);
        CHECK_FALSE(months.work(*store).ok());
        // No customers' days: nothing to read, nothing made.
        compliance::SplitPass none(day("2026-10-21"), day("2026-10-20"), {}, nullptr, *span, 4);
        REQUIRE(none.work(*store).ok());
        const auto empty = none.finish(*store);
        REQUIRE(empty.ok());
        CHECK(empty->tallies.empty());
    }

    TEST_CASE_FIXTURE(Random, "a range of whole months and a range of days read the same contacts") {
        const auto whole = compliance::activity(*store, day("2026-10-01"), day("2026-10-31"), {}, {});
        const auto days = compliance::activity(*store, day("2026-09-30"), day("2026-10-31"), {}, {});
        const auto september = compliance::activity(*store, day("2026-09-30"), day("2026-09-30"), {}, {});
        REQUIRE((whole.ok() && days.ok() && september.ok()));
        int a = 0, b = 0, c = 0;
        for (const auto& t : whole->tallies)
            a += t.count;
        for (const auto& t : days->tallies)
            b += t.count;
        for (const auto& t : september->tallies)
            c += t.count;
        CHECK(c > 0);
        CHECK(a + c == b);
    }
}

namespace {

struct Row {
    int64_t id;
    int64_t customer;
    std::string channel, rep, day;
    int64_t lag;
};

// Contacts kept in a vector in the order the real store streams everyone's, customer codes in a map.
class FakeScan : public store::ScanStore {
  public:
    std::vector<Row> rows;
    std::unordered_map<int64_t, std::string> codes;
    std::optional<store::ScanOptions> asked; // what the last scan was asked for

    Result<void> scan_contacts(core::Date from, core::Date to, const store::Scope& scope,
                               store::ScanOptions options,
                               const std::function<void(const store::ContactFacts&)>& visit) override {
        asked = options;
        for (const Row& r : rows) {
            if (r.day < from.iso() || r.day > to.iso()) continue;
            if (options.customers &&
                (r.customer < options.customers->first || r.customer > options.customers->second))
                continue;
            if (scope.kind == store::Scope::Kind::rep && r.rep != scope.value) continue;
            if (options.max_lag && r.lag > *options.max_lag) continue;
            visit({options.findings ? r.id : 0, r.customer, r.channel, r.rep, r.day, 0, r.lag});
        }
        return {};
    }
    Result<std::vector<store::Contact>> contacts_with_ids(core::Date, core::Date,
                                                          const std::vector<int64_t>& ids) override {
        std::vector<store::Contact> out;
        for (const Row& r : rows)
            if (std::find(ids.begin(), ids.end(), r.id) != ids.end()) {
                store::Contact k;
                k.id = r.id;
                k.customer_id = r.customer;
                k.channel = r.channel;
                k.date = day(r.day.c_str());
                out.push_back(k);
            }
        return out;
    }
    Result<std::unordered_map<int64_t, std::string>> customer_codes(const std::vector<int64_t>&) override {
        return codes;
    }
    Result<store::Voided> voided_contacts(core::Date, core::Date, int, const std::string&) override {
        return store::Voided{};
    }
    Result<std::pair<int64_t, int64_t>> customer_id_span() override {
        std::pair<int64_t, int64_t> span{INT64_MAX, 0};
        for (const Row& r : rows)
            span = {std::min(span.first, r.customer), std::max(span.second, r.customer)};
        return rows.empty() ? std::pair<int64_t, int64_t>{0, 0} : span;
    }
};

const compliance::FindingRules kFindings{3, 2, 200, {"visit"}};

} // namespace

TEST_SUITE("compliance::activity over a fake store") {
    TEST_CASE("late contacts are left out by the store only when no findings need them") {
        FakeScan fake;
        fake.rows = {{1, 7, "call", "wang", "2026-11-02", 0}, {2, 7, "call", "wang", "2026-11-03", 5}};
        auto counted = compliance::activity(fake, day("2026-11-01"), day("2026-11-30"), {false, 3}, {});
        REQUIRE(counted.ok());
        REQUIRE(fake.asked->max_lag == std::optional<int64_t>(3));
        CHECK(counted->tallies.front().count == 1);

        auto found =
            compliance::activity(fake, day("2026-11-01"), day("2026-11-30"), {false, 3}, {}, &kFindings);
        REQUIRE(found.ok());
        CHECK_FALSE(fake.asked->max_lag.has_value());
        CHECK(found->tallies.front().count == 1); // the late one still does not count
        CHECK(found->findings.late_count == 1);
        REQUIRE(found->findings.late.size() == 1);
        CHECK(found->findings.late.front().id == 2); // read back whole
        CHECK(found->findings.late.front().date == day("2026-11-03"));
    }

    TEST_CASE("duplicates are named by code and ordered by day and code and busy days found per rep") {
        FakeScan fake;
        fake.codes = {{7, "HZ002"}, {8, "HZ001"}};
        // In index order: customer, channel, day, rep. Both customers get two visits on 11-05 (by two
        // reps at HZ002), so wang visits three times that day: over the limit of 2.
        fake.rows = {{1, 7, "visit", "li", "2026-11-05", 0},
                     {2, 7, "visit", "wang", "2026-11-05", 0},
                     {3, 8, "visit", "wang", "2026-11-05", 0},
                     {4, 8, "visit", "wang", "2026-11-05", 0},
                     {5, 8, "call", "wang", "2026-11-06", 0}};
        auto a = compliance::activity(fake, day("2026-11-01"), day("2026-11-30"), {true, 3}, {}, &kFindings);
        REQUIRE(a.ok());
        const auto& d = a->findings.duplicates;
        REQUIRE(d.size() == 2);
        CHECK(d[0].customer_code == "HZ001");
        CHECK(d[0].reps == "wang");
        CHECK(d[1].customer_code == "HZ002");
        CHECK(d[1].reps == "li,wang");
        CHECK(a->findings.duplicate_count == 2);
        REQUIRE(a->findings.busy_days.size() == 1);
        CHECK(a->findings.busy_days.front().rep == "wang");
        CHECK(a->findings.busy_days.front().visits == 3);
    }

    TEST_CASE("a busy day whose visits fall in two parts of a split pass is found") {
        FakeScan fake;
        fake.codes = {{7, "HZ002"}, {8, "HZ001"}};
        // wang visits once at customer 7 and twice at 8 on 11-05: three, over the limit of 2, but no part
        // holds more than two.
        fake.rows = {{1, 7, "visit", "wang", "2026-11-05", 0},
                     {2, 7, "call", "li", "2026-11-06", 0},
                     {3, 8, "visit", "wang", "2026-11-05", 0},
                     {4, 8, "visit", "wang", "2026-11-05", 0}};
        compliance::SplitPass pass(day("2026-11-01"), day("2026-11-30"), {true, 3}, &kFindings, {7, 8}, 2);
        REQUIRE(pass.work(fake).ok());
        REQUIRE(fake.asked->customers == std::optional<std::pair<int64_t, int64_t>>({8, 8}));
        const auto a = pass.finish(fake);
        REQUIRE(a.ok());
        REQUIRE(a->findings.busy_days.size() == 1);
        CHECK(a->findings.busy_days.front().visits == 3);
        CHECK(a->reps == std::vector<std::string>{"wang", "li"});
        REQUIRE(a->tallies.size() == 3);
        CHECK(a->rep_of(a->tallies[2]) == "wang"); // the second part's reps renumbered as the first's
        CHECK(a->tallies[2].count == 2);
        CHECK(a->findings.duplicate_count == 1);
        REQUIRE(a->findings.duplicates.size() == 1);
        CHECK(a->findings.duplicates.front().customer_code == "HZ001");
    }

    TEST_CASE("a rep's scope reaches the store and only that rep's contacts are added up") {
        FakeScan fake;
        fake.rows = {{1, 7, "call", "li", "2026-11-02", 0}, {2, 7, "call", "wang", "2026-11-02", 0}};
        store::Scope scope{store::Scope::Kind::rep, "wang"};
        auto a = compliance::activity(fake, day("2026-11-01"), day("2026-11-30"), {true, 3}, scope);
        REQUIRE(a.ok());
        REQUIRE(a->tallies.size() == 1);
        CHECK(a->rep_of(a->tallies.front()) == "wang");
        CHECK(a->customer_ids.empty()); // not a list of customers
    }

    TEST_CASE("a pass over listed customers says which, sorted, beside every contact it read") {
        FakeScan fake;
        fake.rows = {{1, 7, "call", "li", "2026-11-02", 0}, {2, 3, "visit", "wang", "2026-11-03", 0}};
        auto a = compliance::activity(fake, day("2026-11-01"), day("2026-11-30"), {true, 3},
                                      store::Scope::of_ids({7, 9, 3}));
        REQUIRE(a.ok());
        CHECK(a->customer_ids == std::vector<int64_t>{3, 7, 9});
        CHECK(a->contact_ids.size() == 2);
    }
}

} // namespace unit_compliance_activity
