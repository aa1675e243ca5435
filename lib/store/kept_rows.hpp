// Rows of one read kept in memory and read again, any part of them, as a statement is read (step(),
// integer(), text(), view(), is_null()): a rep's customer histories on a team server, asked for once in a
// read and narrowed on the client for each later question (store/pg_reads.cpp). Private to lib/store.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::store {

class KeptRows {
  public:
    // Reads the rows `s` has left, `columns` columns each, as text.
    template <class S> static Result<KeptRows> read(S& s, int columns) {
        KeptRows out;
        out.columns_ = static_cast<size_t>(columns);
        while (true) {
            KQ_TRY(bool row, s.step());
            if (!row) return out;
            for (int c = 0; c < columns; ++c) {
                out.nulls_.push_back(s.is_null(c));
                out.cells_.emplace_back(s.is_null(c) ? std::string_view() : s.view(c));
            }
        }
    }

    size_t size() const { return columns_ == 0 ? 0 : cells_.size() / columns_; }
    std::string_view view_at(size_t row, int column) const { return cells_[row * columns_ + column]; }
    int64_t integer_at(size_t row, int column) const {
        return std::strtoll(cells_[row * columns_ + column].c_str(), nullptr, 10);
    }
    bool is_null_at(size_t row, int column) const { return nulls_[row * columns_ + column]; }
    // The numbers in column `id` of the rows whose column `column` holds `value`, each once, in row order
    // (a customer's id from its code, its history rows being next to each other).
    std::vector<int64_t> ids_where(int column, std::string_view value, int id = 0) const {
        std::vector<int64_t> out;
        for (size_t row = 0; row < size(); ++row)
            if (!is_null_at(row, column) && view_at(row, column) == value &&
                (out.empty() || out.back() != integer_at(row, id)))
                out.push_back(integer_at(row, id));
        return out;
    }

    // The rows `keep(rows, row)` keeps, in their order, read as a statement's.
    class Cursor {
      public:
        Cursor(const KeptRows& rows, std::vector<size_t> picked) : rows_(&rows), picked_(std::move(picked)) {}
        Result<bool> step() { return ++at_ < picked_.size(); }
        std::string_view view(int column) const { return rows_->view_at(picked_[at_], column); }
        std::string text(int column) const { return std::string(view(column)); }
        int64_t integer(int column) const { return rows_->integer_at(picked_[at_], column); }
        bool is_null(int column) const { return rows_->is_null_at(picked_[at_], column); }

      private:
        const KeptRows* rows_;
        std::vector<size_t> picked_;
        size_t at_ = static_cast<size_t>(-1);
    };
    template <class Keep> Cursor cursor(Keep keep) const {
        std::vector<size_t> picked;
        for (size_t row = 0; row < size(); ++row)
            if (keep(*this, row)) picked.push_back(row);
        return Cursor(*this, std::move(picked));
    }

  private:
    size_t columns_ = 0;
    std::vector<std::string> cells_;
    std::vector<bool> nulls_;
};

} // namespace keqing::store
