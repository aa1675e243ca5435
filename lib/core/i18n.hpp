// Messages for people in the reader's language: the one place text is translated (GNU gettext, domain
// "keqing", catalogs built from po/). JSON keys, CSV headers and exit statuses never pass through here.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

// Marks a message for xgettext where it must stay untranslated until used (static tables): tr() it then.
#define N_(text) text

namespace keqing::core {

// The languages keqing speaks. English is the text in the code; others come from the catalogs.
enum class Language { english, chinese };

// The language messages are in: from set_language() if it was called, else from the environment as
// gettext reads it (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG): Chinese when it names zh, English otherwise.
Language language();
// Overrides the environment's choice (config `language = "zh"|"en"`, tests). An unknown name is false.
bool set_language(std::string_view name);
// The language a name means ("zh", "zh_CN.UTF-8", "en", "C"); nullopt-like false when unknown.
bool language_from_name(std::string_view name, Language& out);

// `msgid` in the current language (the msgid itself in English or when the catalog lacks it).
const char* tr(const char* msgid);
// tr() of a message passed on as a view (an N_-marked literal a caller handed down: "opening").
std::string tr_text(std::string_view msgid);
// The singular or plural form for `n` in the current language (Chinese has one form).
const char* trn(const char* singular, const char* plural, unsigned long n);

// A translated fmt format string, formatted: trf("{} customers", n). The translation must use the same
// replacement fields; a translation that does not format falls back to the English text.
template <class... Args> std::string trf(const char* format, Args&&... args) {
    try {
        return fmt::vformat(tr(format), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return fmt::vformat(format, fmt::make_format_args(args...));
    }
}
// trn() then format: trnf("{} reminder", "{} reminders", n, n).
template <class... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, Args&&... args) {
    try {
        return fmt::vformat(trn(singular, plural, n), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return fmt::vformat(n == 1 ? singular : plural, fmt::make_format_args(args...));
    }
}

} // namespace keqing::core
