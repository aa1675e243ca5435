// Tests for core/encoding: UTF-8 taken as it is, GB18030 (GBK) converted, a byte neither can read named by
// line and column, and the --encoding names.
#include "core/encoding.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_encoding {

using namespace keqing;

const std::string kGbkName =
    "\xbf\xb5\xcc\xa9\xb4\xf3\xd2\xa9\xb7\xbf"; // 康泰大药房 as Excel saves it in GBK

TEST_SUITE("core::encoding") {
    TEST_CASE("UTF-8 is read as it is and GBK is converted") {
        CHECK(*core::decode("code,name\nHZ001,康泰大药房\n", core::Encoding::automatic, "a.csv") ==
              "code,name\nHZ001,康泰大药房\n");
        CHECK(*core::decode("\xEF\xBB\xBF"
                            "code\n",
                            core::Encoding::automatic, "a.csv") == "\xEF\xBB\xBF"
                                                                   "code\n"); // the CSV reader drops the mark
        CHECK(*core::decode("code,name\r\nHZ001," + kGbkName + "\r\n", core::Encoding::automatic, "b.csv") ==
              "code,name\r\nHZ001,康泰大药房\r\n");
        CHECK(*core::decode("HZ001," + kGbkName, core::Encoding::gb18030, "b.csv") == "HZ001,康泰大药房");
        // Told UTF-8, GBK bytes are left for the CSV reader to refuse.
        CHECK(*core::decode(kGbkName, core::Encoding::utf8, "b.csv") == kGbkName);
    }

    TEST_CASE("a byte neither encoding reads is named by line and column") {
        const auto bad = core::decode("code,name\nHZ001,\x81\x20\n", core::Encoding::automatic, "c.csv");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == Exit::data);
        CHECK(bad.error().message.starts_with("c.csv:2:7: byte 0x81 is neither UTF-8 nor GB18030 (GBK)"));
        const auto cut = core::decode("code\n\xbf", core::Encoding::gb18030, "d.csv");
        REQUIRE_FALSE(cut.ok());
        CHECK(cut.error().message.find("d.csv:2:1:") == 0);
        CHECK(cut.error().message.find("ends inside a character") != std::string::npos);
    }

    TEST_CASE("a UTF-8 file with one bad byte is left for the CSV reader to name that byte") {
        const std::string text = "code,name\nHZ001,康泰大药房\nHZ002,bad\xFF\n"; // UTF-8 reads to line 3
        CHECK(*core::decode(text, core::Encoding::automatic, "e.csv") == text);
        CHECK_FALSE(core::decode(text, core::Encoding::gb18030, "e.csv").ok());
    }

    TEST_CASE("encoding names") {
        CHECK(*core::parse_encoding("GBK", "--encoding") == core::Encoding::gb18030);
        CHECK(*core::parse_encoding("gb2312", "--encoding") == core::Encoding::gb18030);
        CHECK(*core::parse_encoding("UTF-8", "--encoding") == core::Encoding::utf8);
        CHECK(*core::parse_encoding("auto", "--encoding") == core::Encoding::automatic);
        const auto bad = core::parse_encoding("latin1", "--encoding");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == Exit::usage);
        CHECK(bad.error().message ==
              "--encoding: unknown encoding 'latin1'; use auto, utf-8 or gb18030 (gbk)");
    }
}

} // namespace unit_core_encoding
