// Follow-up items in progress, about a person, and opened without a contact (followups/followups.hpp).
#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "followups/followups.hpp"
#include "roster/lookup.hpp"

#include <charconv>

namespace keqing::followups {
namespace {

Error progress_error(const std::string& message) {
    return data_error("{}", message);
}

} // namespace

Result<int64_t> person_id_of(store::Store& store, int64_t customer_id, const std::string& customer_code,
                             const std::string& text, std::string_view option) {
    const std::string_view wanted = core::trim(text);
    if (wanted.empty()) return int64_t{0};
    const std::string_view digits = wanted.starts_with('#') ? wanted.substr(1) : wanted;
    int64_t id = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), id);
    KQ_TRY(std::vector<store::Person> people, store.list_people(customer_id));
    std::vector<const store::Person*> match;
    for (const auto& p : people)
        if (p.id == id || p.name == wanted) match.push_back(&p);
    if (match.size() == 1) return match.front()->id;
    return progress_error(core::trf("{} '{}' {} at {}; see `roster person list {}`", option, wanted,
                                    match.empty() ? core::tr("names nobody") : core::tr("is ambiguous"),
                                    customer_code, customer_code));
}

Result<store::FollowUp> start(store::Store& store, int64_t id, core::Date day, bool dry_run) {
    return store::in_transaction(
        store,
        [&]() -> Result<store::FollowUp> {
            KQ_TRY(std::optional<store::FollowUp> found, store.find_followup(id));
            if (!found)
                return progress_error(core::trf(
                    "no follow-up #{}; numbers are shown when one is opened and by `roster followup list`",
                    id));
            if (found->closed_on)
                return progress_error(
                    core::trf("follow-up #{} was closed already on {} ({}); nothing to start", id,
                              found->closed_on->iso(), found->status));
            if (found->started_on)
                return progress_error(
                    core::trf("follow-up #{} is in progress already since {}", id, found->started_on->iso()));
            if (day < found->opened_on)
                return progress_error(core::trf("follow-up #{} was opened on {}, after {}; start it on or "
                                                "after its opening",
                                                id, found->opened_on.iso(), day.iso()));
            KQ_CHECK(store.start_followup(id, day));
            found->status = "in_progress";
            found->started_on = day;
            return *found;
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

Result<store::FollowUp> open_at(store::Store& store, const rules::Rules& rules, const OpenAt& open,
                                core::Date today, bool dry_run) {
    const rules::FollowUpKind* kind = rules.followup(open.kind);
    if (!kind)
        return progress_error(core::trf("the rules ({}) define no follow-up kind '{}'; add a [[followup]] "
                                        "kind = \"{}\"",
                                        rules.source, open.kind, open.kind));
    const std::string body(core::trim(open.body));
    if (body.empty()) return usage_error("{}", core::tr("a follow-up needs a text saying what to follow up"));
    KQ_CHECK(core::check_value(body, core::kMaxText, "the text"));
    if (today < open.opened)
        return progress_error(core::trf("--date {} is after today ({}); record it on the day it came in",
                                        open.opened.iso(), today.iso()));
    core::Date due = open.opened.plus_days(kind->due_days);
    if (!open.due.empty()) {
        KQ_TRY(due, core::parse_date(open.due, "--due"));
        if (due < open.opened)
            return progress_error(
                core::trf("--due {} is before the day it was opened ({}); give a due day on "
                          "or after it",
                          open.due, open.opened.iso()));
    }
    return store::in_transaction(
        store,
        [&]() -> Result<store::FollowUp> {
            KQ_TRY(store::Customer c, roster::resolve_customer(store, open.customer, open.opened));
            if (c.rep.empty())
                return progress_error(core::trf("{} had no rep on {}; open it on a day the customer was "
                                                "assigned",
                                                c.code, open.opened.iso()));
            store::FollowUp item;
            item.customer_id = c.id;
            item.kind = open.kind;
            item.body = body;
            item.opened_on = open.opened;
            item.due_on = due;
            item.status = "open";
            KQ_TRY(item.person_id, person_id_of(store, c.id, c.code, open.person, "--about"));
            KQ_TRY(int64_t id, store.open_followup(item));
            KQ_TRY(std::optional<store::FollowUp> stored, store.find_followup(id));
            if (!stored)
                return progress_error(
                    core::trf("follow-up #{} could not be read back after it was opened", id));
            return *stored;
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

} // namespace keqing::followups
