// The report's list of obligations missed or overdue, kept compactly: at national scale there are hundreds
// of thousands of them, and every format lists them all. Only what the listings print is kept — each
// customer's strings back to back in one buffer, the rule's part (kind, name, actions …) once per kind —
// and each obligation is rebuilt whole when it is listed.
#pragma once

#include "occasions/obligations.hpp"

#include <cstdint>
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
    struct Text { // a string in text_
        uint32_t at = 0, size = 0;
    };
    // What every obligation of one rule (and tier, for a festival's actions) shares.
    struct Shape {
        occasions::Obligation::Source source;
        std::string kind, name, rule;
        std::vector<rules::Action> actions;
        rules::Who who;
        bool note_required = false;
    };
    struct Entry {
        Text tag, code, name, person; // a tag of kTagIsKind characters: the shape's kind
        uint32_t tier = 0, rep = 0; // in names_
        uint32_t shape = 0;
        uint32_t satisfied = 0;                  // where its satisfied_by starts in satisfied_
        uint32_t not_counted = 0, not_counts = 0; // in not_counted_
        core::Date date, from, to;
        occasions::State state = occasions::State::missed;
    };

    static constexpr uint32_t kTagIsKind = UINT32_MAX;
    Text keep(std::string_view s);
    std::string_view text(Text t) const { return std::string_view(text_).substr(t.at, t.size); }
    uint32_t name_of(const std::string& s);
    uint32_t shape_of(const occasions::Obligation& o);

    std::string text_;
    std::vector<std::string> names_; // tiers and reps, each once
    std::unordered_map<std::string, uint32_t> name_index_;
    uint32_t last_shape_ = 0;
    std::vector<Shape> shapes_;
    std::vector<Entry> entries_;
    std::vector<int64_t> satisfied_;
    std::vector<occasions::NotCounted> not_counted_;
};

} // namespace keqing::report
