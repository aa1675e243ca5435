// Reading customers with their whole tier and rep history, in one ordered join, and picking the entry
// in effect on a day — shared by the SQLite and PostgreSQL stores (any statement type with step(),
// integer(), text(), view() and is_null()).
#pragma once

#include "core/result.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

namespace keqing::store {

// Customers with every pair of their tier and rep history entries, in code order (columns 8–11 are
// tier, its effective_from, rep, its effective_from); tables named as store/relations.hpp reads them.
inline std::string select_with_history(std::string_view where) {
    return fmt::format(R"(
        SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
               t.tier, t.effective_from, a.rep_id, a.effective_from
        FROM @customers c LEFT JOIN @tier_history t ON t.customer_id = c.id
                          LEFT JOIN @assignments a ON a.customer_id = c.id
        WHERE {} ORDER BY c.code, t.effective_from, a.effective_from)",
                       where);
}

// The history entry in effect on a day: the latest that starts on or before it, else the earliest.
class InEffect {
  public:
    void reset() { set_ = false; }
    void consider(std::string_view value, std::string_view from, std::string_view day) {
        const bool started = from <= day;
        if (!set_ || (started && (!started_ || from > from_)) || (!started && !started_ && from < from_)) {
            value_.assign(value);
            from_.assign(from);
            started_ = started;
            set_ = true;
        }
    }
    const std::string& value() const { return value_; }

  private:
    std::string value_, from_;
    bool set_ = false, started_ = false;
};

// Steps through select_with_history rows: for each customer's first row `start(statement)` adds its record
// and returns the days its tier and rep are read on; after its last row `finish(tier, rep)` completes it.
template <class Statement, class Start, class Finish>
Result<void> each_customer(Statement& s, Start start, Finish finish) {
    InEffect tier, rep;
    int64_t current = 0;
    bool pending = false;
    std::pair<std::string, std::string> days;
    while (true) {
        KQ_TRY(bool row, s.step());
        if (!row) break;
        const int64_t id = s.integer(0);
        if (!pending || id != current) {
            if (pending) finish(tier.value(), rep.value());
            days = start(s);
            tier.reset();
            rep.reset();
            current = id;
            pending = true;
        }
        if (!s.is_null(8)) tier.consider(s.view(8), s.view(9), days.first);
        if (!s.is_null(10)) rep.consider(s.view(10), s.view(11), days.second);
    }
    if (pending) finish(tier.value(), rep.value());
    return {};
}

} // namespace keqing::store
