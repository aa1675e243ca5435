// Tests for core/string_index: every key added is found at its position through growth, keys never added
// (including ones sharing a slot's neighbourhood) are not, and an empty index finds nothing.
#include "core/string_index.hpp"

#include <doctest/doctest.h>
#include <fmt/core.h>

#include <string>
#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_string_index {

using keqing::core::StringIndex;

TEST_SUITE("core::string_index") {
    TEST_CASE("an empty index finds nothing") {
        const StringIndex index;
        const std::vector<std::string> none;
        CHECK(index.find("C0001", [&](uint32_t i) -> const std::string& { return none.at(i); }) ==
              StringIndex::npos);
        CHECK(index.size() == 0);
    }

    TEST_CASE("keys added one at a time are found at their positions as the index grows") {
        StringIndex index;
        std::vector<std::string> keys;
        const auto key_at = [&](uint32_t i) -> const std::string& { return keys.at(i); };
        for (int n = 0; n < 5000; ++n) {
            keys.push_back(fmt::format("C{:07}", n * 7));
            index.add(keys.back(), static_cast<uint32_t>(keys.size() - 1));
        }
        CHECK(index.size() == keys.size());
        for (uint32_t i = 0; i < keys.size(); ++i)
            CHECK(index.find(keys[i], key_at) == i);
        // Codes between those added, longer and shorter ones, empty: none of them.
        for (int n = 0; n < 5000; ++n)
            CHECK(index.find(fmt::format("C{:07}", n * 7 + 3), key_at) == StringIndex::npos);
        CHECK(index.find("C00000000", key_at) == StringIndex::npos);
        CHECK(index.find("C", key_at) == StringIndex::npos);
        CHECK(index.find("", key_at) == StringIndex::npos);
    }

    TEST_CASE("reserve keeps what was added and what is added after") {
        StringIndex index;
        std::vector<std::string> keys{"王强", "李娜", ""};
        const auto key_at = [&](uint32_t i) -> const std::string& { return keys.at(i); };
        for (uint32_t i = 0; i < keys.size(); ++i)
            index.add(keys[i], i);
        index.reserve(100000);
        keys.push_back("r00007");
        index.add(keys.back(), 3);
        for (uint32_t i = 0; i < keys.size(); ++i)
            CHECK(index.find(keys[i], key_at) == i);
        CHECK(index.find("张伟", key_at) == StringIndex::npos);
    }
}

} // namespace unit_core_string_index
