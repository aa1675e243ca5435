// The regions behind HugeBlockAllocator: 2 MB-aligned anonymous maps (marked MADV_HUGEPAGE but the first
// one held), handed out in blocks of kHugeBlockBytes (each region's given-back blocks first, then its
// unused end), each given back to the system once none of its blocks is in use. Under AddressSanitizer every
// block comes from operator new, so that its checks still see each one.
#include "core/huge_blocks.hpp"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

#include <sys/mman.h>

namespace keqing::core {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRegions = false;
#else
constexpr bool kRegions = true;
#endif

struct FreeBlock {
    FreeBlock* next;
};

// One 2 MB region: the blocks given back to it, and where its never-used blocks start.
struct Region {
    char* base = nullptr;
    char* next = nullptr;
    FreeBlock* free = nullptr;
    size_t in_use = 0;

    bool has_room() const { return free || next != base + kHugePageBytes; }
};

class Regions {
  public:
    void* take() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (current_ >= regions_.size() || !regions_[current_].has_room()) {
            current_ = 0;
            while (current_ < regions_.size() && !regions_[current_].has_room())
                ++current_;
            if (current_ == regions_.size()) grow();
        }
        Region& r = regions_[current_];
        void* block = nullptr;
        if (r.free) {
            block = r.free;
            r.free = r.free->next;
        } else {
            block = r.next;
            r.next += kHugeBlockBytes;
        }
        ++r.in_use;
        return block;
    }
    // A region none of whose blocks is in use goes back to the system, unless it is the one blocks are taken
    // from while others are in use (so that a deque growing and shrinking by a block at its edge does not
    // map and unmap it each time).
    void give(void* block) noexcept {
        const std::lock_guard<std::mutex> lock(mutex_);
        auto* base = reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(block) & ~(kHugePageBytes - 1));
        const size_t at = find(base);
        Region& r = regions_[at];
        auto* f = static_cast<FreeBlock*>(block);
        f->next = r.free;
        r.free = f;
        if (--r.in_use > 0 || (at == current_ && regions_.size() > 1)) return;
        unmap_huge_pages(r.base, kHugePageBytes);
        regions_.erase(regions_.begin() + static_cast<std::ptrdiff_t>(at));
        if (current_ > at) --current_;
        // The one blocks come from, kept while others were in use, goes too once it is the last and unused.
        if (regions_.size() == 1 && regions_.front().in_use == 0) {
            unmap_huge_pages(regions_.front().base, kHugePageBytes);
            regions_.clear();
            current_ = 0;
        }
    }
    size_t count() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return regions_.size();
    }

  private:
    // The regions are kept in the order of their addresses: a block's is found by a binary search (hundreds
    // of regions at a national scale).
    size_t find(const char* base) const {
        const auto it = std::lower_bound(regions_.begin(), regions_.end(), base,
                                         [](const Region& r, const char* b) { return r.base < b; });
        return static_cast<size_t>(it - regions_.begin());
    }
    void grow() {
        auto* base =
            static_cast<char*>(map_huge_pages(kHugePageBytes, regions_.empty() ? Pages::small : Pages::huge));
        if (!base) throw std::bad_alloc();
        current_ = find(base);
        regions_.insert(regions_.begin() + static_cast<std::ptrdiff_t>(current_),
                        Region{base, base, nullptr, 0});
    }

    std::mutex mutex_;
    std::vector<Region> regions_;
    size_t current_ = 0; // where blocks are taken from
};

Regions& regions() {
    static Regions* the = new Regions(); // never destroyed: blocks may be given back during exit
    return *the;
}

} // namespace

void* map_huge_pages(size_t bytes, Pages pages) noexcept {
    // A huge page more, so that a region aligned to one fits; what is left over either side is unmapped.
    void* mapped =
        ::mmap(nullptr, bytes + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return nullptr;
    const auto start = reinterpret_cast<uintptr_t>(mapped);
    const uintptr_t aligned = (start + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    if (aligned > start) ::munmap(mapped, aligned - start);
    const uintptr_t tail = start + bytes + kHugePageBytes - (aligned + bytes);
    if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + bytes), tail);
    if (pages == Pages::huge) // (without THP: small pages all the same)
        (void)::madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);
    return reinterpret_cast<void*>(aligned);
}

void unmap_huge_pages(void* region, size_t bytes) noexcept {
    ::munmap(region, bytes);
}

void* huge_block_allocate(size_t bytes) {
    if (!kRegions || bytes > kHugeBlockBytes) return ::operator new(bytes);
    return regions().take();
}

void huge_block_free(void* block, size_t bytes) noexcept {
    if (!kRegions || bytes > kHugeBlockBytes) return ::operator delete(block);
    regions().give(block);
}

size_t huge_block_regions() {
    return regions().count();
}

} // namespace keqing::core
