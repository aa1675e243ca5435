// The regions behind HugeBlockAllocator: 2 MB-aligned anonymous maps marked MADV_HUGEPAGE, handed out in
// blocks of kHugeBlockBytes from a free list or the end of the last region, all given back at once when no
// block is in use. Under AddressSanitizer every block comes from operator new, so that its checks still see
// each one.
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

class Regions {
  public:
    void* take() {
        const std::lock_guard<std::mutex> lock(mutex_);
        void* block = nullptr;
        if (free_) {
            block = free_;
            free_ = free_->next;
        } else {
            if (end_ == next_) grow();
            block = next_;
            next_ += kHugeBlockBytes;
        }
        ++in_use_;
        return block;
    }
    void give(void* block) noexcept {
        const std::lock_guard<std::mutex> lock(mutex_);
        auto* f = static_cast<FreeBlock*>(block);
        f->next = free_;
        free_ = f;
        if (--in_use_ == 0) release();
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
        auto* region = reinterpret_cast<char*>(aligned);
        (void)::madvise(region, kRegionBytes, MADV_HUGEPAGE); // without THP: small pages, as malloc's
        regions_.push_back(region);
        next_ = region;
        end_ = region + kRegionBytes;
    }
    void release() noexcept {
        for (char* region : regions_)
            ::munmap(region, kRegionBytes);
        regions_.clear();
        free_ = nullptr;
        next_ = end_ = nullptr;
    }

    std::mutex mutex_;
    std::vector<char*> regions_;
    FreeBlock* free_ = nullptr;
    char* next_ = nullptr;
    char* end_ = nullptr;
    size_t in_use_ = 0;
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
