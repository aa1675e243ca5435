// libFuzzer target: the config file reader behind config::resolve — the input is written as
// $XDG_CONFIG_HOME/keqing/config.toml in a scratch folder; it either resolves or is a data error.
#include "config/settings.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
std::string g_config;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char tmpl[] = "/tmp/keqing-fuzz-config.XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    std::filesystem::create_directories(dir + "/keqing");
    g_config = dir + "/keqing/config.toml";
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    setenv("TZ", "UTC", 1); // a `timezone` in the input is then read but never applied
    for (const char* name : {"KEQING_DB", "KEQING_RULES", "KEQING_REP"})
        unsetenv(name);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::ofstream(g_config, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    auto settings = keqing::config::resolve({});
    if (!settings) {
        if (settings.error().code != keqing::Exit::data || settings.error().message.rfind(g_config, 0) != 0)
            std::abort();
        return 0;
    }
    if (settings->db_path.empty() != settings->db_problem.has_value() || settings->config_path != g_config)
        std::abort();
    return 0;
}
