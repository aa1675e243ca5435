// The report's compact list of missed and overdue obligations: kept field by field, rebuilt one at a time.
#include "report/missed.hpp"

#include <algorithm>
#include <tuple>

namespace keqing::report {

std::string_view MissedList::field(const Entry& e, Field f) const {
    const auto i = static_cast<size_t>(f);
    if (f == tag && e.sizes[i] == kKind) return shapes_[e.shape].kind;
    if (std::find(e.sizes.begin(), e.sizes.end(), kLong) != e.sizes.end()) return long_[e.text][i];
    size_t at = e.text;
    for (size_t k = 0; k < i; ++k)
        at += e.sizes[k] == kKind ? 0 : e.sizes[k];
    return std::string_view(text_).substr(at, e.sizes[i]);
}

uint32_t MissedList::name_of(const std::string& s) {
    const auto [it, fresh] = name_index_.try_emplace(s, static_cast<uint32_t>(names_.size()));
    if (fresh) names_.push_back(s);
    return it->second;
}

uint16_t MissedList::shape_of(const occasions::Obligation& o) {
    const auto same = [&](const Shape& s) {
        return s.source == o.source && s.who == o.who && s.note_required == o.note_required &&
               s.actions == o.actions && s.kind == o.kind && s.name == o.name && s.rule == o.rule;
    };
    if (last_shape_ < shapes_.size() && same(shapes_[last_shape_])) return last_shape_;
    const auto found = std::find_if(shapes_.begin(), shapes_.end(), same);
    last_shape_ = static_cast<uint16_t>(found - shapes_.begin());
    if (found == shapes_.end())
        shapes_.push_back({o.source, o.kind, o.name, o.rule, o.actions, o.who, o.note_required});
    return last_shape_;
}

void MissedList::add(const occasions::Obligation& o) {
    Entry e;
    e.shape = shape_of(o);
    const std::array<const std::string*, 4> strings{&o.customer_code, &o.customer_name, &o.person, &o.tag};
    const bool whole = std::all_of(strings.begin(), strings.end(), [](auto* s) { return s->size() < kLong; });
    e.text = static_cast<uint32_t>(whole ? text_.size() : long_.size());
    for (size_t i = 0; i < strings.size(); ++i) {
        e.sizes[i] = whole ? static_cast<uint16_t>(strings[i]->size()) : kLong;
        if (i == tag && o.tag == o.kind)
            e.sizes[i] = kKind;
        else if (whole)
            text_ += *strings[i];
    }
    if (!whole) long_.push_back({o.customer_code, o.customer_name, o.person, o.tag});
    e.tier = name_of(o.tier);
    e.rep = name_of(o.rep);
    const size_t actions = o.actions.size();
    if (std::any_of(o.satisfied_by.begin(), o.satisfied_by.end(), [](int64_t id) { return id != 0; })) {
        e.satisfied = static_cast<uint32_t>(satisfied_.size());
        satisfied_.resize(satisfied_.size() + actions, 0);
        std::copy_n(o.satisfied_by.begin(), std::min(o.satisfied_by.size(), actions),
                    satisfied_.begin() + e.satisfied);
    }
    if (!o.not_counted.empty()) {
        e.not_counted = static_cast<uint32_t>(not_counted_at_.size());
        not_counted_at_.emplace_back(static_cast<uint32_t>(not_counted_.size()), o.not_counted.size());
        not_counted_.insert(not_counted_.end(), o.not_counted.begin(), o.not_counted.end());
    }
    e.date = o.date;
    e.from = o.from;
    e.to = o.to;
    e.state = o.state;
    entries_.push_back(e);
}

void MissedList::sort() {
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
        return std::tuple(a.to, field(a, code), a.date, field(a, tag)) <
               std::tuple(b.to, field(b, code), b.date, field(b, tag));
    });
}

const occasions::Obligation& MissedList::at(size_t i, occasions::Obligation& o) const {
    const Entry& e = entries_[i];
    const Shape& s = shapes_[e.shape];
    o.source = s.source;
    o.tag = field(e, tag);
    o.kind = s.kind;
    o.name = s.name;
    o.rule = s.rule;
    o.person = field(e, person);
    o.person_id = 0;
    o.customer_id = 0;
    o.customer_code = field(e, code);
    o.customer_name = field(e, name);
    o.tier = names_[e.tier];
    o.rep = names_[e.rep];
    o.date = e.date;
    o.from = e.from;
    o.to = e.to;
    o.actions = s.actions;
    o.satisfied_by.assign(s.actions.size(), 0);
    if (e.satisfied != kNone)
        std::copy_n(satisfied_.begin() + e.satisfied, s.actions.size(), o.satisfied_by.begin());
    o.note_required = s.note_required;
    o.who = s.who;
    o.state = e.state;
    o.not_counted.clear();
    if (e.not_counted != kNone) {
        const auto [from, count] = not_counted_at_[e.not_counted];
        o.not_counted.assign(not_counted_.begin() + from, not_counted_.begin() + from + count);
    }
    o.uid = occasions::uid_of(o);
    return o;
}

occasions::Listing::Key MissedList::key(size_t i) const {
    const Entry& e = entries_[i];
    return {e.state, e.date, field(e, code)};
}

} // namespace keqing::report
