// The --by customer breakdown kept compactly (report/customer_rows.hpp): slots by customer id, merged by
// code and ranked at the end.
#include "report/customer_rows.hpp"

#include <algorithm>
#include <numeric>

namespace keqing::report {

void CustomerRows::reserve(size_t customers) {
    slots_.reserve(customers);
    attainment_.reserve(customers * channels_);
    text_.reserve(customers * 24); // a code and a name, about
}

uint32_t CustomerRows::new_slot(const compliance::CustomerResult& c) {
    Slot s;
    s.text = static_cast<uint32_t>(text_.size());
    s.code_size = static_cast<uint32_t>(c.code.size());
    s.name_size = static_cast<uint32_t>(c.name.size());
    text_ += c.code;
    text_ += c.name;
    slots_.push_back(s);
    attainment_.resize(attainment_.size() + channels_);
    return static_cast<uint32_t>(slots_.size() - 1);
}

// The slot of this customer under this code: its first one, or one of the codes it had in other months.
uint32_t CustomerRows::slot_for(const compliance::CustomerResult& c) {
    const auto [first, fresh] = by_id_.try_emplace(c.id);
    if (fresh) return *first = new_slot(c);
    if (code(slots_[*first]) == c.code) return *first;
    const auto [other, made] = moved_.try_emplace(std::make_pair(c.id, c.code), 0U);
    if (made) other->second = new_slot(c);
    return other->second;
}

void CustomerRows::add(const compliance::CustomerResult& c, const store::Rep* rep) {
    const uint32_t at = slot_for(c);
    Slot& s = slots_[at];
    if (name(s) != c.name) { // renamed: the name as of this month, written after a fresh copy of the code
        const auto text = static_cast<uint32_t>(text_.size());
        text_.append(code(s));
        text_ += c.name;
        s.text = text;
        s.name_size = static_cast<uint32_t>(c.name.size());
    }
    s.rep = rep;
    s.touched = ++additions_;
    s.customer_months++;
    s.by_status[static_cast<size_t>(c.status)]++;
    Attainment* channels = attainment_.data() + static_cast<size_t>(at) * channels_;
    for (size_t k = 0; k < c.channels.size() && k < channels_; ++k)
        channels[k].add(c.channels[k].done, c.channels[k].required);
}

std::vector<Row> CustomerRows::take_ranked() {
    // Slots by code, the same code's (a code another customer had before) one after another.
    std::vector<uint32_t> order(slots_.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return code(slots_[a]) != code(slots_[b]) ? code(slots_[a]) < code(slots_[b]) : a < b;
    });
    // One row's numbers per code (the first slot of its run gets the others' added), and its rate.
    struct Place {
        double rate;
        uint32_t first; // in `order`
        uint32_t end;
    };
    std::vector<Place> places;
    for (size_t i = 0; i < order.size();) {
        size_t end = i + 1;
        while (end < order.size() && code(slots_[order[end]]) == code(slots_[order[i]]))
            ++end;
        Attainment total;
        for (size_t j = i; j < end; ++j)
            for (size_t k = 0; k < channels_; ++k) {
                const Attainment& a = attainment_[static_cast<size_t>(order[j]) * channels_ + k];
                total.done += a.done;
                total.required += a.required;
            }
        places.push_back({total.rate(), static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
        i = end;
    }
    // Best first, then by code; the codes are unique now, so the order is total. Sorted stably by rate
    // alone, the places, already in code order, keep it among equals.
    std::stable_sort(places.begin(), places.end(),
                     [](const Place& a, const Place& b) { return a.rate > b.rate; });
    std::vector<Row> rows;
    rows.reserve(places.size());
    for (const Place& p : places) {
        Row row;
        const Slot* latest = nullptr;
        row.channels.resize(channels_);
        for (uint32_t j = p.first; j < p.end; ++j) {
            const Slot& s = slots_[order[j]];
            if (!latest || s.touched > latest->touched) latest = &s;
            row.customer_months += s.customer_months;
            for (size_t st = 0; st < s.by_status.size(); ++st)
                row.by_status[st] += s.by_status[st];
            for (size_t k = 0; k < channels_; ++k) {
                const Attainment& a = attainment_[static_cast<size_t>(order[j]) * channels_ + k];
                row.channels[k].done += a.done;
                row.channels[k].required += a.required;
                row.total.done += a.done;
                row.total.required += a.required;
            }
        }
        row.key = code(*latest);
        row.label = name(*latest);
        if (latest->rep) row.team = latest->rep->team;
        rows.push_back(std::move(row));
    }
    std::vector<Slot>().swap(slots_);
    std::vector<Attainment>().swap(attainment_);
    std::string().swap(text_);
    by_id_ = {};
    moved_.clear();
    return rows;
}

} // namespace keqing::report
