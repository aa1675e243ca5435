// keqing: the git-style front end installed as /usr/bin/keqing. `keqing TOOL ARGS…` runs keqing-TOOL (found
// beside this executable, else on PATH; in a build tree the plain name beside it) with the same arguments,
// so that the installed tools need no names of their own that another package could own (docs/DECISIONS.md).
// Its own messages are in the reader's language (the locale, or KEQING_LANGUAGE) through lib's keqing_i18n.
#include "core/i18n.hpp"
#include "core/reasons.hpp"

#include <fmt/core.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

constexpr std::array<std::string_view, 6> kTools = {"roster", "log-visit", "check-quota",
                                                    "remind", "report",    "plan"};

// Exit statuses of SPEC §4, and 127 (a shell's "command not found") when a tool cannot be run.
constexpr int kUsage = 2;
constexpr int kNotRunnable = 127;

bool is_tool(std::string_view name) {
    for (std::string_view t : kTools)
        if (t == name) return true;
    return false;
}

// What each tool does, for --help (marked for the catalog, translated when printed).
constexpr std::array<std::pair<std::string_view, const char*>, 6> kToolHelp = {{
    {"roster", N_("customers, their tiers and reps, the reps themselves, people, life events")},
    {"log-visit", N_("record a visit, call or message in one line; void; import")},
    {"check-quota", N_("what is owed this month, with pace")},
    {"remind", N_("what each rep owes soon (text for mail, markdown, json, ics)")},
    {"report", N_("the manager's compliance report (table, csv, json, markdown, html)")},
    {"plan", N_("the rep's visits, calls and messages day by day")},
}};

void print_usage(FILE* to) {
    using keqing::core::tr;
    fmt::print(to, "{}\n{}\n\n{}\n", tr("keqing — contact-rule compliance for field sales reps (客情)"),
               tr("Usage: keqing TOOL [ARGS…]   runs keqing-TOOL ARGS…"), tr("Tools:"));
    for (const auto& [tool, help] : kToolHelp)
        fmt::print(to, "  {:<12}  {}\n", tool, tr(help));
    fmt::print(to, "\n{}\n",
               tr("keqing TOOL --help shows a tool's options; man keqing-TOOL its manual, man 7 keqing the "
                  "concepts."));
}

// One error line as the tools print theirs: "keqing: error: …" ("keqing：错误：…").
std::string error_line(const std::string& message) {
    return keqing::core::trf("{}: error: {}", "keqing", message);
}

// The folder this executable is in (from /proc/self/exe), with a trailing slash; empty when unknown.
std::string own_folder() {
    std::array<char, PATH_MAX> path{};
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (n <= 0) return {};
    std::string p(path.data(), static_cast<size_t>(n));
    return p.substr(0, p.rfind('/') + 1);
}

// Runs the tool with `args` (args[0] is replaced by its name); returns only when it could not be run.
int run_tool(std::string_view tool, std::vector<char*> args) {
    std::string name = "keqing-" + std::string(tool);
    args.front() = name.data();
    args.push_back(nullptr);
    const std::string folder = own_folder();
    if (!folder.empty()) {
        ::execv((folder + name).c_str(), args.data());
        ::execv((folder + std::string(tool)).c_str(), args.data()); // a build tree: build/bin/remind
    }
    ::execvp(name.c_str(), args.data());
    const int failed = errno;
    fmt::print(stderr, "{}\n",
               error_line(keqing::core::trf("cannot run {}: {}; is the keqing package installed whole?", name,
                                            keqing::core::reason(failed))));
    return kNotRunnable;
}

} // namespace

int main(int argc, char** argv) {
    // KEQING_LANGUAGE chooses over the locale, as in the tools (the front end reads no config file).
    if (const char* chosen = std::getenv("KEQING_LANGUAGE"); chosen && *chosen)
        keqing::core::set_language(chosen);
    if (argc < 2) {
        print_usage(stderr);
        return kUsage;
    }
    const std::string_view first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print_usage(stdout);
        return 0;
    }
    if (first == "--version") {
        fmt::print("keqing {}\n", KEQING_VERSION);
        return 0;
    }
    if (first == "__complete") { // the shells' completion (apps/common/complete.cpp): the tool's, or its name
        if (argc > 3 && is_tool(argv[2])) { // keqing-TOOL __complete WORDS…
            std::vector<char*> args{argv[0], argv[1]};
            args.insert(args.end(), argv + 3, argv + argc);
            return run_tool(argv[2], std::move(args));
        }
        fmt::print("words\n");
        const std::string_view typed = argc > 2 ? argv[2] : "";
        for (std::string_view t : kTools)
            if (t.starts_with(typed)) fmt::print("{}\n", t);
        return 0;
    }
    if (!is_tool(first)) {
        fmt::print(stderr, "{}\n",
                   error_line(keqing::core::trf("'{}' is not a keqing tool; the tools are roster, log-visit, "
                                                "check-quota, remind, report and plan (see keqing --help)",
                                                first)));
        return kUsage;
    }
    std::vector<char*> args{argv[0]};
    args.insert(args.end(), argv + 2, argv + argc);
    return run_tool(first, std::move(args));
}
