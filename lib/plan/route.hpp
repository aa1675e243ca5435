// Geography for the plan: a customer's area when none was recorded (from its address), distances between
// coordinates, and a day's visits ordered as a short route (nearest neighbour, then 2-opt).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keqing::plan {

// The 区 or 县 an address names ("杭州市萧山区北干路151号" → "萧山区"), else the empty text.
std::string area_from_address(std::string_view address);

struct Point {
    double lat = 0, lon = 0; // degrees
};

// Great-circle distance in kilometres.
double km(Point a, Point b);

// An order of `points` as an open path that is short: nearest neighbour from each start, the shortest kept,
// then improved by 2-opt until no swap shortens it. Deterministic; ties go to the lower index.
std::vector<size_t> route(const std::vector<Point>& points);

// The length of a path in kilometres.
double path_km(const std::vector<Point>& points, const std::vector<size_t>& order);

} // namespace keqing::plan
