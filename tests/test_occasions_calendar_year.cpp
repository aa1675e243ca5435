// Tests for occasions/calendar_year: every festival of 1901–2099 against the independent reference in
// tests/data/festivals.csv (generated from another implementation, not from our table).
#include "occasions/calendar_year.hpp"
#include "support.hpp"

#include <fstream>
#include <sstream>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_occasions_calendar_year {

using namespace keqing;

TEST_SUITE("occasions::calendar_year") {
    TEST_CASE("spring festival, dragon boat and mid-autumn for every year 1901-2099") {
        const auto rules = *rules::load_rules("");
        std::ifstream in(KEQING_TEST_DATA_DIR "/festivals.csv");
        REQUIRE(in);
        std::string line;
        std::getline(in, line); // year,spring_festival,dragon_boat,mid_autumn
        int years = 0;
        while (std::getline(in, line)) {
            std::stringstream row(line);
            std::string year, spring, dragon, autumn;
            std::getline(row, year, ',');
            std::getline(row, spring, ',');
            std::getline(row, dragon, ',');
            std::getline(row, autumn, ',');
            auto days = occasions::year_calendar(rules, std::stoi(year));
            REQUIRE(days.ok());
            REQUIRE(days->size() == 3);
            CHECK((*days)[0].date.iso() == spring);
            CHECK((*days)[0].id == "spring-festival");
            CHECK((*days)[1].date.iso() == dragon);
            CHECK((*days)[1].id == "dragon-boat");
            CHECK((*days)[2].date.iso() == autumn);
            CHECK((*days)[2].id == "mid-autumn");
            ++years;
        }
        CHECK(years == 199);
    }

    TEST_CASE("solar occasions and range errors") {
        auto rules = *rules::parse_rules(
            "[[channel]]\nid = \"visit\"\n[[tier]]\nid = \"A\"\nquota = { visit = 1 }\n"
            "[[occasion]]\nid = \"national-day\"\nsolar = \"10-01\"\nactions = [\"visit\"]\n",
            "r.toml");
        auto days = occasions::year_calendar(rules, 2026);
        REQUIRE(days.ok());
        REQUIRE(days->size() == 1);
        CHECK((*days)[0].date.iso() == "2026-10-01");
        CHECK(occasions::year_calendar(rules, 1900).error().message.find("1901 to 2099") !=
              std::string::npos);
        CHECK_FALSE(occasions::year_calendar(rules, 2100).ok());
    }
}

} // namespace unit_occasions_calendar_year
