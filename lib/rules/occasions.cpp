// Loading occasions (R4, R5), personal event kinds (R6–R8) and rep goals (R9–R11) from the rules TOML.
#include "rules/toml_checks.hpp"

#include <algorithm>

namespace keqing::rules {
namespace {

Result<Action> parse_action(std::string_view source, const toml::node& node, const Rules& rules) {
    const auto* s = node.as_string();
    if (!s)
        return data_error("{}: an action must be a string such as \"visit\" or \"visit+gift\"",
                          at(source, node));
    std::string_view text = s->get();
    Action action;
    if (text.ends_with("+gift")) {
        action.gift = true;
        text.remove_suffix(5);
    }
    action.channel = rules.channel_index(text);
    if (action.channel < 0)
        return data_error(
            "{}: unknown channel '{}' in an action; defined channels: {} (add +gift to ask for a gift)",
            at(source, node), text, rules.channel_ids());
    return action;
}

Result<std::vector<Action>> parse_action_list(std::string_view source, const toml::node& node,
                                              const Rules& rules) {
    const auto* list = node.as_array();
    if (!list)
        return data_error("{}: actions must be a list such as [\"call\", \"message\"]", at(source, node));
    std::vector<Action> out;
    for (const toml::node& item : *list) {
        KQ_TRY(Action a, parse_action(source, item, rules));
        out.push_back(a);
    }
    return out;
}

// `by = "assigned" | "anyone"` and `in_person = true | false` of a table (R7, R8, R11: 亲自); an absent key
// keeps its value in `who`.
Result<Who> parse_who(std::string_view source, const toml::table& table, std::string_view where,
                      Who who = {}) {
    KQ_TRY(std::string by, optional_string(source, table, "by", where));
    if (!by.empty()) who.assigned = by == "assigned";
    if (!by.empty() && by != "assigned" && by != "anyone")
        return data_error(
            "{}: by = \"{}\" in {}: write by = \"assigned\" (the customer's rep on the contact's "
            "day) or by = \"anyone\"",
            at(source, *table.get("by")), by, where);
    if (const toml::node* n = table.get("in_person")) {
        const auto* b = n->as_boolean();
        if (!b) return data_error("{}: in_person in {} must be true or false", at(source, *n), where);
        who.in_person = b->get();
    }
    return who;
}

// With in_person = true every action must be on an in-person channel: no other contact could make it.
Result<void> check_in_person(std::string_view source, const toml::table& table, const Who& who,
                             const std::vector<Action>& actions, const Rules& rules, std::string_view what) {
    if (!who.in_person) return {};
    for (const Action& a : actions)
        if (!rules.channels[static_cast<size_t>(a.channel)].in_person)
            return data_error(
                "{}: {} has in_person = true but asks for '{}', which is not an in-person channel; "
                "ask for an in-person channel or drop in_person",
                at(source, table), what, rules.action_text(a));
    return {};
}

} // namespace

std::string at(std::string_view source, const toml::node& node) {
    return fmt::format("{}:{}", source, node.source().begin.line);
}

Result<void> only_keys(std::string_view source, const toml::table& table,
                       std::initializer_list<std::string_view> keys, std::string_view where) {
    for (const auto& [key, node] : table) {
        if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
            std::string allowed;
            for (auto k : keys)
                allowed += (allowed.empty() ? "" : ", ") + std::string(k);
            return data_error("{}: unknown key '{}' in {}; allowed keys: {}", at(source, node), key.str(),
                              where, allowed);
        }
    }
    return {};
}

Result<std::string> required_string(std::string_view source, const toml::table& table, std::string_view key,
                                    std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node) return data_error("{}: {} has no '{}'; add {} = \"…\"", at(source, table), where, key, key);
    const auto* s = node->as_string();
    if (!s || s->get().empty())
        return data_error("{}: '{}' in {} must be a non-empty string", at(source, *node), key, where);
    return s->get();
}

Result<std::string> optional_string(std::string_view source, const toml::table& table, std::string_view key,
                                    std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node) return std::string();
    const auto* s = node->as_string();
    if (!s) return data_error("{}: '{}' in {} must be a string", at(source, *node), key, where);
    return s->get();
}

Result<int> optional_int(std::string_view source, const toml::table& table, std::string_view key, int low,
                         int high, int fallback, std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node) return fallback;
    const auto* v = node->as_integer();
    if (!v || v->get() < low || v->get() > high)
        return data_error("{}: '{}' in {} must be a whole number from {} to {}", at(source, *node), key,
                          where, low, high);
    return static_cast<int>(v->get());
}

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-';
    });
}

Result<void> parse_goals(std::string_view source, const toml::table& root, Rules& rules) {
    rules.goals.solved.assign(rules.tiers.size(), 0);
    for (size_t t = 0; t < rules.tiers.size(); ++t)
        rules.goals.solved[t] = rules.tiers[t].id == "A" ? 2 : 1;
    const toml::node* node = root.get("goals");
    if (!node) return {};
    const toml::table* goals = node->as_table();
    if (!goals) return data_error("{}: goals must be a table: [goals]", at(source, *node));
    KQ_CHECK(only_keys(source, *goals, {"asked_help", "solved", "training"}, "[goals]"));
    KQ_TRY(rules.goals.asked_help, optional_int(source, *goals, "asked_help", 0, 1000, 5, "[goals]"));
    if (const toml::node* s = goals->get("solved")) {
        const toml::table* per_tier = s->as_table();
        if (!per_tier)
            return data_error("{}: goals.solved must be a table such as {{ A = 2, B = 1 }}", at(source, *s));
        for (const auto& [tier, value] : *per_tier) {
            const int index = rules.tier_index(tier.str());
            if (index < 0)
                return data_error("{}: goals.solved names unknown tier '{}'; tiers: {}", at(source, value),
                                  tier.str(), rules.tier_ids());
            const auto* v = value.as_integer();
            if (!v || v->get() < 0 || v->get() > 1000)
                return data_error("{}: goals.solved.{} must be a whole number from 0 to 1000",
                                  at(source, value), tier.str());
            rules.goals.solved[static_cast<size_t>(index)] = static_cast<int>(v->get());
        }
    }
    if (const toml::node* t = goals->get("training")) {
        const toml::table* training = t->as_table();
        if (!training)
            return data_error("{}: goals.training must be a table such as {{ tier = \"A\", customers = 1 }}",
                              at(source, *t));
        KQ_CHECK(only_keys(source, *training, {"tier", "customers", "by", "in_person"}, "goals.training"));
        KQ_TRY(rules.goals.training_who,
               parse_who(source, *training, "goals.training", rules.goals.training_who));
        KQ_TRY(std::string tier, optional_string(source, *training, "tier", "goals.training"));
        if (!tier.empty()) {
            if (!rules.tier(tier))
                return data_error("{}: goals.training names unknown tier '{}'; tiers: {}", at(source, *t),
                                  tier, rules.tier_ids());
            rules.goals.training_tier = tier;
        }
        KQ_TRY(rules.goals.training_customers,
               optional_int(source, *training, "customers", 0, 1000, 1, "goals.training"));
    }
    return {};
}

Result<void> parse_occasions(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("occasion");
    if (!node) return {};
    const toml::array* list = node->as_array();
    if (!list) return data_error("{}: occasions must be [[occasion]] tables", at(source, *node));
    for (const toml::node& item : *list) {
        const toml::table* t = item.as_table();
        if (!t) return data_error("{}: each occasion must be an [[occasion]] table", at(source, item));
        KQ_CHECK(only_keys(
            source, *t,
            {"id", "name", "rule", "lunar", "solar", "before", "after", "actions", "by", "in_person"},
            "[[occasion]]"));
        Occasion o;
        KQ_TRY(o.id, required_string(source, *t, "id", "[[occasion]]"));
        if (!valid_id(o.id) || rules.occasion(o.id))
            return data_error("{}: occasion id '{}' must be unique and use only letters, digits, '_' and '-'",
                              at(source, *t), o.id);
        KQ_TRY(o.name, optional_string(source, *t, "name", "[[occasion]]"));
        KQ_TRY(o.rule, optional_string(source, *t, "rule", "[[occasion]]"));
        if (o.name.empty()) o.name = o.id;
        KQ_TRY(std::string lunar, optional_string(source, *t, "lunar", "[[occasion]]"));
        KQ_TRY(std::string solar, optional_string(source, *t, "solar", "[[occasion]]"));
        if (lunar.empty() == solar.empty())
            return data_error("{}: occasion '{}' needs exactly one of lunar = \"M-D\" or solar = \"MM-DD\"",
                              at(source, *t), o.id);
        const std::string where = at(source, *t) + ": occasion " + o.id;
        if (!lunar.empty()) {
            KQ_TRY(o.date, calendar::parse_recurring("lunar:" + lunar, where));
        } else {
            KQ_TRY(o.date, calendar::parse_recurring(solar, where));
            if (o.date.year)
                return data_error("{}: solar = \"{}\" must be MM-DD (no year: it recurs)", where, solar);
        }
        KQ_TRY(o.before, optional_int(source, *t, "before", 0, 60, 0, "[[occasion]]"));
        KQ_TRY(o.after, optional_int(source, *t, "after", 0, 60, 0, "[[occasion]]"));
        o.actions.assign(rules.tiers.size(), {});
        const toml::node* actions = t->get("actions");
        if (!actions)
            return data_error("{}: occasion '{}' has no actions; add actions = {{ A = [\"visit\"] }}",
                              at(source, *t), o.id);
        if (actions->is_array()) {
            KQ_TRY(std::vector<Action> all, parse_action_list(source, *actions, rules));
            std::fill(o.actions.begin(), o.actions.end(), all);
        } else if (const toml::table* per_tier = actions->as_table()) {
            for (const auto& [tier, value] : *per_tier) {
                const int index = rules.tier_index(tier.str());
                if (index < 0)
                    return data_error("{}: occasion '{}' has actions for unknown tier '{}'; tiers: {}",
                                      at(source, value), o.id, tier.str(), rules.tier_ids());
                KQ_TRY(o.actions[static_cast<size_t>(index)], parse_action_list(source, value, rules));
            }
        } else {
            return data_error("{}: actions must be a list or a table of lists per tier",
                              at(source, *actions));
        }
        KQ_TRY(o.who, parse_who(source, *t, "[[occasion]]"));
        for (const auto& per_tier : o.actions)
            KQ_CHECK(check_in_person(source, *t, o.who, per_tier, rules, "occasion '" + o.id + "'"));
        rules.occasions.push_back(std::move(o));
    }
    return {};
}

Result<std::vector<std::string>> optional_words(std::string_view source, const toml::table& table,
                                                std::string_view key, std::string_view where) {
    std::vector<std::string> words;
    const toml::node* node = table.get(key);
    if (!node) return words;
    const toml::array* list = node->as_array();
    if (!list)
        return data_error("{}: {} of {} must be a list of text, as {} = [\"店长\", \"采购\"]",
                          at(source, *node), key, where, key);
    for (const toml::node& item : *list) {
        const auto* word = item.as_string();
        if (!word || word->get().empty() || word->get().find_first_of("\r\n") != std::string::npos)
            return data_error("{}: each of {}'s {} must be text on one line, not empty", at(source, item),
                              where, key);
        words.push_back(word->get());
    }
    return words;
}

Result<void> parse_events(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("event");
    if (!node) return {};
    const toml::array* list = node->as_array();
    if (!list) return data_error("{}: event kinds must be [[event]] tables", at(source, *node));
    for (const toml::node& item : *list) {
        const toml::table* t = item.as_table();
        if (!t) return data_error("{}: each event kind must be an [[event]] table", at(source, item));
        KQ_CHECK(only_keys(source, *t,
                           {"kind", "name", "rule", "before", "after", "actions", "note_required", "by",
                            "in_person", "yearly", "on", "words"},
                           "[[event]]"));
        EventKind e;
        KQ_TRY(e.kind, required_string(source, *t, "kind", "[[event]]"));
        if (!valid_id(e.kind) || rules.event(e.kind))
            return data_error("{}: event kind '{}' must be unique and use only letters, digits, '_' and '-'",
                              at(source, *t), e.kind);
        KQ_TRY(e.name, optional_string(source, *t, "name", "[[event]]"));
        KQ_TRY(e.rule, optional_string(source, *t, "rule", "[[event]]"));
        if (e.name.empty()) e.name = e.kind;
        KQ_TRY(e.before, optional_int(source, *t, "before", 0, 60, 0, "[[event]]"));
        KQ_TRY(e.after, optional_int(source, *t, "after", 0, 60, 0, "[[event]]"));
        const toml::node* actions = t->get("actions");
        if (!actions)
            return data_error("{}: event kind '{}' has no actions; add actions = [\"visit\"]", at(source, *t),
                              e.kind);
        KQ_TRY(e.actions, parse_action_list(source, *actions, rules));
        if (const toml::node* n = t->get("note_required")) {
            const auto* b = n->as_boolean();
            if (!b) return data_error("{}: note_required must be true or false", at(source, *n));
            e.note_required = b->get();
        }
        KQ_TRY(e.who, parse_who(source, *t, "[[event]]"));
        KQ_CHECK(check_in_person(source, *t, e.who, e.actions, rules, "event kind '" + e.kind + "'"));
        if (const toml::node* n = t->get("yearly")) {
            const auto* b = n->as_boolean();
            if (!b) return data_error("{}: yearly must be true or false", at(source, *n));
            e.yearly = b->get();
        }
        KQ_TRY(std::string on, optional_string(source, *t, "on", "[[event]]"));
        if (!on.empty() && on != "opened_on")
            return data_error(
                "{}: on = \"{}\": the only day an event kind can be dated by is \"opened_on\" (the "
                "customer's opening day, each year after it)",
                at(source, *t->get("on")), on);
        e.on_opening = !on.empty();
        if (e.on_opening && (e.kind == "birthday" || rules.occasion(e.kind)))
            return data_error("{}: event kind '{}' with on = \"opened_on\" needs a name of its own (it tags "
                              "contacts, like an occasion id)",
                              at(source, *t), e.kind);
        if (e.on_opening) e.yearly = true;
        KQ_TRY(e.words, optional_words(source, *t, "words", "event kind '" + e.kind + "'"));
        if (!e.words.empty() && !e.recorded())
            return data_error("{}: event kind '{}' is not recorded with `roster event add`, so no note can "
                              "propose it; remove its words",
                              at(source, *t->get("words")), e.kind);
        rules.events.push_back(std::move(e));
    }
    return {};
}

} // namespace keqing::rules
