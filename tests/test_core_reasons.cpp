// Tests of core/reasons: the system's reasons (errno) as strerror says them in English and translated in
// Chinese for the common values, strerror's text for any other.
#include "core/i18n.hpp"
#include "core/reasons.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_reasons {

using namespace keqing;

TEST_CASE("a system reason is strerror's text in English and Chinese for the common values") {
    REQUIRE(core::set_language("en"));
    for (const int e : {ENOENT, EACCES, EPERM, EISDIR, ENOTDIR, ENOSPC, EROFS, EEXIST, EIO, EDQUOT})
        CHECK(std::string(core::reason(e)) == std::strerror(e));
    REQUIRE(core::set_language("zh"));
    CHECK(std::string(core::reason(ENOENT)) == "没有那个文件或目录");
    CHECK(std::string(core::reason(EACCES)) == "权限不够");
    CHECK(std::string(core::reason(ENOSPC)) == "设备上没有空间");
    CHECK(std::string(core::reason(EROFS)) == "只读文件系统");
    CHECK(core::reason(std::make_error_code(std::errc::is_a_directory)) == "是一个目录");
    CHECK(std::string(core::reason(EHOSTDOWN)) == std::strerror(EHOSTDOWN)); // not listed: as it is
    REQUIRE(core::set_language("en"));
}

} // namespace unit_core_reasons
