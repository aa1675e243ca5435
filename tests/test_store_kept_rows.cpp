// Tests for store::KeptRows: rows read once from a statement and read again, whole or in part, as a
// statement's — texts, numbers and NULLs as they came, in their order, and what the readers of
// store/rows.hpp make of them the same as from the statement itself.
#include "store/kept_reads.hpp"
#include "store/kept_rows.hpp"
#include "store/rows.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_store_kept_rows {

using keqing::Result;
using keqing::store::KeptRows;

namespace {

// A statement over fixed rows (NULL where a cell is nullopt), read once.
class Rows {
  public:
    explicit Rows(std::vector<std::vector<std::optional<std::string>>> rows) : rows_(std::move(rows)) {}
    Result<bool> step() { return ++at_ < rows_.size(); }
    bool is_null(int c) const { return !rows_[at_][static_cast<size_t>(c)]; }
    std::string_view view(int c) const {
        return is_null(c) ? std::string_view() : *rows_[at_][static_cast<size_t>(c)];
    }
    std::string text(int c) const { return std::string(view(c)); }
    int64_t integer(int c) const { return std::stoll(text(c)); }

  private:
    std::vector<std::vector<std::optional<std::string>>> rows_;
    size_t at_ = static_cast<size_t>(-1);
};

// customer_histories' columns: two customers, the first with two tier entries, the second with none and
// no opening day.
std::vector<std::vector<std::optional<std::string>>> histories() {
    return {{"3", "HZ001", "康泰大药房", "2024-01-05", std::nullopt, "", "", "", "A", "0001-01-01", "wang",
             "0001-01-01"},
            {"3", "HZ001", "康泰大药房", "2024-01-05", std::nullopt, "", "", "", "B", "2026-11-05", "wang",
             "0001-01-01"},
            {"7", "HZ002", "仁和堂", std::nullopt, "2026-10-31", "", "", "", std::nullopt, std::nullopt, "li",
             "2026-01-01"}};
}

} // namespace

TEST_CASE("kept rows read back every cell, NULLs as NULLs, in the statement's order") {
    Rows s(histories());
    auto kept = KeptRows::read(s, 12);
    REQUIRE(kept);
    REQUIRE(kept->size() == 3);
    CHECK(kept->integer_at(2, 0) == 7);
    CHECK(kept->view_at(0, 2) == "康泰大药房");
    CHECK(kept->is_null_at(0, 4));
    CHECK_FALSE(kept->is_null_at(0, 5)); // an empty text is not NULL
    CHECK(kept->view_at(0, 5).empty());
    CHECK(kept->is_null_at(2, 8));
    KeptRows::Cursor all = kept->cursor([](const KeptRows&, size_t) { return true; });
    std::vector<std::string> tiers;
    while (*all.step())
        tiers.push_back(all.is_null(8) ? "NULL" : all.text(8));
    CHECK(tiers == std::vector<std::string>{"A", "B", "NULL"});
}

TEST_CASE("a part of the kept rows reads as the statement's rows of that part") {
    Rows s(histories());
    auto kept = KeptRows::read(s, 12);
    REQUIRE(kept);
    const auto day = keqing::core::Date::from_ymd(2026, 11, 20);
    // The second customer alone, as customers of a day: its rep, no tier.
    KeptRows::Cursor second =
        kept->cursor([](const KeptRows& r, size_t row) { return r.integer_at(row, 0) == 7; });
    auto from_kept = keqing::store::rows::customers(second, day);
    REQUIRE(from_kept);
    REQUIRE(from_kept->size() == 1);
    CHECK(from_kept->front().code == "HZ002");
    CHECK(from_kept->front().rep == "li");
    CHECK(from_kept->front().tier.empty());
    CHECK_FALSE(from_kept->front().opened_on);
    // Every row: the same customers, tiers and reps as read from the statement.
    Rows again(histories());
    auto from_statement = keqing::store::rows::customers(again, day);
    KeptRows::Cursor all = kept->cursor([](const KeptRows&, size_t) { return true; });
    auto from_all = keqing::store::rows::customers(all, day);
    REQUIRE(from_statement);
    REQUIRE(from_all);
    REQUIRE(from_all->size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CHECK((*from_all)[i].id == (*from_statement)[i].id);
        CHECK((*from_all)[i].tier == (*from_statement)[i].tier);
        CHECK((*from_all)[i].rep == (*from_statement)[i].rep);
        CHECK((*from_all)[i].closed_on == (*from_statement)[i].closed_on);
    }
    CHECK((*from_all)[0].tier == "B"); // re-tiered on 2026-11-05
}

TEST_CASE("the ids of the rows holding a value: a customer's id from its code, once, none for another code") {
    Rows s(histories());
    auto kept = KeptRows::read(s, 12);
    REQUIRE(kept);
    CHECK(kept->ids_where(1, "HZ001") == std::vector<int64_t>{3}); // two history rows, one customer
    CHECK(kept->ids_where(1, "HZ002") == std::vector<int64_t>{7});
    CHECK(kept->ids_where(1, "HZ003").empty());
    CHECK(kept->ids_where(10, "wang") == std::vector<int64_t>{3});
    CHECK(kept->ids_where(8, "").empty()); // a NULL cell holds no value, not even an empty text
    CHECK(kept->ids_where(5, "") == std::vector<int64_t>{3, 7}); // an empty text is one
}

TEST_CASE("the kept customers as JSON for a read to join: each once, all or those asked for, texts quoted") {
    auto rows = histories();
    rows.push_back({"9", "HZ\"9", "引号\\店", std::nullopt, std::nullopt, "", "", "", "C", "2025-01-01",
                    "wang", "2025-01-01"});
    Rows s(rows);
    auto kept = KeptRows::read(s, 12);
    REQUIRE(kept);
    using keqing::store::customers_json;
    CHECK(customers_json(*kept, {}) == R"([{"id":3,"code":"HZ001","name":"康泰大药房"},)"
                                       R"({"id":7,"code":"HZ002","name":"仁和堂"},)"
                                       R"({"id":9,"code":"HZ\"9","name":"引号\\店"}])");
    CHECK(customers_json(*kept, {7}) == R"([{"id":7,"code":"HZ002","name":"仁和堂"}])");
    CHECK(customers_json(*kept, {3, 9}) ==
          R"([{"id":3,"code":"HZ001","name":"康泰大药房"},{"id":9,"code":"HZ\"9","name":"引号\\店"}])");
    CHECK(customers_json(*kept, {4}) == "[]");
}

TEST_CASE("a pass over kept contacts: the days, customers and lag asked for, in the kept order, every fact") {
    // scan_contacts' columns: customer_id, channel, rep_id, flags, lag, happened_on, id — by day.
    Rows s({{"3", "visit", "wang", "4", "0", "2026-07-21", "11"},
            {"7", "call", "li", "0", "9", "2026-09-19", "12"},
            {"3", "call", "wang", "0", "1", "2026-09-20", "13"},
            {"9", "message", "wang", "256", "0", "2026-10-01", "14"},
            {"3", "visit", "zhao", "0", "2", "2026-10-20", "15"}});
    auto kept = KeptRows::read(s, 7);
    REQUIRE(kept);
    using keqing::core::Date;
    std::vector<std::string> seen;
    auto pass = [&](Date from, Date to, std::vector<int64_t> ids, std::optional<int64_t> max_lag) {
        seen.clear();
        keqing::store::scan_among(*kept, from, to, ids, max_lag, [&](const keqing::store::ContactFacts& f) {
            seen.push_back(fmt::format("{}:{}:{}:{}:{}:{}:{}", f.id, f.customer_id, f.channel, f.rep, f.flags,
                                       f.lag, f.day));
        });
        return seen;
    };
    CHECK(pass(Date::from_ymd(2026, 9, 20), Date::from_ymd(2026, 10, 20), {3, 7, 9}, std::nullopt) ==
          std::vector<std::string>{"13:3:call:wang:0:1:2026-09-20", "14:9:message:wang:256:0:2026-10-01",
                                   "15:3:visit:zhao:0:2:2026-10-20"});
    CHECK(pass(Date::from_ymd(2026, 7, 21), Date::from_ymd(2026, 10, 19), {3}, std::nullopt) ==
          std::vector<std::string>{"11:3:visit:wang:4:0:2026-07-21", "13:3:call:wang:0:1:2026-09-20"});
    CHECK(pass(Date::from_ymd(2026, 7, 1), Date::from_ymd(2026, 12, 31), {3, 7}, 1) ==
          std::vector<std::string>{"11:3:visit:wang:4:0:2026-07-21", "13:3:call:wang:0:1:2026-09-20"});
    CHECK(pass(Date::from_ymd(2026, 9, 19), Date::from_ymd(2026, 9, 19), {7}, 9).size() == 1);
    CHECK(pass(Date::from_ymd(2026, 9, 19), Date::from_ymd(2026, 9, 19), {7}, 8).empty());
}

TEST_CASE("a cursor that keeps nothing reads no row") {
    Rows s(histories());
    auto kept = KeptRows::read(s, 12);
    REQUIRE(kept);
    KeptRows::Cursor none = kept->cursor([](const KeptRows&, size_t) { return false; });
    CHECK_FALSE(*none.step());
}

} // namespace unit_store_kept_rows
