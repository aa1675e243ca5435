// People and life-event roster operations with validation.
#include "roster/people.hpp"

#include "core/csv.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

#include <charconv>

namespace keqing::roster {
namespace {

Result<void> check_personality(const std::string& p) {
    if (p.empty() || !personality_hint(p).empty()) return {};
    return data_error("--personality '{}' is not one of 活泼, 完美, 力量, 和平", p);
}

// The text of a person within the limits of core/limits.hpp.
Result<void> check_text(const store::Person& p) {
    KQ_CHECK(core::check_value(p.name, core::kMaxName, "the person's name"));
    KQ_CHECK(core::check_value(p.role, core::kMaxName, "the person's role"));
    KQ_CHECK(core::check_value(p.preferences, core::kMaxText, "the person's preferences"));
    KQ_CHECK(core::check_value(p.family, core::kMaxText, "the person's family"));
    KQ_CHECK(core::check_value(p.note, core::kMaxText, "the person's note"));
    return {};
}

} // namespace

Result<std::string> canonical_birthday(const std::string& text) {
    if (core::trim(text).empty()) return std::string();
    KQ_TRY(calendar::Recurring r, calendar::parse_recurring(core::trim(text), "--birthday"));
    return r.text();
}

std::string_view personality_hint(std::string_view p) {
    if (p == "活泼") return "与活泼型一起快乐:花时间建立关系和好感,热情随和,多谈他的目标、少谈细节";
    if (p == "完美") return "与完美型一起统筹:做事周到精细、准备充分,列出详细资料和分析,遵循规则";
    if (p == "力量") return "与力量型一起行动:讲究效率、积极务实,直截了当,拿数据和事实说话";
    if (p == "和平") return "与和平型一起轻松:做一个热心真诚的人,耐心倾听,避免突然的变化";
    return {};
}

Result<store::Person> add_person(store::Store& store, const std::string& query, store::Person person,
                                 core::Date today) {
    return store::in_transaction(store, [&]() -> Result<store::Person> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        person.name = std::string(core::trim(person.name));
        if (person.name.empty()) return data_error("a person needs a name; give it after the customer");
        KQ_CHECK(check_text(person));
        KQ_TRY(person.birthday, canonical_birthday(person.birthday));
        KQ_CHECK(check_personality(person.personality));
        person.customer_id = c.id;
        person.customer_code = c.code;
        KQ_TRY(person.id, store.add_person(person));
        return person;
    });
}

Result<store::Person> edit_person(store::Store& store, int64_t id, const PersonEdit& edit) {
    return store::in_transaction(store, [&]() -> Result<store::Person> {
        KQ_TRY(std::optional<store::Person> found, store.find_person(id));
        if (!found) return data_error("no person #{}; see `roster person list CUSTOMER`", id);
        if (!found->removed_at.empty())
            return data_error("person #{} {} was removed on {} ({}); add them again with `roster person add`",
                              id, found->name, found->removed_at, found->removed_reason);
        store::Person p = *found;
        if (edit.name) {
            if (core::trim(*edit.name).empty()) return data_error("--name must not be empty");
            p.name = std::string(core::trim(*edit.name));
        }
        if (edit.role) p.role = *edit.role;
        if (edit.birthday) {
            KQ_TRY(p.birthday, canonical_birthday(*edit.birthday));
        }
        if (edit.preferences) p.preferences = *edit.preferences;
        if (edit.family) p.family = *edit.family;
        if (edit.personality) {
            KQ_CHECK(check_personality(*edit.personality));
            p.personality = *edit.personality;
        }
        if (edit.note) p.note = *edit.note;
        KQ_CHECK(check_text(p));
        KQ_CHECK(store.update_person(p));
        return p;
    });
}

Result<store::LifeEvent> add_event(store::Store& store, const rules::Rules& rules, const std::string& query,
                                   const std::string& kind, core::Date date, const std::string& person,
                                   const std::string& note, core::Date today) {
    if (const rules::EventKind* k = rules.event(kind); !k || !k->recorded())
        return data_error(
            "--kind '{}' is not a life event kind; the rules define {} (birthdays come from `roster "
            "person add --birthday`, anniversaries of working together from the customer's opening day)",
            kind, rules.event_kinds());
    if (date > today.plus_days(366))
        return data_error("--date {} is more than a year ahead; check it", date.iso());
    KQ_CHECK(core::check_value(note, core::kMaxText, "the event's note"));
    return store::in_transaction(store, [&]() -> Result<store::LifeEvent> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        store::LifeEvent e;
        e.customer_id = c.id;
        e.customer_code = c.code;
        e.kind = kind;
        e.date = date;
        e.note = note;
        if (!person.empty()) {
            KQ_TRY(std::vector<store::Person> people, store.list_people(c.id));
            int64_t id = 0;
            std::from_chars(person.data(), person.data() + person.size(), id);
            std::vector<const store::Person*> match;
            for (const auto& p : people)
                if (p.id == id || p.name == person) match.push_back(&p);
            if (match.size() != 1)
                return match.empty()
                           ? data_error("--person '{}' names nobody at {}; see `roster person list {}`",
                                        person, c.code, c.code)
                           : data_error("--person '{}' is ambiguous at {}; see `roster person list {}`",
                                        person, c.code, c.code);
            e.person_id = match[0]->id;
            e.person_name = match[0]->name;
        }
        KQ_TRY(e.id, store.add_event(e));
        return e;
    });
}

namespace {

// A removal's reason: required, one line within the text limit.
Result<std::string> removal_reason(const std::string& reason, std::string_view what) {
    if (core::trim(reason).empty())
        return usage_error("{} needs --reason TEXT saying why (it is kept with the record)", what);
    KQ_CHECK(core::check_value(reason, core::kMaxText, "--reason"));
    return std::string(core::trim(reason));
}

} // namespace

Result<store::Person> remove_person(store::Store& store, int64_t id, const std::string& reason) {
    KQ_TRY(const std::string why, removal_reason(reason, "roster person remove"));
    return store::in_transaction(store, [&]() -> Result<store::Person> {
        KQ_TRY(std::optional<store::Person> found, store.find_person(id));
        if (!found) return data_error("no person #{}; see `roster person list CUSTOMER`", id);
        if (!found->removed_at.empty())
            return data_error("person #{} {} was already removed on {} ({})", id, found->name,
                              found->removed_at, found->removed_reason);
        found->removed_at = core::now().iso();
        found->removed_reason = why;
        KQ_CHECK(store.remove_person(id, why, found->removed_at));
        return *found;
    });
}

Result<store::LifeEvent> remove_event(store::Store& store, int64_t id, const std::string& reason) {
    KQ_TRY(const std::string why, removal_reason(reason, "roster event remove"));
    return store::in_transaction(store, [&]() -> Result<store::LifeEvent> {
        KQ_TRY(std::optional<store::LifeEvent> found, store.find_event(id));
        if (!found) return data_error("no life event #{}; see `roster event list CUSTOMER`", id);
        if (!found->removed_at.empty())
            return data_error("life event #{} was already removed on {} ({})", id, found->removed_at,
                              found->removed_reason);
        found->removed_at = core::now().iso();
        found->removed_reason = why;
        KQ_CHECK(store.remove_event(id, why, found->removed_at));
        return *found;
    });
}

} // namespace keqing::roster
