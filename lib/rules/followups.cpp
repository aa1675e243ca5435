// Loading follow-up kinds ([[followup]]: promises, problems, slow movers, complaints) from the rules TOML;
// a rules file without any takes the built-in rules' kinds, so older files keep working.
#include "rules/toml_checks.hpp"

#include <algorithm>

namespace keqing::rules {
namespace {

Result<FollowUpKind> parse_kind(std::string_view source, const toml::node& item, const Rules& rules) {
    const toml::table* t = item.as_table();
    if (!t) return data_error("{}: each follow-up kind must be a [[followup]] table", at(source, item));
    KQ_CHECK(only_keys(source, *t, {"kind", "name", "rule", "due_days", "closes", "steps"}, "[[followup]]"));
    FollowUpKind f;
    KQ_TRY(f.kind, required_string(source, *t, "kind", "[[followup]]"));
    if (!valid_id(f.kind) || rules.followup(f.kind))
        return data_error("{}: follow-up kind '{}' must be unique and use only letters, digits, '_' and '-'",
                          at(source, *t), f.kind);
    KQ_TRY(f.name, optional_string(source, *t, "name", "[[followup]]"));
    if (f.name.empty()) f.name = f.kind;
    KQ_TRY(f.rule, optional_string(source, *t, "rule", "[[followup]]"));
    KQ_TRY(f.due_days, optional_int(source, *t, "due_days", 0, 365, f.due_days, "[[followup]]"));
    KQ_TRY(f.closes, optional_string(source, *t, "closes", "[[followup]]"));
    if (!f.closes.empty() && f.closes != "kept" && f.closes != "solved")
        return data_error("{}: closes must be \"kept\" or \"solved\" (the log-visit option that closes it), "
                          "not '{}'",
                          at(source, *t), f.closes);
    KQ_TRY(f.steps, optional_words(source, *t, "steps", "[[followup]]"));
    for (size_t i = 0; i < f.steps.size(); ++i)
        if (std::find(f.steps.begin(), f.steps.begin() + static_cast<std::ptrdiff_t>(i), f.steps[i]) !=
            f.steps.begin() + static_cast<std::ptrdiff_t>(i))
            return data_error("{}: step '{}' is named twice in the steps of '{}'", at(source, *t), f.steps[i],
                              f.kind);
    return f;
}

} // namespace

Result<void> parse_followups(std::string_view source, const toml::table& root, Rules& rules) {
    const toml::node* node = root.get("followup");
    if (!node) {
        if (builtin_rules_text().empty()) return {};
        const toml::table builtin =
            toml::parse(builtin_rules_text(), std::string_view("built-in rules.toml"));
        if (!builtin.get("followup")) return {};
        return parse_followups("built-in rules.toml", builtin, rules);
    }
    const toml::array* list = node->as_array();
    if (!list) return data_error("{}: follow-up kinds must be [[followup]] tables", at(source, *node));
    for (const toml::node& item : *list) {
        KQ_TRY(FollowUpKind f, parse_kind(source, item, rules));
        rules.followups.push_back(std::move(f));
    }
    return {};
}

} // namespace keqing::rules
