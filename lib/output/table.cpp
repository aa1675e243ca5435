// Table storage and rendering: widths measured with core::display_width once per cell; cells past their
// column's limit or holding control characters are stored as core::fit makes them.
#include "output/table.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <limits>

namespace keqing::output {

Table& Table::column(std::string header, Align align, int max_width) {
    widths_.push_back(core::display_width(header));
    headers_.push_back(std::move(header));
    aligns_.push_back(align);
    limits_.push_back(max_width);
    return *this;
}

Table& Table::row(const std::vector<std::string>& cells) {
    std::vector<std::string_view> views(cells.begin(), cells.end());
    return row(std::span<const std::string_view>(views));
}

Table& Table::row(std::span<const std::string_view> cells) {
    for (size_t c = 0; c < headers_.size(); ++c) {
        std::string_view cell = c < cells.size() ? cells[c] : std::string_view();
        int width = core::display_width(cell);
        std::string fitted;
        if (width > limits_[c] || core::find_text_fault(cell)) {
            fitted = core::fit(cell, limits_[c]);
            cell = fitted;
            width = core::display_width(cell);
        }
        cells_ += cell;
        ends_.push_back(static_cast<uint32_t>(cells_.size()));
        displays_.push_back(
            static_cast<uint16_t>(std::min(width, int{std::numeric_limits<uint16_t>::max()})));
        widths_[c] = std::max(widths_[c], width);
    }
    ++rows_;
    return *this;
}

void Table::render(core::Sink& out, Style style) const {
    std::string& text = out.text();
    const size_t columns = headers_.size();
    // One line from cells given as (text, display width) per column.
    auto line = [&](auto cell_at) {
        if (style == Style::markdown) {
            text += '|';
            for (size_t c = 0; c < columns; ++c) {
                text += ' ';
                text += cell_at(c).first;
                text += " |";
            }
        } else {
            const size_t start = text.size();
            for (size_t c = 0; c < columns; ++c) {
                if (c) text += "  ";
                const auto [cell, width] = cell_at(c);
                const size_t pad = static_cast<size_t>(std::max(0, widths_[c] - width));
                if (aligns_[c] == Align::right) text.append(pad, ' ');
                text += cell;
                if (aligns_[c] == Align::left) text.append(pad, ' ');
            }
            while (text.size() > start && text.back() == ' ')
                text.pop_back();
        }
        text += '\n';
        out.spill();
    };
    line([&](size_t c) {
        return std::pair<std::string_view, int>(headers_[c], core::display_width(headers_[c]));
    });
    if (style == Style::markdown) {
        text += '|';
        for (size_t c = 0; c < columns; ++c)
            text += " --- |";
        text += '\n';
    }
    for (size_t r = 0; r < rows_; ++r) {
        line([&](size_t c) {
            const size_t i = r * columns + c;
            const size_t begin = i == 0 ? 0 : ends_[i - 1];
            return std::pair<std::string_view, int>(std::string_view(cells_).substr(begin, ends_[i] - begin),
                                                    displays_[i]);
        });
    }
}

std::string Table::render(Style style) const {
    core::Sink out;
    render(out, style);
    return out.take();
}

std::string fit_name(std::string_view text) {
    return core::fit(text, kNameColumns);
}
std::string fit_text(std::string_view text) {
    return core::fit(text, kTextColumns);
}

} // namespace keqing::output
