// Logging one contact (validated, tagged for an occasion when one fits, evaluated for the month) and
// voiding one.
#include "contacts/log.hpp"

#include "contacts/validate.hpp"

#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

#include <algorithm>

namespace keqing::contacts {

std::vector<std::string> missing_checklist(const store::Contact& contact) {
    std::vector<std::string> out;
    for (size_t i = 0; i < contact.checklist.size(); ++i)
        if (core::trim(contact.checklist[i]).empty()) out.emplace_back(core::tr(store::kChecklistLabels[i]));
    return out;
}

namespace {

// The obligation a stored contact is tagged for, as it stands now (none when untagged).
Result<std::optional<occasions::Obligation>> obligation_of(store::Store& store, const rules::Rules& rules,
                                                           const store::Contact& contact, core::Date today) {
    std::optional<occasions::Obligation> found;
    if (contact.occasion.empty()) return found;
    KQ_TRY(std::vector<occasions::Obligation> after,
           occasions::obligations(store, rules, contact.date.plus_days(-rules.overdue_days), contact.date,
                                  std::max(today, contact.date),
                                  {store::Scope::Kind::code, contact.customer_code}));
    for (auto& o : after)
        if (o.tag == contact.occasion) found = std::move(o);
    return found;
}

// The goals of the contact's rep for the contact's month, as of today.
Result<std::optional<compliance::RepGoals>> goals_after(store::Store& store, const rules::Rules& rules,
                                                        const store::Contact& contact, core::Date today) {
    const compliance::Scope scope{compliance::Scope::Kind::rep, contact.rep};
    KQ_TRY(compliance::MonthResult month,
           compliance::evaluate_month(store, rules, core::Month::of(contact.date), today, scope));
    KQ_TRY(std::vector<compliance::RepGoals> all, compliance::evaluate_goals(store, rules, month));
    for (auto& g : all)
        if (g.rep == contact.rep) return std::optional(std::move(g));
    return std::optional<compliance::RepGoals>{};
}

} // namespace

Result<LogOutcome> log_contact(store::Store& store, const rules::Rules& rules, const LogRequest& request,
                               bool dry_run) {
    const core::Now now = core::now();
    auto where = [](std::string_view field) { // the option: --slow-mover for the column slow_mover
        std::string option = fmt::format("--{}", field);
        std::replace(option.begin(), option.end(), '_', '-');
        return option;
    };
    return store::in_transaction(
        store,
        [&]() -> Result<LogOutcome> {
            store.keep_roster_reads(); // this writes the contact and its follow-ups only
            StoreLookup lookup(store);
            LogRequest named = request;
            if (named.channel.empty()) named.channel = rules.default_channel();
            KQ_TRY(store::Contact contact,
                   build(
                       lookup, rules, std::move(named), now, [] { return std::string(); }, where));
            if (contact.solved.empty()) {
                KQ_TRY(contact.solved, followups::solved_by(store, request.followup_changes));
            }
            KQ_TRY(occasions::TagChoice tag, occasions::choose_tag(store, rules, contact, request.occasion));
            contact.occasion = tag.tag;
            KQ_TRY(contact.id, store.add_contact(contact));
            KQ_TRY(followups::Applied applied,
                   followups::apply(store, rules, contact, request.followup_changes));
            KQ_TRY(std::optional<occasions::Obligation> obligation,
                   obligation_of(store, rules, contact, now.date));
            KQ_TRY(std::vector<store::Customer> found,
                   store.find_customers(contact.customer_code, store::Match::code, contact.date));
            const compliance::Scope scope{compliance::Scope::Kind::code, contact.customer_code};
            KQ_TRY(compliance::MonthResult month,
                   compliance::evaluate_month(store, rules, core::Month::of(contact.date), now.date, scope));
            std::optional<compliance::RepGoals> goals;
            if (contact.asked_help || !contact.solved.empty() || contact.training) {
                KQ_TRY(goals, goals_after(store, rules, contact, now.date));
            }
            KQ_TRY(std::vector<occasions::Proposal> proposals,
                   occasions::proposals_for(store, rules, contact));
            return LogOutcome{contact,
                              found.front(),
                              days_late(rules, contact, now),
                              std::move(month),
                              std::move(tag),
                              std::move(obligation),
                              std::move(applied),
                              std::move(goals),
                              std::move(proposals)};
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

Result<RetagOutcome> retag_contact(store::Store& store, const rules::Rules& rules, int64_t id,
                                   const std::string& requested, const std::string& who, bool dry_run) {
    return store::in_transaction(
        store,
        [&]() -> Result<RetagOutcome> {
            KQ_TRY(std::optional<store::Contact> found, store.find_contact(id));
            if (!found) return data_error("no contact #{}; contact numbers are shown when logging", id);
            RetagOutcome out{*found, found->occasion, {}, {}, true};
            if (!found->voided_at.empty())
                return data_error("contact #{} was voided on {}; a voided contact keeps its tag", id,
                                  found->voided_at);
            if (!requested.empty()) {
                store::Contact untagged = *found;
                untagged.occasion.clear();
                KQ_TRY(out.tag, occasions::choose_tag(store, rules, untagged, requested));
            } else if (found->occasion.empty()) {
                return data_error("contact #{} has no occasion tag to remove", id);
            }
            out.contact.occasion = out.tag.tag;
            out.changed = out.contact.occasion != out.previous;
            const core::Now now = core::now();
            if (out.changed) KQ_CHECK(store.retag_contact(id, out.contact.occasion, who, now.iso()));
            KQ_TRY(out.obligation, obligation_of(store, rules, out.contact, now.date));
            return out;
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

Result<store::Contact> void_contact(store::Store& store, int64_t id, const std::string& reason) {
    if (core::trim(reason).empty())
        return usage_error("--void needs --reason TEXT saying why (it is kept with the contact)");
    KQ_CHECK(core::check_value(reason, core::kMaxText, "--reason"));
    return store::in_transaction(store, [&]() -> Result<store::Contact> {
        KQ_TRY(std::optional<store::Contact> contact, store.find_contact(id));
        if (!contact) return data_error("no contact #{}; contact numbers are shown when logging", id);
        if (!contact->voided_at.empty())
            return data_error("contact #{} was already voided on {} ({})", id, contact->voided_at,
                              contact->void_reason);
        contact->voided_at = core::now().iso();
        contact->void_reason = std::string(core::trim(reason));
        KQ_CHECK(store.void_contact(id, contact->void_reason, contact->voided_at));
        return *contact;
    });
}

namespace {

// `now` less `hours`, written as logged_at is (YYYY-MM-DDTHH:MM).
std::string hours_before(const core::Now& now, int hours) {
    const int minutes = std::stoi(now.time.substr(0, 2)) * 60 + std::stoi(now.time.substr(3, 2)) - hours * 60;
    const int days = minutes >= 0 ? 0 : (-minutes + 1439) / 1440;
    const int left = minutes + days * 1440;
    return fmt::format("{}T{:02}:{:02}", now.date.plus_days(-days).iso(), left / 60, left % 60);
}

} // namespace

Result<store::Contact> undo_last(store::Store& store, const rules::Rules& rules, const std::string& rep,
                                 bool dry_run) {
    const core::Now now = core::now();
    const std::string since = hours_before(now, rules.undo_hours);
    return store::in_transaction(
        store,
        [&]() -> Result<store::Contact> {
            KQ_TRY(std::optional<store::Contact> last, store.last_logged(rep, since));
            if (!last)
                return data_error(
                    "nothing to undo: {} logged no contact since {} that is not voided (undo reaches "
                    "back undo_hours = {} hours; void an older one with --void ID --reason TEXT)",
                    rep, since, rules.undo_hours);
            last->voided_at = now.iso();
            last->void_reason = std::string(kUndoReason);
            KQ_CHECK(store.void_contact(last->id, last->void_reason, last->voided_at));
            return *last;
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

} // namespace keqing::contacts
