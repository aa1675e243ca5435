// Inline-SVG chart drawing for the HTML report: geometry and markup only, the data comes from the caller.
#include "output/svg_chart.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "output/quota_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace keqing::output {
namespace {

constexpr std::array<const char*, 6> kSeriesColors = {"#1f4e79", "#4e9ad6", "#f28e2b",
                                                      "#59a14f", "#b07aa1", "#9c755f"};

struct Rgb {
    double r, g, b;
};

Rgb rate_rgb(double rate) {
    static constexpr std::array<std::pair<double, Rgb>, 5> stops = {{{0.0, {215, 48, 39}},
                                                                     {0.5, {252, 141, 89}},
                                                                     {0.75, {254, 224, 139}},
                                                                     {0.9, {166, 217, 106}},
                                                                     {1.0, {26, 152, 80}}}};
    rate = std::clamp(rate, 0.0, 1.0);
    for (size_t i = 1; i < stops.size(); ++i) {
        if (rate > stops[i].first) continue;
        const auto& [x0, a] = stops[i - 1];
        const auto& [x1, b] = stops[i];
        const double t = (rate - x0) / (x1 - x0);
        return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
    }
    return stops.back().second;
}

// Dark text on light fills, white text on dark ones.
const char* ink_on(double rate) {
    const Rgb c = rate_rgb(rate);
    return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b > 150 ? "#1a1a1a" : "#ffffff";
}

// The opening tag with its accessible name and description.
std::string open_svg(const ChartText& text, double width, double height) {
    const std::string id = html_escape(text.id);
    return fmt::format(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {:.0f} {:.0f}\" width=\"{:.0f}\" height=\"{:.0f}\" "
        "aria-labelledby=\"{}-title {}-desc\">\n<title id=\"{}-title\">{}</title>\n"
        "<desc id=\"{}-desc\">{}</desc>\n",
        width, height, width, height, id, id, id, html_escape(text.title), id, html_escape(text.desc));
}

std::string text_at(double x, double y, std::string_view anchor, std::string_view cls,
                    std::string_view content) {
    return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" class=\"{}\">{}</text>\n", x, y,
                       anchor, cls, html_escape(content));
}

// A label cut to `columns` display columns with "…" (the whole text stays in a <title> tooltip).
std::string label_at(double x, double y, std::string_view anchor, std::string_view content, int columns) {
    if (core::display_width(content) <= columns) return text_at(x, y, anchor, "label", content);
    size_t cut = 0;
    for (size_t i = 1; i <= content.size(); ++i) { // longest prefix ending on a character boundary that fits
        if (i < content.size() && (static_cast<unsigned char>(content[i]) & 0xC0) == 0x80) continue;
        if (core::display_width(content.substr(0, i)) > columns - 1) break;
        cut = i;
    }
    return fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" class=\"label\">{}…<title>{}</title></text>\n", x,
        y, anchor, html_escape(content.substr(0, cut)), html_escape(content));
}

// Vertical or horizontal 0–100% grid lines with their labels.
std::string percent_grid(double x0, double y0, double length, double span, bool horizontal_axis) {
    std::string out;
    for (int p = 0; p <= 100; p += 25) {
        const double at = span * p / 100.0;
        if (horizontal_axis) {
            out += fmt::format(
                "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n",
                x0 + at, y0, y0 + length);
            out += text_at(x0 + at, y0 - 6, "middle", "axis", fmt::format("{}%", p));
        } else {
            out += fmt::format(
                "<line class=\"grid\" x1=\"{1:.1f}\" y1=\"{0:.1f}\" x2=\"{2:.1f}\" y2=\"{0:.1f}\"/>\n",
                y0 - at, x0, x0 + length);
            out += text_at(x0 - 6, y0 - at + 4, "end", "axis", fmt::format("{}%", p));
        }
    }
    return out;
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string rate_color(double rate) {
    const Rgb c = rate_rgb(rate);
    return fmt::format("#{:02x}{:02x}{:02x}", static_cast<int>(std::lround(c.r)),
                       static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
}

std::string svg_bar_chart(const ChartText& text, const std::vector<std::string>& series,
                          const std::vector<BarGroup>& groups) {
    constexpr double width = 760, label_w = 160, plot_w = 500, bar_h = 14, bar_gap = 3, group_gap = 14,
                     top = 56;
    const double group_h = static_cast<double>(series.size()) * (bar_h + bar_gap) - bar_gap;
    const double plot_h = std::max(1.0, static_cast<double>(groups.size())) * (group_h + group_gap);
    std::string out = open_svg(text, width, top + plot_h + 4);
    for (size_t s = 0; s < series.size(); ++s) { // legend
        const double x = label_w + static_cast<double>(s) * 110;
        out += fmt::format("<rect x=\"{:.1f}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", x,
                           kSeriesColors[s % kSeriesColors.size()]);
        out += text_at(x + 16, 14, "start", "legend", series[s]);
    }
    out += percent_grid(label_w, top - 14, plot_h + 14, plot_w, true);
    if (groups.empty()) out += text_at(label_w + 8, top + 16, "start", "label", core::tr("no data"));
    for (size_t g = 0; g < groups.size(); ++g) {
        const double y = top + static_cast<double>(g) * (group_h + group_gap);
        out += label_at(label_w - 8, y + group_h / 2 + 4, "end", groups[g].label, 22);
        for (size_t s = 0; s < series.size() && s < groups[g].values.size(); ++s) {
            const double by = y + static_cast<double>(s) * (bar_h + bar_gap);
            const auto& v = groups[g].values[s];
            if (!v) {
                out += text_at(label_w + 4, by + bar_h - 3, "start", "value", "—");
                continue;
            }
            const double w = std::clamp(*v, 0.0, 1.0) * plot_w;
            out += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" fill=\"{}\"/>\n", label_w,
                by, w, bar_h, kSeriesColors[s % kSeriesColors.size()]);
            out += text_at(label_w + w + 4, by + bar_h - 3, "start", s == 0 ? "value strong" : "value",
                           series[s] + " " + percent(*v));
        }
    }
    return out + "</svg>\n";
}

std::string svg_heatmap(const ChartText& text, const std::vector<std::string>& rows,
                        const std::vector<std::string>& columns,
                        const std::vector<std::vector<std::optional<double>>>& cells,
                        const std::vector<std::vector<std::string>>& notes) {
    constexpr double label_w = 150, cell_w = 130, cell_h = 50, top = 30, legend_h = 44;
    const double width = label_w + std::max(static_cast<double>(columns.size()) * cell_w, 200.0) + 10;
    const double height = top + static_cast<double>(rows.size()) * cell_h + legend_h;
    std::string out = open_svg(text, width, height);
    for (size_t c = 0; c < columns.size(); ++c)
        out +=
            label_at(label_w + (static_cast<double>(c) + 0.5) * cell_w, top - 10, "middle", columns[c], 18);
    for (size_t r = 0; r < rows.size(); ++r) {
        const double y = top + static_cast<double>(r) * cell_h;
        out += label_at(label_w - 8, y + cell_h / 2 + 4, "end", rows[r], 20);
        for (size_t c = 0; c < columns.size(); ++c) {
            const double x = label_w + static_cast<double>(c) * cell_w;
            const bool has = r < cells.size() && c < cells[r].size() && cells[r][c].has_value();
            const double rate = has ? cells[r][c].value_or(0.0) : 0.0;
            const std::string note = r < notes.size() && c < notes[r].size() ? notes[r][c] : "";
            const std::string ink = has ? ink_on(rate) : "#666666";
            out += fmt::format("<rect class=\"cell\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.0f}\" "
                               "height=\"{:.0f}\" fill=\"{}\"/>\n",
                               x, y, cell_w, cell_h, has ? rate_color(rate) : "#eeeeee");
            const double cx = x + cell_w / 2;
            out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"cell-value\" "
                               "fill=\"{}\">{}</text>\n",
                               cx, y + 22, ink, has ? percent(rate) : "—");
            if (!note.empty())
                out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
                                   "class=\"cell-note\" fill=\"{}\">{}</text>\n",
                                   cx, y + 39, ink, html_escape(note));
        }
    }
    const double ly = top + static_cast<double>(rows.size()) * cell_h + 14; // color scale
    for (int p = 0; p <= 100; p += 25) {
        const double x = label_w + p * 1.6;
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"40\" height=\"10\" fill=\"{}\"/>\n", x,
                           ly, rate_color(p / 100.0));
        out += text_at(x + 20, ly + 24, "middle", "axis", fmt::format("{}%", p));
    }
    return out + "</svg>\n";
}

std::string svg_trend(const ChartText& text, const std::vector<TrendPoint>& points) {
    constexpr double width = 760, left = 56, right = 20, top = 24, plot_h = 180, bottom = 36;
    const double plot_w = width - left - right;
    std::string out = open_svg(text, width, top + plot_h + bottom);
    out += percent_grid(left, top + plot_h, plot_w, plot_h, false);
    const size_t n = points.size();
    if (n == 0)
        return out + text_at(left + 8, top + plot_h / 2, "start", "label", core::tr("no data")) + "</svg>\n";
    const double slot = plot_w / static_cast<double>(n);
    const double col_w = std::min(48.0, slot * 0.6);
    const size_t label_every = (n + 11) / 12;
    std::string line;
    for (size_t i = 0; i < n; ++i) {
        const double cx = left + slot * (static_cast<double>(i) + 0.5);
        const TrendPoint& p = points[i];
        const double h = std::clamp(p.rate, 0.0, 1.0) * plot_h;
        const double y = top + plot_h - h;
        if (p.partial.empty())
            out += fmt::format("<rect class=\"column\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                               "height=\"{:.1f}\" fill=\"{}\"/>\n",
                               cx - col_w / 2, y, col_w, h, rate_color(p.rate));
        else // a month not over: its rate so far, not a failure
            out += fmt::format("<rect class=\"column partial\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                               "height=\"{:.1f}\"/>\n",
                               cx - col_w / 2, y, col_w, h);
        line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", cx, y);
        if (i % label_every == 0 || i + 1 == n) {
            out += text_at(cx, top + plot_h + 18, "middle", "axis", p.label);
            out += text_at(cx, y - 8, "middle", "value strong", percent(p.rate));
            if (!p.partial.empty()) out += text_at(cx, top + plot_h + 32, "middle", "axis", p.partial);
        }
    }
    if (n > 1) out += fmt::format("<polyline class=\"trend\" points=\"{}\"/>\n", line);
    for (size_t i = 0; i < n; ++i) {
        const double cx = left + slot * (static_cast<double>(i) + 0.5);
        const double y = top + plot_h - std::clamp(points[i].rate, 0.0, 1.0) * plot_h;
        out += fmt::format("<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\"/>\n", cx, y);
    }
    return out + "</svg>\n";
}

} // namespace keqing::output
