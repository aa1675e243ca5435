// The regions behind HugeBlockAllocator: 2 MB-aligned anonymous maps marked MADV_HUGEPAGE, handed out in
// blocks of kHugeBlockBytes (each region's given-back blocks first, then its unused end), each given back
// to the system once none of its blocks is in use. Under AddressSanitizer every block comes from operator
// new, so that its checks still see each one.
#include "core/huge_blocks.hpp"

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
constexpr size_t kRegionBytes = size_t{2} << 20;

struct FreeBlock {
    FreeBlock* next;
};

// One 2 MB region: the blocks given back to it, and where its never-used blocks start.
struct Region {
    char* base = nullptr;
    char* next = nullptr;
    FreeBlock* free = nullptr;
    size_t in_use = 0;

    bool has_room() const { return free || next != base + kRegionBytes; }
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
        auto* base = reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(block) & ~(kRegionBytes - 1));
        size_t at = 0;
        while (regions_[at].base != base)
            ++at;
        Region& r = regions_[at];
        auto* f = static_cast<FreeBlock*>(block);
        f->next = r.free;
        r.free = f;
        if (--r.in_use > 0 || (at == current_ && regions_.size() > 1)) return;
        ::munmap(r.base, kRegionBytes);
        regions_.erase(regions_.begin() + static_cast<std::ptrdiff_t>(at));
        if (current_ > at) --current_;
    }
    size_t count() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return regions_.size();
    }

  private:
    void grow() {
        // Twice the size, so that one region aligned to a huge page fits; the rest is unmapped.
        void* mapped =
            ::mmap(nullptr, 2 * kRegionBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) throw std::bad_alloc();
        const auto start = reinterpret_cast<uintptr_t>(mapped);
        const uintptr_t aligned = (start + kRegionBytes - 1) & ~(kRegionBytes - 1);
        if (aligned > start) ::munmap(mapped, aligned - start);
        const uintptr_t tail = start + 2 * kRegionBytes - (aligned + kRegionBytes);
        if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + kRegionBytes), tail);
        auto* base = reinterpret_cast<char*>(aligned);
        (void)::madvise(base, kRegionBytes, MADV_HUGEPAGE); // without THP: small pages, as malloc's
        regions_.push_back(Region{base, base, nullptr, 0});
        current_ = regions_.size() - 1;
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
