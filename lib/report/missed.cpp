// The report's compact list of missed and overdue obligations: kept field by field, rebuilt one at a time.
#include "report/missed.hpp"

#include <algorithm>
#include <tuple>

namespace keqing::report {

MissedList::Text MissedList::keep(std::string_view s) {
    const Text t{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(s.size())};
    text_ += s;
    return t;
}

uint32_t MissedList::name_of(const std::string& s) {
    const auto [it, fresh] = name_index_.try_emplace(s, static_cast<uint32_t>(names_.size()));
    if (fresh) names_.push_back(s);
    return it->second;
}

uint32_t MissedList::shape_of(const occasions::Obligation& o) {
    const auto same = [&](const Shape& s) {
        return s.source == o.source && s.who == o.who && s.note_required == o.note_required &&
               s.kind == o.kind && s.name == o.name && s.rule == o.rule && s.actions == o.actions;
    };
    if (last_shape_ < shapes_.size() && same(shapes_[last_shape_])) return last_shape_;
    const auto found = std::find_if(shapes_.begin(), shapes_.end(), same);
    last_shape_ = static_cast<uint32_t>(found - shapes_.begin());
    if (found == shapes_.end())
        shapes_.push_back({o.source, o.kind, o.name, o.rule, o.actions, o.who, o.note_required});
    return last_shape_;
}

void MissedList::add(const occasions::Obligation& o) {
    Entry e;
    e.shape = shape_of(o);
    e.tag = o.tag == o.kind ? Text{0, kTagIsKind} : keep(o.tag);
    e.code = keep(o.customer_code);
    e.name = keep(o.customer_name);
    e.person = keep(o.person);
    e.tier = name_of(o.tier);
    e.rep = name_of(o.rep);
    e.satisfied = static_cast<uint32_t>(satisfied_.size());
    satisfied_.resize(satisfied_.size() + o.actions.size(), 0);
    std::copy_n(o.satisfied_by.begin(), std::min(o.satisfied_by.size(), o.actions.size()),
                satisfied_.begin() + e.satisfied);
    e.not_counted = static_cast<uint32_t>(not_counted_.size());
    e.not_counts = static_cast<uint32_t>(o.not_counted.size());
    not_counted_.insert(not_counted_.end(), o.not_counted.begin(), o.not_counted.end());
    e.date = o.date;
    e.from = o.from;
    e.to = o.to;
    e.state = o.state;
    entries_.push_back(e);
}

void MissedList::sort() {
    const auto tag = [&](const Entry& e) {
        return e.tag.size == kTagIsKind ? std::string_view(shapes_[e.shape].kind) : text(e.tag);
    };
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
        return std::tuple(a.to, text(a.code), a.date, tag(a)) < std::tuple(b.to, text(b.code), b.date, tag(b));
    });
}

const occasions::Obligation& MissedList::at(size_t i, occasions::Obligation& o) const {
    const Entry& e = entries_[i];
    const Shape& s = shapes_[e.shape];
    o.source = s.source;
    o.tag = e.tag.size == kTagIsKind ? std::string_view(s.kind) : text(e.tag);
    o.kind = s.kind;
    o.name = s.name;
    o.rule = s.rule;
    o.person = text(e.person);
    o.person_id = 0;
    o.customer_id = 0;
    o.customer_code = text(e.code);
    o.customer_name = text(e.name);
    o.tier = names_[e.tier];
    o.rep = names_[e.rep];
    o.date = e.date;
    o.from = e.from;
    o.to = e.to;
    o.actions = s.actions;
    const auto satisfied = satisfied_.begin() + e.satisfied;
    o.satisfied_by.assign(satisfied, satisfied + static_cast<ptrdiff_t>(s.actions.size()));
    o.note_required = s.note_required;
    o.who = s.who;
    o.state = e.state;
    const auto not_counted = not_counted_.begin() + e.not_counted;
    o.not_counted.assign(not_counted, not_counted + e.not_counts);
    o.uid = occasions::uid_of(o);
    return o;
}

occasions::Listing::Key MissedList::key(size_t i) const {
    const Entry& e = entries_[i];
    return {e.state, e.date, text(e.code)};
}

} // namespace keqing::report
