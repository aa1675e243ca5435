// Rules loading with toml++: every key is checked (unknown keys, wrong types, negative quotas,
// duplicate ids and quotas for undefined channels are errors naming file:line and the fix).
#include "rules/rules.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "rules/toml_checks.hpp"

#include "config/toml.hpp"

#include <algorithm>
#include <set>

namespace keqing::rules {
namespace {

Result<void> parse_channels(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("channel");
    const toml::array* list = node ? node->as_array() : nullptr;
    if (!list || list->empty())
        return data_error("{}: no channels defined; add [[channel]] tables with id = \"visit\" …", source);
    for (const toml::node& item : *list) {
        const toml::table* t = item.as_table();
        if (!t) return data_error("{}: each channel must be a [[channel]] table", at(source, item));
        KQ_CHECK(only_keys(source, *t, {"id", "label", "short", "rule", "in_person", "same_day_limit"},
                           "[[channel]]"));
        KQ_TRY(std::string id, required_string(source, *t, "id", "[[channel]]"));
        if (!valid_id(id))
            return data_error("{}: channel id '{}' may use only letters, digits, '_' and '-'", at(source, *t),
                              id);
        if (rules.channel_index(id) >= 0)
            return data_error("{}: channel '{}' is defined twice; keep one [[channel]] with that id",
                              at(source, *t), id);
        KQ_TRY(std::string label, optional_string(source, *t, "label", "[[channel]]"));
        KQ_TRY(std::string short_label, optional_string(source, *t, "short", "[[channel]]"));
        KQ_TRY(std::string rule, optional_string(source, *t, "rule", "[[channel]]"));
        bool in_person = false;
        if (const toml::node* n = t->get("in_person")) {
            const auto* v = n->as_boolean();
            if (!v) return data_error("{}: in_person must be true or false", at(source, *n));
            in_person = v->get();
        }
        KQ_TRY(int same_day_limit, optional_int(source, *t, "same_day_limit", 0, 1000, 1, "[[channel]]"));
        if (label.empty()) label = id;
        if (short_label.empty()) short_label = label;
        rules.channels.push_back(Channel{id, label, short_label, rule, in_person, same_day_limit});
    }
    return {};
}

Result<void> parse_tiers(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("tier");
    const toml::array* list = node ? node->as_array() : nullptr;
    if (!list || list->empty())
        return data_error("{}: no tiers defined; add [[tier]] tables with id = \"A\" and a quota", source);
    for (const toml::node& item : *list) {
        const toml::table* t = item.as_table();
        if (!t) return data_error("{}: each tier must be a [[tier]] table", at(source, item));
        KQ_CHECK(only_keys(source, *t, {"id", "label", "quota"}, "[[tier]]"));
        KQ_TRY(std::string id, required_string(source, *t, "id", "[[tier]]"));
        if (!valid_id(id))
            return data_error("{}: tier id '{}' may use only letters, digits, '_' and '-'", at(source, *t),
                              id);
        if (rules.tier(id))
            return data_error("{}: tier '{}' is defined twice; keep one [[tier]] with that id",
                              at(source, *t), id);
        KQ_TRY(std::string label, optional_string(source, *t, "label", "[[tier]]"));
        Tier tier{id, label.empty() ? id : label, std::vector<int>(rules.channels.size(), 0)};
        if (const toml::node* q = t->get("quota")) {
            const toml::table* quota = q->as_table();
            if (!quota)
                return data_error(
                    "{}: quota of tier '{}' must be a table, e.g. quota = {{ visit = 8, call = 4 }}",
                    at(source, *q), id);
            for (const auto& [channel, value] : *quota) {
                const int index = rules.channel_index(channel.str());
                if (index < 0)
                    return data_error(
                        "{}: tier '{}' has a quota for unknown channel '{}'; defined channels: {}",
                        at(source, value), id, channel.str(), rules.channel_ids());
                const auto* number = value.as_integer();
                if (!number)
                    return data_error("{}: quota {}.{} must be a whole number", at(source, value), id,
                                      channel.str());
                if (number->get() < 0 || number->get() > 1000)
                    return data_error("{}: quota {}.{} = {} is out of range; use 0 to 1000",
                                      at(source, value), id, channel.str(), number->get());
                tier.quota[static_cast<size_t>(index)] = static_cast<int>(number->get());
            }
        }
        rules.tiers.push_back(std::move(tier));
    }
    return {};
}

} // namespace

int Rules::channel_index(std::string_view id) const {
    for (size_t i = 0; i < channels.size(); ++i)
        if (channels[i].id == id) return static_cast<int>(i);
    return -1;
}

bool Rules::in_person(std::string_view channel) const {
    const int i = channel_index(channel);
    return i >= 0 && channels[static_cast<size_t>(i)].in_person;
}

std::vector<std::pair<std::string, int>> Rules::same_day_limits() const {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& c : channels)
        out.emplace_back(c.id, c.same_day_limit);
    return out;
}

std::vector<std::string> Rules::in_person_channels() const {
    std::vector<std::string> out;
    for (const auto& c : channels)
        if (c.in_person) out.push_back(c.id);
    return out;
}

const std::string& Rules::default_channel() const {
    for (const auto& c : channels)
        if (c.in_person) return c.id;
    return channels.front().id; // parse_channels refuses rules without channels
}

const Tier* Rules::tier(std::string_view id) const {
    const int i = tier_index(id);
    return i < 0 ? nullptr : &tiers[static_cast<size_t>(i)];
}

int Rules::tier_index(std::string_view id) const {
    for (size_t i = 0; i < tiers.size(); ++i)
        if (tiers[i].id == id) return static_cast<int>(i);
    return -1;
}

const Occasion* Rules::occasion(std::string_view id) const {
    for (const auto& o : occasions)
        if (o.id == id) return &o;
    return nullptr;
}

const EventKind* Rules::event(std::string_view kind) const {
    for (const auto& e : events)
        if (e.kind == kind) return &e;
    return nullptr;
}

const FollowUpKind* Rules::followup(std::string_view kind) const {
    for (const auto& f : followups)
        if (f.kind == kind) return &f;
    return nullptr;
}

std::string Rules::action_text(const Action& action) const {
    return channels[static_cast<size_t>(action.channel)].id + (action.gift ? "+gift" : "");
}

const char* Rules::who_text(const Who& who) {
    if (who.assigned) return who.in_person ? N_("the assigned rep in person") : N_("the assigned rep");
    return who.in_person ? N_("a contact in person") : N_("anyone");
}

bool EventKind::recorded() const {
    return kind != "birthday" && !on_opening;
}

std::string Rules::event_kinds() const {
    std::string out;
    for (const auto& e : events)
        if (e.recorded()) out += (out.empty() ? "" : ", ") + e.kind;
    return out;
}

std::vector<int> Rules::quota_channels() const {
    std::vector<int> out;
    for (size_t c = 0; c < channels.size(); ++c)
        if (std::any_of(tiers.begin(), tiers.end(), [&](const Tier& t) { return t.quota[c] > 0; }))
            out.push_back(static_cast<int>(c));
    return out;
}

std::string Rules::channel_ids() const {
    std::string out;
    for (const auto& c : channels)
        out += (out.empty() ? "" : ", ") + c.id;
    return out;
}

std::string Rules::tier_ids() const {
    std::string out;
    for (const auto& t : tiers)
        out += (out.empty() ? "" : ", ") + t.id;
    return out;
}

Result<Rules> parse_rules(std::string_view text, std::string_view source) {
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        return data_error("{}:{}:{}: {}; fix the TOML syntax", source, e.source().begin.line,
                          e.source().begin.column, e.description());
    }
    KQ_CHECK(only_keys(source, root,
                       {"late_after_days", "count_late", "overdue_days", "max_visits_per_day",
                        "deadline_days", "undo_hours", "workdays", "holidays", "channel", "tier", "goals",
                        "occasion", "event", "followup", "gaps", "stage"},
                       "the rules file"));
    Rules rules;
    rules.source = std::string(source);
    if (const toml::node* n = root.get("late_after_days")) {
        const auto* v = n->as_integer();
        if (!v || v->get() < 0 || v->get() > 365)
            return data_error("{}: late_after_days must be a whole number of days from 0 to 365",
                              at(source, *n));
        rules.late_after_days = static_cast<int>(v->get());
    }
    if (const toml::node* n = root.get("overdue_days")) {
        const auto* v = n->as_integer();
        if (!v || v->get() < 0 || v->get() > 365)
            return data_error("{}: overdue_days must be a whole number of days from 0 to 365",
                              at(source, *n));
        rules.overdue_days = static_cast<int>(v->get());
    }
    KQ_TRY(rules.max_visits_per_day,
           optional_int(source, root, "max_visits_per_day", 1, 1000, 12, "the rules file"));
    KQ_TRY(rules.deadline_days,
           optional_int(source, root, "deadline_days", 0, 30, rules.deadline_days, "the rules file"));
    KQ_TRY(rules.undo_hours,
           optional_int(source, root, "undo_hours", 1, 720, rules.undo_hours, "the rules file"));
    if (const toml::node* n = root.get("count_late")) {
        const auto* v = n->as_boolean();
        if (!v) return data_error("{}: count_late must be true or false", at(source, *n));
        rules.count_late = v->get();
    }
    KQ_CHECK(parse_working_days(source, root, rules));
    KQ_CHECK(parse_channels(source, root, rules));
    KQ_CHECK(parse_tiers(source, root, rules));
    KQ_CHECK(parse_goals(source, root, rules));
    KQ_CHECK(parse_occasions(source, root, rules));
    KQ_CHECK(parse_events(source, root, rules));
    KQ_CHECK(parse_followups(source, root, rules));
    KQ_CHECK(parse_gaps(source, root, rules));
    KQ_CHECK(parse_stages(source, root, rules));
    if (rules.quota_channels().empty())
        return data_error("{}: no tier has a quota for any channel; give at least one tier a quota", source);
    return rules;
}

Result<Rules> load_rules(const std::string& path) {
    if (path.empty()) return parse_rules(builtin_rules_text(), "built-in rules.toml");
    KQ_TRY(std::string text, core::read_file(path));
    return parse_rules(text, path);
}

} // namespace keqing::rules
