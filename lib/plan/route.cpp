// Geography for the plan: areas from addresses, great-circle distances and short routes.
#include "plan/route.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace keqing::plan {

std::string area_from_address(std::string_view address) {
    size_t start = 0;
    for (const std::string_view city : {"市", "省"}) // after the city or province, when written
        if (const size_t at = address.find(city); at != std::string_view::npos)
            start = std::max(start, at + city.size());
    for (const std::string_view end : {"区", "县"}) {
        const size_t at = address.find(end, start);
        if (at != std::string_view::npos && at > start)
            return std::string(address.substr(start, at + end.size() - start));
    }
    return "";
}

double km(Point a, Point b) {
    constexpr double kEarthKm = 6371.0;
    const double rad = std::numbers::pi / 180.0;
    const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
    const double h = std::pow(std::sin(dlat / 2), 2) +
                     std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::pow(std::sin(dlon / 2), 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double path_km(const std::vector<Point>& points, const std::vector<size_t>& order) {
    double total = 0;
    for (size_t i = 1; i < order.size(); ++i)
        total += km(points[order[i - 1]], points[order[i]]);
    return total;
}

namespace {

std::vector<size_t> nearest_neighbour(const std::vector<Point>& points, size_t start) {
    std::vector<size_t> order{start};
    std::vector<bool> used(points.size(), false);
    used[start] = true;
    while (order.size() < points.size()) {
        size_t best = points.size();
        double best_km = 0;
        for (size_t j = 0; j < points.size(); ++j) {
            if (used[j]) continue;
            const double d = km(points[order.back()], points[j]);
            if (best == points.size() || d < best_km) best = j, best_km = d;
        }
        used[best] = true;
        order.push_back(best);
    }
    return order;
}

// Reverses stretches of the path while that shortens it (2-opt on an open path).
void two_opt(const std::vector<Point>& points, std::vector<size_t>& order) {
    const auto d = [&](size_t i, size_t j) { return km(points[order[i]], points[order[j]]); };
    for (bool better = true; better;) {
        better = false;
        for (size_t i = 0; i + 2 < order.size(); ++i)
            for (size_t j = i + 2; j < order.size(); ++j) {
                const double before = d(i, i + 1) + (j + 1 < order.size() ? d(j, j + 1) : 0);
                const double after = d(i, j) + (j + 1 < order.size() ? d(i + 1, j + 1) : 0);
                if (after + 1e-9 < before) {
                    std::reverse(order.begin() + static_cast<long>(i) + 1,
                                 order.begin() + static_cast<long>(j) + 1);
                    better = true;
                }
            }
    }
}

} // namespace

std::vector<size_t> route(const std::vector<Point>& points) {
    if (points.empty()) return {};
    std::vector<size_t> best;
    double best_km = 0;
    for (size_t s = 0; s < points.size(); ++s) {
        std::vector<size_t> order = nearest_neighbour(points, s);
        two_opt(points, order);
        const double length = path_km(points, order);
        if (best.empty() || length + 1e-9 < best_km) best = std::move(order), best_km = length;
    }
    return best;
}

} // namespace keqing::plan
