// Opening and closing follow-up items with a contact, their state on a day, and the report's counts.
#include "followups/followups.hpp"

#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>

namespace keqing::followups {
namespace {

std::string_view option_of(How how) {
    return how == How::kept ? "--kept" : how == How::solved ? "--solved" : "--close";
}

Result<core::Date> due_day(const rules::FollowUpKind& kind, const Open& open, const store::Contact& contact) {
    if (open.due.empty()) return contact.date.plus_days(kind.due_days);
    KQ_TRY(core::Date due, core::parse_date(open.due, "--due"));
    if (due < contact.date)
        return data_error("--due {} is before the contact's day {}; give a due day on or after it", open.due,
                          contact.date.iso());
    return due;
}

Result<store::FollowUp> open_one(store::Store& store, const rules::Rules& rules,
                                 const store::Contact& contact, const Open& open) {
    const rules::FollowUpKind* kind = rules.followup(open.kind);
    if (!kind)
        return data_error("the rules ({}) define no follow-up kind '{}'; add a [[followup]] kind = \"{}\"",
                          rules.source, open.kind, open.kind);
    const std::string option = "--" + open.kind;
    if (core::trim(open.body).empty()) return usage_error("{} needs a text saying what to follow up", option);
    KQ_CHECK(core::check_value(open.body, core::kMaxText, option));
    KQ_TRY(core::Date due, due_day(*kind, open, contact));
    KQ_TRY(int64_t person,
           person_id_of(store, contact.customer_id, contact.customer_code, open.person, "--about"));
    KQ_TRY(int64_t id, store.add_followup(contact.id, contact.date, open.kind,
                                          std::string(core::trim(open.body)), due, person));
    KQ_TRY(std::optional<store::FollowUp> stored, store.find_followup(id));
    if (!stored) return data_error("follow-up #{} could not be read back after it was opened", id);
    return *stored;
}

// The open item `id` that `close` may close at `customer_id` on `day`, or why not.
Result<store::FollowUp> closable(store::Store& store, const rules::Rules& rules, const Close& close,
                                 int64_t customer_id, const std::string& customer_code, core::Date day) {
    const std::string_view option = option_of(close.how);
    KQ_TRY(std::optional<store::FollowUp> found, store.find_followup(close.id));
    if (!found)
        return data_error(
            "{} {}: no follow-up #{}; numbers are shown when one is opened and on `roster show`", option,
            close.id, close.id);
    if (customer_id && found->customer_id != customer_id)
        return data_error("{} {}: follow-up #{} is at {}, not {}; close it with a contact of {}", option,
                          close.id, close.id, found->customer_code, customer_code, found->customer_code);
    if (found->closed_on)
        return data_error("{} {}: follow-up #{} was closed already on {} ({})", option, close.id, close.id,
                          found->closed_on->iso(), found->status);
    const rules::FollowUpKind* kind = rules.followup(found->kind);
    const std::string closes = kind ? kind->closes : "";
    if (close.how != How::dropped && closes != (close.how == How::kept ? "kept" : "solved"))
        return data_error("{} {}: follow-up #{} is a {}, which {}", option, close.id, close.id, found->kind,
                          closes.empty() ? core::tr("closes with --close N --reason TEXT only")
                                         : core::trf("closes with --{} {}", closes, close.id));
    const core::Date since = found->started_on.value_or(found->opened_on);
    if (day < since)
        return data_error("{} {}: follow-up #{} was opened or started on {}, after {}", option, close.id,
                          close.id, since.iso(), day.iso());
    return *found;
}

Result<store::FollowUp> close_one(store::Store& store, const rules::Rules& rules, const Close& close,
                                  const store::Contact* contact, core::Date day) {
    if (close.how == How::dropped && core::trim(close.reason).empty())
        return usage_error("--close {} needs --reason TEXT saying why it is dropped", close.id);
    KQ_CHECK(core::check_value(close.reason, core::kMaxText, "--reason"));
    KQ_TRY(store::FollowUp item, closable(store, rules, close, contact ? contact->customer_id : 0,
                                          contact ? contact->customer_code : "", day));
    const std::string status = close.how == How::dropped ? "dropped" : "done";
    KQ_CHECK(store.close_followup(close.id, status, std::string(core::trim(close.reason)), day,
                                  contact ? contact->id : 0));
    item.status = status;
    item.closed_on = day;
    item.reason = std::string(core::trim(close.reason));
    item.closed_by = contact ? contact->id : 0;
    return item;
}

} // namespace

std::string solved_text(const store::FollowUp& item) {
    return fmt::format("#{} {}", item.id, item.body);
}

Result<Applied> apply(store::Store& store, const rules::Rules& rules, const store::Contact& contact,
                      const Changes& changes) {
    Applied out;
    for (const Close& close : changes.close) {
        KQ_TRY(store::FollowUp item, close_one(store, rules, close, &contact, contact.date));
        out.closed.push_back(std::move(item));
    }
    for (const Open& open : changes.open) {
        KQ_TRY(store::FollowUp item, open_one(store, rules, contact, open));
        out.opened.push_back(std::move(item));
    }
    return out;
}

Result<std::string> solved_by(store::Store& store, const Changes& changes) {
    for (const Close& close : changes.close) {
        if (close.how != How::solved) continue;
        KQ_TRY(std::optional<store::FollowUp> found, store.find_followup(close.id));
        if (found) return solved_text(*found);
    }
    return std::string();
}

Result<store::FollowUp> drop(store::Store& store, const rules::Rules& rules, int64_t id,
                             const std::string& reason, core::Date day, bool dry_run) {
    return store::in_transaction(
        store,
        [&]() {
            return close_one(store, rules, Close{id, How::dropped, reason}, nullptr, day);
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

State state_on(const store::FollowUp& item, core::Date day) {
    if (item.closed_on && *item.closed_on <= day)
        return item.status == "dropped" ? State::dropped : State::done;
    if (item.due_on < day) return State::overdue;
    if (item.due_on == day) return State::due;
    return item.started_on && *item.started_on <= day ? State::in_progress : State::open;
}

std::string_view to_string(State state) {
    switch (state) {
    case State::open:
        return "open";
    case State::in_progress:
        return "in_progress";
    case State::due:
        return "due";
    case State::overdue:
        return "overdue";
    case State::done:
        return "done";
    case State::dropped:
        return "dropped";
    }
    return "open";
}

bool is_open(const store::FollowUp& item, core::Date day) {
    const State s = state_on(item, day);
    return s != State::done && s != State::dropped && item.opened_on <= day;
}

Result<std::vector<store::FollowUp>> open_on(store::Store& store, core::Date as_of,
                                             const store::Scope& filter) {
    KQ_TRY(std::vector<store::FollowUp> items, store.followups_of(as_of, as_of, filter));
    std::erase_if(items, [&](const store::FollowUp& f) { return !is_open(f, as_of); });
    return items;
}

std::vector<Counts> count(const std::vector<store::FollowUp>& items, core::Date from, core::Date to,
                          core::Date until) {
    const core::Date end = std::min(to, until);
    std::map<std::string, Counts> by_rep;
    std::map<std::string, std::vector<int>> days_of;
    for (const auto& f : items) {
        for (const std::string& who : {f.rep, std::string()}) {
            Counts& c = by_rep[who];
            c.rep = who;
            if (f.opened_on >= from && f.opened_on <= end) ++c.opened;
            if (f.closed_on && *f.closed_on >= from && *f.closed_on <= end) {
                ++c.closed;
                if (f.status == "done") ++c.done;
                days_of[who].push_back(*f.closed_on - f.opened_on);
            }
            if (is_open(f, end)) {
                ++c.open;
                if (state_on(f, end) == State::overdue) ++c.overdue;
            }
        }
    }
    std::vector<Counts> out;
    for (auto& [who, c] : by_rep) {
        auto& days = days_of[who];
        if (!days.empty()) {
            std::sort(days.begin(), days.end());
            const size_t n = days.size();
            c.median_days = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
        }
        if (!who.empty()) out.push_back(c);
    }
    if (!by_rep.empty()) out.push_back(by_rep[""]);
    return out;
}

} // namespace keqing::followups
