// Tests for compliance/quota: SPEC §3 arithmetic — partial months, pace before / inside / after the
// month, status order and score.
#include "compliance/quota.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_compliance_quota {

using namespace keqing;
using compliance::Status;
using core::Month;
using test::day;

TEST_SUITE("compliance::quota") {
    TEST_CASE("active days: whole month, opened or closed inside it, not active") {
        const Month nov{2026, 11};
        CHECK(compliance::active_days(nov, std::nullopt, std::nullopt) == 30);
        CHECK(compliance::active_days(nov, day("2026-11-10"), std::nullopt) == 21);
        CHECK(compliance::active_days(nov, std::nullopt, day("2026-11-12")) == 12);
        CHECK(compliance::active_days(nov, day("2026-11-10"), day("2026-11-10")) == 1);
        CHECK(compliance::active_days(nov, std::nullopt, day("2026-09-30")) == 0);
        CHECK(compliance::active_days(nov, day("2026-12-01"), std::nullopt) == 0);
        CHECK(compliance::active_days(Month{2024, 2}, day("2024-02-15"), std::nullopt) == 15);
    }

    TEST_CASE("required = ceil(quota × active / days)") {
        CHECK(compliance::required_count(8, 30, 30) == 8);
        CHECK(compliance::required_count(8, 21, 30) == 6); // 5.6
        CHECK(compliance::required_count(4, 12, 30) == 2); // 1.6
        CHECK(compliance::required_count(1, 1, 31) == 1);  // any active day needs the C quota
        CHECK(compliance::required_count(8, 14, 28) == 4); // exact
        CHECK(compliance::required_count(8, 15, 29) == 5); // 4.14 in a leap February
        CHECK(compliance::required_count(0, 30, 30) == 0);
    }

    TEST_CASE("elapsed days before, inside and after the month") {
        const Month feb{2024, 2};
        CHECK(compliance::elapsed_days(feb, day("2024-01-31")) == 0);
        CHECK(compliance::elapsed_days(feb, day("2024-02-01")) == 1);
        CHECK(compliance::elapsed_days(feb, day("2024-02-29")) == 29);
        CHECK(compliance::elapsed_days(feb, day("2024-03-05")) == 29);
        CHECK(compliance::elapsed_days(Month{2026, 2}, day("2026-02-28")) == 28);
        CHECK(compliance::elapsed_days(Month{2026, 1}, day("2026-01-31")) == 31);
    }

    TEST_CASE("expected = floor(required × elapsed / days)") {
        CHECK(compliance::expected_count(8, 20, 30) == 5); // 5.33
        CHECK(compliance::expected_count(4, 20, 30) == 2);
        CHECK(compliance::expected_count(1, 29, 30) == 0);
        CHECK(compliance::expected_count(1, 30, 30) == 1);
        CHECK(compliance::expected_count(8, 0, 31) == 0);
    }

    TEST_CASE("status: met, missed on the last day, on_track, behind") {
        const Month nov{2026, 11};
        CHECK(compliance::channel_status(8, 8, 5, nov, day("2026-11-20")) == Status::met);
        CHECK(compliance::channel_status(0, 0, 0, nov, day("2026-11-30")) == Status::met);
        CHECK(compliance::channel_status(5, 8, 5, nov, day("2026-11-20")) == Status::on_track);
        CHECK(compliance::channel_status(4, 8, 5, nov, day("2026-11-20")) == Status::behind);
        CHECK(compliance::channel_status(7, 8, 8, nov, day("2026-11-30")) == Status::missed);
        CHECK(compliance::channel_status(7, 8, 8, nov, day("2026-12-15")) == Status::missed);
        CHECK(compliance::channel_status(7, 8, 7, nov, day("2026-11-29")) == Status::on_track);
        CHECK(compliance::channel_status(0, 8, 0, nov, day("2026-10-31")) == Status::on_track);
    }

    TEST_CASE("worst status order: missed > behind > on_track > met") {
        CHECK(compliance::worst(Status::met, Status::on_track) == Status::on_track);
        CHECK(compliance::worst(Status::behind, Status::on_track) == Status::behind);
        CHECK(compliance::worst(Status::behind, Status::missed) == Status::missed);
        CHECK(compliance::worst(Status::missed, Status::met) == Status::missed);
        CHECK(compliance::to_string(Status::on_track) == "on_track");
    }

    TEST_CASE("score caps each channel so over-serving never covers another") {
        const compliance::ChannelCount a[] = {{12, 8}, {0, 4}, {4, 4}};
        CHECK(compliance::score(a) == doctest::Approx(12.0 / 16.0));
        const compliance::ChannelCount none[] = {{3, 0}};
        CHECK(compliance::score(none) == 1.0);
        const compliance::ChannelCount all[] = {{1, 1}, {2, 1}};
        CHECK(compliance::score(all) == 1.0);
    }
}

} // namespace unit_compliance_quota
