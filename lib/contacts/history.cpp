// The contact history: a request checked into a store query, and its contacts streamed into a writer.
#include "contacts/history.hpp"

#include "output/history_view.hpp"
#include "roster/lookup.hpp"

#include <algorithm>

namespace keqing::contacts {

Result<store::ContactQuery> history_query(store::Store& store, const rules::Rules& rules,
                                          const HistoryRequest& request) {
    if (request.from > request.to)
        return usage_error("--from {} is after --to {}; give the earlier day first", request.from.iso(),
                           request.to.iso());
    store::ContactQuery q;
    q.from = request.from;
    q.to = request.to;
    if (!request.customer.empty()) {
        KQ_TRY(store::Customer c, roster::resolve_customer(store, request.customer, request.to));
        q.customer_id = c.id;
    }
    if (!request.rep.empty()) {
        KQ_CHECK(roster::require_rep(store, request.rep));
        q.rep = request.rep;
    }
    if (!request.team.empty()) {
        KQ_TRY(std::vector<store::Rep> reps, store.list_reps());
        if (std::none_of(reps.begin(), reps.end(),
                         [&](const store::Rep& r) { return r.team == request.team; }))
            return data_error("--team '{}' has no reps; see `roster rep list`", request.team);
        q.team = request.team;
    }
    if (!request.channel.empty() && rules.channel_index(request.channel) < 0)
        return data_error("unknown channel '{}'; the rules define {}", request.channel, rules.channel_ids());
    q.channel = request.channel;
    q.occasion = request.occasion;
    return q;
}

Result<int> write_history(store::Store& store, const rules::Rules& rules, const HistoryRequest& request,
                          output::Format format, core::Output* output) {
    KQ_TRY(const store::ContactQuery query, history_query(store, rules, request));
    core::Sink sink(output);
    output::HistoryWriter writer(sink, format, query.from, query.to);
    KQ_CHECK(store.each_contact(query, [&](const store::Contact& c) -> Result<void> {
        writer.add(c);
        return {};
    }));
    writer.finish();
    return writer.count();
}

} // namespace keqing::contacts
