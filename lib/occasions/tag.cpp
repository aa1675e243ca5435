// The tag a new contact gets: the obligation it names with --occasion, or the one it fits and can fulfil.
#include "occasions/obligations.hpp"
#include "occasions/satisfy.hpp"

#include "core/i18n.hpp"

#include <algorithm>

namespace keqing::occasions {

Result<TagChoice> choose_tag(store::Store& store, const rules::Rules& rules, const store::Contact& contact,
                             const std::string& requested) {
    const core::Date as_of = std::max(contact.date, core::today());
    KQ_TRY(std::vector<Obligation> all,
           obligations(store, rules, contact.date.plus_days(-rules.overdue_days), contact.date, as_of,
                       {store::Scope::Kind::code, contact.customer_code}));
    std::erase_if(all, [&](const Obligation& o) {
        return o.customer_id != contact.customer_id || contact.date < o.from ||
               contact.date > o.to.plus_days(rules.overdue_days);
    });
    auto late = [&](const Obligation& o) { return contact.date > o.to; };
    auto label = [&](const Obligation& o) {
        return fmt::format("{} ({} {}{}{})", o.tag, o.name, o.date.iso(),
                           o.person.empty() ? "" : " " + o.person,
                           late(o) ? core::trf(", late: window closed {}", o.to.iso()) : "");
    };
    TagChoice choice;
    if (!requested.empty()) {
        std::vector<const Obligation*> named;
        for (const auto& o : all)
            if (o.tag == requested || o.kind == requested) named.push_back(&o);
        if (named.size() == 1) {
            choice.tag = named[0]->tag;
            choice.name = label(*named[0]);
            choice.late = late(*named[0]);
            return choice;
        }
        std::string open;
        for (const auto& o : all)
            open += (open.empty() ? "" : ", ") + label(o);
        if (named.empty())
            return data_error("--occasion {}: {} has no such obligation around {}; {}", requested,
                              contact.customer_code, contact.date.iso(),
                              open.empty() ? "it has none then" : "it has: " + open);
        return data_error("--occasion {} is ambiguous for {}: {}; give the full tag", requested,
                          contact.customer_code, open);
    }
    // Only obligations the contact can fulfil: another rep's visit is not tagged for a wedding that asks
    // for the assigned rep (lateness aside: a late contact is tagged for what it was for, and said not to
    // count).
    std::string assigned;
    if (std::any_of(all.begin(), all.end(), [](const Obligation& o) { return o.who.assigned; })) {
        KQ_TRY(std::vector<store::HistoryEntry> history, store.rep_history(contact.customer_id));
        assigned = assigned_on(history, contact.date);
    }
    auto can_fulfil = [&](const Obligation& o) {
        const auto left = o.outstanding();
        return !refusal(o, contact, rules, assigned, Lateness::ignored) &&
               std::any_of(left.begin(), left.end(),
                           [&](const rules::Action& a) { return fits(a, contact, rules, o.note_required); });
    };
    // Open obligations first; only when none fits, those whose window closed at most overdue_days ago.
    std::vector<const Obligation*> fitting;
    for (const bool after_window : {false, true}) {
        for (const auto& o : all)
            if (late(o) == after_window && can_fulfil(o)) fitting.push_back(&o);
        if (!fitting.empty()) break;
    }
    // Of several, the most urgent — the one whose window closes first — when only one closes then.
    std::stable_sort(fitting.begin(), fitting.end(),
                     [](const Obligation* a, const Obligation* b) { return a->to < b->to; });
    if (fitting.size() == 1 || (fitting.size() > 1 && fitting[0]->to < fitting[1]->to)) {
        choice.tag = fitting[0]->tag;
        choice.name = label(*fitting[0]);
        choice.automatic = true;
        choice.late = late(*fitting[0]);
        for (size_t i = 1; i < fitting.size(); ++i)
            choice.others.push_back(label(*fitting[i]));
    } else {
        for (const auto* o : fitting)
            choice.candidates.push_back(label(*o));
    }
    return choice;
}

} // namespace keqing::occasions
