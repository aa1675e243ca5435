// Shared option wiring, context opening and error reporting for the executables.
#include "common/cli.hpp"

#include "core/i18n.hpp"

#include "common/complete.hpp"
#include "common/help.hpp"
#include "common/huge_pages.hpp"
#include "common/pager.hpp"

#include "core/limits.hpp"
#include "core/text.hpp"
#include "core/when.hpp"
#include "output/table.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace keqing::cli {
namespace {

// The running executable's name, for the lines printed outside run()'s error printer.
const char* current_tool = "keqing";

// Takes fds 0-2 with /dev/null where they are closed, so that no file or socket opened later becomes
// standard output; a closed standard output then refuses to be written to (EBADF). True when all three
// were open.
bool guard_standard_streams() {
    bool whole = true;
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        whole = false;
        const int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (null >= 0 && null != fd) {
            ::dup2(null, fd);
            ::close(null);
        }
        if (fd == 1) core::Output::standard().refuse(EBADF);
    }
    return whole;
}

// Flushes standard output once the command is done; its result, unless `body` failed first.
Result<Exit> finish_output(Result<Exit> body) {
    Result<void> flushed = core::Output::standard().finish();
    if (body && !flushed) return std::move(flushed).error();
    return body;
}

// The width tables keep within: COLUMNS when it is a number; else a terminal's own width (80 when it
// does not say); else none — a pipe or a file gets whole tables. --wide: none, and no value cut.
output::Layout terminal_layout(bool wide) {
    if (wide) return {0, true};
    if (const char* env = std::getenv("COLUMNS"); env && *env) {
        char* end = nullptr;
        const long n = std::strtol(env, &end, 10);
        if (*end == '\0' && n > 0 && n <= 100000) return {static_cast<int>(n), false};
    }
    if (!::isatty(STDOUT_FILENO)) return {0, false};
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return {size.ws_col, false};
    return {80, false};
}

} // namespace

Result<void> write_workbook(const std::string& output,
                            const std::function<Result<void>(const std::filesystem::path&)>& write) {
    if (!output.empty() && output != "-") {
        KQ_CHECK(write(output));
        fmt::print(stderr, "{}\n", core::trf("wrote {}", output));
        return {};
    }
    if (::isatty(STDOUT_FILENO))
        return usage_error("--format xlsx is an Excel file, not text for a terminal: add --output FILE.xlsx "
                           "(or redirect standard output to a file)");
    std::string temp = (std::filesystem::temp_directory_path() / "keqing-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(temp.data(), 5);
    if (fd < 0) return db_error("cannot create a temporary file in {}", temp);
    ::close(fd);
    Result<void> written = write(temp);
    if (written) {
        std::FILE* in = std::fopen(temp.c_str(), "rb");
        std::string bytes;
        char block[65536];
        for (size_t n; in && (n = std::fread(block, 1, sizeof block, in)) > 0;)
            bytes.append(block, n);
        if (in) std::fclose(in);
        core::Output::standard().write(bytes);
    }
    std::filesystem::remove(temp);
    return written;
}

void fold_standard_output() {
    core::Output::standard().fold_at(output::layout().columns);
}

void add_common_options(CLI::App& app, Common& common, bool with_rep) {
    app.add_option(
        "--db", common.db,
        "SQLite file or postgresql:// URL (env KEQING_DB; default $XDG_DATA_HOME/keqing/keqing.db)");
    app.add_option("--rules", common.rules,
                   "rules TOML (env KEQING_RULES; default: built-in schemas/rules.toml)");
    if (with_rep)
        app.add_option("--rep", common.rep, "current rep id (env KEQING_REP; default: config, then $USER)");
    app.add_flag("--wide", common.wide,
                 "tables and lines whole: no value cut, whatever the terminal's width");
    one_of(app.add_option("--color", common.color,
                          core::tr("colour statuses: auto (on a terminal, unless NO_COLOR or TERM=dumb), "
                                   "always, never")),
           {"auto", "always", "never"});
    app.add_flag("--no-pager", common.no_pager,
                 core::tr("print long output straight to the terminal, not through $PAGER (less -FRX)"));
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

Result<Context> open_context(const Common& common, store::Create create) {
    KQ_TRY(Configured c, configure(common));
    KQ_TRY(std::string location, config::database(c.settings));
    KQ_TRY(std::unique_ptr<store::Store> store, store::open_store(location, create));
    for (const std::string& warning : store->take_warnings())
        fmt::print(stderr, "{}\n", core::trf("{}: warning: {}", current_tool, warning));
    if (store->created())
        fmt::print(stderr, "{}\n", core::trf("{}: created database {}", current_tool, location));
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

Result<void> check_arguments(CLI::App& app, int argc, const char* const* argv) {
    bool options_end = false; // after `--` every argument is positional
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const std::string_view before = i > 1 ? std::string_view(argv[i - 1]) : std::string_view();
        // What the argument is: the value of the option before it, `--option=value`, or a word of its own.
        std::string option;
        std::string_view value = arg;
        if (!options_end && before.size() > 1 && before[0] == '-' && before != "--" &&
            before.find('=') == std::string_view::npos && takes_value(app, std::string(before))) {
            option = before;
        } else if (!options_end && arg.starts_with("--") && arg.find('=') != std::string_view::npos) {
            option = arg.substr(0, arg.find('='));
            value = arg.substr(arg.find('=') + 1);
        }
        std::string which = option.empty() ? core::trf("argument {}", i)
                                           : core::trf("argument {} (the value of {})", i, option);
        auto fault = core::find_text_fault(value); // its position counts from the start of the value
        if (!fault && value.size() != arg.size()) {
            fault = core::find_text_fault(arg); // in `--option=` itself
            if (fault) which = core::trf("argument {}", i);
        }
        if (fault)
            return usage_error("{} has {}; arguments are one line of printable UTF-8 text", which,
                               fault->describe());
        if (const size_t n = core::count_characters(value); n > core::kMaxValue)
            return usage_error("{} is {} characters long; an argument holds at most {} (README, Limits)",
                               which, n, core::kMaxValue);
        if (const size_t n = core::count_characters(arg); n > core::kMaxValue) // a long `--option=` itself
            return usage_error(
                "argument {} is {} characters long; an argument holds at most {} (README, Limits)", i, n,
                core::kMaxValue);
        if (core::trim(value).empty()) {
            if (!option.empty())
                return usage_error(
                    "{} is given an empty value (argument {}); give a value, or leave {} out for its "
                    "default",
                    option, i, option);
            return usage_error("argument {} is empty; remove it, or give it to an option that takes a value",
                               i);
        }
        if (arg == "--" && option.empty()) options_end = true;
    }
    return {};
}

int run(const char* tool, CLI::App& app, int argc, char** argv, const std::function<Result<Exit>()>& body) {
    current_tool = tool;
    // A command started with a standard stream closed is never run again (run_with_huge_pages): the new
    // process would find /dev/null there, and not know that stdout was closed.
    keep_command_line(guard_standard_streams() ? argv : nullptr);
    // The language before any text is made: KEQING_LANGUAGE or the config's, else the locale's.
    if (const std::string language = config::early_language(); !language.empty())
        core::set_language(language);
    translate_help(app);
    // A closed pipe is reported as EPIPE by the write (core::Output drops the rest) instead of a signal.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        if (argc > 1 && std::string_view(argv[1]) == "__complete") // the shells' completion (completions/)
            return complete(app, std::span<char* const>(argv + 2, static_cast<size_t>(argc - 2)));
        if (auto checked = check_arguments(app, argc, argv); !checked) {
            fmt::print(stderr, "{}\n",
                       core::trf("{}: error: {}; see {} --help", tool, checked.error().message, tool));
            return static_cast<int>(Exit::usage);
        }
        std::optional<Exit> help;     // --help or --version printed, with this status
        std::ostringstream help_text; // printed through core::Output, so that a failed write is seen
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            help = static_cast<Exit>(app.exit(e, help_text));
        } catch (const CLI::CallForAllHelp& e) {
            help = static_cast<Exit>(app.exit(e, help_text));
        } catch (const CLI::CallForVersion& e) {
            help = static_cast<Exit>(app.exit(e, help_text));
        } catch (const CLI::ParseError& e) {
            fmt::print(stderr, "{}\n",
                       core::trf("{}: error: {}; see {} --help", tool, parse_error_message(e), tool));
            return static_cast<int>(Exit::usage);
        }
        core::Output::standard().write(help_text.str());
        if (!help) {
            const CLI::Option* wide = app.get_option_no_throw("--wide");
            output::set_layout(terminal_layout(wide && wide->count() > 0));
            set_up_terminal(app);
        }
        const Result<Exit> result = finish_output(help ? Result<Exit>(*help) : body());
        if (!result) {
            fmt::print(stderr, "{}\n", core::trf("{}: error: {}", tool, result.error().message));
            return static_cast<int>(result.error().code);
        }
        return static_cast<int>(*result);
    } catch (const std::exception& e) {
        fmt::print(
            stderr, "{}\n",
            core::trf("{}: error: {}", tool, core::trf("internal error: {}; please report it", e.what())));
        return static_cast<int>(Exit::database);
    }
}

Result<core::Date> date_or_today(const std::string& text, std::string_view option) {
    if (text.empty()) return core::today();
    return core::parse_spoken_date(text, option, core::today());
}

Result<core::Month> month_or(const std::string& text, std::string_view option, core::Month fallback) {
    if (text.empty()) return fallback;
    return core::parse_spoken_month(text, option, core::today());
}

} // namespace keqing::cli
