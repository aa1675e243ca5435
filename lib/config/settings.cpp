// Settings resolution: reads the optional config.toml (keys db, rules, rep, timezone), then layers
// environment variables and flags over it.
#include "config/settings.hpp"

#include "core/limits.hpp"
#include "core/text.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace keqing::config {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string home_based(const char* xdg, const char* fallback) {
    if (std::string v = env(xdg); !v.empty()) return v;
    return env("HOME") + "/" + fallback;
}

struct FileValues {
    std::string db, rules, rep, timezone;
};

Result<FileValues> read_config(const std::string& path) {
    FileValues values;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return values;
    toml::table table;
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        return data_error("{}:{}:{}: {}; fix the TOML syntax", path, e.source().begin.line, e.source().begin.column,
                          e.description());
    }
    for (const auto& [key, node] : table) {
        std::string* target = key == "db"      ? &values.db
                              : key == "rules" ? &values.rules
                              : key == "rep"   ? &values.rep
                              : key == "timezone" ? &values.timezone
                                                  : nullptr;
        if (!target)
            return data_error("{}:{}: unknown key '{}'; config.toml knows db, rules, rep and timezone", path,
                              node.source().begin.line, key.str());
        const auto* s = node.as_string();
        if (!s) return data_error("{}:{}: '{}' must be a string", path, node.source().begin.line, key.str());
        KQ_CHECK(core::check_value(s->get(), core::kMaxValue,
                                   fmt::format("{}:{}: '{}'", path, node.source().begin.line, key.str())));
        *target = s->get();
    }
    return values;
}

std::string pick(const std::optional<std::string>& flag, const char* env_name, const std::string& file_value,
                 const std::string& fallback) {
    if (flag && !flag->empty()) return *flag;
    if (std::string v = env(env_name); !v.empty()) return v;
    if (!file_value.empty()) return file_value;
    return fallback;
}

// An environment variable keqing reads holds one line of printable text, like an argument (usage error).
Result<void> check_env(const char* name) {
    const std::string v = env(name);
    if (const auto fault = core::find_text_fault(v))
        return usage_error("environment variable {} has {}; set it to one line of printable UTF-8 text", name,
                           fault->describe());
    if (const size_t n = core::count_characters(v); n > core::kMaxValue)
        return usage_error("environment variable {} is {} characters long; at most {} (README, Limits)", name,
                           n, core::kMaxValue);
    return {};
}

} // namespace

std::string config_file_path() { return home_based("XDG_CONFIG_HOME", ".config") + "/keqing/config.toml"; }

Result<Settings> resolve(const Flags& flags) {
    for (const char* name : {"KEQING_DB", "KEQING_RULES", "KEQING_REP"})
        KQ_CHECK(check_env(name));
    Settings s;
    s.config_path = config_file_path();
    KQ_TRY(FileValues file, read_config(s.config_path));
    s.db_path = pick(flags.db, "KEQING_DB", file.db, home_based("XDG_DATA_HOME", ".local/share") + "/keqing/keqing.db");
    s.rules_path = pick(flags.rules, "KEQING_RULES", file.rules, "");
    s.rep = pick(flags.rep, "KEQING_REP", file.rep, "");
    if (s.rep.empty()) { // $USER names the rep only when nothing else does
        KQ_CHECK(check_env("USER"));
        s.rep = env("USER");
    }
    s.timezone = file.timezone;
    if (!s.timezone.empty() && env("TZ").empty()) {
        setenv("TZ", s.timezone.c_str(), 1);
        tzset();
    }
    return s;
}

} // namespace keqing::config
