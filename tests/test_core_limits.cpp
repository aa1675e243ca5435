// Tests for core/limits: a value to store is one line of printable text within its field's limit.
#include "core/limits.hpp"
#include "support.hpp"

#include <string>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_limits {

using namespace keqing;

TEST_SUITE("core::limits") {
    TEST_CASE("values within their limit pass, longer ones are data errors naming the value and the limit") {
        CHECK(core::check_value("", core::kMaxName, "x").ok());
        CHECK(core::check_value(std::string(core::kMaxName, 'a'), core::kMaxName, "x").ok());
        std::string cjk;
        for (size_t i = 0; i < core::kMaxName; ++i)
            cjk += "药"; // characters, not bytes
        CHECK(core::check_value(cjk, core::kMaxName, "x").ok());
        auto long_name = core::check_value(cjk + "房", core::kMaxName, "the name of customer HZ1");
        REQUIRE_FALSE(long_name.ok());
        CHECK(long_name.error().code == Exit::data);
        CHECK(long_name.error().message == "the name of customer HZ1 is 101 characters long; at most 100 are "
                                           "allowed (README, Limits), shorten it");
    }

    TEST_CASE("control characters and invalid UTF-8 are refused with their position") {
        auto control = core::check_value("ok\x1b[2J", core::kMaxText, "--note");
        REQUIRE_FALSE(control.ok());
        CHECK(control.error().code == Exit::data);
        CHECK(control.error().message ==
              "--note has a control character (U+001B escape) at character 3 (byte 3); "
              "write it as one line of printable text");
        auto invalid = core::check_value("a\xff", core::kMaxText, "--note");
        REQUIRE_FALSE(invalid.ok());
        CHECK(invalid.error().message.starts_with(
            "--note has an invalid UTF-8 byte (0xFF) at character 2 (byte 2)"));
    }
}

} // namespace unit_core_limits
