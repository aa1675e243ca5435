// IdMap: values keyed by database ids. Row ids are small and dense (both stores number rows from 1), so
// the map is a flat array indexed by id while the ids stay within a few times the number held, and a hash
// map only for ids far beyond — no node allocated per id for the hundreds of thousands of customers a
// month's read holds (issue 23).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keqing::core {

template <class V> class IdMap {
  public:
    IdMap() = default;
    // Room for ids 0 … expected without growing.
    explicit IdMap(size_t expected) : expected_(expected) { slots_.reserve(expected + 1); }

    // The value of `id`, or nullptr.
    V* find(int64_t id) {
        if (id >= 0 && static_cast<size_t>(id) < slots_.size())
            return slots_[static_cast<size_t>(id)] ? &*slots_[static_cast<size_t>(id)] : nullptr;
        const auto it = far_.find(id);
        return it == far_.end() ? nullptr : &it->second;
    }
    const V* find(int64_t id) const { return const_cast<IdMap*>(this)->find(id); }

    // The value of `id`, default-made when it had none; true when it was made now.
    std::pair<V*, bool> try_emplace(int64_t id) {
        if (id >= 0 && static_cast<size_t>(id) >= slots_.size() && dense(id)) grow(static_cast<size_t>(id));
        if (id >= 0 && static_cast<size_t>(id) < slots_.size()) {
            auto& slot = slots_[static_cast<size_t>(id)];
            const bool fresh = !slot;
            if (fresh) {
                slot.emplace();
                ++size_;
            }
            return {&*slot, fresh};
        }
        const auto [it, fresh] = far_.try_emplace(id);
        if (fresh) ++size_;
        return {&it->second, fresh};
    }
    V& operator[](int64_t id) { return *try_emplace(id).first; }

    size_t size() const { return size_; }

  private:
    // An id is kept in the array while the array stays within a few times the ids held or expected (with a
    // floor, for small maps of high ids).
    bool dense(int64_t id) const { return static_cast<size_t>(id) < 4 * std::max(size_, expected_) + 1024; }
    // Makes the array hold `id`, moving in the ids kept apart that now fit.
    void grow(size_t id) {
        slots_.resize(std::max(id + 1, slots_.size() * 2));
        for (auto it = far_.begin(); it != far_.end();) {
            if (it->first >= 0 && static_cast<size_t>(it->first) < slots_.size()) {
                slots_[static_cast<size_t>(it->first)].emplace(std::move(it->second));
                it = far_.erase(it);
            } else {
                ++it;
            }
        }
    }

    std::vector<std::optional<V>> slots_;
    std::unordered_map<int64_t, V> far_;
    size_t size_ = 0;
    size_t expected_ = 0;
};

} // namespace keqing::core
