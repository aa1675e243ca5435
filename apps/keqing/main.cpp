// keqing: the git-style front end installed as /usr/bin/keqing. `keqing TOOL ARGS…` runs keqing-TOOL (found
// beside this executable, else on PATH; in a build tree the plain name beside it) with the same arguments,
// so that the installed tools need no names of their own that another package could own (docs/DECISIONS.md).
#include <fmt/core.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <string_view>
#include <unistd.h>
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

void print_usage(FILE* to) {
    fmt::print(to,
               "keqing — contact-rule compliance for field sales reps (客情)\n"
               "Usage: keqing TOOL [ARGS…]   runs keqing-TOOL ARGS…\n\n"
               "Tools:\n"
               "  roster        customers, their tiers and reps, the reps themselves, people, life events\n"
               "  log-visit     record a visit, call or message in one line; void; import\n"
               "  check-quota   what is owed this month, with pace\n"
               "  remind        what each rep owes soon (text for mail, markdown, json, ics)\n"
               "  report        the manager's compliance report (table, csv, json, markdown, html)\n"
               "  plan          the rep's visits, calls and messages day by day\n\n"
               "keqing TOOL --help shows a tool's options; man keqing-TOOL its manual, man 7 keqing the "
               "concepts.\n");
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
    fmt::print(stderr, "keqing: error: cannot run {}: {}; is the keqing package installed whole?\n", name,
               std::strerror(errno));
    return kNotRunnable;
}

} // namespace

int main(int argc, char** argv) {
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
        fmt::print(stderr,
                   "keqing: error: '{}' is not a keqing tool; the tools are roster, log-visit, check-quota, "
                   "remind, report and plan (see keqing --help)\n",
                   first);
        return kUsage;
    }
    std::vector<char*> args{argv[0]};
    args.insert(args.end(), argv + 2, argv + argc);
    return run_tool(first, std::move(args));
}
