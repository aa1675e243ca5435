// The report's --by customer breakdown while its months are added, kept compactly: at 200,000 customers a
// report::Row per customer in a hash map (three strings, a vector and a node each) held about 48 MB through
// every month's evaluation, which pushed `report --from --to --by customer` over 200 MB. Here the counts
// lie in flat arrays and each customer's code and name back to back in one text buffer; the rows are made,
// already in rank order, only once every month is in.
#pragma once

#include "compliance/evaluate.hpp"
#include "core/id_map.hpp"
#include "report/report.hpp"
#include "store/types.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keqing::report {

class CustomerRows {
  public:
    explicit CustomerRows(size_t channels) : channels_(channels) {}

    // Room for this many customers without growing.
    void reserve(size_t customers);
    // One customer-month, `rep` being its rep as of that month (nullptr: none known). A row is a customer
    // code, as report::Row's key is: a code that moved to another customer adds up with it.
    void add(const compliance::CustomerResult& c, const store::Rep* rep);
    // The rows, best first (then by code), labelled as of the last month that listed each; ranks are left
    // for the caller. Empties the breakdown.
    std::vector<Row> take_ranked();

    CustomerRows(const CustomerRows&) = delete;
    CustomerRows& operator=(const CustomerRows&) = delete;

  private:
    // One customer id under one code.
    struct Slot {
        uint32_t text = 0;      // where its code, then its name, begin in text_
        uint32_t code_size = 0; // bytes
        uint32_t name_size = 0;
        uint32_t touched = 0; // when it was last added to (a count of additions), for the label
        const store::Rep* rep = nullptr;
        int customer_months = 0;
        std::array<int, 4> by_status{};
    };

    std::string_view code(const Slot& s) const { return std::string_view(text_).substr(s.text, s.code_size); }
    std::string_view name(const Slot& s) const {
        return std::string_view(text_).substr(s.text + s.code_size, s.name_size);
    }
    uint32_t slot_for(const compliance::CustomerResult& c);
    uint32_t new_slot(const compliance::CustomerResult& c);

    size_t channels_;
    std::vector<Slot> slots_;
    std::vector<Attainment> attainment_; // channels_ per slot
    std::string text_;
    core::IdMap<uint32_t> by_id_;                               // a customer's first slot
    std::map<std::pair<int64_t, std::string>, uint32_t> moved_; // the slots of a customer's other codes
    uint32_t additions_ = 0;
};

} // namespace keqing::report
