// Relationship stages: resolving what a person typed against the rules, the stage in effect on a day, and
// dated changes with the same "nothing changed" answer as tiers.
#include "roster/stages.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

namespace keqing::roster {

Result<std::string> stage_id(const rules::Rules& rules, std::string_view text, std::string_view what) {
    if (const rules::Stage* s = rules.stage(text)) return s->id;
    if (rules.stages.empty())
        return Error{Exit::data,
                     core::trf("the rules define no relationship stages ([[stage]]); {} cannot be "
                               "set",
                               what)};
    return Error{Exit::data, core::trf("unknown relationship stage '{}' for {}; the rules define {}",
                                       core::fit(text, 40), what, rules.stage_ids())};
}

std::optional<store::HistoryEntry> stage_on(const std::vector<store::HistoryEntry>& history, core::Date day) {
    std::optional<store::HistoryEntry> found;
    for (const auto& e : history)
        if (!e.from || *e.from <= day) found = e;
    return found;
}

std::string stage_name(const rules::Rules& rules, std::string_view stored) {
    if (const rules::Stage* s = rules.stage(stored)) return s->name;
    return core::trf("{} (not in the rules)", stored);
}

Result<Change> change_stage(store::Store& store, const rules::Rules& rules, const std::string& query,
                            const std::string& stage, core::Date from, core::Date today, Force force) {
    KQ_TRY(std::string id, stage_id(rules, stage, "--stage"));
    return store::in_transaction(store, [&]() -> Result<Change> {
        KQ_TRY(store::Customer c, resolve_customer(store, query, today));
        KQ_CHECK(check_from(c, core::tr("a stage"), from, force));
        KQ_TRY(std::vector<store::HistoryEntry> history, store.stage_history(c.id));
        if (const auto now = stage_on(history, from); now && now->value == id) {
            const std::string since = now->from ? now->from->iso() : std::string(core::tr("the start"));
            return Change{c, core::trf("{} is already in stage {} on {} (since {}); nothing changed", c.code,
                                       stage_name(rules, id), from.iso(), since)};
        }
        KQ_CHECK(store.set_stage(c.id, id, from));
        c.stage = id;
        return Change{std::move(c), ""};
    });
}

Result<std::unordered_map<int64_t, std::vector<store::HistoryEntry>>>
stage_histories(store::Store& store, const store::Scope& filter) {
    KQ_TRY(auto entries, store.stage_histories(filter));
    std::unordered_map<int64_t, std::vector<store::HistoryEntry>> out;
    for (auto& [id, entry] : entries)
        out[id].push_back(std::move(entry));
    return out;
}

Result<void> fill_stages(store::Store& store, std::vector<store::Customer>& customers, core::Date day) {
    if (customers.empty()) return {};
    KQ_TRY(auto histories, customers.size() == 1
                               ? stage_histories(store, {store::Scope::Kind::code, customers.front().code})
                               : stage_histories(store, {}));
    for (auto& c : customers) {
        const auto found = histories.find(c.id);
        const auto entry = found == histories.end() ? std::nullopt : stage_on(found->second, day);
        c.stage = entry ? entry->value : "";
    }
    return {};
}

} // namespace keqing::roster
