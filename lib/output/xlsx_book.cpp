// The workbook layer over libxlsxwriter: sheets, the bold frozen header, percent format, column widths.
#include "output/xlsx_book.hpp"

#include "core/reasons.hpp"
#include "core/text.hpp"
#include "output/libxlsxwriter.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <unistd.h>

namespace keqing::output::xlsx {

using libxlsxwriter::lxw;

Cell text(std::string value) {
    return Cell{Cell::Kind::text, std::move(value), 0};
}
Cell number(double value) {
    return Cell{Cell::Kind::number, {}, value};
}
Cell rate(double value) {
    return Cell{Cell::Kind::rate, {}, value};
}

void Sheet::row(const std::vector<Cell>& cells) {
    if (!sheet_) return;
    const bool header = rows_ == 0;
    if (widths_.size() < cells.size()) widths_.resize(cells.size(), 0);
    for (size_t c = 0; c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        const auto col = static_cast<lxw_col_t>(c);
        int width = 0;
        if (cell.kind == Cell::Kind::text) {
            if (cell.text.empty()) continue;
            lxw().worksheet_write_string(sheet_, rows_, col, cell.text.c_str(),
                                         header ? book_->bold_ : nullptr);
            width = core::display_width(cell.text);
        } else {
            const bool is_rate = cell.kind == Cell::Kind::rate;
            lxw().worksheet_write_number(sheet_, rows_, col, cell.number,
                                         is_rate ? book_->percent_ : nullptr);
            width = is_rate ? 5 : static_cast<int>(fmt::format("{}", cell.number).size());
        }
        widths_[c] = std::max(widths_[c], width);
    }
    ++rows_;
}

void Sheet::finish() {
    lxw().worksheet_freeze_panes(sheet_, 1, 0);
    for (size_t c = 0; c < widths_.size(); ++c) // a little room: Excel's unit is about one digit
        lxw().worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   std::min(widths_[c], 80) + 2.0, nullptr);
}

Book::Book(std::filesystem::path path) : path_(std::move(path)) {
    partial_ = path_;
    partial_ += fmt::format(".keqing-{}.partial", ::getpid());
    loaded_ = libxlsxwriter::load();
    if (!loaded_) return;
    // Constant memory: each sheet's rows go to a temporary file as they are written (in row order, as
    // Sheet::row writes them), strings inline, instead of every cell held in memory until the close: a
    // sheet of 200,000 customers took about 350 MB. The temporary files go beside the workbook.
    tmpdir_ = path_.parent_path().empty() ? std::string(".") : path_.parent_path().string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    book_ = lxw().workbook_new_opt(partial_.c_str(), &options);
    if (!book_) return;
    bold_ = lxw().workbook_add_format(book_);
    lxw().format_set_bold(bold_);
    percent_ = lxw().workbook_add_format(book_);
    lxw().format_set_num_format(percent_, "0%");
}

Book::~Book() {
    if (book_) { // never closed: nothing is written
        lxw().lxw_workbook_free(book_);
        std::error_code ignored;
        std::filesystem::remove(partial_, ignored);
    }
}

Sheet& Book::sheet(std::string_view name, const std::vector<std::string>& headers) {
    std::string title(name.substr(0, 31));
    lxw_worksheet* ws = book_ ? lxw().workbook_add_worksheet(book_, title.c_str()) : nullptr;
    if (book_ && !ws) sheet_failed_ = true;
    sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(*this, ws)));
    Sheet& sheet = *sheets_.back();
    std::vector<Cell> cells;
    for (const auto& h : headers)
        cells.push_back(text(h));
    if (ws) sheet.row(cells);
    return sheet;
}

Result<void> Book::close() {
    if (!loaded_) return loaded_.error();
    if (!book_)
        return db_error("{}: cannot create the workbook; check the folder exists and is writable",
                        path_.string());
    if (sheet_failed_)
        return db_error("{}: cannot write the workbook: no temporary file in {}; free space there or choose "
                        "another path",
                        path_.string(), tmpdir_);
    // The file is created here first, so that a missing folder is one line of ours, not libxlsxwriter's.
    if (std::FILE* probe = std::fopen(partial_.c_str(), "wb"))
        std::fclose(probe);
    else
        return db_error("{}: cannot create the file: {}; check the path", path_.string(),
                        core::reason(errno));
    for (auto& s : sheets_)
        if (s->sheet_) s->finish();
    const lxw_error error = lxw().workbook_close(book_);
    book_ = nullptr;
    std::error_code failed;
    if (error != LXW_NO_ERROR) {
        std::filesystem::remove(partial_, failed);
        return db_error("{}: cannot write the workbook: {}; free space or choose another path",
                        path_.string(), lxw().lxw_strerror(error));
    }
    std::filesystem::rename(partial_, path_, failed);
    if (failed) {
        std::error_code ignored;
        std::filesystem::remove(partial_, ignored);
        return db_error("{}: cannot write the workbook: {}; choose another path", path_.string(),
                        core::reason(failed));
    }
    return {};
}

} // namespace keqing::output::xlsx
