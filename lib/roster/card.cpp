// Customer card assembly from the store and the month engine.
#include "roster/card.hpp"

#include "roster/lookup.hpp"
#include "roster/stages.hpp"

namespace keqing::roster {

Result<Card> customer_card(store::Store& store, const rules::Rules& rules, const std::string& query,
                           core::Date as_of) {
    Card card;
    KQ_TRY(card.customer, resolve_customer(store, query, as_of));
    KQ_TRY(card.rep, store.find_rep(card.customer.rep));
    KQ_TRY(auto places, store.customer_places({card.customer.id}));
    card.place = places[card.customer.id];
    KQ_TRY(card.tiers, store.tier_history(card.customer.id));
    KQ_TRY(card.reps, store.rep_history(card.customer.id));
    KQ_TRY(card.stages, store.stage_history(card.customer.id));
    const auto stage = stage_on(card.stages, as_of);
    card.customer.stage = stage ? stage->value : "";
    KQ_TRY(card.recent, store.customer_contacts(card.customer.id, as_of.plus_days(-90), as_of));
    const compliance::Scope scope{compliance::Scope::Kind::code, card.customer.code};
    KQ_TRY(card.month, compliance::evaluate_month(store, rules, core::Month::of(as_of), as_of, scope));
    KQ_TRY(card.people, store.list_people(card.customer.id));
    KQ_TRY(card.obligations, occasions::obligations(store, rules, as_of.plus_days(-7), as_of.plus_days(30),
                                                    as_of, {store::Scope::Kind::code, card.customer.code}));
    KQ_TRY(card.followups,
           store.followups_of(as_of.plus_days(-90), as_of, {store::Scope::Kind::code, card.customer.code}));
    KQ_TRY(std::vector<CustomerGaps> gaps,
           customer_gaps(store, rules, as_of, {store::Scope::Kind::code, card.customer.code}));
    if (!gaps.empty()) card.gaps = std::move(gaps.front().gaps);
    KQ_TRY(card.trainings,
           store.trainings_of(as_of.plus_days(-364), as_of, {store::Scope::Kind::code, card.customer.code}));
    if (!card.trainings.empty()) {
        KQ_TRY(std::vector<store::Person> all, store.list_people(card.customer.id, store::Removed::included));
        for (const auto& p : all)
            card.attendee_names[p.id] = p.name;
    }
    return card;
}

} // namespace keqing::roster
