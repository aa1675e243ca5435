// One month's rep goals (R9–R11 and the visit checklist), kept compactly: a report over a range holds every
// month's until it is printed, and each rep's R10 detail names its customers, in the reader's language and
// in English (at 200,000 customers about 6 MB a month as strings). Here the texts lie back to back in one
// buffer, packed (report/packed_text.hpp), each goal's id and label and each team once, and an English
// detail shares the end it has in common with the shown one (all of it, when the reader reads English).
// Each format rebuilds one month's goals at a time, as they were given.
#pragma once

#include "compliance/goals.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::report {

class GoalList {
  public:
    GoalList() = default;
    // `pack`: pack the texts (a month held while others are read); otherwise they are kept as they are.
    explicit GoalList(const std::vector<compliance::RepGoals>& goals, bool pack = true);

    bool empty() const { return reps_.empty(); }
    size_t size() const { return reps_.size(); }
    // The goals as they were given, every field.
    std::vector<compliance::RepGoals> goals() const;
    // What the list holds, in bytes (its buffers' capacity).
    size_t bytes() const;

  private:
    // `size` bytes of the unpacked text from `at`.
    struct Text {
        uint32_t at = 0;
        uint32_t size = 0;
    };
    struct Goal {
        Text detail;
        Text english; // the English detail's own first bytes; the rest is the last `shared` of `detail`
        uint32_t shared = 0;
        uint32_t id = 0, label = 0, label_en = 0; // in words_
        int required = 0, done = 0, expected = 0;
        compliance::Status status = compliance::Status::met;
        bool per_customer = false;
    };
    struct Rep {
        Text rep;
        uint32_t team = 0; // in words_
        compliance::Status status = compliance::Status::met;
        compliance::ChecklistResult checklist;
        uint32_t first = 0, count = 0; // its goals in goals_
    };

    Text keep(std::string& text, std::string_view s);

    std::string text_; // the texts, packed when packed_
    bool packed_ = false;
    std::vector<std::string> words_; // ids, labels and teams, each once
    std::vector<Rep> reps_;
    std::vector<Goal> goals_;
};

} // namespace keqing::report
