// Expected-style results: every fallible library function returns Result<T>, carrying either a
// value or an Error whose kind maps to the documented exit status (SPEC §4).
#pragma once

#include "core/i18n.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <variant>

namespace keqing {

// Exit statuses shared by every executable (SPEC §4).
enum class Exit : int { ok = 0, found = 1, usage = 2, data = 3, database = 4 };

// What went wrong, in one line a user can act on, and which exit status it deserves.
// The three makers below translate their format string (core::trf; xgettext knows them as keywords, see
// po/CMakeLists.txt), so every error message is in the reader's language; the arguments are not.
struct Error {
    Exit code = Exit::data;
    std::string message;
};

// A data error (bad input, unknown customer, malformed file): exit 3.
template <class... Args> Error data_error(fmt::format_string<Args...> f, Args&&... args) {
    return Error{Exit::data, core::trf(static_cast<fmt::string_view>(f).data(), std::forward<Args>(args)...)};
}

// A database error (cannot open, corrupt, locked): exit 4.
template <class... Args> Error db_error(fmt::format_string<Args...> f, Args&&... args) {
    return Error{Exit::database,
                 core::trf(static_cast<fmt::string_view>(f).data(), std::forward<Args>(args)...)};
}

// A usage error (conflicting or missing options): exit 2.
template <class... Args> Error usage_error(fmt::format_string<Args...> f, Args&&... args) {
    return Error{Exit::usage,
                 core::trf(static_cast<fmt::string_view>(f).data(), std::forward<Args>(args)...)};
}

// Either a T or an Error; test with `if (!r)`, read with `*r` or `r->`, `r.error()`.
template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    explicit operator bool() const { return v_.index() == 0; }
    bool ok() const { return v_.index() == 0; }
    T& operator*() & { return std::get<0>(v_); }
    const T& operator*() const& { return std::get<0>(v_); }
    T&& operator*() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const& { return std::get<1>(v_); }
    Error&& error() && { return std::get<1>(std::move(v_)); }
    // The value, or `fallback` when this holds an error.
    T value_or(T fallback) const& { return ok() ? std::get<0>(v_) : std::move(fallback); }

  private:
    std::variant<T, Error> v_;
};

// Success with no value, or an Error.
template <> class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    explicit operator bool() const { return !failed_; }
    bool ok() const { return !failed_; }
    const Error& error() const& { return error_; }
    Error&& error() && { return std::move(error_); }

  private:
    Error error_;
    bool failed_ = false;
};

} // namespace keqing

// Evaluates a Result expression; on error returns it from the enclosing function, else binds the value.
#define KQ_CONCAT_INNER(a, b) a##b
#define KQ_CONCAT(a, b) KQ_CONCAT_INNER(a, b)
#define KQ_TRY_IMPL(tmp, decl, expr)                                                                         \
    auto tmp = (expr);                                                                                       \
    if (!tmp) return std::move(tmp).error();                                                                 \
    decl = std::move(*tmp)
#define KQ_TRY(decl, expr) KQ_TRY_IMPL(KQ_CONCAT(kq_try_, __LINE__), decl, expr)
// Evaluates a Result<void> expression and returns its error from the enclosing function.
#define KQ_CHECK(expr)                                                                                       \
    do {                                                                                                     \
        auto kq_check_r = (expr);                                                                            \
        if (!kq_check_r) return std::move(kq_check_r).error();                                               \
    } while (0)
