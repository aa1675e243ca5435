// Loading the relationship stages ([[stage]], seed 000's 客户关系周期) from the rules TOML, and finding a
// stage by what a person typed; a rules file without any takes the built-in rules' stages.
#include "core/text.hpp"
#include "rules/toml_checks.hpp"

#include <algorithm>

namespace keqing::rules {
namespace {

// ASCII letters compared without case (ids are ASCII; names are compared as written).
bool same_id(std::string_view a, std::string_view b) {
    return core::to_upper_ascii(a) == core::to_upper_ascii(b);
}

Result<Stage> parse_stage(std::string_view source, const toml::node& item, const Rules& rules) {
    const toml::table* t = item.as_table();
    if (!t) return data_error("{}: each relationship stage must be a [[stage]] table", at(source, item));
    KQ_CHECK(only_keys(source, *t, {"id", "name", "meaning", "aliases"}, "[[stage]]"));
    Stage s;
    KQ_TRY(s.id, required_string(source, *t, "id", "[[stage]]"));
    KQ_TRY(s.name, optional_string(source, *t, "name", "[[stage]]"));
    if (s.name.empty()) s.name = s.id;
    KQ_TRY(s.meaning, optional_string(source, *t, "meaning", "[[stage]]"));
    KQ_TRY(s.aliases, optional_words(source, *t, "aliases", "[[stage]]"));
    if (!valid_id(s.id) || rules.stage(s.id) || rules.stage(s.name))
        return data_error(
            "{}: stage '{}' ({}) must be unique, its id and name used by no other stage, its id "
            "only letters, digits, '_' and '-'",
            at(source, *t), s.id, s.name);
    for (const auto& alias : s.aliases)
        if (rules.stage(alias))
            return data_error("{}: alias '{}' of stage '{}' already names stage '{}'", at(source, *t), alias,
                              s.id, rules.stage(alias)->id);
    return s;
}

} // namespace

Result<void> parse_stages(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("stage");
    if (!node) {
        if (builtin_rules_text().empty()) return {};
        const toml::table builtin =
            toml::parse(builtin_rules_text(), std::string_view("built-in rules.toml"));
        if (!builtin.get("stage")) return {};
        return parse_stages("built-in rules.toml", builtin, rules);
    }
    const toml::array* list = node->as_array();
    if (!list) return data_error("{}: relationship stages must be [[stage]] tables", at(source, *node));
    for (const toml::node& item : *list) {
        KQ_TRY(Stage s, parse_stage(source, item, rules));
        rules.stages.push_back(std::move(s));
    }
    return {};
}

const Stage* Rules::stage(std::string_view text) const {
    const std::string_view t = core::trim(text);
    if (t.empty()) return nullptr;
    for (const auto& s : stages)
        if (same_id(s.id, t) || s.name == t ||
            std::any_of(s.aliases.begin(), s.aliases.end(),
                        [&](const std::string& a) { return same_id(a, t); }))
            return &s;
    return nullptr;
}

std::string Rules::stage_ids() const {
    std::string out;
    for (const auto& s : stages)
        out += (out.empty() ? "" : ", ") + (s.name == s.id ? s.id : fmt::format("{} ({})", s.id, s.name));
    return out;
}

} // namespace keqing::rules
