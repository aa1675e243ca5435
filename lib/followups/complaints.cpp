// Complaints: the steps of follow-up items whose kind lists some (followups/complaints.hpp).
#include "followups/complaints.hpp"

#include "core/limits.hpp"
#include "core/text.hpp"

#include <fmt/ranges.h>

#include <algorithm>

namespace keqing::followups {
namespace {

// Builds an item's view from its recorded steps at the end of `day`.
Stepped view_of(const rules::Rules& rules, store::FollowUp item, std::vector<store::FollowUpStep> steps,
                core::Date day) {
    Stepped out;
    out.state = state_on(item, day);
    out.age_days = (item.closed_on && *item.closed_on <= day ? *item.closed_on : day) - item.opened_on;
    const rules::FollowUpKind* kind = rules.followup(item.kind);
    if (kind && !item.closed_on && steps.size() < kind->steps.size()) out.next = kind->steps[steps.size()];
    out.item = std::move(item);
    out.steps = std::move(steps);
    return out;
}

// The step `step` of `item` may be recorded on `day`, or why not.
Result<void> step_allowed(const rules::Rules& rules, const store::FollowUp& item,
                          const std::vector<store::FollowUpStep>& done, const std::string& step,
                          core::Date day) {
    const rules::FollowUpKind* kind = rules.followup(item.kind);
    if (!kind || kind->steps.empty())
        return data_error("follow-up #{} is a {}, which has no steps; only complaints do", item.id,
                          item.kind);
    if (item.closed_on)
        return data_error("follow-up #{} was closed already on {} ({})", item.id, item.closed_on->iso(),
                          item.status);
    if (std::find(kind->steps.begin(), kind->steps.end(), step) == kind->steps.end())
        return data_error("step '{}' is not one of a {}'s: {}", step, kind->name,
                          fmt::join(kind->steps, ", "));
    const std::string& next = kind->steps[done.size()];
    if (step != next) return data_error("follow-up #{}: the next step is {}, not {}", item.id, next, step);
    const core::Date last = done.empty() ? item.started_on.value_or(item.opened_on)
                                         : std::max(done.back().done_on, item.opened_on);
    if (day < last)
        return data_error("follow-up #{}: {} is before its last step or its opening on {}", item.id,
                          day.iso(), last.iso());
    return {};
}

} // namespace

Result<store::FollowUpStep> record_step(store::Store& store, const rules::Rules& rules, int64_t id,
                                        const std::string& step, const std::string& note, core::Date day,
                                        bool dry_run) {
    const std::string text(core::trim(note));
    if (text.empty())
        return usage_error("step {} of follow-up #{} needs --note TEXT: what was decided", step, id);
    KQ_CHECK(core::check_value(text, core::kMaxText, "--note"));
    return store::in_transaction(
        store,
        [&]() -> Result<store::FollowUpStep> {
            KQ_TRY(std::optional<store::FollowUp> found, store.find_followup(id));
            if (!found)
                return data_error("no follow-up #{}; numbers are shown when one is opened and by "
                                  "`roster complaint list`",
                                  id);
            KQ_TRY(std::vector<store::FollowUpStep> done, store.followup_steps(id));
            KQ_CHECK(step_allowed(rules, *found, done, step, day));
            const bool closes = rules.followup(found->kind)->steps.back() == step;
            store::FollowUpStep out{0, id, step, day, text};
            KQ_TRY(out.id, store.add_followup_step(id, step, text, day, closes));
            return out;
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

std::vector<Stepped> stepped_of(const rules::Rules& rules, const std::vector<store::FollowUp>& items,
                                const std::vector<store::FollowUpStep>& steps, core::Date day,
                                bool open_only) {
    std::vector<Stepped> out;
    for (const auto& item : items) {
        const rules::FollowUpKind* kind = rules.followup(item.kind);
        if (!kind || kind->steps.empty()) continue;
        if (open_only && !is_open(item, day)) continue;
        std::vector<store::FollowUpStep> mine;
        for (const auto& s : steps)
            if (s.followup_id == item.id && s.done_on <= day) mine.push_back(s);
        out.push_back(view_of(rules, item, std::move(mine), day));
    }
    return out;
}

Result<std::vector<Stepped>> stepped_items(store::Store& store, const rules::Rules& rules, core::Date from,
                                           core::Date to, const store::Scope& filter, bool open_only) {
    KQ_TRY(std::vector<store::FollowUp> items, store.followups_of(from, to, filter));
    KQ_TRY(std::vector<store::FollowUpStep> steps, store.followup_steps(0));
    return stepped_of(rules, items, steps, to, open_only);
}

Result<Stepped> stepped_item(store::Store& store, const rules::Rules& rules, int64_t id, core::Date day) {
    KQ_TRY(std::optional<store::FollowUp> found, store.find_followup(id));
    if (!found) return data_error("no follow-up #{}; `roster complaint list` shows the open ones", id);
    KQ_TRY(std::vector<store::FollowUpStep> steps, store.followup_steps(id));
    return view_of(rules, std::move(*found), std::move(steps), day);
}

} // namespace keqing::followups
