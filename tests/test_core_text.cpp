// Tests for core/text: display width of CJK text and padding.
#include "core/text.hpp"
#include "support.hpp"

using namespace keqing;

TEST_SUITE("core::text") {
    TEST_CASE("display width counts CJK and fullwidth characters as two columns") {
        CHECK(core::display_width("HZ001") == 5);
        CHECK(core::display_width("康泰大药房") == 10);
        CHECK(core::display_width("九洲大药房（湖滨店）") == 20);
        CHECK(core::display_width("老百姓(解放路店)") == 16);
        CHECK(core::display_width("") == 0);
    }

    TEST_CASE("padding aligns by display width") {
        CHECK(core::pad_right("康泰", 6) == "康泰  ");
        CHECK(core::pad_left("7", 3) == "  7");
        CHECK(core::pad_right("toolong", 3) == "toolong");
    }

    TEST_CASE("UTF-8 validation and trimming") {
        CHECK(core::is_valid_utf8("康泰 ok"));
        CHECK_FALSE(core::is_valid_utf8("\xff\xfe"));
        CHECK_FALSE(core::is_valid_utf8("\xe5\xba"));
        CHECK(core::trim("  a b \r\n") == "a b");
        CHECK(core::to_lower("VisIT") == "visit");
    }
}
