// libFuzzer target: the spoken date and month parser (core::parse_spoken_date, parse_spoken_month):
// it never crashes, every refusal is one line naming the option, and every accepted day or month
// round-trips through its ISO text.
#include "core/when.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace keqing::core;
    if (size < 2) return 0;
    // The first two bytes pick today, from 2000-01-01 on (about 180 years of days).
    const Date today = Date::from_ymd(2000, 1, 1).plus_days((data[0] << 8 | data[1]) % 65536);
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
    if (auto d = parse_spoken_date(text, "--date", today)) {
        auto again = parse_spoken_date(d->iso(), "--date", today);
        if (!again || *again != *d) std::abort();
    } else if (d.error().message.rfind("--date: ", 0) != 0 ||
               d.error().message.find('\n') != std::string::npos) {
        std::abort();
    }
    if (auto m = parse_spoken_month(text, "--month", today)) {
        auto again = parse_spoken_month(m->iso(), "--month", today);
        if (!again || *again != *m || m->month < 1 || m->month > 12) std::abort();
    } else if (m.error().message.rfind("--month: ", 0) != 0) {
        std::abort();
    }
    return 0;
}
