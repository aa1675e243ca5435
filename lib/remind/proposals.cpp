// Digest items for the life events recent family notes propose (remind/proposals.hpp).
#include "remind/proposals.hpp"

#include "core/i18n.hpp"
#include "occasions/intel.hpp"

#include <algorithm>
#include <set>

namespace keqing::remind {
namespace {

// The bit of a contact's flags that says it recorded R15, the family note.
int64_t family_bit() {
    const auto family = std::find(store::kChecklistColumns.begin(), store::kChecklistColumns.end(),
                                  std::string_view("family"));
    return int64_t{1} << (family - store::kChecklistColumns.begin());
}

Item proposal_item(const occasions::Proposal& p, const store::Customer& c) {
    const rules::EventKind& k = *p.kind;
    Item item;
    item.kind = Item::Kind::proposal;
    item.uid = fmt::format("proposal-{}-{}", c.code, k.kind);
    item.rule = k.rule;
    item.state = Item::State::open;
    item.starts = p.date;
    item.due = p.date.plus_days(kProposalDays); // the last day it is repeated
    item.customer_code = c.code;
    item.customer_name = c.name;
    item.what =
        core::trf("proposed: {} ({}) — the notes of {} say “{}”", k.name, k.kind, p.date.iso(), p.word);
    item.command = fmt::format("roster event add {} --kind {} --date {}", c.code, k.kind, p.date.iso());
    return item;
}

} // namespace

Result<std::vector<std::pair<std::string, Item>>>
proposal_items(store::Store& store, const rules::Rules& rules, core::Date as_of,
               const std::vector<store::Customer>& current) {
    std::vector<std::pair<std::string, Item>> out;
    const bool any_words = std::any_of(rules.events.begin(), rules.events.end(),
                                       [](const rules::EventKind& k) { return !k.words.empty(); });
    if (!any_words || current.empty()) return out;
    std::map<int64_t, const store::Customer*> by_id;
    std::vector<int64_t> ids;
    for (const auto& c : current) {
        by_id[c.id] = &c;
        ids.push_back(c.id);
    }
    const core::Date from = as_of.plus_days(-kProposalDays);
    std::vector<int64_t> noted; // contacts with a family note
    store::ScanOptions options;
    options.findings = true;
    KQ_CHECK(store.scan_contacts(from, as_of, store::Scope::of_ids(std::move(ids)), options,
                                 [&](const store::ContactFacts& f) {
                                     if (f.flags & family_bit()) noted.push_back(f.id);
                                 }));
    if (noted.empty()) return out;
    KQ_TRY(std::vector<store::Contact> contacts, store.contacts_with_ids(from, as_of, noted));
    std::set<std::string> seen; // one proposal per customer and kind: the first note that makes it
    for (const auto& contact : contacts) {
        KQ_TRY(std::vector<occasions::Proposal> found, occasions::proposals_for(store, rules, contact));
        const auto c = by_id.find(contact.customer_id);
        if (c == by_id.end()) continue;
        for (const auto& p : found) {
            Item item = proposal_item(p, *c->second);
            if (seen.insert(item.uid).second) out.emplace_back(c->second->rep, std::move(item));
        }
    }
    return out;
}

} // namespace keqing::remind
