// Fitting a table's columns into a terminal's width (fit_columns), and the process's Layout.
#include "output/table.hpp"

#include <algorithm>
#include <numeric>

namespace keqing::output {
namespace {

Layout current_layout;

int drawn_width(const ColumnPlan& plan, size_t shown) {
    return std::accumulate(plan.widths.begin(), plan.widths.begin() + static_cast<long>(shown), 0) +
           plan.gap * static_cast<int>(shown > 0 ? shown - 1 : 0);
}

// Narrows the columns above their floor, the widest first, until `shown` of them fit `columns`.
bool shrink_to(ColumnPlan& plan, const std::vector<int>& floors, size_t shown, int columns) {
    int over = drawn_width(plan, shown) - columns;
    while (over > 0) {
        size_t best = shown;
        int best_room = 0;
        for (size_t c = 0; c < shown; ++c)
            if (plan.widths[c] - floors[c] > best_room) {
                best = c;
                best_room = plan.widths[c] - floors[c];
            }
        if (best == shown) return false;
        --plan.widths[best];
        --over;
    }
    return true;
}

int tight_floor(int width, bool text) {
    return std::min(width, text ? 8 : 3);
}

} // namespace

void set_layout(Layout layout) {
    current_layout = layout;
}

const Layout& layout() {
    return current_layout;
}

ColumnPlan fit_columns(const std::vector<int>& widths, const std::vector<int>& cells,
                       const ColumnKinds& kinds, int columns) {
    const auto& aligns = kinds.aligns;
    const auto& text = kinds.text;
    const size_t n = widths.size();
    const bool can_go_below = n > 1 && text[n - 1];
    // The floors of each attempt: normal (text 16, names 14), narrow (12, 8, data whole), names (8, 3, data
    // whole) and last resort (headers cut, names 3).
    std::vector<int> normal(n), narrow(n), names(n), tight(n);
    for (size_t c = 0; c < n; ++c) {
        const bool number = aligns[c] == Align::right;
        normal[c] = number ? widths[c] : std::min(widths[c], text[c] ? 16 : 14);
        const bool data = number || (kinds.data[c] && !text[c]); // kept whole but in the last attempts
        narrow[c] = data ? widths[c] : std::min(widths[c], text[c] ? 12 : 8);
        names[c] = data ? widths[c] : tight_floor(widths[c], text[c]);
        tight[c] = number ? std::max(1, cells[c]) : tight_floor(widths[c], text[c]);
    }
    struct Attempt {
        bool below;
        int gap;
        const std::vector<int>* floors;
    };
    const Attempt attempts[] = {
        {false, 2, &normal}, {true, 2, &normal}, {false, 1, &normal}, {true, 1, &normal}, {true, 1, &narrow},
        {false, 1, &narrow}, {true, 1, &names},  {false, 1, &names},  {true, 1, &tight},  {false, 1, &tight}};
    ColumnPlan plan;
    for (const Attempt& a : attempts) {
        if (a.below && !can_go_below) continue;
        plan = ColumnPlan{widths, a.gap, a.below};
        const size_t shown = a.below ? n - 1 : n;
        if (!shrink_to(plan, *a.floors, shown, columns)) continue;
        if (a.below) {
            const int under_second = plan.widths[0] + plan.gap;
            plan.indent = under_second <= columns / 3 ? under_second : 2;
            plan.widths[n - 1] = std::max(1, columns - plan.indent);
        }
        return plan;
    }
    plan.indent = 2;
    if (plan.last_below) plan.widths[n - 1] = std::max(1, columns - plan.indent);
    return plan; // the narrowest there is: the lines will be cut
}

} // namespace keqing::output
