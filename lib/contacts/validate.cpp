// Contact validation: channel, date and time, the customer and whether it is active that day, the rep.
#include "contacts/validate.hpp"

#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

namespace keqing::contacts {

Result<store::Customer> StoreLookup::customer(const std::string& query, core::Date on) {
    return roster::resolve_customer(store_, query, on);
}

Result<void> StoreLookup::rep(const std::string& id) {
    KQ_TRY([[maybe_unused]] store::Rep rep, roster::require_rep(store_, id));
    return {};
}

Result<bool> parse_flag(std::string_view text, std::string_view what) {
    if (text.empty()) return false; // (an import's rows mostly leave the flags out)
    const std::string v = core::to_lower(core::trim(text));
    if (v.empty() || v == "0" || v == "no" || v == "false" || v == "n") return false;
    if (v == "1" || v == "yes" || v == "true" || v == "y") return true;
    return data_error("{}: '{}' is not a yes/no value; write 1 or 0 (or leave it empty)", what, text);
}

Result<bool> parse_flag_at(std::string_view text, const std::function<std::string(std::string_view)>& where,
                           std::string_view field) {
    if (auto flag = parse_flag(text, {})) return flag;
    return parse_flag(text, where(field));
}

Result<void> check_value_at(std::string_view value, size_t max,
                            const std::function<std::string(std::string_view)>& where,
                            std::string_view field) {
    if (core::check_value(value, max, {})) return {};
    return core::check_value(value, max, where(field));
}

Result<store::Contact> build(Lookup& lookup, const rules::Rules& rules, LogRequest r, const core::Now& now,
                             const std::function<std::string()>& where_prefix,
                             const std::function<std::string(std::string_view)>& where) {
    store::Contact c;
    KQ_CHECK(check_value_at(r.note, core::kMaxText, where, "note"));
    for (size_t k = 0; k < r.checklist.size(); ++k)
        KQ_CHECK(check_value_at(r.checklist[k], core::kMaxText, where, store::kChecklistColumns[k]));
    KQ_CHECK(check_value_at(r.solved, core::kMaxText, where, "solved"));
    if (rules.channel_index(r.channel) < 0)
        return data_error("{}: unknown channel '{}'; the rules define {}", where("channel"), r.channel,
                          rules.channel_ids());
    c.channel = std::move(r.channel);
    if (r.date && !r.date->empty()) {
        auto date = core::parse_date(*r.date, {}); // (the place is formatted for a bad value only)
        if (!date) date = core::parse_date(*r.date, where("date"));
        KQ_TRY(c.date, std::move(date));
    } else {
        c.date = now.date;
    }
    if (c.date > now.date)
        return data_error("{}: {} is in the future (today is {}); log contacts after they happen",
                          where("date"), c.date.iso(), now.date.iso());
    if (r.time && !r.time->empty()) {
        auto time = core::parse_time(*r.time, {});
        if (!time) time = core::parse_time(*r.time, where("time"));
        KQ_TRY(c.time, std::move(time));
    } else if (c.date == now.date) {
        c.time = now.time;
    }
    auto found = lookup.customer(r.customer, c.date);
    if (!found) return Error{found.error().code, where_prefix() + found.error().message};
    store::Customer& customer = *found;
    if (customer.opened_on && c.date < *customer.opened_on)
        return data_error(
            "{}customer {} opened on {}; a contact on {} is before that — check the date or fix "
            "the opening date with `roster edit {} --opened`",
            where_prefix(), customer.code, customer.opened_on->iso(), c.date.iso(), customer.code);
    if (customer.closed_on && c.date > *customer.closed_on)
        return data_error("{}customer {} closed on {}; a contact on {} is after that — check the date or "
                          "`roster reopen {}`",
                          where_prefix(), customer.code, customer.closed_on->iso(), c.date.iso(),
                          customer.code);
    c.rep = r.rep.empty() ? std::move(customer.rep) : std::move(r.rep);
    if (auto rep = lookup.rep(c.rep); !rep)
        return Error{rep.error().code, where_prefix() + rep.error().message};
    c.customer_id = customer.id;
    c.customer_code = std::move(customer.code);
    c.note = std::move(r.note);
    c.gift = r.gift;
    c.checklist = std::move(r.checklist);
    c.asked_help = r.asked_help;
    c.solved = std::move(r.solved);
    c.training = r.training;
    c.logged_at = now.iso();
    return c;
}

int days_late(const rules::Rules& rules, const store::Contact& c, const core::Now& now) {
    const int gap = now.date - c.date;
    return gap > rules.late_after_days ? gap : 0;
}

} // namespace keqing::contacts
