// The terminal's manners for the executables: colour, the pager (a /bin/sh child reading a pipe) and
// progress, chosen from the options, the environment and whether the streams are terminals.
#include "common/pager.hpp"

#include "core/output.hpp"
#include "core/progress.hpp"
#include "output/color.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace keqing::cli {
namespace {

// A positive number from the environment variable `name`, or `fallback`.
long env_number(const char* name, long fallback) {
    const char* env = std::getenv(name);
    if (!env || !*env) return fallback;
    char* end = nullptr;
    const long n = std::strtol(env, &end, 10);
    return *end == '\0' && n >= 0 && n <= 100000000 ? n : fallback;
}

// The terminal's height in lines: LINES when it is a number, else the terminal's own, else 24.
long terminal_lines() {
    if (const long lines = env_number("LINES", 0); lines > 0) return lines;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) return size.ws_row;
    return 24;
}

// Writes all of `text` to `fd`; stops quietly when the reader went away.
void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return; // EPIPE: the pager quit; anything else: its exit status tells
        text.remove_prefix(static_cast<size_t>(n));
    }
}

} // namespace

std::optional<std::string> pager_command(bool no_pager) {
    if (no_pager) return std::nullopt;
    const char* chosen = std::getenv("KEQING_PAGER");
    if (!chosen) chosen = std::getenv("PAGER");
    if (!chosen) return std::string("less -FRX");
    if (std::all_of(chosen, chosen + std::char_traits<char>::length(chosen),
                    [](char c) { return c == ' ' || c == '\t'; }))
        return std::nullopt;
    return std::string(chosen);
}

bool run_pager(const std::string& command, std::string_view text) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    std::fflush(stdout);
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (child == 0) {
        ::dup2(fds[0], STDIN_FILENO);
        ::setenv("LESS", "FRX", 0); // a bare `less` in PAGER keeps colour and quits on a short text
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[0]);
    // The pager owns the terminal until it exits: ^C is for it (less) — this process waits.
    void (*interrupt)(int) = std::signal(SIGINT, SIG_IGN);
    write_all(fds[1], text);
    ::close(fds[1]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    std::signal(SIGINT, interrupt);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void set_up_terminal(CLI::App& app) {
    const CLI::Option* color = app.get_option_no_throw("--color");
    const std::string when = color && color->count() > 0 ? color->as<std::string>() : "auto";
    const bool out_terminal = ::isatty(STDOUT_FILENO) != 0;
    const output::ColorWhen choice = when == "always"  ? output::ColorWhen::always
                                     : when == "never" ? output::ColorWhen::never
                                                       : output::ColorWhen::automatic;
    output::set_color(
        output::color_wanted(choice, out_terminal, std::getenv("NO_COLOR"), std::getenv("TERM")));

    const CLI::Option* no_pager = app.get_option_no_throw("--no-pager");
    if (const auto pager = pager_command(no_pager && no_pager->count() > 0); pager && out_terminal) {
        const long lines = terminal_lines();
        core::Output::standard().page_through([command = *pager, lines](std::string_view text) {
            if (std::count(text.begin(), text.end(), '\n') <= lines) return false;
            return run_pager(command, text);
        });
    }
    core::set_progress(::isatty(STDERR_FILENO) != 0,
                       std::chrono::milliseconds(env_number("KEQING_PROGRESS_AFTER_MS", 1000)));
}

} // namespace keqing::cli
