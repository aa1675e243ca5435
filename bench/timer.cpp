// keqing-bench-time: times one command as bench/run.sh gives it and prints "SECONDS PEAK_KB" — the wall time
// from just before the command's process is started until it has ended, and its peak resident set. A plain
// command line (words, NAME=VALUE in front, $NAME from the environment) is started directly, so the time
// is the command's own, its process start included; any other runs through /bin/sh -c. Timing the command
// through `/usr/bin/time bash -c` and `date` instead added about 20 ms of other processes to every figure,
// more than the whole of a 10 ms target (docs/PERFORMANCE.md).
//   keqing-bench-time 'KEQING_NOW=2026-11-02T09:00 build/bin/log-visit --db $COPY C0000008 --call'
// The command's output goes to /dev/null; its exit status does not matter (a check that finds something
// due exits 1). Exit status: 0 when it was timed, 2 on a bad command line, 127 when it could not be started.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct Plain {
    std::vector<std::pair<std::string, std::string>> env; // NAME=VALUE in front of the program
    std::vector<std::string> argv;
};

bool name_char(char c, bool first) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
}

// A word with $NAME or ${NAME} replaced from the environment; none if it needs a shell.
std::optional<std::string> expand(std::string_view word) {
    std::string out;
    for (size_t i = 0; i < word.size(); ++i) {
        if (word[i] != '$') {
            out += word[i];
            continue;
        }
        const bool braced = i + 1 < word.size() && word[i + 1] == '{';
        size_t start = i + (braced ? 2 : 1), end = start;
        while (end < word.size() && name_char(word[end], end == start))
            ++end;
        if (end == start || (braced && (end >= word.size() || word[end] != '}'))) return std::nullopt;
        const char* value = std::getenv(std::string(word.substr(start, end - start)).c_str());
        out += value ? value : "";
        i = braced ? end : end - 1;
    }
    return out;
}

// The command line as a program and its arguments, when nothing in it needs a shell.
std::optional<Plain> plain(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
        if (std::string_view("<>|&;`\"'\\*?()[]~#!\n\t").find(line[i]) != std::string_view::npos)
            return std::nullopt;
        if (line[i] == '{' && (i == 0 || line[i - 1] != '$')) return std::nullopt; // only ${NAME}
    }
    Plain p;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        size_t j = i;
        while (j < line.size() && line[j] != ' ')
            ++j;
        if (j == i) break;
        const std::string_view word = line.substr(i, j - i);
        i = j;
        auto text = expand(word);
        if (!text) return std::nullopt;
        const size_t eq = word.find('=');
        if (p.argv.empty() && eq != std::string_view::npos && eq > 0 && name_char(word[0], true)) {
            bool assignment = true;
            for (size_t k = 1; k < eq; ++k)
                assignment = assignment && name_char(word[k], false);
            if (assignment) {
                auto value = expand(word.substr(eq + 1));
                if (!value) return std::nullopt;
                p.env.emplace_back(std::string(word.substr(0, eq)), std::move(*value));
                continue;
            }
        }
        p.argv.push_back(std::move(*text));
    }
    if (p.argv.empty()) return std::nullopt;
    return p;
}

double seconds_now() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 || argv[1][0] == '\0') {
        std::fprintf(stderr, "keqing-bench-time: error: give one command line to time; usage: "
                             "keqing-bench-time 'COMMAND LINE'\n");
        return 2;
    }
    const std::string line = argv[1];
    const std::optional<Plain> direct = plain(line);
    std::vector<char*> args;
    if (direct) {
        for (const std::string& a : direct->argv)
            args.push_back(const_cast<char*>(a.c_str()));
    } else {
        for (const char* a : {"/bin/sh", "-c", line.c_str()})
            args.push_back(const_cast<char*>(a));
    }
    args.push_back(nullptr);

    const double start = seconds_now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("keqing-bench-time: error: fork");
        return 127;
    }
    if (child == 0) {
        const int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        if (direct)
            for (const auto& [name, value] : direct->env)
                setenv(name.c_str(), value.c_str(), 1);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) < 0) {
        std::perror("keqing-bench-time: error: wait4");
        return 127;
    }
    const double took = seconds_now() - start;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        std::fprintf(stderr, "keqing-bench-time: error: could not start '%s'; check the command\n",
                     line.c_str());
        return 127;
    }
    std::printf("%.4f %ld\n", took, usage.ru_maxrss);
    return 0;
}
