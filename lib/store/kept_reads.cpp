// Narrowing a rep's kept people and life events to what a read asks for (store/kept_reads.hpp).
#include "store/kept_reads.hpp"

#include "core/json.hpp"
#include "store/birthday_months.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace keqing::store {
namespace {

bool among(const std::vector<int64_t>& ids, int64_t id) {
    return ids.empty() || std::binary_search(ids.begin(), ids.end(), id);
}

} // namespace

std::vector<Person> people_among(const std::vector<Person>& people, const std::vector<int64_t>& ids) {
    std::vector<Person> out;
    for (const Person& p : people)
        if (among(ids, p.customer_id)) out.push_back(p);
    return out;
}

std::vector<Person> birthdays_among(const std::vector<Person>& people, const BirthdayMonths* months) {
    std::vector<Person> out;
    for (const Person& p : people) {
        if (p.birthday.empty() || (months && !may_fall_in(p.birthday, *months))) continue;
        Person b;
        b.id = p.id;
        b.customer_id = p.customer_id;
        b.name = p.name;
        b.birthday = p.birthday;
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<LifeEvent> events_among(const std::vector<LifeEvent>& events, core::Date from, core::Date to,
                                    const std::vector<int64_t>& ids, const std::vector<std::string>& kinds) {
    std::vector<LifeEvent> out;
    for (const LifeEvent& e : events)
        if (from <= e.date && e.date <= to && among(ids, e.customer_id) &&
            (kinds.empty() || std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end()))
            out.push_back(e);
    return out;
}

std::string customers_json(const KeptRows& rows, const std::vector<int64_t>& ids) {
    std::string out = "[";
    for (size_t row = 0; row < rows.size(); ++row) {
        const int64_t id = rows.integer_at(row, 0);
        if (row > 0 && rows.integer_at(row - 1, 0) == id) continue; // its next history row
        if (!among(ids, id)) continue;
        out += fmt::format("{}{{\"id\":{},\"code\":", out.size() > 1 ? "," : "", id);
        core::append_json_quoted(out, rows.view_at(row, 1));
        out += ",\"name\":";
        core::append_json_quoted(out, rows.view_at(row, 2));
        out += '}';
    }
    return out + "]";
}

void scan_among(const KeptRows& rows, core::Date from, core::Date to, const std::vector<int64_t>& ids,
                std::optional<int64_t> max_lag, const std::function<void(const ContactFacts&)>& visit) {
    const std::string first = from.iso(), last = to.iso();
    for (size_t row = 0; row < rows.size(); ++row) {
        const std::string_view day = rows.view_at(row, 5);
        if (day < first || day > last) continue;
        ContactFacts f;
        f.customer_id = rows.integer_at(row, 0);
        if (!std::binary_search(ids.begin(), ids.end(), f.customer_id)) continue;
        f.lag = rows.integer_at(row, 4);
        if (max_lag && f.lag > *max_lag) continue;
        f.channel = rows.view_at(row, 1);
        f.rep = rows.view_at(row, 2);
        f.flags = rows.integer_at(row, 3);
        f.day = day;
        f.id = rows.integer_at(row, 6);
        visit(f);
    }
}

} // namespace keqing::store
