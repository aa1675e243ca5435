// What a customer's file lacks against the rules' [gaps] (see gaps.hpp).
#include "roster/gaps.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace keqing::roster {

std::string_view to_string(GapKind kind) {
    switch (kind) {
    case GapKind::no_key_person:
        return "no_key_person";
    case GapKind::no_birthday:
        return "no_birthday";
    case GapKind::no_personality:
        return "no_personality";
    case GapKind::no_visit_intel:
        return "no_visit_intel";
    }
    return "";
}

core::Date intel_window_start(core::Date as_of, int months) {
    core::Month m = core::Month::of(as_of);
    for (int i = 0; i < months; ++i)
        m = m.previous();
    const core::Date same_day = core::Date::from_ymd(m.year, m.month, std::min(as_of.day(), m.days()));
    return same_day.plus_days(1);
}

core::Date intel_first_read(core::Date as_of, int months) {
    return std::max(intel_window_start(as_of, months), as_of.plus_days(-kIntelFirstDays));
}

std::vector<Gap> gaps_of(const rules::Gaps& rules, const std::vector<store::Person>& people, bool has_intel) {
    std::vector<Gap> out;
    const bool key = std::any_of(people.begin(), people.end(), [&](const store::Person& p) {
        return std::any_of(rules.key_roles.begin(), rules.key_roles.end(),
                           [&](const std::string& role) { return p.role.find(role) != std::string::npos; });
    });
    if (!rules.key_roles.empty() && !key) out.push_back({GapKind::no_key_person});
    Gap birthday{GapKind::no_birthday}, personality{GapKind::no_personality};
    for (const store::Person& p : people) {
        if (p.birthday.empty()) birthday.people.push_back(p.name);
        if (p.personality.empty()) personality.people.push_back(p.name);
    }
    if (!birthday.people.empty()) out.push_back(std::move(birthday));
    if (!personality.people.empty()) out.push_back(std::move(personality));
    if (rules.intel_months > 0 && !has_intel) out.push_back({GapKind::no_visit_intel});
    return out;
}

Result<std::vector<CustomerGaps>> customer_gaps(store::Store& store, const rules::Rules& rules,
                                                core::Date as_of, const store::Scope& scope, bool with_none) {
    KQ_TRY(std::vector<store::Customer> customers, store.list_customers(as_of, scope));
    // The store reads those ever assigned to the rep or team: keep those whose rep is theirs on the day.
    std::unordered_map<std::string, std::string> team_of;
    if (scope.kind == store::Scope::Kind::team) {
        KQ_TRY(std::vector<store::Rep> reps, store.list_reps());
        for (auto& r : reps)
            team_of[r.id] = r.team;
    }
    std::erase_if(customers, [&](const store::Customer& c) {
        return (c.opened_on && *c.opened_on > as_of) || (c.closed_on && *c.closed_on < as_of) ||
               (scope.kind == store::Scope::Kind::rep && c.rep != scope.value) ||
               (scope.kind == store::Scope::Kind::team && team_of[c.rep] != scope.value);
    });
    KQ_TRY(std::vector<store::Person> people, store.people_of(scope));
    std::unordered_map<int64_t, std::vector<store::Person>> by_customer;
    for (auto& p : people)
        by_customer[p.customer_id].push_back(std::move(p));
    std::unordered_set<int64_t> informed; // customers with intel in the window
    if (rules.gaps.intel_months > 0 && !customers.empty()) {
        const core::Date start = intel_window_start(as_of, rules.gaps.intel_months);
        const core::Date first = intel_first_read(as_of, rules.gaps.intel_months);
        const auto note = [&](const store::ContactFacts& f) {
            if ((f.flags & store::kChecklistBits) != 0 && rules.in_person(f.channel))
                informed.insert(f.customer_id);
        };
        std::vector<int64_t> ids;
        for (const auto& c : customers)
            ids.push_back(c.id);
        KQ_CHECK(store.scan_contacts(first, as_of, store::Scope::of_ids(ids), {}, note));
        // The window's earlier days, for those without intel in its last ones.
        std::erase_if(ids, [&](int64_t id) { return informed.contains(id); });
        if (start < first && !ids.empty())
            KQ_CHECK(store.scan_contacts(start, first.plus_days(-1), store::Scope::of_ids(std::move(ids)), {},
                                         note));
    }
    std::vector<CustomerGaps> out;
    for (auto& c : customers) {
        std::vector<Gap> gaps = gaps_of(rules.gaps, by_customer[c.id], informed.contains(c.id));
        if (!gaps.empty() || with_none) out.push_back({std::move(c), std::move(gaps)});
    }
    std::sort(out.begin(), out.end(),
              [](const CustomerGaps& a, const CustomerGaps& b) { return a.customer.code < b.customer.code; });
    return out;
}

compliance::Said gap_said(const Gap& gap, const rules::Rules& rules, core::Date as_of) {
    using compliance::say;
    switch (gap.kind) {
    case GapKind::no_key_person:
        return say(N_("no {} on file"), compliance::Said{core::join(rules.gaps.key_roles, " or "),
                                                         core::join(rules.gaps.key_roles, core::tr(" or "))});
    case GapKind::no_birthday:
        return say(N_("no birthday for {}"), core::join(gap.people, "、"));
    case GapKind::no_personality:
        return say(N_("no personality for {}"), core::join(gap.people, "、"));
    case GapKind::no_visit_intel:
        return say(N_("no visit intel (R12–R17) since {}"),
                   intel_window_start(as_of, rules.gaps.intel_months).iso());
    }
    return {};
}

std::string gap_text(const Gap& gap, const rules::Rules& rules, core::Date as_of) {
    return gap_said(gap, rules, as_of).shown;
}

compliance::Said gaps_said(const std::vector<Gap>& gaps, const rules::Rules& rules, core::Date as_of) {
    compliance::Said out;
    for (const auto& g : gaps) {
        const compliance::Said one = gap_said(g, rules, as_of);
        if (out.empty()) {
            out = one;
        } else {
            out.english += "; " + one.english;
            out.shown += core::tr("; ") + one.shown;
        }
    }
    return out;
}

std::string gaps_text(const std::vector<Gap>& gaps, const rules::Rules& rules, core::Date as_of) {
    return gaps_said(gaps, rules, as_of).shown;
}

} // namespace keqing::roster
