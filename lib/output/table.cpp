// Table rendering: widths measured with core::display_width.
#include "output/table.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace keqing::output {

Table& Table::column(std::string header, Align align) {
    headers_.push_back(std::move(header));
    aligns_.push_back(align);
    return *this;
}

Table& Table::row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
    return *this;
}

std::string Table::render() const {
    std::vector<int> widths(headers_.size());
    for (size_t c = 0; c < headers_.size(); ++c) {
        widths[c] = core::display_width(headers_[c]);
        for (const auto& r : rows_) widths[c] = std::max(widths[c], core::display_width(r[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (size_t c = 0; c < cells.size(); ++c) {
            if (c) out += "  ";
            out += aligns_[c] == Align::right ? core::pad_left(cells[c], widths[c]) : core::pad_right(cells[c], widths[c]);
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string out = line(headers_);
    for (const auto& r : rows_) out += line(r);
    return out;
}

} // namespace keqing::output
