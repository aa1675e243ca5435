// Customer and rep roster operations with validation (imports are roster/imports.cpp).
#include "roster/customers.hpp"

#include "core/csv.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"
#include "roster/stages.hpp"

#include <algorithm>
#include <cstdlib>
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
        return data_error("{}unknown tier '{}' for {}; the rules define {}", where, c.tier, c.code,
                          rules.tier_ids());
    if (c.opened_on && c.closed_on && *c.closed_on < *c.opened_on)
        return data_error("{}customer {} closes on {} before it opens on {}; fix the dates", where, c.code,
                          c.closed_on->iso(), c.opened_on->iso());
    KQ_TRY(std::optional<store::Rep> rep, store.find_rep(c.rep));
    if (!rep)
        return data_error(
            "{}unknown rep '{}' for {}; add it first with `roster rep add {}` (or `roster rep import`)",
            where, c.rep, c.code, c.rep);
    return {};
}

Result<void> must_be_new(store::Store& store, const store::Customer& c, std::string_view where,
                         core::Date on) {
    KQ_TRY(std::vector<store::Customer> existing, store.find_customers(c.code, store::Match::code, on));
    if (!existing.empty())
        return data_error("{}customer code {} already exists ({}); use `roster edit` to change it", where,
                          c.code, existing.front().name);
    return {};
}

Result<store::Customer> reload(store::Store& store, const std::string& code, core::Date on) {
    KQ_TRY(std::vector<store::Customer> found, store.find_customers(code, store::Match::code, on));
    if (found.empty()) return data_error("customer {} vanished while editing; try again", code);
    return found.front();
}

// A day after every contact keqing accepts (contacts are never dated in the future).
const core::Date kLastDay = core::Date::from_ymd(9999, 12, 31);
// The first day of a history entry "since the customer's start" (stored '0001-01-01').
const core::Date kSinceTheStart = core::Date::from_ymd(1, 1, 1);

// When `value` is already in effect on `from` in `history` (sorted by day), the line saying nothing
// changed — `as` reads "tier B" or "li's" — naming a later change that stays; otherwise empty.
std::string already(const std::vector<store::HistoryEntry>& history, const std::string& value,
                    core::Date from, const store::Customer& c, const std::string& as) {
    if (history.empty()) return "";
    // The latest entry starting on or before `from`, else the earliest (store/history.hpp's rule).
    size_t current = 0;
    for (size_t i = 0; i < history.size(); ++i)
        if (!history[i].from || *history[i].from <= from) current = i;
    if (history[current].value != value) return "";
    const auto& since = history[current].from;
    std::string line = fmt::format("{} is already {} on {} ({}); nothing changed", c.code, as, from.iso(),
                                   since ? "since " + since->iso() : std::string("since the start"));
    for (size_t i = current + 1; i < history.size(); ++i)
        if (history[i].value != value) {
            line +=
                fmt::format(" (the change to {} from {} stays)", history[i].value, history[i].from->iso());
            break;
        }
    return line;
}

} // namespace

// Refuses (unless forced) a tier or rep from a day before the customer opened: it would be in effect on
// no day the customer is active, or silently replace the first entry.
Result<void> check_from(const store::Customer& c, std::string_view what, core::Date from, Force force) {
    if (force == Force::yes || !c.opened_on || from >= *c.opened_on) return {};
    return data_error(
        "customer {} opened on {}; {} from {} would start before that; use --from {} (its first day) "
        "or later, or add --force",
        c.code, c.opened_on->iso(), what, from.iso(), c.opened_on->iso());
}

Result<void> check_closing(store::Store& store, const store::Customer& c, core::Date on, Force force) {
    if (c.opened_on && on < *c.opened_on)
        return data_error("customer {} opened on {}; it cannot close on {} before that", c.code,
                          c.opened_on->iso(), on.iso());
    if (force == Force::no) {
        KQ_TRY(std::vector<store::Contact> later, store.customer_contacts(c.id, on.plus_days(1), kLastDay));
        std::erase_if(later, [](const store::Contact& k) { return !k.voided_at.empty(); });
        if (!later.empty()) {
            const store::Contact& last = later.back();
            return Error{
                Exit::data,
                core::trnf("customer {} has {} contact after {}, the last on {} (#{} {}); closing it "
                           "on {} would put it outside its active days; close it on {} or later, "
                           "void it, or add --force",
                           "customer {} has {} contacts after {}, the last on {} (#{} {}); closing it "
                           "on {} would put them outside its active days; close it on {} or later, "
                           "void them, or add --force",
                           later.size(), c.code, later.size(), on.iso(), last.date.iso(), last.id,
                           last.channel, on.iso(), last.date.iso())};
        }
    }
    return {};
}

Result<std::optional<core::Date>> optional_date(std::string_view text, std::string_view what) {
    if (text.empty()) return std::optional<core::Date>();
    KQ_TRY(core::Date d, core::parse_date(text, what));
    return std::optional<core::Date>(d);
}

Result<void> check_customer(store::Store& store, const rules::Rules& rules, const store::Customer& c) {
    return validate(store, rules, c, "");
}

Result<store::Customer> add_customer(store::Store& store, const rules::Rules& rules,
                                     store::Customer customer) {
    const core::Date today = core::today();
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_CHECK(validate(store, rules, customer, ""));
        KQ_CHECK(must_be_new(store, customer, "", today));
        std::string stage;
        if (!core::trim(customer.stage).empty()) {
            KQ_TRY(stage, stage_id(rules, customer.stage, "--stage"));
        }
        customer.stage.clear(); // the stage has a history (schemas/013), not a column
        KQ_TRY(int64_t id, store.add_customer(customer));
        if (!stage.empty()) KQ_CHECK(store.set_stage(id, stage, customer.opened_on.value_or(kSinceTheStart)));
        return reload(store, customer.code, today);
    });
}

Result<Places> places_of(store::Store& store, const std::vector<store::Customer>& customers) {
    std::vector<int64_t> ids;
    ids.reserve(customers.size());
    for (const store::Customer& c : customers)
        ids.push_back(c.id);
    return store.customer_places(ids);
}

std::string degrees_text(double degrees) {
    std::string text = fmt::format("{:.6f}", degrees);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

Result<store::Place> parse_geo(std::string_view text, std::string_view what) {
    const std::string t(core::trim(text));
    const size_t comma = t.find(',');
    const auto number = [](const std::string& s, double low, double high) -> std::optional<double> {
        const std::string v(core::trim(s));
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        if (v.empty() || end != v.c_str() + v.size() || !(d >= low && d <= high)) return std::nullopt;
        return d;
    };
    if (comma != std::string::npos) {
        const auto lat = number(t.substr(0, comma), -90, 90);
        const auto lon = number(t.substr(comma + 1), -180, 180);
        if (lat && lon) return store::Place{"", lat, lon};
    }
    return data_error("{}: '{}' is not coordinates; write LATITUDE,LONGITUDE in degrees (30.27,120.15), "
                      "or none to clear them",
                      what, text);
}

namespace {

// Sets the area and coordinates an edit names, keeping the other one as stored.
Result<void> edit_place(store::Store& store, const store::Customer& c, const CustomerEdit& edit) {
    KQ_TRY(auto places, store.customer_places({c.id}));
    store::Place place = places[c.id];
    if (edit.area) {
        KQ_CHECK(core::check_value(*edit.area, core::kMaxName, "--area"));
        place.area = std::string(core::trim(*edit.area));
    }
    if (edit.geo && core::trim(*edit.geo) == "none") {
        place.lat = place.lon = std::nullopt;
    } else if (edit.geo) {
        KQ_TRY(store::Place geo, parse_geo(*edit.geo, "--geo"));
        place.lat = geo.lat;
        place.lon = geo.lon;
    }
    return store.set_place(c.id, place);
}

} // namespace

Result<store::Customer> edit_customer(store::Store& store, const rules::Rules& rules,
                                      const std::string& query, const CustomerEdit& edit, core::Date today) {
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        if (edit.name) {
            if (core::trim(*edit.name).empty()) return data_error("--name must not be empty");
            c.name = std::string(core::trim(*edit.name));
        }
        if (edit.phone) c.phone = *edit.phone;
        if (edit.address) c.address = *edit.address;
        if (edit.opened_on) {
            KQ_TRY(c.opened_on, optional_date(*edit.opened_on, "--opened"));
        }
        if (c.opened_on && c.closed_on && *c.closed_on < *c.opened_on)
            return data_error("customer {} would close on {} before it opens on {}; fix the dates", c.code,
                              c.closed_on->iso(), c.opened_on->iso());
        KQ_CHECK(check_text(c, ""));
        KQ_CHECK(store.update_customer(c));
        if (edit.area || edit.geo) KQ_CHECK(edit_place(store, c, edit));
        if (edit.stage) { // from today, as `roster stage CODE STAGE` without --from
            KQ_TRY([[maybe_unused]] Change changed,
                   change_stage(store, rules, c.code, *edit.stage, today, today));
        }
        return reload(store, c.code, today);
    });
}

Result<Change> change_tier(store::Store& store, const rules::Rules& rules, const std::string& query,
                           const std::string& tier, core::Date from, core::Date today, Force force) {
    if (!rules.tier(tier))
        return data_error("unknown tier '{}'; the rules define {}", tier, rules.tier_ids());
    return store::in_transaction(store, [&]() -> Result<Change> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        KQ_CHECK(check_from(c, core::tr("a tier"), from, force));
        KQ_TRY(std::vector<store::HistoryEntry> history, store.tier_history(c.id));
        if (std::string same = already(history, tier, from, c, "tier " + tier); !same.empty())
            return Change{c, std::move(same)};
        KQ_CHECK(store.set_tier(c.id, tier, from));
        KQ_TRY(store::Customer after, reload(store, c.code, today));
        return Change{std::move(after), ""};
    });
}

Result<Change> change_rep(store::Store& store, const std::string& query, const std::string& rep,
                          core::Date from, core::Date today, Force force) {
    return store::in_transaction(store, [&]() -> Result<Change> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        KQ_CHECK(require_rep(store, rep));
        KQ_CHECK(check_from(c, core::tr("a rep"), from, force));
        KQ_TRY(std::vector<store::HistoryEntry> history, store.rep_history(c.id));
        if (std::string same = already(history, rep, from, c, rep + "'s"); !same.empty())
            return Change{c, std::move(same)};
        KQ_CHECK(store.assign_rep(c.id, rep, from));
        KQ_TRY(store::Customer after, reload(store, c.code, today));
        return Change{std::move(after), ""};
    });
}

Result<store::Customer> close_customer(store::Store& store, const std::string& query, core::Date on,
                                       core::Date today, Force force) {
    return store::in_transaction(store, [&]() -> Result<store::Customer> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        KQ_CHECK(check_closing(store, c, on, force));
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

Result<std::vector<store::Customer>> list_customers(store::Store& store, core::Date on,
                                                    const Listing& which) {
    KQ_TRY(std::vector<store::Customer> customers, store.list_customers(on));
    std::set<std::string> team_reps;
    if (!which.team.empty()) {
        KQ_TRY(std::vector<store::Rep> reps, store.list_reps());
        for (const auto& r : reps)
            if (r.team == which.team) team_reps.insert(r.id);
    }
    std::erase_if(customers, [&](const store::Customer& c) {
        const bool active = (!c.opened_on || *c.opened_on <= on) && (!c.closed_on || *c.closed_on >= on);
        return (!active && !which.include_closed) || (!which.rep.empty() && c.rep != which.rep) ||
               (!which.tier.empty() && c.tier != which.tier) ||
               (!which.team.empty() && !team_reps.contains(c.rep));
    });
    KQ_CHECK(fill_stages(store, customers, on));
    return customers;
}

} // namespace keqing::roster
