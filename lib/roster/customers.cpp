// Customer and rep roster operations with validation (imports are roster/imports.cpp).
#include "roster/customers.hpp"

#include "core/csv.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

#include <algorithm>
#include <set>

namespace keqing::roster {
namespace {

bool valid_handle(std::string_view id) {
    return !id.empty() && id.size() <= core::kMaxCode && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-' || c == '.';
    });
}

// The text of a customer within the limits of core/limits.hpp; `where` prefixes messages.
Result<void> check_text(const store::Customer& c, std::string_view where) {
    const auto what = [&](std::string_view field) {
        return fmt::format("{}the {} of customer {}", where, field, c.code);
    };
    KQ_CHECK(core::check_value(c.name, core::kMaxName, what("name")));
    KQ_CHECK(core::check_value(c.phone, core::kMaxName, what("phone")));
    KQ_CHECK(core::check_value(c.stage, core::kMaxName, what("stage")));
    KQ_CHECK(core::check_value(c.address, core::kMaxText, what("address")));
    return {};
}

// Checks one customer; `where` prefixes messages ("customers.csv:4: " or "").
Result<void> validate(store::Store& store, const rules::Rules& rules, const store::Customer& c,
                      std::string_view where) {
    if (!valid_handle(c.code))
        return data_error("{}customer code '{}' must be 1-{} letters, digits, '.', '_' or '-'", where,
                          core::fit(c.code, 40), core::kMaxCode);
    if (c.name.empty()) return data_error("{}customer {} has no name; give it one", where, c.code);
    KQ_CHECK(check_text(c, where));
    if (!rules.tier(c.tier))
        return data_error("{}unknown tier '{}' for {}; the rules define {}", where, c.tier, c.code, rules.tier_ids());
    if (c.opened_on && c.closed_on && *c.closed_on < *c.opened_on)
        return data_error("{}customer {} closes on {} before it opens on {}; fix the dates", where, c.code,
                          c.closed_on->iso(), c.opened_on->iso());
    KQ_TRY(std::optional<store::Rep> rep, store.find_rep(c.rep));
    if (!rep)
        return data_error("{}unknown rep '{}' for {}; add it first with `roster rep add {}` (or `roster rep import`)",
                          where, c.rep, c.code, c.rep);
    return {};
}

Result<void> must_be_new(store::Store& store, const store::Customer& c, std::string_view where, core::Date on) {
    KQ_TRY(std::vector<store::Customer> existing, store.find_customers(c.code, store::Match::code, on));
    if (!existing.empty())
        return data_error("{}customer code {} already exists ({}); use `roster edit` to change it", where, c.code,
                          existing.front().name);
    return {};
}

Result<store::Customer> reload(store::Store& store, const std::string& code, core::Date on) {
    KQ_TRY(std::vector<store::Customer> found, store.find_customers(code, store::Match::code, on));
    if (found.empty()) return data_error("customer {} vanished while editing; try again", code);
    return found.front();
}

} // namespace

Result<std::optional<core::Date>> optional_date(std::string_view text, std::string_view what) {
    if (text.empty()) return std::optional<core::Date>();
    KQ_TRY(core::Date d, core::parse_date(text, what));
    return std::optional<core::Date>(d);
}

Result<void> check_customer(store::Store& store, const rules::Rules& rules, const store::Customer& c) {
    return validate(store, rules, c, "");
}

Result<store::Customer> add_customer(store::Store& store, const rules::Rules& rules, store::Customer customer) {
    const core::Date today = core::today();
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_CHECK(validate(store, rules, customer, ""));
        KQ_CHECK(must_be_new(store, customer, "", today));
        KQ_TRY([[maybe_unused]] int64_t id, store.add_customer(customer));
        return reload(store, customer.code, today);
    });
}

Result<store::Customer> edit_customer(store::Store& store, const std::string& query, const CustomerEdit& edit,
                                      core::Date today) {
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        if (edit.name) {
            if (core::trim(*edit.name).empty()) return data_error("--name must not be empty");
            c.name = std::string(core::trim(*edit.name));
        }
        if (edit.phone) c.phone = *edit.phone;
        if (edit.address) c.address = *edit.address;
        if (edit.stage) c.stage = *edit.stage;
        if (edit.opened_on) {
            KQ_TRY(c.opened_on, optional_date(*edit.opened_on, "--opened"));
        }
        if (c.opened_on && c.closed_on && *c.closed_on < *c.opened_on)
            return data_error("customer {} would close on {} before it opens on {}; fix the dates", c.code,
                              c.closed_on->iso(), c.opened_on->iso());
        KQ_CHECK(check_text(c, ""));
        KQ_CHECK(store.update_customer(c));
        return reload(store, c.code, today);
    });
}

Result<store::Customer> change_tier(store::Store& store, const rules::Rules& rules, const std::string& query,
                                    const std::string& tier, core::Date from, core::Date today) {
    if (!rules.tier(tier)) return data_error("unknown tier '{}'; the rules define {}", tier, rules.tier_ids());
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        KQ_CHECK(store.set_tier(c.id, tier, from));
        return reload(store, c.code, today);
    });
}

Result<store::Customer> change_rep(store::Store& store, const std::string& query, const std::string& rep,
                                   core::Date from, core::Date today) {
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        KQ_CHECK(require_rep(store, rep));
        KQ_CHECK(store.assign_rep(c.id, rep, from));
        return reload(store, c.code, today);
    });
}

Result<store::Customer> close_customer(store::Store& store, const std::string& query, core::Date on,
                                       core::Date today) {
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        if (c.opened_on && on < *c.opened_on)
            return data_error("customer {} opened on {}; it cannot close on {} before that", c.code,
                              c.opened_on->iso(), on.iso());
        c.closed_on = on;
        KQ_CHECK(store.update_customer(c));
        return reload(store, c.code, today);
    });
}

Result<store::Customer> reopen_customer(store::Store& store, const std::string& query, core::Date today) {
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        if (!c.closed_on) return data_error("customer {} is not closed; nothing to reopen", c.code);
        c.closed_on.reset();
        KQ_CHECK(store.update_customer(c));
        return reload(store, c.code, today);
    });
}

Result<store::Rep> add_rep(store::Store& store, store::Rep rep) {
    if (!valid_handle(rep.id))
        return data_error("rep id '{}' must be 1-{} letters, digits, '.', '_' or '-' (e.g. wang or li.na)",
                          core::fit(rep.id, 40), core::kMaxCode);
    KQ_CHECK(core::check_value(rep.name, core::kMaxName, fmt::format("the name of rep {}", rep.id)));
    KQ_CHECK(core::check_value(rep.team, core::kMaxName, fmt::format("the team of rep {}", rep.id)));
    KQ_TRY(std::optional<store::Rep> existing, store.find_rep(rep.id));
    if (existing) return data_error("rep '{}' already exists ({}); pick another id", rep.id, existing->name);
    KQ_CHECK(store.add_rep(rep));
    return rep;
}

} // namespace keqing::roster
