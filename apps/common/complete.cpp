// The completion behind `TOOL __complete WORD…` (complete.hpp): walks the words through the app's CLI11
// subcommands and options to find what the last one is, then lists what may stand there.
#include "common/complete.hpp"

#include "common/cli.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace keqing::cli {
namespace {

// What an option's or a positional's value is, by its name where no values were given with it.
enum class Values { none, listed, files, customers, reps, teams, tiers, channels, occasions, event_kinds };

std::map<const CLI::Option*, std::vector<std::string>>& listed_values() {
    static std::map<const CLI::Option*, std::vector<std::string>> values;
    return values;
}

Values values_of(const CLI::Option* option) {
    if (listed_values().contains(option)) return Values::listed;
    static const std::map<std::string, Values, std::less<>> kByName = {
        {"--db", Values::files},         {"--rules", Values::files},      {"--output", Values::files},
        {"--output-dir", Values::files}, {"--import", Values::files},     {"file", Values::files},
        {"--rep", Values::reps},         {"new-rep", Values::reps},       {"--team", Values::teams},
        {"--tier", Values::tiers},       {"tier", Values::tiers},         {"--customer", Values::customers},
        {"customer", Values::customers}, {"--channel", Values::channels}, {"--occasion", Values::occasions},
        {"--kind", Values::event_kinds}};
    const auto found = kByName.find(option->get_name());
    return found == kByName.end() ? Values::none : found->second;
}

// Where the walk through the words before the last one ended.
struct Walk {
    std::vector<CLI::App*> apps;          // the app, then each subcommand named
    const CLI::Option* pending = nullptr; // an option whose value the last word is
    size_t positionals = 0;               // positional words given to the innermost subcommand
    Common common;                        // --db and --rules as given, for the values
};

const CLI::Option* find_option(const Walk& walk, std::string_view name) {
    for (auto app = walk.apps.rbegin(); app != walk.apps.rend(); ++app)
        if (const CLI::Option* o = (*app)->get_option_no_throw(std::string(name))) return o;
    return nullptr;
}

bool takes_value(const CLI::Option* o) {
    return o->get_type_size() != 0;
}

void remember(Walk& walk, const CLI::Option* o, std::string_view value) {
    if (o->check_lname("db")) walk.common.db = value;
    if (o->check_lname("rules")) walk.common.rules = value;
}

// The subcommand of `app` named `name`, or nullptr.
CLI::App* subcommand(CLI::App* app, std::string_view name) {
    for (CLI::App* sub : app->get_subcommands({}))
        if (!name.empty() && sub->check_name(std::string(name))) return sub;
    return nullptr;
}

Walk walk_words(CLI::App& app, std::span<char* const> before) {
    Walk walk;
    walk.apps = {&app};
    for (const std::string_view word : before) {
        if (walk.pending) {
            if (word == "=") continue; // bash splits --db=x into --db, =, x
            remember(walk, walk.pending, word);
            walk.pending = nullptr;
        } else if (word.starts_with("-")) {
            const size_t equals = word.find('=');
            const CLI::Option* o = find_option(walk, word.substr(0, equals));
            if (o && takes_value(o) && equals == std::string_view::npos) walk.pending = o;
            if (o && equals != std::string_view::npos) remember(walk, o, word.substr(equals + 1));
        } else if (CLI::App* sub = subcommand(walk.apps.back(), word)) {
            walk.apps.push_back(sub);
            walk.positionals = 0;
        } else {
            ++walk.positionals;
        }
    }
    return walk;
}

// The long options of `app` and its option groups.
void add_long_options(const CLI::App* app, std::set<std::string>& out) {
    for (const CLI::Option* o : app->get_options())
        for (const std::string& name : o->get_lnames())
            out.insert("--" + name);
    for (const CLI::App* group : app->get_subcommands({}))
        if (group->get_name().empty()) add_long_options(group, out);
}

// The positional the next plain word of `app` gives, or nullptr.
const CLI::Option* positional(const CLI::App* app, size_t index) {
    for (const CLI::Option* o : app->get_options([](const CLI::Option* o) { return o->get_positional(); }))
        if (index-- == 0) return o;
    return nullptr;
}

// The values of `option` (rules and database read as the tool would, with the words' --db and --rules).
std::vector<std::string> values(const Walk& walk, const CLI::Option* option, const std::string& typed) {
    const Values kind = values_of(option);
    if (kind == Values::none) return {};
    if (kind == Values::listed) return listed_values().at(option);
    if (kind == Values::customers || kind == Values::reps || kind == Values::teams) {
        Result<Context> ctx = open_context(walk.common);
        if (!ctx) return {};
        const auto what = kind == Values::customers ? store::Completable::customer_code
                          : kind == Values::reps    ? store::Completable::rep_id
                                                    : store::Completable::team;
        Result<std::vector<std::string>> found = ctx->store->complete(what, typed, kMaxCompletions);
        return found ? *found : std::vector<std::string>();
    }
    Result<Configured> configured = configure(walk.common);
    if (!configured) return {};
    const rules::Rules& r = configured->rules;
    std::vector<std::string> out;
    if (kind == Values::tiers)
        for (const auto& t : r.tiers)
            out.push_back(t.id);
    if (kind == Values::channels)
        for (const auto& c : r.channels)
            out.push_back(c.id);
    if (kind == Values::occasions)
        for (const auto& o : r.occasions)
            out.push_back(o.id);
    if (kind == Values::occasions || kind == Values::event_kinds)
        for (const auto& e : r.events)
            if (kind == Values::occasions || e.recorded()) out.push_back(e.kind);
    return out;
}

int print_words(const std::vector<std::string>& candidates, std::string_view typed,
                std::string_view lead = {}) {
    std::string text = "words\n";
    for (const std::string& c : candidates)
        if (c.starts_with(typed)) text += fmt::format("{}{}\n", lead, c);
    fmt::print("{}", text);
    return 0;
}

int complete_value(const Walk& walk, const CLI::Option* option, const std::string& typed,
                   std::string_view lead) {
    if (values_of(option) == Values::files) {
        fmt::print("files\n");
        return 0;
    }
    return print_words(values(walk, option, typed), typed, lead);
}

} // namespace

void complete_values(const CLI::Option* option, std::vector<std::string> values) {
    listed_values()[option] = std::move(values);
}

CLI::Option* one_of(CLI::Option* option, std::vector<std::string> values) {
    option->check(CLI::IsMember(values));
    complete_values(option, std::move(values));
    return option;
}

int complete(CLI::App& app, std::span<char* const> words) {
    const std::string typed = words.empty() ? "" : words.back();
    Walk walk = walk_words(app, words.empty() ? words : words.first(words.size() - 1));
    if (walk.pending) return complete_value(walk, walk.pending, typed == "=" ? "" : typed, {});
    if (typed.starts_with("--") && typed.find('=') != std::string::npos) {
        const size_t equals = typed.find('=');
        const CLI::Option* o = find_option(walk, typed.substr(0, equals));
        if (!o || !takes_value(o)) return print_words({}, typed);
        return complete_value(walk, o, typed.substr(equals + 1), typed.substr(0, equals + 1));
    }
    if (typed.starts_with("-")) {
        std::set<std::string> names;
        for (const CLI::App* a : walk.apps)
            add_long_options(a, names);
        return print_words({names.begin(), names.end()}, typed);
    }
    std::vector<std::string> candidates;
    for (const CLI::App* sub : walk.apps.back()->get_subcommands({}))
        if (!sub->get_name().empty() && !sub->get_group().empty()) candidates.push_back(sub->get_name());
    if (const CLI::Option* p = positional(walk.apps.back(), walk.positionals)) {
        if (candidates.empty() && values_of(p) == Values::files) return complete_value(walk, p, typed, {});
        for (std::string& v : values(walk, p, typed))
            candidates.push_back(std::move(v));
    }
    return print_words(candidates, typed);
}

} // namespace keqing::cli
