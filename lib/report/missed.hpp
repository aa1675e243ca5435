// The report's list of obligations missed or overdue, kept compactly: at national scale there are hundreds
// of thousands of them, and every format lists them all. Only what the listings print is kept — each
// obligation's own strings back to back in one buffer, the rule's part (kind, name, actions …) once per
// rule, tiers and reps once each — and each obligation is rebuilt whole when it is listed.
#pragma once

#include "occasions/obligations.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace keqing::report {

class MissedList : public occasions::Listing {
  public:
    // Keeps `o` (its ids, customer_id and person_id, are not kept: no listing prints them).
    void add(const occasions::Obligation& o);
    // In obligations()'s order: by window end, then customer code, day and tag.
    void sort();
    bool empty() const { return entries_.empty(); }
    size_t size() const override { return entries_.size(); }
    const occasions::Obligation& at(size_t i, occasions::Obligation& scratch) const override;
    Key key(size_t i) const override;

  private:
    // What every obligation of one rule (and tier, for a festival's actions) shares.
    struct Shape {
        occasions::Obligation::Source source;
        std::string kind, name, rule;
        std::vector<rules::Action> actions;
        rules::Who who;
        bool note_required = false;
    };
    // Its strings in text_ from `text` on: customer code, customer name, person, tag (sizes in `sizes`;
    // kLong: they are in long_[text] instead; a tag of size kKind: the shape's kind).
    struct Entry {
        uint32_t text = 0;
        std::array<uint16_t, 4> sizes{};
        uint32_t tier = 0, rep = 0;   // in names_
        uint32_t satisfied = kNone;   // where its satisfied_by starts in satisfied_; kNone: all 0
        uint32_t not_counted = kNone; // in not_counted_at_
        core::Date date, from, to;
        uint16_t shape = 0;
        occasions::State state = occasions::State::missed;
    };
    static constexpr uint32_t kNone = UINT32_MAX;
    static constexpr uint16_t kKind = UINT16_MAX, kLong = UINT16_MAX - 1;
    enum Field { code, name, person, tag };

    std::string_view field(const Entry& e, Field f) const;
    uint32_t name_of(const std::string& s);
    uint16_t shape_of(const occasions::Obligation& o);

    std::string text_;
    std::vector<std::array<std::string, 4>> long_; // the strings of entries with one of kLong bytes or more
    std::vector<std::string> names_;               // tiers and reps, each once
    std::unordered_map<std::string, uint32_t> name_index_;
    std::vector<Shape> shapes_;
    uint16_t last_shape_ = 0;
    std::deque<Entry> entries_; // a deque: growing it never copies what it holds
    std::vector<int64_t> satisfied_;
    std::vector<std::pair<uint32_t, uint32_t>> not_counted_at_; // offset and count in not_counted_
    std::vector<occasions::NotCounted> not_counted_;
};

} // namespace keqing::report
