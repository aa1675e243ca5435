// The @name placeholders of read SQL, resolved to tables or to the keqing_api functions of schema 6.
#include "store/relations.hpp"

#include "core/text.hpp"

#include <array>
#include <cctype>

namespace keqing::store {
namespace {

struct Relation {
    std::string_view name;  // after the @
    std::string_view table; // Source::tables
    std::string_view api;   // Source::api
};

// Longest names first, so that @contacts is not read as @contact followed by "s".
constexpr std::array<Relation, 13> kRelations = {{
    {"followup_steps", "followup_steps", "keqing_api.followup_steps()"},
    {"stage_history", "stage_history", "keqing_api.stage_history()"},
    {"tier_history", "tier_history", "keqing_api.tier_history()"},
    {"team_managers", "team_managers", "keqing_api.team_managers()"},
    {"assignments", "assignments", "keqing_api.assignments()"},
    {"life_events", "life_events", "keqing_api.life_events()"},
    {"followups", "followups", "keqing_api.followups()"},
    {"trainings", "trainings", "keqing_api.trainings()"},
    {"customers", "customers", "keqing_api.customers()"},
    {"contacts", "contacts", "keqing_api.contacts($1::text, $2::text)"},
    {"contact", "contacts", "keqing_api.contact($1::bigint)"},
    {"people", "people", "keqing_api.people()"},
    {"reps", "reps", "keqing_api.reps()"},
}};

} // namespace

std::string resolve_relations(std::string_view sql, Source source) {
    std::string out;
    out.reserve(sql.size() + 64);
    size_t at = 0;
    for (size_t mark = sql.find('@'); mark != std::string_view::npos; mark = sql.find('@', at)) {
        out.append(sql, at, mark - at);
        at = mark + 1;
        const std::string_view rest = sql.substr(at);
        bool replaced = false;
        for (const Relation& r : kRelations) {
            if (rest.starts_with(r.name) &&
                (rest.size() == r.name.size() || !core::is_identifier_char(rest[r.name.size()]))) {
                out += source == Source::tables ? r.table : r.api;
                at += r.name.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += '@';
    }
    out.append(sql, at);
    return out;
}

} // namespace keqing::store
