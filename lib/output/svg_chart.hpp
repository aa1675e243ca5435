// Small inline-SVG charts for HTML reports (horizontal bars, a heatmap, a column-and-line trend), drawn
// as text with no scripts and no external references, each with a <title> and <desc> for screen readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::output {

// `text` with &, <, >, " and ' replaced by HTML entities (safe in text and in quoted attributes).
std::string html_escape(std::string_view text);

// A fill color for an attainment rate in [0, 1]: red (0) through amber to green (1).
std::string rate_color(double rate);

// What every chart carries: a unique id prefix (for aria-labelledby), a title and a longer description.
struct ChartText {
    std::string id;
    std::string title;
    std::string desc;
};

// One labelled group of bars (a rep): one rate in [0, 1] per series, or nullopt where nothing applies.
struct BarGroup {
    std::string label;
    std::vector<std::optional<double>> values;
};

// Horizontal grouped bars on a 0–100% axis, one color per series, with a legend and the % at each bar.
std::string svg_bar_chart(const ChartText& text, const std::vector<std::string>& series,
                          const std::vector<BarGroup>& groups);

// A grid of cells colored by rate with the % (and `notes`, e.g. "12/16") written in each; nullopt cells
// (nothing required) are grey with a dash. cells[row][column]; notes, when given, has the same shape.
std::string svg_heatmap(const ChartText& text, const std::vector<std::string>& rows,
                        const std::vector<std::string>& columns,
                        const std::vector<std::vector<std::optional<double>>>& cells,
                        const std::vector<std::vector<std::string>>& notes);

// One column of a trend: its label and rate and, for a month not over yet, how much of it has passed
// ("2 of 31 days") — drawn pale and dashed, as partial rather than as a failure.
struct TrendPoint {
    std::string label;
    double rate = 0;
    std::string partial = {};
};

// One column per point on a 0–100% axis with a line through the tops; a single point draws one column.
std::string svg_trend(const ChartText& text, const std::vector<TrendPoint>& points);

} // namespace keqing::output
