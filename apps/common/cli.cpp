// Shared option wiring, context opening and error reporting for the executables.
#include "common/cli.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <exception>

namespace keqing::cli {
namespace {

// The running executable's name, for the lines printed outside run()'s error printer.
const char* current_tool = "keqing";

} // namespace

void add_common_options(CLI::App& app, Common& common, bool with_rep) {
    app.add_option("--db", common.db, "SQLite file or postgresql:// URL (env KEQING_DB; default $XDG_DATA_HOME/keqing/keqing.db)");
    app.add_option("--rules", common.rules, "rules TOML (env KEQING_RULES; default: built-in schemas/rules.toml)");
    if (with_rep) app.add_option("--rep", common.rep, "current rep id (env KEQING_REP; default: config, then $USER)");
    app.set_version_flag("--version", fmt::format("{} (keqing) {}", app.get_name(), KEQING_VERSION));
}

Result<Configured> configure(const Common& common) {
    config::Flags flags;
    if (!common.db.empty()) flags.db = common.db;
    if (!common.rules.empty()) flags.rules = common.rules;
    if (!common.rep.empty()) flags.rep = common.rep;
    KQ_TRY(config::Settings settings, config::resolve(flags));
    KQ_TRY(rules::Rules rules, rules::load_rules(settings.rules_path));
    return Configured{std::move(settings), std::move(rules)};
}

Result<Context> open_context(const Common& common) {
    KQ_TRY(Configured c, configure(common));
    KQ_TRY(std::unique_ptr<store::Store> store, store::open_store(c.settings.db_path));
    for (const std::string& warning : store->take_warnings()) fmt::print(stderr, "{}: warning: {}\n", current_tool, warning);
    return Context{std::move(c.settings), std::move(c.rules), std::move(store)};
}

namespace {

// True when an option named `name` of `app`, its subcommands or option groups takes a value.
bool takes_value(CLI::App& app, const std::string& name) {
    for (const CLI::Option* option : app.get_options())
        if (option->check_name(name) && option->get_expected_max() > 0) return true;
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        if (takes_value(*sub, name)) return true;
    return false;
}

} // namespace

Result<void> check_empty_arguments(CLI::App& app, int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '\0') continue;
        const std::string before = argv[i - 1];
        const std::string option = before.substr(0, before.find('='));
        if (i > 1 && before.size() > 1 && before[0] == '-' && before.find('=') == std::string::npos &&
            takes_value(app, option))
            continue;
        return usage_error("argument {} is empty; remove it, or give it to an option that takes a value", i);
    }
    return {};
}

int run(const char* tool, CLI::App& app, int argc, char** argv, const std::function<Result<Exit>()>& body) {
    current_tool = tool;
    try {
        if (auto empty = check_empty_arguments(app, argc, argv); !empty) {
            fmt::print(stderr, "{}: error: {}; see {} --help\n", tool, empty.error().message, tool);
            return static_cast<int>(Exit::usage);
        }
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            fmt::print(stderr, "{}: error: {}; see {} --help\n", tool, e.what(), tool);
            return static_cast<int>(Exit::usage);
        }
        const Result<Exit> result = body();
        std::fflush(stdout);
        if (!result) {
            fmt::print(stderr, "{}: error: {}\n", tool, result.error().message);
            return static_cast<int>(result.error().code);
        }
        return static_cast<int>(*result);
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: error: internal error: {}; please report it\n", tool, e.what());
        return static_cast<int>(Exit::database);
    }
}

Result<core::Date> date_or_today(const std::string& text, std::string_view option) {
    if (text.empty()) return core::today();
    return core::parse_date(text, option);
}

} // namespace keqing::cli
