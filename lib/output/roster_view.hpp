// Roster outputs: the customer card as text, customer and rep lists as table / CSV / JSON.
#pragma once

#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "roster/card.hpp"
#include "roster/customers.hpp"

namespace keqing::output {

// The customer card for a terminal.
std::string render_card(const roster::Card& card, const rules::Rules& rules);
// Customers (tier and rep as read for the listing day) with their places: the CSV's and JSON's area, lat,
// lon (null without coordinates); the table's AREA and GEO columns when some customer has one. Given the
// rules, the table's STAGE is the stage's name in Chinese (收获期); JSON, CSV and English keep the stored id.
std::string render_customers(const std::vector<store::Customer>& customers, const roster::Places& places,
                             Format format, const rules::Rules* rules = nullptr);
// People of customers; with Removed::included, also when and why each removed one was removed (the CSV then
// has two more columns, removed_at and removed_reason).
std::string render_people(const std::vector<store::Person>& people, Format format,
                          store::Removed removed = store::Removed::left_out);
// Reps with their teams.
std::string render_reps(const std::vector<store::Rep>& reps, Format format);
// Life events as a table (or a line saying there are none); with Removed::included, a REMOVED column.
std::string render_events(const std::vector<store::LifeEvent>& events,
                          store::Removed removed = store::Removed::left_out);

} // namespace keqing::output
