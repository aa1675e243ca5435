// Running a whole-company command again with glibc's huge-page malloc (GLIBC_TUNABLES).
#include "common/huge_pages.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace keqing::cli {
namespace {

char** command_line = nullptr;

} // namespace

void keep_command_line(char** argv) {
    command_line = argv;
}

void run_with_huge_pages() {
    constexpr std::string_view kTunable = "glibc.malloc.hugetlb";
    const char* before = std::getenv("GLIBC_TUNABLES");
    const std::string tunables = before ? before : "";
    if (!command_line || tunables.find(kTunable) != std::string::npos) return; // set: by the user or by us
    const std::string with = (tunables.empty() ? "" : tunables + ":") + std::string(kTunable) + "=1";
    if (setenv("GLIBC_TUNABLES", with.c_str(), 1) != 0) return;
    // The same executable, argv[0] and all, by the path /proc/self/exe names (under valgrind, the program's
    // and not valgrind's own); execv returns only on failure.
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    std::fflush(nullptr);
    if (!error) execv(self.c_str(), command_line);
    if (before)
        setenv("GLIBC_TUNABLES", before, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}

} // namespace keqing::cli
