// People and life-event roster operations with validation.
#include "roster/people.hpp"

#include "core/csv.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

#include <charconv>

namespace keqing::roster {
namespace {

Result<std::string> check_birthday(const std::string& text) {
    if (core::trim(text).empty()) return std::string();
    KQ_TRY(calendar::Recurring r, calendar::parse_recurring(core::trim(text), "--birthday"));
    return r.text();
}

Result<void> check_personality(const std::string& p) {
    if (p.empty() || !personality_hint(p).empty()) return {};
    return data_error("--personality '{}' is not one of 活泼, 完美, 力量, 和平", p);
}

} // namespace

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
        KQ_TRY(person.birthday, check_birthday(person.birthday));
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
        store::Person p = *found;
        if (edit.name) {
            if (core::trim(*edit.name).empty()) return data_error("--name must not be empty");
            p.name = std::string(core::trim(*edit.name));
        }
        if (edit.role) p.role = *edit.role;
        if (edit.birthday) {
            KQ_TRY(p.birthday, check_birthday(*edit.birthday));
        }
        if (edit.preferences) p.preferences = *edit.preferences;
        if (edit.family) p.family = *edit.family;
        if (edit.personality) {
            KQ_CHECK(check_personality(*edit.personality));
            p.personality = *edit.personality;
        }
        if (edit.note) p.note = *edit.note;
        KQ_CHECK(store.update_person(p));
        return p;
    });
}

Result<store::LifeEvent> add_event(store::Store& store, const rules::Rules& rules, const std::string& query,
                                   const std::string& kind, core::Date date, const std::string& person,
                                   const std::string& note, core::Date today) {
    if (kind == "birthday" || !rules.event(kind))
        return data_error("--kind '{}' is not a life event kind; the rules define {} (birthdays come from `roster "
                          "person add --birthday`)",
                          kind, rules.event_kinds());
    if (date > today.plus_days(366)) return data_error("--date {} is more than a year ahead; check it", date.iso());
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
                return data_error("--person '{}' {} at {}; see `roster person list {}`", person,
                                  match.empty() ? "names nobody" : "is ambiguous", c.code, c.code);
            e.person_id = match[0]->id;
            e.person_name = match[0]->name;
        }
        KQ_TRY(e.id, store.add_event(e));
        return e;
    });
}

namespace {

// Runs `row` for every row of a CSV in one transaction, prefixing errors with file:line.
template <class F>
Result<int> import_rows(store::Store& store, const std::string& path, const std::vector<std::string>& required,
                        const std::vector<std::string>& optional, bool dry_run, F&& row) {
    KQ_TRY(std::string text, core::read_file(path));
    KQ_TRY(std::vector<core::CsvRecord> records, core::parse_csv(text, path));
    KQ_TRY(core::CsvTable table, core::CsvTable::from_records(std::move(records), path, required, optional, false));
    return store::in_transaction(
        store,
        [&]() -> Result<int> {
            for (size_t i = 0; i < table.size(); ++i) {
                if (auto r = row(table, i); !r)
                    return Error{r.error().code, fmt::format("{}:{}: {}", path, table.row(i).line, r.error().message)};
            }
            return static_cast<int>(table.size());
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

} // namespace

Result<int> import_people(store::Store& store, const std::string& path, bool dry_run) {
    const core::Date today = core::today();
    return import_rows(store, path, {"customer", "name"},
                       {"role", "birthday", "preferences", "family", "personality", "note"}, dry_run,
                       [&](const core::CsvTable& t, size_t i) -> Result<void> {
                           store::Person p;
                           p.name = std::string(t.get(i, "name"));
                           p.role = std::string(t.get(i, "role"));
                           p.birthday = std::string(t.get(i, "birthday"));
                           p.preferences = std::string(t.get(i, "preferences"));
                           p.family = std::string(t.get(i, "family"));
                           p.personality = std::string(t.get(i, "personality"));
                           p.note = std::string(t.get(i, "note"));
                           KQ_TRY([[maybe_unused]] store::Person added,
                                  add_person(store, std::string(t.get(i, "customer")), p, today));
                           return {};
                       });
}

Result<int> import_events(store::Store& store, const rules::Rules& rules, const std::string& path, bool dry_run) {
    const core::Date today = core::today();
    return import_rows(store, path, {"customer", "kind", "date"}, {"person", "note"}, dry_run,
                       [&](const core::CsvTable& t, size_t i) -> Result<void> {
                           KQ_TRY(core::Date date, core::parse_date(t.get(i, "date"), "column date"));
                           KQ_TRY([[maybe_unused]] store::LifeEvent e,
                                  add_event(store, rules, std::string(t.get(i, "customer")), std::string(t.get(i, "kind")),
                                            date, std::string(t.get(i, "person")), std::string(t.get(i, "note")), today));
                           return {};
                       });
}

} // namespace keqing::roster
