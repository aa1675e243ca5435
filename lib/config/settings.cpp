// Settings resolution: reads the optional config.toml (keys db, rules, rep, timezone, language), then layers
// environment variables and flags over it, and checks what would otherwise be silently wrong: an
// unreadable config file, empty values, unknown URL schemes, unknown time zones, no home for the default.
#include "config/settings.hpp"

#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/reasons.hpp"
#include "core/text.hpp"

#include "config/toml.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace keqing::config {
namespace {

// An environment variable, or nullopt when it is not set (set but empty is "").
std::optional<std::string> env_var(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

std::string env(const char* name) {
    return env_var(name).value_or("");
}

// $XDG_… when it is an absolute path (the XDG Base Directory spec: relative ones are invalid and must be
// ignored), else $HOME/fallback when HOME is absolute, else empty.
std::string home_based(const char* xdg, const char* fallback) {
    if (std::string v = env(xdg); v.starts_with('/')) return v;
    if (std::string home = env("HOME"); home.starts_with('/')) return home + "/" + fallback;
    return "";
}

// One value of config.toml with the line it is on (0: not in the file).
struct FileValue {
    std::string text;
    int64_t line = 0;
};
struct FileValues {
    FileValue db, rules, rep, timezone, language;
};

// The scheme of a location written `word://…` ("mysql://"), or empty.
std::string url_scheme(std::string_view location) {
    const size_t colon = location.find("://");
    if (colon == std::string_view::npos || colon == 0) return "";
    const std::string_view word = location.substr(0, colon);
    const bool letter = (word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z');
    for (char c : word)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
              c == '-' || c == '.'))
            return "";
    return letter ? std::string(location.substr(0, colon + 3)) : "";
}

// Why `location` cannot name a database ("" when it can): keqing opens SQLite files and PostgreSQL URLs.
// The location itself is never quoted: a URL may carry a password.
std::string unknown_scheme(std::string_view location) {
    const std::string scheme = url_scheme(location);
    if (scheme.empty() || scheme == "postgresql://" || scheme == "postgres://") return "";
    return fmt::format(
        "names a '{}' URL, which keqing cannot open; give a SQLite file's path{} or a postgresql:// "
        "URL",
        scheme, scheme == "sqlite://" || scheme == "file://" ? " (without the scheme)" : "");
}

// Reads the config file at `path` when there is one: a missing file is no config; one that exists but
// cannot be read (no permission, a folder, a broken link) is an error, not silently no config.
Result<std::optional<std::string>> read_config_text(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int failed = errno;
        struct stat link {};
        if (failed == ENOENT && ::lstat(path.c_str(), &link) == 0)
            return data_error(
                "{}: the config file is a link to a file that does not exist; fix or remove the link", path);
        if (failed == ENOENT || failed == ENOTDIR) return std::optional<std::string>();
        return data_error("{}: cannot read the config file: {}; make it readable, or set XDG_CONFIG_HOME to "
                          "another folder",
                          path, core::reason(failed));
    }
    if (S_ISDIR(st.st_mode))
        return data_error("{}: the config file is a folder; remove it, or put a config.toml file there",
                          path);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return data_error("{}: cannot read the config file: {}; make it readable (chmod u+r), or set "
                          "XDG_CONFIG_HOME to another folder",
                          path, core::reason(errno));
    std::string text;
    char buffer[8192];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const int failed = errno;
            ::close(fd);
            return data_error("{}: cannot read the config file: {}; check the file", path,
                              core::reason(failed));
        }
        text.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return std::optional<std::string>(std::move(text));
}

Result<FileValues> read_config(const std::string& path) {
    FileValues values;
    if (path.empty()) return values;
    KQ_TRY(std::optional<std::string> text, read_config_text(path));
    if (!text) return values;
    toml::table table;
    try {
        table = toml::parse(*text, path);
    } catch (const toml::parse_error& e) {
        return data_error("{}:{}:{}: {}; fix the TOML syntax", path, e.source().begin.line,
                          e.source().begin.column, e.description());
    }
    for (const auto& [key, node] : table) {
        FileValue* target = key == "db"         ? &values.db
                            : key == "rules"    ? &values.rules
                            : key == "rep"      ? &values.rep
                            : key == "timezone" ? &values.timezone
                            : key == "language" ? &values.language
                                                : nullptr;
        const int64_t line = node.source().begin.line;
        if (!target)
            return data_error(
                "{}:{}: unknown key '{}'; config.toml knows db, rules, rep, timezone and language", path,
                line, key.str());
        const auto* s = node.as_string();
        if (!s) return data_error("{}:{}: '{}' must be a string", path, line, key.str());
        if (s->get().empty())
            return data_error("{}:{}: '{}' is empty; give it a value, or remove the line for the default",
                              path, line, key.str());
        KQ_CHECK(
            core::check_value(s->get(), core::kMaxValue, fmt::format("{}:{}: '{}'", path, line, key.str())));
        *target = {s->get(), line};
    }
    if (std::string why = unknown_scheme(values.db.text); !why.empty())
        return data_error("{}:{}: db {}", path, values.db.line, why);
    if (!values.timezone.text.empty() && !known_time_zone(values.timezone.text))
        return data_error(
            "{}:{}: unknown time zone '{}'; use a zone name such as Asia/Shanghai (the files under "
            "/usr/share/zoneinfo), or remove the line for the system's zone",
            path, values.timezone.line, values.timezone.text);
    if (core::Language l{};
        !values.language.text.empty() && !core::language_from_name(values.language.text, l))
        return data_error("{}:{}: unknown language '{}'; keqing speaks \"zh\" (Chinese) and \"en\" (English)",
                          path, values.language.line, values.language.text);
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

// The database location by precedence, or why there is none usable.
Result<std::string> database_location(const std::optional<std::string>& flag, const FileValue& file) {
    if (flag) { // an empty --db never gets here: apps/common's argument check refuses it
        if (std::string why = unknown_scheme(*flag); !why.empty()) return usage_error("--db {}", why);
        return *flag;
    }
    if (std::optional<std::string> v = env_var("KEQING_DB")) {
        if (v->empty())
            return usage_error(
                "KEQING_DB is set but empty; set it to a SQLite file or a postgresql:// URL, or "
                "unset it");
        if (std::string why = unknown_scheme(*v); !why.empty()) return usage_error("KEQING_DB {}", why);
        return *v;
    }
    if (!file.text.empty()) return file.text;
    const std::string data = home_based("XDG_DATA_HOME", ".local/share");
    if (data.empty())
        return usage_error(
            "no database given, and neither XDG_DATA_HOME nor HOME is set to an absolute folder for "
            "the default one; give --db, set KEQING_DB, or set HOME");
    return data + "/keqing/keqing.db";
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// A POSIX TZ rule: a standard-time name (three or more letters, or <…>) followed by its offset, e.g. CST-8,
// EST5EDT,M3.2.0,M11.1.0 or <+08>-8. What follows the offset (the summer-time part) glibc checks itself.
bool posix_rule(std::string_view zone) {
    size_t i = 0;
    if (!zone.empty() && zone[0] == '<') {
        const size_t close = zone.find('>');
        if (close == std::string_view::npos || close < 4) return false;
        i = close + 1;
    } else {
        while (i < zone.size() && is_alpha(zone[i]))
            ++i;
        if (i < 3) return false;
    }
    if (i < zone.size() && (zone[i] == '+' || zone[i] == '-')) ++i;
    return i < zone.size() && is_digit(zone[i]);
}

// A compiled zone file (it starts with "TZif").
bool zone_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char magic[4] = {};
    const bool ok = ::read(fd, magic, sizeof magic) == 4 && std::memcmp(magic, "TZif", 4) == 0;
    ::close(fd);
    return ok;
}

} // namespace

bool known_time_zone(std::string_view zone) {
    if (zone.starts_with(':')) zone.remove_prefix(1);
    if (zone.empty()) return false;
    if (zone == "UTC" || zone == "GMT") return true;
    if (zone.starts_with('/')) return zone_file(std::string(zone));
    if (zone.find("..") == std::string_view::npos) {
        std::string dir = env("TZDIR");
        if (dir.empty()) dir = "/usr/share/zoneinfo";
        if (zone_file(dir + "/" + std::string(zone))) return true;
    }
    return posix_rule(zone);
}

std::string early_language() {
    if (std::string v = env("KEQING_LANGUAGE"); !v.empty()) return v;
    const std::string path = config_file_path();
    if (path.empty()) return "";
    // No file is the common case: found without toml++'s exception (the first throw of a process costs
    // the unwinder's set-up, a fraction of a millisecond of every command's start).
    auto text = read_config_text(path);
    if (!text || !*text) return ""; // unreadable: resolve() says what is wrong with it
    try {
        const toml::table table = toml::parse(**text, path);
        if (const auto language = table["language"].value<std::string>()) return *language;
    } catch (const std::exception&) { // a broken file: resolve() says what is wrong with it
    }
    return "";
}

std::string config_file_path() {
    const std::string base = home_based("XDG_CONFIG_HOME", ".config");
    return base.empty() ? "" : base + "/keqing/config.toml";
}

Result<Settings> resolve(const Flags& flags) {
    for (const char* name : {"KEQING_DB", "KEQING_RULES", "KEQING_REP", "KEQING_LANGUAGE"})
        KQ_CHECK(check_env(name));
    Settings s;
    s.config_path = config_file_path();
    KQ_TRY(FileValues file, read_config(s.config_path));
    if (auto db = database_location(flags.db, file.db))
        s.db_path = std::move(*db);
    else
        s.db_problem = std::move(db).error();
    s.rules_path = pick(flags.rules, "KEQING_RULES", file.rules.text, "");
    s.rep = pick(flags.rep, "KEQING_REP", file.rep.text, "");
    if (s.rep.empty()) { // $USER names the rep only when nothing else does
        KQ_CHECK(check_env("USER"));
        s.rep = env("USER");
    }
    s.timezone = file.timezone.text;
    s.language = pick(std::nullopt, "KEQING_LANGUAGE", file.language.text, "");
    if (!s.language.empty() && !core::set_language(s.language))
        return usage_error(
            "KEQING_LANGUAGE is '{}', a language keqing does not speak; set it to zh or en, or "
            "unset it",
            s.language);
    const std::string tz = env("TZ");
    if (!tz.empty() && !known_time_zone(tz))
        return data_error(
            "TZ is '{}', not a time zone this system knows (it would silently be UTC); set TZ to a "
            "zone such as Asia/Shanghai (the files under /usr/share/zoneinfo), or unset it",
            tz);
    if (!s.timezone.empty() && tz.empty()) {
        setenv("TZ", s.timezone.c_str(), 1);
        tzset();
    }
    return s;
}

Result<std::string> database(const Settings& settings) {
    if (settings.db_problem) return *settings.db_problem;
    return settings.db_path;
}

} // namespace keqing::config
