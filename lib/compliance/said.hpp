// A message computed once in two languages: English for what machines read (JSON, CSV: the same bytes
// whatever the reader's language) and the reader's language for what people read (tables, text, ICS).
#pragma once

#include "core/i18n.hpp"

#include <fmt/format.h>

#include <string>

namespace keqing::compliance {

struct Said {
    std::string english; // JSON and CSV
    std::string shown;   // tables, text, mail, calendars: core::language()'s
    bool empty() const { return english.empty(); }
};

namespace said_detail {
template <class T> const T& english_of(const T& value) {
    return value;
}
inline const std::string& english_of(const Said& value) {
    return value.english;
}
template <class T> const T& shown_of(const T& value) {
    return value;
}
inline const std::string& shown_of(const Said& value) {
    return value.shown;
}
} // namespace said_detail

// `format` formatted in English and translated (mark it for xgettext: say(N_("…"), …)); a Said argument gives
// its English text to the one and its shown text to the other.
template <class... Args> Said say(const char* format, const Args&... args) {
    return {fmt::format(fmt::runtime(format), said_detail::english_of(args)...),
            core::trf(format, said_detail::shown_of(args)...)};
}
// Text that is the same in both (a code, a name, stored data).
inline Said same(std::string text) {
    return {text, text};
}
// Joins `b` to `a` with `separator` (kept in both languages) when both are non-empty.
inline Said joined(Said a, const Said& b, const char* separator) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    a.english += separator + b.english;
    a.shown += separator + b.shown;
    return a;
}

} // namespace keqing::compliance
