// Training records: checks on what `roster training add` is given (the attendees found among the customer's
// people as `roster event add --person` finds one), listing and removal.
#include "roster/training.hpp"

#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

#include <algorithm>
#include <charconv>

namespace keqing::roster {
namespace {

// The person `text` names among `people` (a number, #number, or a name): exactly one.
Result<int64_t> attendee_id(const std::vector<store::Person>& people, std::string_view text,
                            const std::string& code) {
    std::string_view t = core::trim(text);
    if (t.starts_with('#')) t.remove_prefix(1);
    int64_t id = 0;
    const bool number = std::from_chars(t.data(), t.data() + t.size(), id).ec == std::errc() && id > 0;
    std::vector<int64_t> match;
    for (const auto& p : people)
        if ((number && p.id == id) || p.name == t) match.push_back(p.id);
    if (match.size() == 1) return match.front();
    if (match.empty())
        return Error{Exit::data, core::trf("--attendee '{}' is no person at {}; add them with `roster person "
                                           "add {} NAME`, or see `roster person list {}`",
                                           core::fit(text, 40), code, code, code)};
    return Error{Exit::data, core::trf("--attendee '{}' names {} people at {}; give the number (see `roster "
                                       "person list {}`)",
                                       core::fit(text, 40), match.size(), code, code)};
}

} // namespace

Result<store::Training> add_training(store::Store& store, const TrainingInput& input, core::Date today) {
    const std::string topic(core::trim(input.topic));
    if (topic.empty()) return Error{Exit::usage, core::tr("a training needs --topic TEXT: what was taught")};
    KQ_CHECK(core::check_value(topic, core::kMaxText, "--topic"));
    KQ_CHECK(core::check_value(input.note, core::kMaxText, "--note"));
    if (input.day > today)
        return Error{Exit::data, core::trf("a training dated {} is in the future; record it once it was held",
                                           input.day.iso())};
    return store::in_transaction(store, [&]() -> Result<store::Training> {
        KQ_TRY(store::Customer c, resolve_customer(store, input.customer, today));
        KQ_CHECK(require_rep(store, input.rep));
        store::Training t;
        t.customer_id = c.id;
        t.customer_code = c.code;
        t.rep = input.rep;
        t.day = input.day;
        t.topic = topic;
        t.in_person = input.in_person;
        t.note = std::string(core::trim(input.note));
        if (!input.attendees.empty()) {
            KQ_TRY(std::vector<store::Person> people, store.list_people(c.id));
            for (const auto& a : input.attendees) {
                KQ_TRY(int64_t id, attendee_id(people, a, c.code));
                if (std::find(t.attendees.begin(), t.attendees.end(), id) != t.attendees.end())
                    return Error{Exit::data,
                                 core::trf("--attendee '{}' is given twice; name each person once", a)};
                t.attendees.push_back(id);
            }
        }
        KQ_TRY(t.id, store.add_training(t));
        return t;
    });
}

Result<std::vector<store::Training>> list_trainings(store::Store& store, const std::string& query,
                                                    core::Date from, core::Date to, core::Date today,
                                                    store::Removed removed) {
    if (to < from)
        return Error{Exit::usage, core::trf("--from {} is after --to {}; give the earlier day first",
                                            from.iso(), to.iso())};
    store::Scope filter;
    if (!query.empty()) {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        filter = {store::Scope::Kind::code, c.code};
    }
    return store.trainings_of(from, to, filter, removed);
}

Result<store::Training> remove_training(store::Store& store, int64_t id, const std::string& reason) {
    if (core::trim(reason).empty())
        return Error{
            Exit::usage,
            core::tr("roster training remove needs --reason TEXT saying why (it is kept with the record)")};
    KQ_CHECK(core::check_value(reason, core::kMaxText, "--reason"));
    const std::string why(core::trim(reason));
    return store::in_transaction(store, [&]() -> Result<store::Training> {
        KQ_TRY(std::optional<store::Training> found, store.find_training(id));
        if (!found)
            return Error{Exit::data, core::trf("no training #{}; see `roster training list CUSTOMER`", id)};
        if (!found->removed_at.empty())
            return Error{Exit::data, core::trf("training #{} was already removed on {} ({})", id,
                                               found->removed_at, found->removed_reason)};
        found->removed_at = core::now().iso();
        found->removed_reason = why;
        KQ_CHECK(store.remove_training(id, why, found->removed_at));
        return *found;
    });
}

} // namespace keqing::roster
