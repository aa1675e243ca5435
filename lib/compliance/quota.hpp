// The exact month / pace / status / score arithmetic of SPEC §3, as pure functions.
#pragma once

#include "core/date.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace keqing::compliance {

// Per channel and per customer; the declaration order is the severity order (worst last).
enum class Status { met, on_track, behind, missed };

// The status as JSON and CSV spell it: "met", "on_track", "behind", "missed".
std::string_view to_string(Status s);
// The status for people, in core::language(): to_string in English; 达标, 进度正常, 落后, 未达标 in Chinese.
const char* display(Status s);
// The worse of two statuses (missed > behind > on_track > met).
Status worst(Status a, Status b);

// Days of `month` on which a customer opened on `opened` and closed on `closed` (both inclusive,
// either may be absent) is active; 0 when it is not active at all.
int active_days(core::Month month, std::optional<core::Date> opened, std::optional<core::Date> closed);
// ceil(quota × active_days / days_in_month).
int required_count(int quota, int active_days, int days_in_month);
// Day-of-month of as_of; 0 before the month starts; days_in_month once it is over.
int elapsed_days(core::Month month, core::Date as_of);
// floor(required × elapsed / days_in_month).
int expected_count(int required, int elapsed, int days_in_month);
// met when done ≥ required; else missed once as_of reaches the month's last day; else on_track when
// done ≥ expected; else behind.
Status channel_status(int done, int required, int expected, core::Month month, core::Date as_of);

// One channel's counts, the input to score().
struct ChannelCount {
    int done = 0;
    int required = 0;
};
// sum(min(done, required)) / sum(required); 1 when nothing is required.
double score(std::span<const ChannelCount> counts);
// SPEC §3's score from its sums: sum(min(done, required)) over sum(required), 1 when nothing is required.
// The one formula behind every score and attainment shown.
double score(long long done_capped, long long required);

} // namespace keqing::compliance
