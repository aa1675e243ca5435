// Message translation through glibc's gettext: the catalog directory is found beside the executable
// (build/share/locale, or the installed share/locale), and the language chosen by keqing itself so that a
// machine without the zh_CN locale generated (Debian's default) still reads Chinese under LANG=zh_CN.UTF-8.
#include "core/i18n.hpp"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

extern "C" int _nl_msg_cat_cntr; // glibc: bumped to drop cached translations

#ifndef KEQING_LOCALEDIR
#define KEQING_LOCALEDIR "/usr/share/locale"
#endif

namespace keqing::core {
namespace {

constexpr const char* kDomain = "keqing";

struct I18nState {
    std::once_flag bound;
    bool ready = false; // the catalog is bound and the locale lets gettext use it
    bool chosen = false;
    Language language = Language::english;
};

I18nState& i18n_state() {
    static I18nState state;
    return state;
}

// share/locale beside the running executable (bin/../share/locale), else the install prefix's.
std::string catalog_directory() {
    if (const char* forced = std::getenv("KEQING_LOCALEDIR"); forced && *forced) return forced;
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto beside = exe.parent_path().parent_path() / "share" / "locale";
        if (std::filesystem::exists(beside / "zh_CN" / "LC_MESSAGES" / "keqing.mo", error))
            return beside.string();
    }
    return KEQING_LOCALEDIR;
}

Language language_from_environment() {
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        Language found = Language::english;
        language_from_name(value, found); // LANGUAGE may be a list: its first entry decides
        return found;
    }
    return Language::english;
}

// Binds the domain and makes gettext look up Chinese: LC_MESSAGES must not be "C" (glibc ignores
// LANGUAGE then), so C.UTF-8 — always present on Debian — is used when the user's locale is not installed.
void bind_catalog() {
    I18nState& state = i18n_state();
    if (!state.chosen) state.language = language_from_environment();
    if (!std::setlocale(LC_MESSAGES, "") && !std::setlocale(LC_MESSAGES, "C.UTF-8")) return;
    if (!std::setlocale(LC_CTYPE, "") && !std::setlocale(LC_CTYPE, "C.UTF-8")) return;
    bindtextdomain(kDomain, catalog_directory().c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
    state.ready = true;
}

void apply_language(Language language) {
    // LANGUAGE is gettext's first choice; it is what keqing decided, whatever the locale says.
    setenv("LANGUAGE", language == Language::chinese ? "zh_CN" : "en", 1);
    ++_nl_msg_cat_cntr; // tells gettext its cached lookups are stale
}

void ensure_bound() {
    I18nState& state = i18n_state();
    std::call_once(state.bound, [&] {
        bind_catalog();
        if (state.ready) apply_language(state.language);
    });
}

} // namespace

bool language_from_name(std::string_view name, Language& out) {
    const auto first = name.substr(0, name.find(':'));
    if (first.starts_with("zh")) {
        out = Language::chinese;
        return true;
    }
    if (first.starts_with("en") || first == "C" || first == "POSIX" || first.starts_with("C.")) {
        out = Language::english;
        return true;
    }
    out = Language::english;
    return false;
}

Language language() {
    ensure_bound();
    return i18n_state().language;
}

bool set_language(std::string_view name) {
    Language chosen = Language::english;
    if (!language_from_name(name, chosen)) return false;
    I18nState& state = i18n_state();
    state.chosen = true;
    state.language = chosen;
    ensure_bound();
    if (state.ready) apply_language(chosen);
    return true;
}

const char* tr(const char* msgid) {
    ensure_bound();
    if (!i18n_state().ready || i18n_state().language == Language::english) return msgid;
    return dgettext(kDomain, msgid);
}

std::string tr_text(std::string_view msgid) {
    const std::string key(msgid);
    return tr(key.c_str());
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    ensure_bound();
    if (!i18n_state().ready || i18n_state().language == Language::english) return n == 1 ? singular : plural;
    return dngettext(kDomain, singular, plural, n);
}

} // namespace keqing::core
