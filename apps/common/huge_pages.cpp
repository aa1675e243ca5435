// Running a whole-company command again with glibc's huge-page malloc (GLIBC_TUNABLES).
#include "common/huge_pages.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
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
    std::fflush(nullptr);
    execv("/proc/self/exe", command_line); // the same executable, argv[0] and all; returns only on failure
    if (before)
        setenv("GLIBC_TUNABLES", before, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}

} // namespace keqing::cli
