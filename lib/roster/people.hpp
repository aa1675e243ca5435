// The people of a customer (clerks, owners) with birthdays, preferences, family and personality, and
// the life events that create visit obligations (R6–R8).
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>

namespace keqing::roster {

// The four personality types of the seed (活泼 / 完美 / 力量 / 和平).
inline constexpr const char* kPersonalities[] = {"活泼", "完美", "力量", "和平"};
// The seed's one-line advice for a personality type; empty for an unknown type.
std::string_view personality_hint(std::string_view personality);

// A birthday as stored (calendar/recurring.hpp's text; blank stays blank), or why it is not one.
Result<std::string> canonical_birthday(const std::string& text);

// Adds a person to the customer `query` names; the birthday is validated and stored canonically.
Result<store::Person> add_person(store::Store& store, const std::string& query, store::Person person,
                                 core::Date today);

// Fields `roster person edit` may change.
struct PersonEdit {
    std::optional<std::string> name, role, birthday, preferences, family, personality, note;
};
Result<store::Person> edit_person(store::Store& store, int64_t id, const PersonEdit& edit);

// Records a life event of a kind the rules define (wedding, bereavement …) at a customer, optionally of
// one of its people (by id or name).
Result<store::LifeEvent> add_event(store::Store& store, const rules::Rules& rules, const std::string& query,
                                   const std::string& kind, core::Date date, const std::string& person,
                                   const std::string& note, core::Date today);

// Removes person `id` (or life event `id`) with a reason: kept with when and why, never deleted, and left out
// of every list, card and obligation from then on (a birthday or visit owed is withdrawn). A removed one is
// refused: a removal is final.
Result<store::Person> remove_person(store::Store& store, int64_t id, const std::string& reason);
Result<store::LifeEvent> remove_event(store::Store& store, int64_t id, const std::string& reason);

} // namespace keqing::roster
