// SPEC §3 arithmetic in integers (no floating point until the score).
#include "compliance/quota.hpp"

#include "core/i18n.hpp"

#include <algorithm>

namespace keqing::compliance {

std::string_view to_string(Status s) {
    switch (s) {
    case Status::met:
        return N_("met");
    case Status::on_track:
        return N_("on_track");
    case Status::behind:
        return N_("behind");
    case Status::missed:
        return N_("missed");
    }
    return "?";
}

const char* display(Status s) {
    return core::tr(to_string(s).data()); // to_string's literals, marked N_ for the catalog
}

Status worst(Status a, Status b) {
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

int active_days(core::Month month, std::optional<core::Date> opened, std::optional<core::Date> closed) {
    core::Date from = month.first();
    core::Date to = month.last();
    if (opened && *opened > from) from = *opened;
    if (closed && *closed < to) to = *closed;
    return to < from ? 0 : (to - from) + 1;
}

int required_count(int quota, int active, int days_in_month) {
    return (quota * active + days_in_month - 1) / days_in_month;
}

int elapsed_days(core::Month month, core::Date as_of) {
    if (as_of < month.first()) return 0;
    if (as_of > month.last()) return month.days();
    return as_of.day();
}

int expected_count(int required, int elapsed, int days_in_month) {
    return required * elapsed / days_in_month;
}

Status channel_status(int done, int required, int expected, core::Month month, core::Date as_of) {
    if (done >= required) return Status::met;
    if (as_of >= month.last()) return Status::missed;
    return done >= expected ? Status::on_track : Status::behind;
}

double score(std::span<const ChannelCount> counts) {
    long long got = 0, needed = 0;
    for (const ChannelCount& t : counts) {
        got += std::min(t.done, t.required);
        needed += t.required;
    }
    return score(got, needed);
}

double score(long long done_capped, long long required) {
    return required == 0 ? 1.0 : static_cast<double>(done_capped) / static_cast<double>(required);
}

} // namespace keqing::compliance
