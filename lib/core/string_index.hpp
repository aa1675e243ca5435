// StringIndex: finds a text key's position in a vector the caller keeps, by open addressing over one
// array of slots (each a key's 32-bit hash and its position). A node-based map chases a bucket, the node
// before and the node itself for every lookup; an import looks up a million customer codes among 200,000
// (issue 23), and those cache misses were the largest part of reading its rows.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace keqing::core {

class StringIndex {
  public:
    static constexpr uint32_t npos = UINT32_MAX;

    // Room for `keys` keys without growing.
    void reserve(size_t keys) {
        if (keys * 2 > slots_.size()) grow(keys * 2);
    }
    size_t size() const { return size_; }

    // The position added for `key`, or npos; `key_at(position)` gives the key stored at a position (the
    // index keeps hashes only).
    template <class KeyAt> uint32_t find(std::string_view key, const KeyAt& key_at) const {
        if (slots_.empty()) return npos;
        const uint32_t hash = hash_of(key);
        for (size_t i = hash & mask(); slots_[i] != 0; i = (i + 1) & mask()) {
            const uint32_t at = static_cast<uint32_t>(slots_[i]) - 1;
            if (static_cast<uint32_t>(slots_[i] >> 32) == hash && std::string_view(key_at(at)) == key)
                return at;
        }
        return npos;
    }

    // Starts reading the slot where a find(key) begins, so that the work the caller does before that find
    // overlaps the cache miss.
    void prefetch(std::string_view key) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash_of(key) & mask()]);
    }

    // Adds `key` at `position` (< npos - 1); the caller makes sure the key is not there yet.
    void add(std::string_view key, uint32_t position) {
        if ((size_ + 1) * 2 > slots_.size()) grow(std::max<size_t>(16, slots_.size() * 2));
        put(hash_of(key), position);
        ++size_;
    }

  private:
    static uint32_t hash_of(std::string_view key) {
        const uint64_t h = std::hash<std::string_view>{}(key);
        return static_cast<uint32_t>(h ^ (h >> 32));
    }
    size_t mask() const { return slots_.size() - 1; }
    void put(uint32_t hash, uint32_t position) {
        size_t i = hash & mask();
        while (slots_[i] != 0)
            i = (i + 1) & mask();
        slots_[i] = (uint64_t{hash} << 32) | (uint64_t{position} + 1);
    }
    // To a power of two of at least `wanted` slots, every key placed again by the hash its slot keeps.
    void grow(size_t wanted) {
        size_t capacity = 16;
        while (capacity < wanted)
            capacity *= 2;
        std::vector<uint64_t> old(capacity, 0);
        old.swap(slots_);
        for (const uint64_t slot : old)
            if (slot != 0) put(static_cast<uint32_t>(slot >> 32), static_cast<uint32_t>(slot) - 1);
    }

    std::vector<uint64_t> slots_; // (hash << 32) | (position + 1); 0: empty
    size_t size_ = 0;
};

} // namespace keqing::core
