// Tests of core/i18n: the language keqing picks and the catalog built from po/ (build/share/locale).
#include "core/i18n.hpp"
#include "core/result.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace keqing;

TEST_CASE("language names: zh is Chinese and en or C is English") {
    core::Language language = core::Language::english;
    CHECK(core::language_from_name("zh_CN.UTF-8", language));
    CHECK(language == core::Language::chinese);
    CHECK(core::language_from_name("zh_TW:en", language));
    CHECK(language == core::Language::chinese);
    CHECK(core::language_from_name("C.UTF-8", language));
    CHECK(language == core::Language::english);
    CHECK(core::language_from_name("en_GB", language));
    CHECK(language == core::Language::english);
    CHECK_FALSE(core::language_from_name("fr_FR", language));
    CHECK(language == core::Language::english);
}

TEST_CASE("messages are Chinese after set_language zh and English after en") {
    REQUIRE(core::set_language("zh"));
    CHECK(std::string(core::tr("internal error: {}; please report it")) == "内部错误：{}；请报告此问题");
    CHECK(core::trf("internal error: {}; please report it", "x") == "内部错误：x；请报告此问题");
    CHECK(std::string(core::tr("a message nobody translated")) == "a message nobody translated");
    REQUIRE(core::set_language("en"));
    CHECK(core::trf("internal error: {}; please report it", "x") == "internal error: x; please report it");
    CHECK(core::trnf("{} reminder", "{} reminders", 2, 2) == "2 reminders");
    CHECK_FALSE(core::set_language("klingon"));
}

TEST_CASE("the error makers translate their message and keep its exit status") {
    REQUIRE(core::set_language("zh"));
    const Error unknown =
        data_error("unknown customer '{}': no code or name matches; see `roster list` or add it "
                   "with `roster add`",
                   "HZ999");
    CHECK(unknown.code == Exit::data);
    CHECK(unknown.message ==
          "未知客户 'HZ999'：没有匹配的代码或名称；用 `roster list` 查看，或用 `roster add` 添加");
    const Error usage = usage_error("--output is for --format xlsx");
    CHECK(usage.code == Exit::usage);
    CHECK(usage.message == "--output 只用于 --format xlsx");
    CHECK(data_error("a message nobody translated: {}", 1).message == "a message nobody translated: 1");
    REQUIRE(core::set_language("en"));
    CHECK(usage_error("--output is for --format xlsx").message == "--output is for --format xlsx");
}
