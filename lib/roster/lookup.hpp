// Finding a customer the way a rep types it: by code, by exact name, by a prefix of name or code, or
// by part of the name — the first of those that matches exactly one customer wins.
#pragma once

#include "store/store.hpp"

namespace keqing::roster {

// The one customer `query` names, with tier and rep in effect on `on`; an unknown or ambiguous query is
// a data error that lists the candidates.
Result<store::Customer> resolve_customer(store::Store& store, const std::string& query, core::Date on);

// A known rep, or a data error telling how to add it.
Result<store::Rep> require_rep(store::Store& store, const std::string& id);

} // namespace keqing::roster
