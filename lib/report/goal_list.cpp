// The compact list of a month's rep goals: texts in one packed buffer, words once, English details sharing
// their end with the shown ones.
#include "report/goal_list.hpp"

#include "report/packed_text.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace keqing::report {
namespace {

// How many bytes `a` and `b` end with in common.
size_t common_end(std::string_view a, std::string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n])
        ++n;
    return n;
}

uint32_t narrow(size_t n) {
    if (n > UINT32_MAX) throw std::length_error("rep goals: more than 4 GB of text");
    return static_cast<uint32_t>(n);
}

} // namespace

GoalList::GoalList(const std::vector<compliance::RepGoals>& goals, bool pack) : packed_(pack) {
    std::unordered_map<std::string, uint32_t> index;
    const auto word = [&](const std::string& s) {
        const auto [at, fresh] = index.try_emplace(s, narrow(words_.size()));
        if (fresh) words_.push_back(s);
        return at->second;
    };
    // The text's size first, so that the buffer is allocated once and exactly.
    size_t size = 0, count = 0;
    for (const auto& r : goals) {
        size += r.rep.size();
        count += r.goals.size();
        for (const auto& g : r.goals)
            size += g.detail.size() + g.detail_en.size() - common_end(g.detail, g.detail_en);
    }
    std::string text;
    text.reserve(size);
    reps_.reserve(goals.size());
    goals_.reserve(count);
    for (const auto& r : goals) {
        Rep rep;
        rep.rep = keep(text, r.rep);
        rep.team = word(r.team);
        rep.status = r.status;
        rep.checklist = r.checklist;
        rep.first = narrow(goals_.size());
        rep.count = narrow(r.goals.size());
        for (const auto& g : r.goals) {
            Goal kept;
            kept.detail = keep(text, g.detail);
            kept.shared = narrow(common_end(g.detail, g.detail_en));
            kept.english =
                keep(text, std::string_view(g.detail_en).substr(0, g.detail_en.size() - kept.shared));
            kept.id = word(g.id);
            kept.label = word(g.label);
            kept.label_en = word(g.label_en);
            kept.required = g.required;
            kept.done = g.done;
            kept.expected = g.expected;
            kept.status = g.status;
            kept.per_customer = g.per_customer;
            goals_.push_back(kept);
        }
        reps_.push_back(rep);
    }
    text_ = pack ? pack_text(text) : std::move(text);
}

GoalList::Text GoalList::keep(std::string& text, std::string_view s) {
    const Text t{narrow(text.size()), narrow(s.size())};
    text += s;
    return t;
}

std::vector<compliance::RepGoals> GoalList::goals() const {
    const std::string unpacked = packed_ ? unpack_text(text_) : std::string();
    const std::string& text = packed_ ? unpacked : text_;
    const auto view = [&](Text t) { return std::string_view(text).substr(t.at, t.size); };
    std::vector<compliance::RepGoals> out(reps_.size());
    for (size_t i = 0; i < reps_.size(); ++i) {
        const Rep& rep = reps_[i];
        compliance::RepGoals& r = out[i];
        r.rep = view(rep.rep);
        r.team = words_[rep.team];
        r.status = rep.status;
        r.checklist = rep.checklist;
        r.goals.resize(rep.count);
        for (size_t k = 0; k < rep.count; ++k) {
            const Goal& kept = goals_[rep.first + k];
            compliance::GoalResult& g = r.goals[k];
            g.id = words_[kept.id];
            g.label = words_[kept.label];
            g.label_en = words_[kept.label_en];
            g.required = kept.required;
            g.done = kept.done;
            g.expected = kept.expected;
            g.status = kept.status;
            g.per_customer = kept.per_customer;
            const std::string_view detail = view(kept.detail);
            g.detail = detail;
            g.detail_en.reserve(kept.english.size + kept.shared);
            g.detail_en = view(kept.english);
            g.detail_en += detail.substr(detail.size() - kept.shared);
        }
    }
    return out;
}

size_t GoalList::bytes() const {
    size_t words = 0;
    for (const auto& w : words_)
        words += sizeof(std::string) + (w.capacity() > 15 ? w.capacity() : 0);
    return text_.capacity() + words + reps_.capacity() * sizeof(Rep) + goals_.capacity() * sizeof(Goal);
}

} // namespace keqing::report
