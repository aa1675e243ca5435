// Table storage and rendering: widths measured with core::display_width once per cell; cells past their
// column's limit (unless the layout is wide) or holding control characters are stored as core::fit makes
// them; on a terminal of known width the plain rendering cuts and wraps them further (table_fit.cpp).
#include "output/table.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <limits>

namespace keqing::output {
namespace {

// One plain line from (text, display width) cells padded to `widths`; no trailing spaces.
template <class CellAt, class ToneAt>
void plain_line(std::string& text, const std::vector<int>& widths, const std::vector<Align>& aligns,
                size_t columns, int gap, CellAt cell_at, ToneAt tone_at) {
    const size_t start = text.size();
    for (size_t c = 0; c < columns; ++c) {
        if (c) text.append(static_cast<size_t>(gap), ' ');
        const auto [cell, width] = cell_at(c);
        const size_t pad = static_cast<size_t>(std::max(0, widths[c] - width));
        if (aligns[c] == Align::right) text.append(pad, ' ');
        const Tone tone = tone_at(c);
        text += tone_start(tone);
        text += cell;
        text += tone_end(tone);
        if (aligns[c] == Align::left) text.append(pad, ' ');
    }
    while (text.size() > start && text.back() == ' ')
        text.pop_back();
}

// Cuts the line begun at `start` to `columns` when a tiny terminal left it wider.
// Colour escapes (only a tone's: stored cells hold no ESC, core::fit shows it as a symbol) are measured
// as nothing, and a cut line loses them.
void cut_line(std::string& text, size_t start, int columns) {
    std::string_view line = std::string_view(text).substr(start);
    std::string bare;
    if (line.find('\033') != std::string_view::npos) {
        for (size_t i = 0; i < line.size(); ++i)
            if (line[i] == '\033')
                i = std::min(line.find('m', i), line.size());
            else
                bare += line[i];
        line = bare;
    }
    if (core::display_width(line) <= columns) return;
    std::string cut = core::fit(line, columns);
    text.resize(start);
    text += cut;
}

} // namespace

Table& Table::column(std::string header, Align align, int max_width) {
    widths_.push_back(core::display_width(header));
    cell_widths_.push_back(0);
    headers_.push_back(std::move(header));
    aligns_.push_back(align);
    limits_.push_back(layout().wide ? std::numeric_limits<uint16_t>::max() : max_width);
    texts_.push_back(max_width >= kTextColumns);
    data_.push_back(true);
    return *this;
}

Table& Table::indent(int spaces) {
    indent_ = std::max(0, spaces);
    return *this;
}

Table& Table::row(const std::vector<std::string>& cells) {
    std::vector<std::string_view> views(cells.begin(), cells.end());
    return row(std::span<const std::string_view>(views));
}

int Table::fit_cell(size_t c, std::string_view& cell, std::string& fitted) const {
    int width = core::display_width(cell);
    if (width > limits_[c] || core::find_text_fault(cell)) {
        fitted = core::fit(cell, limits_[c]);
        cell = fitted;
        width = core::display_width(cell);
    }
    return std::min(width, int{std::numeric_limits<uint16_t>::max()});
}

void Table::measure_cell(size_t c, std::string_view cell, int width) {
    if (data_[c] && static_cast<size_t>(width) != core::count_characters(cell)) data_[c] = false;
    widths_[c] = std::max(widths_[c], width);
    cell_widths_[c] = std::max(cell_widths_[c], width);
}

Table& Table::row(std::span<const std::string_view> cells) {
    std::string fitted;
    for (size_t c = 0; c < headers_.size(); ++c) {
        std::string_view cell = c < cells.size() ? cells[c] : std::string_view();
        const int width = fit_cell(c, cell, fitted);
        cells_ += cell;
        ends_.push_back(static_cast<uint32_t>(cells_.size()));
        displays_.push_back(static_cast<uint16_t>(width));
        measure_cell(c, cell, width);
    }
    ++rows_;
    return *this;
}

Table& Table::measure(std::span<const std::string_view> cells) {
    std::string fitted;
    for (size_t c = 0; c < headers_.size(); ++c) {
        std::string_view cell = c < cells.size() ? cells[c] : std::string_view();
        measure_cell(c, cell, fit_cell(c, cell, fitted));
    }
    return *this;
}

void Table::stream(core::Sink& out, Style style) {
    streamed_style_ = style;
    if (style == Style::markdown) return markdown_head(out);
    streamed_columns_ = layout().columns > 0 ? std::max(1, layout().columns - indent_) : 0;
    streamed_ = plan(streamed_columns_);
    emit(
        out, streamed_, streamed_columns_,
        [&](size_t c) {
            return std::pair<std::string_view, int>(headers_[c], core::display_width(headers_[c]));
        },
        [](size_t) { return Tone::none; });
}

void Table::stream_row(core::Sink& out, std::span<const std::string_view> cells, size_t tone_column,
                       Tone tone) {
    std::vector<std::string> fitted(headers_.size());
    std::vector<std::pair<std::string_view, int>> row(headers_.size());
    for (size_t c = 0; c < headers_.size(); ++c) {
        row[c].first = c < cells.size() ? cells[c] : std::string_view();
        row[c].second = fit_cell(c, row[c].first, fitted[c]);
    }
    if (streamed_style_ == Style::markdown) return markdown_line(out, [&](size_t c) { return row[c].first; });
    emit(
        out, streamed_, streamed_columns_, [&](size_t c) { return row[c]; },
        [&](size_t c) { return c == tone_column ? tone : Tone::none; });
}

Table& Table::tone(size_t column, Tone tone) {
    if (rows_ == 0 || column >= headers_.size() || (tones_.empty() && tone == Tone::none)) return *this;
    tones_.resize(rows_ * headers_.size(), Tone::none);
    tones_[(rows_ - 1) * headers_.size() + column] = tone;
    return *this;
}

std::string_view Table::cell(size_t r, size_t c) const {
    const size_t i = r * headers_.size() + c;
    const size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(cells_).substr(begin, ends_[i] - begin);
}

template <class CellAt> void Table::markdown_line(core::Sink& out, CellAt cell_at) const {
    std::string& text = out.text();
    text += '|';
    for (size_t c = 0; c < headers_.size(); ++c) {
        text += ' ';
        text += cell_at(c);
        text += " |";
    }
    text += '\n';
    out.spill();
}

void Table::markdown_head(core::Sink& out) const {
    markdown_line(out, [&](size_t c) { return std::string_view(headers_[c]); });
    std::string& text = out.text();
    text += '|';
    for (size_t c = 0; c < headers_.size(); ++c)
        text += " --- |";
    text += '\n';
}

void Table::render_markdown(core::Sink& out) const {
    markdown_head(out);
    for (size_t r = 0; r < rows_; ++r)
        markdown_line(out, [&](size_t c) { return cell(r, c); });
}

ColumnPlan Table::plan(int& columns) const {
    const bool fits = columns <= 0 || [&] {
        int total = 2 * static_cast<int>(headers_.size() - 1);
        for (const int w : widths_)
            total += w;
        return total <= columns;
    }();
    if (fits) {
        columns = 0;
        return ColumnPlan{widths_, 2, false, 0};
    }
    // A tiny terminal may leave too little beside the indentation: then its lines are cut.
    return fit_columns(widths_, cell_widths_, {aligns_, texts_, data_}, columns);
}

void Table::render(core::Sink& out, Style style) const {
    if (style == Style::markdown) return render_markdown(out);
    int columns = layout().columns > 0 ? std::max(1, layout().columns - indent_) : 0;
    const ColumnPlan fitted = plan(columns);
    render_plain(out, fitted, columns);
}

// One row (or the header) by `plan`: cells wider than their column are cut (names) or wrapped onto more
// lines (text columns); with `columns`, a line still wider is cut.
template <class CellOf, class ToneOf>
void Table::emit(core::Sink& out, const ColumnPlan& plan, int columns, CellOf cell_of, ToneOf tone_of) const {
    std::string& text = out.text();
    const size_t n = headers_.size();
    const size_t beside = plan.last_below ? n - 1 : n;
    bool whole = !plan.last_below;
    for (size_t c = 0; c < n && whole; ++c)
        whole = cell_of(c).second <= plan.widths[c];
    if (whole) { // the common case: the row as it is, one line
        const size_t start = text.size();
        text.append(static_cast<size_t>(indent_), ' ');
        plain_line(text, plan.widths, aligns_, n, plan.gap, cell_of, tone_of);
        if (columns > 0) cut_line(text, start, columns + indent_);
        text += '\n';
        out.spill();
        return;
    }
    std::vector<std::vector<std::string>> parts(n); // the row's cells as drawn, line by line
    size_t lines = 1;
    for (size_t c = 0; c < n; ++c) {
        const auto [cell, cell_width] = cell_of(c);
        const int width = plan.widths[c];
        if (cell_width <= width)
            parts[c].assign(1, std::string(cell));
        else if (texts_[c])
            parts[c] = core::wrap(cell, width);
        else
            parts[c].assign(1, core::fit(cell, width));
        if (c < beside) lines = std::max(lines, parts[c].size());
    }
    for (size_t l = 0; l < lines; ++l) {
        const size_t start = text.size();
        text.append(static_cast<size_t>(indent_), ' ');
        plain_line(
            text, plan.widths, aligns_, beside, plan.gap,
            [&](size_t c) {
                const std::string_view part = l < parts[c].size() ? std::string_view(parts[c][l]) : "";
                return std::pair<std::string_view, int>(part, core::display_width(part));
            },
            tone_of);
        if (columns > 0) cut_line(text, start, columns + indent_);
        text += '\n';
    }
    if (plan.last_below && !parts[n - 1][0].empty())
        for (const std::string& part : parts[n - 1]) {
            text.append(static_cast<size_t>(indent_ + plan.indent), ' ');
            text += part;
            text += '\n';
        }
    out.spill();
}

// Plain lines by `plan`, the header first.
void Table::render_plain(core::Sink& out, const ColumnPlan& plan, int columns) const {
    const size_t n = headers_.size();
    emit(
        out, plan, columns,
        [&](size_t c) {
            return std::pair<std::string_view, int>(headers_[c], core::display_width(headers_[c]));
        },
        [](size_t) { return Tone::none; });
    for (size_t r = 0; r < rows_; ++r)
        emit(
            out, plan, columns,
            [&](size_t c) { return std::pair<std::string_view, int>(cell(r, c), displays_[r * n + c]); },
            [&](size_t c) { return r * n + c < tones_.size() ? tones_[r * n + c] : Tone::none; });
}

std::string Table::render(Style style) const {
    core::Sink out;
    render(out, style);
    return out.take();
}

std::string fit_name(std::string_view text) {
    return layout().wide ? core::printable(text) : core::fit(text, kNameColumns);
}
std::string fit_text(std::string_view text) {
    return layout().wide ? core::printable(text) : core::fit(text, kTextColumns);
}

} // namespace keqing::output
