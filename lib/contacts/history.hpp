// The contact history (log-visit --list): the contacts logged, by customer, rep, team, date range, channel
// and occasion, voided ones marked, streamed from the store into a table, CSV (log-visit --import's format,
// so an export imports again) or JSON.
#pragma once

#include "core/output.hpp"
#include "output/quota_view.hpp"
#include "rules/rules.hpp"
#include "store/store.hpp"

#include <string>

namespace keqing::contacts {

// What a history lists; empty texts select everything.
struct HistoryRequest {
    std::string customer; // code or unambiguous name
    std::string rep;      // contacts this rep logged
    std::string team;     // contacts the team's reps logged
    std::string channel;  // a channel id of the rules
    std::string occasion; // an occasion tag (mid-autumn, event:12) or a kind of tag (event, birthday)
    core::Date from;
    core::Date to;
};

// The store query a request makes: the customer resolved (on `to`), the rep and team known, the channel
// one of the rules', the range in order; anything else is an error naming the option.
Result<store::ContactQuery> history_query(store::Store& store, const rules::Rules& rules,
                                          const HistoryRequest& request);

// Writes the history `request` asks for into `output` as it is read (nothing waits for the whole list) and
// returns how many contacts it wrote.
Result<int> write_history(store::Store& store, const rules::Rules& rules, const HistoryRequest& request,
                          output::Format format, core::Output* output);

} // namespace keqing::contacts
