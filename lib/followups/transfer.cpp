// Follow-up and complaint imports (followups/transfer.hpp): every row checked and stored in one
// transaction, the first bad one named by file and line.
#include "followups/transfer.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/import_rows.hpp"
#include "roster/lookup.hpp"

#include <set>

namespace keqing::followups {

const std::vector<std::string> kFollowUpColumns = {"id",     "customer",   "kind",      "body",
                                                   "person", "rep",        "opened_on", "due_on",
                                                   "status", "started_on", "closed_on", "reason"};
const std::vector<std::string> kComplaintColumns = {"customer", "body", "person",  "opened_on",
                                                    "due_on",   "step", "done_on", "note"};

namespace {

Error transfer_error(const std::string& message) {
    return data_error("{}", message);
}

// The --update refusal (a stored item changes through its commands), then the shared loop: one
// transaction, file:line errors, progress on a terminal (roster/import_rows.hpp).
Result<core::ImportSummary> run_rows(store::Store& store, const std::string& file,
                                     const std::vector<std::string>& required,
                                     const std::vector<std::string>& optional,
                                     const core::ImportOptions& options, const roster::ImportRow& row) {
    if (options.update)
        return usage_error("{}", core::tr("--update does not apply to follow-ups: a stored item changes with "
                                          "log-visit, roster followup or roster complaint"));
    return roster::import_rows(store, file, required, optional, options, row);
}

Result<std::optional<core::Date>> day_in(const core::CsvTable& t, size_t i, std::string_view column) {
    const std::string_view text = t.get(i, column);
    if (text.empty()) return std::optional<core::Date>();
    KQ_TRY(core::Date d, core::parse_date(text, fmt::format("column {}", column)));
    return std::optional<core::Date>(d);
}

// The status and days of `f` agree with each other and with `today`, or why not.
Result<void> check_state(const store::FollowUp& f, core::Date today) {
    static const std::set<std::string, std::less<>> kStatuses = {"open", "in_progress", "done", "dropped"};
    if (!kStatuses.contains(f.status))
        return transfer_error(core::trf("status '{}' is not open, in_progress, done or dropped", f.status));
    const bool closed = f.status == "done" || f.status == "dropped";
    if (closed != f.closed_on.has_value())
        return transfer_error(closed ? core::trf("status {} needs its day in closed_on", f.status)
                                     : core::trf("status {} takes no closed_on; leave it blank", f.status));
    if (f.status == "in_progress" && !f.started_on)
        return transfer_error(core::tr("status in_progress needs its first day in started_on"));
    if (f.status == "open" && f.started_on)
        return transfer_error(
            core::tr("status open takes no started_on; say in_progress, or leave it blank"));
    if (f.status == "dropped" && f.reason.empty())
        return transfer_error(core::tr("status dropped needs a reason saying why"));
    if (f.due_on < f.opened_on)
        return transfer_error(
            core::trf("due_on {} is before opened_on {}", f.due_on.iso(), f.opened_on.iso()));
    const core::Date last = f.closed_on.value_or(f.started_on.value_or(f.opened_on));
    if ((f.started_on && *f.started_on < f.opened_on) || (f.closed_on && *f.closed_on < f.opened_on) ||
        (f.started_on && f.closed_on && *f.closed_on < *f.started_on))
        return transfer_error(core::tr("the days are out of order: opened_on, started_on, closed_on"));
    if (today < last || today < f.opened_on)
        return transfer_error(core::trf("{} is after today ({}); only what happened is imported",
                                        std::max(last, f.opened_on).iso(), today.iso()));
    return {};
}

// The row's item as stored when its customer, kind, text and opening day are stored already.
Result<std::optional<store::FollowUp>> stored_as(store::Store& store, const store::FollowUp& f) {
    KQ_TRY(std::vector<store::FollowUp> found,
           store.followups_of(f.opened_on, f.opened_on, store::Scope::of_ids({f.customer_id})));
    for (auto& s : found)
        if (s.kind == f.kind && s.body == f.body && s.opened_on == f.opened_on)
            return std::optional<store::FollowUp>(std::move(s));
    return std::optional<store::FollowUp>();
}

std::string day_text(const std::optional<core::Date>& d) {
    return d ? d->iso() : "";
}

// What differs between a stored item and the file's, as "status open → done"; empty when nothing.
std::string differences(const store::FollowUp& s, const store::FollowUp& f) {
    std::string out;
    auto field = [&](std::string_view name, const std::string& was, const std::string& now) {
        if (was != now)
            out += fmt::format("{}{} {} → {}", out.empty() ? "" : ", ", name, was.empty() ? "(blank)" : was,
                               now.empty() ? "(blank)" : now);
    };
    field("due_on", s.due_on.iso(), f.due_on.iso());
    field("status", s.status, f.status);
    field("started_on", day_text(s.started_on), day_text(f.started_on));
    field("closed_on", day_text(s.closed_on), day_text(f.closed_on));
    field("reason", s.reason, f.reason);
    field("person", std::to_string(s.person_id), std::to_string(f.person_id));
    return out;
}

// A row's item from the common columns: customer, kind (or `kind`), body, person, opened_on, due_on.
Result<store::FollowUp> item_of(store::Store& store, const rules::Rules& rules, const core::CsvTable& t,
                                size_t i, const std::string& kind) {
    store::FollowUp f;
    f.kind = kind.empty() ? std::string(t.get(i, "kind")) : kind;
    const rules::FollowUpKind* k = rules.followup(f.kind);
    if (!k)
        return transfer_error(
            core::trf("kind '{}' is not a follow-up kind of the rules ({})", f.kind, rules.source));
    f.body = std::string(t.get(i, "body"));
    if (f.body.empty()) return transfer_error(core::tr("a follow-up needs a text; fill in column body"));
    KQ_CHECK(core::check_value(f.body, core::kMaxText, "column body"));
    KQ_TRY(f.opened_on, core::parse_date(t.get(i, "opened_on"), "column opened_on"));
    KQ_TRY(f.due_on, core::parse_date(t.get(i, "due_on"), "column due_on"));
    KQ_TRY(store::Customer c,
           roster::resolve_customer(store, std::string(t.get(i, "customer")), f.opened_on));
    if (c.rep.empty())
        return transfer_error(core::trf("{} had no rep on {}, who would own it", c.code, f.opened_on.iso()));
    const std::string rep(t.get(i, "rep"));
    if (!rep.empty() && rep != c.rep)
        return transfer_error(core::trf("rep {}: {} was assigned to {} on {}, who owns what opened that day",
                                        rep, c.code, c.rep, f.opened_on.iso()));
    f.customer_id = c.id;
    f.customer_code = c.code;
    f.rep = c.rep;
    KQ_TRY(f.person_id, person_id_of(store, c.id, c.code, std::string(t.get(i, "person")), "column person"));
    return f;
}

} // namespace

Result<core::ImportSummary> import_followups(store::Store& store, const rules::Rules& rules,
                                             const std::string& path, const core::ImportOptions& options,
                                             core::Date today) {
    std::set<std::string, std::less<>> seen;
    auto row = [&](const core::CsvTable& t, size_t i, core::ImportSummary& summary) -> Result<void> {
        KQ_TRY(store::FollowUp f, item_of(store, rules, t, i, ""));
        f.status = t.get(i, "status").empty() ? "open" : std::string(t.get(i, "status"));
        KQ_TRY(f.started_on, day_in(t, i, "started_on"));
        KQ_TRY(f.closed_on, day_in(t, i, "closed_on"));
        f.reason = std::string(t.get(i, "reason"));
        KQ_CHECK(core::check_value(f.reason, core::kMaxText, "column reason"));
        KQ_CHECK(check_state(f, today));
        const std::string what =
            core::trf("the {} of {} opened on {}", f.kind, f.customer_code, f.opened_on.iso());
        if (!seen.insert(fmt::format("{}\t{}\t{}\t{}", f.customer_id, f.kind, f.body, f.opened_on.iso()))
                 .second)
            return transfer_error(
                core::trf("{} (\"{}\") appears twice in the file; keep one row", what, f.body));
        KQ_TRY(std::optional<store::FollowUp> stored, stored_as(store, f));
        if (!stored) {
            KQ_TRY([[maybe_unused]] int64_t id, store.open_followup(f));
            ++summary.added;
            return {};
        }
        if (const std::string diff = differences(*stored, f); !diff.empty())
            return transfer_error(
                core::trf("{} is stored as #{} with other values ({}); change it with log-visit "
                          "or roster followup, or fix the row",
                          what, stored->id, diff));
        ++summary.unchanged;
        return {};
    };
    return run_rows(store, path, {"customer", "kind", "body", "opened_on", "due_on"},
                    {"id", "person", "rep", "status", "started_on", "closed_on", "reason"}, options, row);
}

Result<core::ImportSummary> import_complaints(store::Store& store, const rules::Rules& rules,
                                              const std::string& path, const core::ImportOptions& options,
                                              core::Date today) {
    std::string kind;
    for (const auto& k : rules.followups)
        if (!k.steps.empty() && kind.empty()) kind = k.kind;
    if (kind.empty())
        return transfer_error(core::trf("the rules ({}) define no follow-up kind with steps", rules.source));
    std::set<int64_t> added; // the complaints this file opened
    auto row = [&](const core::CsvTable& t, size_t i, core::ImportSummary& summary) -> Result<void> {
        KQ_TRY(store::FollowUp f, item_of(store, rules, t, i, kind));
        f.status = "open";
        KQ_CHECK(check_state(f, today));
        KQ_TRY(std::optional<store::FollowUp> stored, stored_as(store, f));
        if (!stored) {
            KQ_TRY(int64_t id, store.open_followup(f));
            added.insert(id);
            KQ_TRY(stored, store.find_followup(id));
        } else if (stored->due_on != f.due_on || stored->person_id != f.person_id) {
            return transfer_error(
                core::trf("the complaint of {} opened on {} is stored as #{} with another due "
                          "day or person; fix the row",
                          f.customer_code, f.opened_on.iso(), stored->id));
        }
        const std::string step(t.get(i, "step"));
        KQ_TRY(std::optional<core::Date> done_on, day_in(t, i, "done_on"));
        if (step.empty()) {
            if (done_on || !t.get(i, "note").empty())
                return transfer_error(core::tr("done_on and note belong to a step; fill in column step"));
            ++(added.contains(stored->id) ? summary.added : summary.unchanged);
            return {};
        }
        if (!done_on) return transfer_error(core::trf("step {} needs its day in done_on", step));
        if (today < *done_on)
            return transfer_error(core::trf("done_on {} is after today ({})", done_on->iso(), today.iso()));
        KQ_TRY(std::vector<store::FollowUpStep> steps, store.followup_steps(stored->id));
        for (const auto& s : steps)
            if (s.step == step) {
                if (s.done_on != *done_on || s.note != t.get(i, "note"))
                    return transfer_error(core::trf(
                        "step {} of #{} is stored with another day or note; fix the row", step, stored->id));
                ++summary.unchanged;
                return {};
            }
        KQ_TRY([[maybe_unused]] store::FollowUpStep st,
               record_step(store, rules, stored->id, step, std::string(t.get(i, "note")), *done_on, false));
        ++summary.added;
        return {};
    };
    return run_rows(store, path, {"customer", "body", "opened_on", "due_on"},
                    {"person", "step", "done_on", "note"}, options, row);
}

} // namespace keqing::followups
