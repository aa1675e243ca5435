// Memory on transparent huge pages: regions mapped for them (SQLite's page cache), and an allocator for
// containers that grow by blocks of at most 512 bytes (a std::deque's) carving its blocks from such
// regions, so that filling hundreds of thousands of them faults in one huge page per 4,096 blocks instead
// of one small page per eight (issue 23: a page fault costs 10-15 us on a virtual machine, and a month's
// tallies at 200,000 customers are 34 MB).
#pragma once

#include <cstddef>

namespace keqing::core {

// The size of a transparent huge page on x86-64 (the unit of map_huge_pages).
inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// How a region is backed: `huge` marks it MADV_HUGEPAGE (the kernel backs what is touched a huge page at a
// time, small pages where THP is off), `small` leaves it to small pages (4 KB cleared at each first touch
// instead of 2 MB).
enum class Pages { huge, small };

// `bytes` (a multiple of kHugePageBytes) of fresh memory aligned to a huge page: the kernel backs only what
// is touched; nullptr when the system has no memory to map. Given back with unmap_huge_pages.
void* map_huge_pages(size_t bytes, Pages pages = Pages::huge) noexcept;
void unmap_huge_pages(void* region, size_t bytes) noexcept;

// The largest block the regions serve; larger requests go to operator new.
inline constexpr size_t kHugeBlockBytes = 512;

// A block of `bytes` (from the regions when it fits in kHugeBlockBytes). Thread-safe. The first region held
// is on small pages: a small scope (one rep's 300 tallies, 38 blocks) touches a few 4 KB pages instead of
// having the kernel clear a whole huge page (0.3 of one rep's 6.6 ms remind, docs/PERFORMANCE.md); only the
// regions after it, which only large scopes reach, are on huge pages. A region goes back to the system when
// the last of its blocks is given back (but the one blocks are taken from while others are in use), so that
// memory tallies no longer need serves the rest of the program.
void* huge_block_allocate(size_t bytes);
void huge_block_free(void* block, size_t bytes) noexcept;
// How many regions are held now (for tests).
size_t huge_block_regions();

template <class T> struct HugeBlockAllocator {
    using value_type = T;
    HugeBlockAllocator() noexcept = default;
    template <class U> HugeBlockAllocator(const HugeBlockAllocator<U>&) noexcept {}
    T* allocate(size_t n) { return static_cast<T*>(huge_block_allocate(n * sizeof(T))); }
    void deallocate(T* p, size_t n) noexcept { huge_block_free(p, n * sizeof(T)); }
    template <class U> bool operator==(const HugeBlockAllocator<U>&) const noexcept { return true; }
};

} // namespace keqing::core
