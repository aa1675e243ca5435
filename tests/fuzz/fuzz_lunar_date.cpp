// libFuzzer target: recurring-date parsing (`lunar:M-D`, `lunar:L4-12`, `MM-DD`, `YYYY-MM-DD`) and the
// lunar calendar: what parses prints back canonically and parses again to the same value; its
// occurrences in a year are real days of that year; lunar ↔ solar conversion round-trips.
#include "calendar/lunar.hpp"
#include "calendar/recurring.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace keqing;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto r = calendar::parse_recurring(text, "--birthday")) {
        auto again = calendar::parse_recurring(r->text(), "--birthday");
        if (!again || !(*again == *r)) std::abort();
        const int year = 1901 + static_cast<int>(size % 199);
        const auto from = core::Date::from_ymd(year, 1, 1), to = core::Date::from_ymd(year, 12, 31);
        const auto days = calendar::occurrences(*r, from, to);
        if (days.size() > 2) std::abort(); // a lunar date can fall twice in a solar year at most
        for (const auto d : days) {
            if (d < from || d > to) std::abort();
            if (r->kind == calendar::Recurring::Kind::lunar) {
                const auto lunar = calendar::to_lunar({d.year(), d.month(), d.day()});
                if (!lunar || lunar->month != r->month || lunar->day > r->day) std::abort();
                const auto back = calendar::to_solar(*lunar);
                if (!back || back->y != d.year() || back->m != d.month() || back->d != d.day()) std::abort();
            }
        }
    } else if (r.error().message.rfind("--birthday: ", 0) != 0) {
        std::abort();
    }
    return 0;
}
