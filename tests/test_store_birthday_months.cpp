// Tests for store::may_fall_in: the birthday month test a month's read applies to SQLite's rows, checked
// against the SQL SQLite ran before (the oracle below) on written shapes, odd ones and random texts.
#include "store/birthday_months.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <random>
#include <string>
#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_store_birthday_months {

using keqing::store::BirthdayMonths;
using keqing::store::may_fall_in;

namespace {

// The condition SQLite evaluated per row until the test moved into C++ ($1 the birthday, $2 and $3 the
// lunar and solar months as JSON).
constexpr const char* kOracle =
    "SELECT CASE WHEN ?1 GLOB 'lunar:[0-9]*-*' OR ?1 GLOB 'lunar:L[0-9]*-*' "
    "THEN CAST(ltrim(substr(?1, 7), 'L') AS INTEGER) IN (SELECT value FROM json_each(?2)) "
    "WHEN substr(?1, -5, 3) GLOB '[0-9][0-9]-' "
    "THEN CAST(substr(?1, -5, 2) AS INTEGER) IN (SELECT value FROM json_each(?3)) ELSE 1 END";

std::string json(const std::vector<int>& list) {
    std::string out = "[";
    for (const int m : list)
        out += (out.size() > 1 ? "," : "") + std::to_string(m);
    return out + "]";
}

struct Oracle {
    sqlite3* db = nullptr;
    sqlite3_stmt* s = nullptr;
    Oracle() {
        REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
        REQUIRE(sqlite3_prepare_v2(db, kOracle, -1, &s, nullptr) == SQLITE_OK);
    }
    ~Oracle() {
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
    bool operator()(const std::string& birthday, const BirthdayMonths& m) {
        const std::string lunar = json(m.lunar), solar = json(m.solar);
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, birthday.data(), static_cast<int>(birthday.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, lunar.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 3, solar.c_str(), -1, SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        return sqlite3_column_int(s, 0) != 0;
    }
};

} // namespace

TEST_SUITE("store::may_fall_in") {
    TEST_CASE("written birthdays by their month, lunar and solar apart") {
        const BirthdayMonths october{.solar = {10}, .lunar = {8, 9}};
        CHECK(may_fall_in("1980-10-05", october));
        CHECK(may_fall_in("10-31", october));
        CHECK_FALSE(may_fall_in("1980-09-30", october));
        CHECK(may_fall_in("lunar:08-15", october));
        CHECK(may_fall_in("lunar:L09-01", october)); // a leap month by its number
        CHECK_FALSE(may_fall_in("lunar:10-01", october));
        CHECK_FALSE(may_fall_in("lunar:L10-01", october));
        CHECK(may_fall_in("sometime", october)); // kept, for the parser to report
    }

    TEST_CASE("the same answer as the SQL it replaced, on odd and random texts") {
        Oracle oracle;
        const std::vector<BirthdayMonths> lists{{{}, {}}, {{8, 9}, {10}}, {{1, 12}, {2, 3}}, {{5}, {5}}};
        std::vector<std::string> texts{
            "",
            "-",
            "10-",
            "1-10-05",
            "x10-05",
            "lunar:",
            "lunar:8",
            "lunar:8-",
            "lunar:L8-1",
            "lunar:LL8-1",
            "lunar:L-8",
            "lunar:08x-1",
            "lunar:123-",
            "lunar:5-",
            "lunar:5",
            "Lunar:5-1",
            "lunar:L",
            "lunar:-5-1",
            "lunar:99999999999999999999-1",
            "12-3é",
            "é12-3é",
            "1é-05",
            "生日10-05",
            "10-05生",
            "2024-10-5",
            "1980-1-05",
            "05-10-",
            "ab10-xy",
            "0010-05",
        };
        std::mt19937 random(23);
        const std::vector<std::string> alphabet{"0", "1", "2", "5", "8", "9", "-", "L", "l", "u",
                                                "n", "a", "r", ":", "x", " ", "é", "生"}; // whole characters
        for (int i = 0; i < 20000; ++i) {
            std::string t = (i % 3 == 0) ? "lunar:" : "";
            const size_t length = random() % 9;
            for (size_t k = 0; k < length; ++k)
                t += alphabet[random() % alphabet.size()];
            texts.push_back(t);
        }
        int differ = 0;
        for (const auto& m : lists)
            for (const auto& t : texts)
                if (may_fall_in(t, m) != oracle(t, m)) {
                    if (++differ <= 5) MESSAGE("differs on '" << t << "'");
                }
        CHECK(differ == 0);
    }
}

} // namespace unit_store_birthday_months
