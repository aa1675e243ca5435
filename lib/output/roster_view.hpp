// Roster outputs: the customer card as text, customer and rep lists as table / CSV / JSON.
#pragma once

#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "roster/card.hpp"

namespace keqing::output {

// The customer card for a terminal.
std::string render_card(const roster::Card& card, const rules::Rules& rules);
// Customers (tier and rep as read for the listing day).
std::string render_customers(const std::vector<store::Customer>& customers, Format format);
// People of customers.
std::string render_people(const std::vector<store::Person>& people, Format format);
// Reps with their teams.
std::string render_reps(const std::vector<store::Rep>& reps, Format format);
// Life events as a table (or a line saying there are none).
std::string render_events(const std::vector<store::LifeEvent>& events);

} // namespace keqing::output
