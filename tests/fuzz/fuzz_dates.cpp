// libFuzzer target: the strict date, month and time-of-day parsers (core::parse_date, parse_month,
// parse_time): whatever they accept is a real value that prints back as the same text.
#include "core/date.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace keqing::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto d = parse_date(text, "--date")) {
        if (d->iso() != text) std::abort();
        if (d->month() < 1 || d->month() > 12 || d->day() < 1 ||
            d->day() > days_in_month(d->year(), d->month()))
            std::abort();
        if (Date::from_ymd(d->year(), d->month(), d->day()) != *d) std::abort();
        if (d->plus_days(1) - *d != 1 || Month::of(*d).first() > *d || Month::of(*d).last() < *d)
            std::abort();
    } else if (d.error().message.rfind("--date: ", 0) != 0) {
        std::abort();
    }
    if (auto m = parse_month(text, "--month")) {
        if (m->iso() != text || m->next().previous() != *m) std::abort();
    }
    if (auto t = parse_time(text, "--time")) {
        auto again = parse_time(*t, "--time");
        if (!again || *again != *t || t->size() != 5) std::abort();
    }
    return 0;
}
