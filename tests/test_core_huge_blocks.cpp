// Tests for core/huge_blocks: a deque on the huge-page regions holds what it is given, blocks given back
// are taken again, larger requests bypass the regions, and a region goes back once none of its blocks is in
// use.
#include "core/huge_blocks.hpp"
#include "support.hpp"

#include <cstdint>
#include <cstdio>
#include <deque>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_huge_blocks {

using namespace keqing;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRegions = false; // every block from operator new, for AddressSanitizer's checks
#else
constexpr bool kRegions = true;
#endif

// Whether the mapping holding `address` is marked MADV_HUGEPAGE (the "hg" among its VmFlags in
// /proc/self/smaps).
bool advised_huge(const void* address) {
    std::ifstream smaps("/proc/self/smaps");
    const auto at = reinterpret_cast<uintptr_t>(address);
    bool inside = false;
    for (std::string line; std::getline(smaps, line);) {
        unsigned long start = 0, end = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &start, &end) == 2) // a mapping's first line
            inside = start <= at && at < end;
        else if (inside && line.rfind("VmFlags:", 0) == 0)
            return (line + " ").find(" hg ") != std::string::npos;
    }
    FAIL("no mapping in /proc/self/smaps holds the address");
    return false;
}

struct Item {
    int64_t id = 0;
    int values[14] = {};
};

TEST_SUITE("core::huge_blocks") {
    TEST_CASE("a deque of 300,000 items on the regions keeps them, and gives the regions back") {
        REQUIRE(core::huge_block_regions() == 0);
        {
            std::deque<Item, core::HugeBlockAllocator<Item>> items;
            for (int64_t i = 0; i < 300000; ++i) {
                Item item;
                item.id = i;
                item.values[13] = static_cast<int>(i % 97);
                items.push_back(item);
            }
            // 64-byte items, eight to a 512-byte block: 37,500 blocks, ten 2 MB regions.
            CHECK(core::huge_block_regions() == (kRegions ? 10u : 0u));
            int64_t sum = 0;
            bool in_order = true;
            for (size_t i = 0; i < items.size(); ++i) {
                in_order = in_order && items[i].id == static_cast<int64_t>(i);
                sum += items[i].values[13];
            }
            CHECK(in_order);
            int64_t expected = 0;
            for (int64_t i = 0; i < 300000; ++i)
                expected += i % 97;
            CHECK(sum == expected);
        }
        CHECK(core::huge_block_regions() == 0);
    }

    TEST_CASE("a block given back is the next one taken, from a region aligned to a huge page") {
        void* first = core::huge_block_allocate(core::kHugeBlockBytes);
        void* second = core::huge_block_allocate(100);
        CHECK(first != second);
        if (kRegions) {
            CHECK(reinterpret_cast<uintptr_t>(first) % (uintptr_t{2} << 20) == 0);
            CHECK(static_cast<char*>(second) == static_cast<char*>(first) + core::kHugeBlockBytes);
        }
        core::huge_block_free(second, 100);
        void* again = core::huge_block_allocate(64);
        if (kRegions) CHECK(again == second);
        core::huge_block_free(again, 64);
        core::huge_block_free(first, core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == 0);
    }

    TEST_CASE("a region whose blocks are all given back goes back while other regions are in use") {
        // 4,096 blocks a region: two regions filled and one block of a third.
        const size_t per_region = (size_t{2} << 20) / core::kHugeBlockBytes;
        std::vector<void*> blocks;
        for (size_t i = 0; i < 2 * per_region + 1; ++i)
            blocks.push_back(core::huge_block_allocate(core::kHugeBlockBytes));
        CHECK(core::huge_block_regions() == (kRegions ? 3u : 0u));
        for (size_t i = 0; i < per_region; ++i) // the first region's
            core::huge_block_free(blocks[i], core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == (kRegions ? 2u : 0u));
        // A block taken from the third region and given back: it has one still in use, so it stays.
        void* again = core::huge_block_allocate(core::kHugeBlockBytes);
        core::huge_block_free(again, core::kHugeBlockBytes);
        core::huge_block_free(blocks.back(), core::kHugeBlockBytes); // the third region's only block
        CHECK(core::huge_block_regions() == (kRegions ? 2u : 0u));   // it is the one blocks come from
        // The second region's blocks given back: it goes, and the third, unused and now the last, with it.
        for (size_t i = per_region; i < 2 * per_region; ++i)
            core::huge_block_free(blocks[i], core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == 0);
        void* last = core::huge_block_allocate(core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == (kRegions ? 1u : 0u));
        core::huge_block_free(last, core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == 0);
    }

    TEST_CASE("the region blocks come from, kept empty while another is in use, goes back with the other") {
        // Two deques filled at once can leave the newest region unused before an older one: it is kept (it
        // is the one blocks come from) until the older one goes, and then goes with it.
        const size_t per_region = (size_t{2} << 20) / core::kHugeBlockBytes;
        std::vector<void*> blocks;
        for (size_t i = 0; i < per_region; ++i)
            blocks.push_back(core::huge_block_allocate(core::kHugeBlockBytes));
        void* newest = core::huge_block_allocate(core::kHugeBlockBytes); // the second region's first block
        CHECK(core::huge_block_regions() == (kRegions ? 2u : 0u));
        core::huge_block_free(newest, core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == (kRegions ? 2u : 0u));
        for (void* block : blocks)
            core::huge_block_free(block, core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == 0);
    }

    TEST_CASE("the first region held is on small pages and the next on huge pages") {
        // One rep's tallies fit in a few blocks: a huge page under them is 2 MB the kernel clears for 20 KB.
        if (!kRegions) return;
        const size_t per_region = (size_t{2} << 20) / core::kHugeBlockBytes;
        std::vector<void*> blocks;
        for (size_t i = 0; i < per_region + 1; ++i)
            blocks.push_back(core::huge_block_allocate(core::kHugeBlockBytes));
        REQUIRE(core::huge_block_regions() == 2);
        CHECK_FALSE(advised_huge(blocks.front()));
        CHECK(advised_huge(blocks.back()));
        for (void* block : blocks)
            core::huge_block_free(block, core::kHugeBlockBytes);
        CHECK(core::huge_block_regions() == 0);
    }

    TEST_CASE("map_huge_pages gives a region aligned to a huge page that can be written whole") {
        const size_t bytes = 2 * core::kHugePageBytes;
        auto* region = static_cast<unsigned char*>(core::map_huge_pages(bytes));
        REQUIRE(region != nullptr);
        CHECK(reinterpret_cast<uintptr_t>(region) % core::kHugePageBytes == 0);
        CHECK(region[0] == 0);
        CHECK(region[bytes - 1] == 0);
        for (size_t i = 0; i < bytes; i += 4096)
            region[i] = static_cast<unsigned char>(i / 4096);
        region[bytes - 1] = 7;
        CHECK(region[4096 * 300] == static_cast<unsigned char>(300));
        CHECK(region[bytes - 1] == 7);
        core::unmap_huge_pages(region, bytes);
    }

    TEST_CASE("a request larger than a block does not take one") {
        void* big = core::huge_block_allocate(core::kHugeBlockBytes + 1);
        CHECK(core::huge_block_regions() == 0);
        core::huge_block_free(big, core::kHugeBlockBytes + 1);
    }

    TEST_CASE("two threads filling deques at once each keep their own items") {
        std::vector<std::deque<int64_t, core::HugeBlockAllocator<int64_t>>> two(2);
        const auto fill = [&](size_t which) {
            for (int64_t i = 0; i < 200000; ++i)
                two[which].push_back(i * 2 + static_cast<int64_t>(which));
        };
        std::thread other(fill, 1);
        fill(0);
        other.join();
        bool right = true;
        for (size_t w = 0; w < 2; ++w)
            for (size_t i = 0; i < two[w].size(); ++i)
                right = right && two[w][i] == static_cast<int64_t>(i * 2 + w);
        CHECK(right);
        CHECK(two[0].size() == 200000);
        two.clear();
        CHECK(core::huge_block_regions() == 0);
    }
}

} // namespace unit_core_huge_blocks
