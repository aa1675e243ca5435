// Life events proposed from a contact's notes by the rules' word lists (see intel.hpp).
#include "occasions/intel.hpp"

#include <algorithm>

namespace keqing::occasions {

std::vector<Proposal> proposed_by(const rules::Rules& rules, std::string_view text) {
    std::vector<Proposal> out;
    if (text.empty()) return out;
    for (const rules::EventKind& kind : rules.events) {
        const auto word = std::find_if(kind.words.begin(), kind.words.end(), [&](const std::string& w) {
            return text.find(w) != std::string_view::npos;
        });
        if (word != kind.words.end()) out.push_back(Proposal{&kind, *word, "", {}});
    }
    return out;
}

Result<std::vector<Proposal>> proposals_for(store::RosterStore& store, const rules::Rules& rules,
                                            const store::Contact& contact) {
    const auto family = std::find(store::kChecklistColumns.begin(), store::kChecklistColumns.end(),
                                  std::string_view("family"));
    const std::string& family_note =
        contact.checklist[static_cast<size_t>(family - store::kChecklistColumns.begin())];
    std::vector<Proposal> found = proposed_by(rules, family_note + "\n" + contact.note);
    if (found.empty()) return found;
    KQ_TRY(std::vector<store::LifeEvent> known,
           store.list_events(contact.date.plus_days(-kKnownEventDays),
                             contact.date.plus_days(kKnownEventDays), contact.customer_id));
    std::erase_if(found, [&](const Proposal& p) {
        return std::any_of(known.begin(), known.end(),
                           [&](const store::LifeEvent& e) { return e.kind == p.kind->kind; });
    });
    for (Proposal& p : found) {
        p.customer_code = contact.customer_code;
        p.date = contact.date;
    }
    return found;
}

} // namespace keqing::occasions
