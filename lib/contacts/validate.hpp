// Validation shared by one-line logging and CSV import: a request becomes a contact ready to store once
// its channel, dates, customer (active that day) and rep check out.
#pragma once

#include "contacts/log.hpp"

#include <functional>

namespace keqing::contacts {

// How customers and reps are looked up: straight from the store, or through an import's cache.
class Lookup {
  public:
    virtual ~Lookup() = default;
    // The customer `query` names, with the rep assigned on `on`.
    virtual Result<store::Customer> customer(const std::string& query, core::Date on) = 0;
    // Ok when the rep exists.
    virtual Result<void> rep(const std::string& id) = 0;
};

// Looks everything up in the store (one contact at a time).
class StoreLookup final : public Lookup {
  public:
    explicit StoreLookup(store::Store& store) : store_(store) {}
    Result<store::Customer> customer(const std::string& query, core::Date on) override;
    Result<void> rep(const std::string& id) override;

  private:
    store::Store& store_;
};

// Checks a request and turns it into a contact ready to store (not yet tagged for an occasion); the
// request's texts move into the contact.
// `where_prefix()` ("file:line: ") prefixes customer and rep errors; `where(field)` names a field. Both are
// called only for an error (an import builds a million contacts).
Result<store::Contact> build(Lookup& lookup, const rules::Rules& rules, LogRequest r, const core::Now& now,
                             const std::function<std::string()>& where_prefix,
                             const std::function<std::string(std::string_view)>& where);

// Days between a contact and its logging when beyond late_after_days; 0 = not late.
int days_late(const rules::Rules& rules, const store::Contact& c, const core::Now& now);

// A yes/no CSV field: 1/0, yes/no, true/false, y/n or empty.
Result<bool> parse_flag(std::string_view text, std::string_view what);
// parse_flag and core::check_value with the field named by `where(field)` only when the value is refused.
Result<bool> parse_flag_at(std::string_view text, const std::function<std::string(std::string_view)>& where,
                           std::string_view field);
Result<void> check_value_at(std::string_view value, size_t max,
                            const std::function<std::string(std::string_view)>& where,
                            std::string_view field);

} // namespace keqing::contacts
