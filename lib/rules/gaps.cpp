// Loading [gaps] — what a customer's file should hold — from the rules TOML; a rules file without it takes
// the built-in rules' table, so older files keep working.
#include "rules/toml_checks.hpp"

namespace keqing::rules {

Result<void> parse_gaps(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("gaps");
    if (!node) {
        if (builtin_rules_text().empty()) return {};
        const toml::table builtin =
            toml::parse(builtin_rules_text(), std::string_view("built-in rules.toml"));
        if (!builtin.get("gaps")) return {};
        return parse_gaps("built-in rules.toml", builtin, rules);
    }
    const toml::table* t = node->as_table();
    if (!t) return data_error("{}: gaps must be a table: [gaps]", at(source, *node));
    KQ_CHECK(only_keys(source, *t, {"key_roles", "intel_months", "remind_every_days"}, "[gaps]"));
    KQ_TRY(rules.gaps.key_roles, optional_words(source, *t, "key_roles", "[gaps]"));
    KQ_TRY(rules.gaps.intel_months, optional_int(source, *t, "intel_months", 0, 60, 0, "[gaps]"));
    KQ_TRY(rules.gaps.remind_every_days, optional_int(source, *t, "remind_every_days", 1, 365, 7, "[gaps]"));
    return {};
}

} // namespace keqing::rules
