// Tests for core/text: display width of CJK text, padding, strict UTF-8, faults of one-line values with
// their position, and cells made printable and cut to a width.
#include "core/text.hpp"
#include "support.hpp"

#include <vector>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_text {

using namespace keqing;

TEST_SUITE("core::text") {
    TEST_CASE("wrap breaks after spaces and between CJK characters by display width") {
        using V = std::vector<std::string>;
        CHECK(core::wrap("visit +3 to pace, call +1 to pace", 16) ==
              V{"visit +3 to", "pace, call +1 to", "pace"});
        CHECK(core::wrap("与活泼型一起快乐", 7) == V{"与活泼", "型一起", "快乐"});
        CHECK(core::wrap("abcdefghij", 4) == V{"abcd", "efgh", "ij"});
        CHECK(core::wrap("", 5) == V{""});
        CHECK(core::wrap("a\x1b", 5) == V{"a\u241b"});
        for (const auto& line : core::wrap("10 of 12 customers 还需要 a problem solved: HZ004 0/1", 9))
            CHECK(core::display_width(line) <= 9);
    }
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

    TEST_CASE("UTF-8 is strict: overlong forms, surrogates and code points past U+10FFFF are invalid") {
        CHECK(core::is_valid_utf8("\xF0\x9F\x98\x80"));       // U+1F600
        CHECK_FALSE(core::is_valid_utf8("\xC0\x80"));         // an overlong NUL
        CHECK_FALSE(core::is_valid_utf8("\xE0\x80\xAF"));     // an overlong '/'
        CHECK_FALSE(core::is_valid_utf8("\xED\xA0\x80"));     // a surrogate
        CHECK_FALSE(core::is_valid_utf8("\xF4\x90\x80\x80")); // past U+10FFFF
        CHECK(core::first_invalid_utf8("康泰\xff") == 6);
        CHECK(core::first_invalid_utf8("康泰") == std::string_view::npos);
    }

    // ASCII is skipped eight bytes at a time (core/text.cpp): a bad byte is found wherever it falls in or
    // after such a run, a character split across eight-byte words is read whole.
    TEST_CASE("the first invalid UTF-8 byte is found before, inside and after runs of ASCII") {
        const std::string ascii = "C0000001,visit,2026-11-02,10:00,r00007,";
        for (size_t n = 0; n <= ascii.size(); ++n) {
            CAPTURE(n);
            const std::string head = ascii.substr(0, n);
            CHECK(core::first_invalid_utf8(head) == std::string_view::npos);
            CHECK(core::first_invalid_utf8(head + "\xff" + ascii) == n);
            CHECK(core::first_invalid_utf8(head + "康泰" + ascii + "\xe5\xba") == n + 6 + ascii.size());
            CHECK(core::first_invalid_utf8(head + "补录\n" + ascii) == std::string_view::npos);
        }
    }

    TEST_CASE("a one-line value's first fault, with its character and byte") {
        CHECK_FALSE(core::find_text_fault("康泰大药房 HZ-001 (north) ~!"));
        CHECK_FALSE(core::find_text_fault(""));
        auto esc = core::find_text_fault("a\x1b[31mb");
        REQUIRE(esc);
        CHECK(esc->describe() == "a control character (U+001B escape) at character 2 (byte 2)");
        auto newline = core::find_text_fault("康泰\n");
        REQUIRE(newline);
        CHECK(newline->character == 3);
        CHECK(newline->byte == 7);
        CHECK(newline->what == "a control character (U+000A line feed)");
        CHECK(core::find_text_fault("a\tb")->what == "a control character (U+0009 TAB)");
        CHECK(core::find_text_fault(std::string_view("a\0b", 3))->what == "a control character (U+0000 NUL)");
        CHECK(core::find_text_fault("a\x7f")->what == "a control character (U+007F delete)");
        CHECK(core::find_text_fault("a\xc2\x9b")->what == "a control character (U+009B C1 control)");
        CHECK(core::find_text_fault("a\xe2\x80\xa8")->what == "a separator (U+2028 line separator)");
        auto bad = core::find_text_fault("康\xff");
        REQUIRE(bad);
        CHECK(bad->describe() == "an invalid UTF-8 byte (0xFF) at character 2 (byte 4)");
        CHECK(core::count_characters("康泰ab") == 4);
    }

    TEST_CASE("printable shows control characters as symbols and invalid bytes as U+FFFD") {
        CHECK(core::printable("康泰 ok") == "康泰 ok");
        CHECK(core::printable("a\x1b[31mb\n") == "a␛[31mb␊");
        CHECK(core::printable("a\x7f\xff\xc2\x9b") == "a␡\uFFFD\uFFFD");
        CHECK_FALSE(core::find_text_fault(core::printable("x\r\n\t\x01\xc0\x80")));
    }

    TEST_CASE("fit cuts by display width with an ellipsis, CJK never straddles the edge") {
        CHECK(core::fit("HZ001", 5) == "HZ001");
        CHECK(core::fit("HZ0012", 5) == "HZ00…");
        CHECK(core::fit("康泰大药房", 10) == "康泰大药房");
        CHECK(core::fit("康泰大药房", 9) == "康泰大药…");
        CHECK(core::fit("康泰大药房", 8) == "康泰大…"); // 6 + 1: the fourth character would straddle the edge
        CHECK(core::display_width(core::fit("康泰大药房", 8)) == 7);
        CHECK(core::fit(std::string(5000, 'x'), 40) == std::string(39, 'x') + "…");
        CHECK(core::display_width(core::fit(std::string(5000, 'x'), 40)) == 40);
        CHECK(core::fit("a\nb", 40) == "a␊b");
        CHECK(core::fit("abc", 0) == "…");
    }

    TEST_CASE("join puts the separator between items only") {
        CHECK(core::join({}, "、").empty());
        CHECK(core::join({"小陈"}, "、") == "小陈");
        CHECK(core::join({"小陈", "", "小刘"}, "、") == "小陈、、小刘");
    }
}

} // namespace unit_core_text
