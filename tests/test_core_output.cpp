// Tests for core/output and core/files: a failed write is kept with the system's reason and reported by
// finish(); a reader that went away is not a failure; a replacing file changes its target only once whole,
// leaves no temporary file, keeps permissions (0600 exactly for owner_only) and writes devices in place.
#include "core/files.hpp"
#include "core/output.hpp"
#include "core/sink.hpp"
#include "core/text.hpp"
#include "support.hpp"

#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_output {

using namespace keqing;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::stringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

// Permission bits of a file.
mode_t mode_of(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// The names in a folder.
std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Sets the umask for a scope.
struct Umask {
    mode_t old;
    explicit Umask(mode_t mask) : old(::umask(mask)) {}
    ~Umask() { ::umask(old); }
};

} // namespace

TEST_SUITE("core::output") {
    TEST_CASE("fold_at wraps lines wider than the terminal and keeps narrower ones as they are") {
        const test::TempDir dir;
        const auto path = dir.path() / "folded.txt";
        std::FILE* file = std::fopen(path.c_str(), "w");
        {
            core::Output out(file, "test");
            out.fold_at(20);
            out.write("short line\n  an indented line that is much too wide for twenty");
            out.write(" columns\n");
            out.write("no line feed at the end, and too long as well");
            REQUIRE(out.finish());
        }
        std::fclose(file);
        const std::string text = slurp(path);
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            CHECK(core::display_width(line) <= 20);
        CHECK(text.starts_with("short line\n  an indented line\n    "));
        CHECK(text.back() != '\n');
    }
    TEST_CASE("a full device: the first failure is kept with its reason, and nothing more is written") {
        std::FILE* full = std::fopen("/dev/full", "wb");
        REQUIRE(full);
        core::Output out(full, "standard output");
        {
            core::Sink sink(&out);
            for (int i = 0; i < 30000; ++i)
                sink << "一行又一行的输出, line after line of output\n";
        }
        CHECK(out.failed());
        const Result<void> finished = out.finish();
        REQUIRE_FALSE(finished.ok());
        CHECK(finished.error().code == Exit::database);
        CHECK(finished.error().message.find("cannot write to standard output: No space left on device") == 0);
        std::fclose(full);
    }

    TEST_CASE("a small output that fails only when flushed is reported by finish()") {
        std::FILE* full = std::fopen("/dev/full", "wb");
        REQUIRE(full);
        core::Output out(full, "standard output");
        out.write("ok\n");
        CHECK_FALSE(out.failed()); // still in the stream's buffer
        CHECK_FALSE(out.finish().ok());
        std::fclose(full);
    }

    TEST_CASE("a reader that went away (EPIPE) is not a failure") {
        const auto old = std::signal(SIGPIPE, SIG_IGN);
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        ::close(fds[0]);
        std::FILE* pipe = ::fdopen(fds[1], "wb");
        REQUIRE(pipe);
        core::Output out(pipe, "standard output");
        out.write(std::string(100000, 'x'));
        CHECK(out.reader_gone());
        CHECK_FALSE(out.failed());
        CHECK(out.finish().ok());
        std::fclose(pipe);
        std::signal(SIGPIPE, old);
    }

    TEST_CASE("a refused output fails once written to, and only then") {
        core::Output out(stdout, "standard output");
        out.refuse(EBADF);
        out.write("");
        CHECK_FALSE(out.failed());
        out.write("x");
        CHECK(out.failed());
        CHECK(out.finish().error().message.find("Bad file descriptor") != std::string::npos);
    }
}

TEST_SUITE("core::files") {
    TEST_CASE("a file replaces its target only once finished, and leaves no temporary file") {
        test::TempDir dir;
        const std::string target = dir.write("r.csv", "old\n");
        {
            Result<core::Output> out = core::Output::to_file(target, "--output", core::FileMode::shared);
            REQUIRE(out.ok());
            out->write("new\n");
            CHECK(slurp(target) == "old\n");
            REQUIRE(out->finish().ok());
        }
        CHECK(slurp(target) == "new\n");
        CHECK(names_in(dir.path()) == std::vector<std::string>{"r.csv"});
    }

    TEST_CASE("a file not finished (a failure on the way) is removed, the old one stays") {
        test::TempDir dir;
        const std::string target = dir.write("r.csv", "old\n");
        {
            Result<core::Output> out = core::Output::to_file(target, "--output", core::FileMode::shared);
            REQUIRE(out.ok());
            out->write("half");
            CHECK(names_in(dir.path()).size() == 2); // the temporary file beside it
        }
        CHECK(slurp(target) == "old\n");
        CHECK(names_in(dir.path()) == std::vector<std::string>{"r.csv"});
    }

    TEST_CASE("a folder that does not exist: exit 4 with the system's reason") {
        test::TempDir dir;
        const Result<core::Output> out =
            core::Output::to_file(dir.path() / "missing" / "r.csv", "--output", core::FileMode::shared);
        REQUIRE_FALSE(out.ok());
        CHECK(out.error().code == Exit::database);
        CHECK(out.error().message.find("No such file or directory") != std::string::npos);
    }

    TEST_CASE(
        "permissions: owner_only is 0600 whatever the umask, shared follows the umask or the old file") {
        test::TempDir dir;
        {
            Umask mask(0);
            auto out =
                core::Output::to_file(dir.path() / "d.txt", "--output-dir", core::FileMode::owner_only);
            REQUIRE(out.ok());
            REQUIRE(out->finish().ok());
            CHECK(mode_of(dir.path() / "d.txt") == 0600);
        }
        {
            Umask mask(022);
            auto out = core::Output::to_file(dir.path() / "r.csv", "--output", core::FileMode::shared);
            REQUIRE(out.ok());
            REQUIRE(out->finish().ok());
            CHECK(mode_of(dir.path() / "r.csv") == 0644);
            REQUIRE(::chmod((dir.path() / "r.csv").c_str(), 0640) == 0);
            auto again = core::Output::to_file(dir.path() / "r.csv", "--output", core::FileMode::shared);
            REQUIRE(again.ok());
            REQUIRE(again->finish().ok());
            CHECK(mode_of(dir.path() / "r.csv") == 0640);
        }
    }

    TEST_CASE("a device is written in place, a link to a file keeps being a link") {
        auto null = core::Output::to_file("/dev/null", "--output", core::FileMode::shared);
        REQUIRE(null.ok());
        null->write("gone\n");
        REQUIRE(null->finish().ok());
        struct stat st {};
        REQUIRE(::stat("/dev/null", &st) == 0);
        CHECK(S_ISCHR(st.st_mode));

        test::TempDir dir;
        const std::string target = dir.write("real.csv", "old\n");
        std::filesystem::create_symlink(target, dir.path() / "link.csv");
        auto out = core::Output::to_file(dir.path() / "link.csv", "--output", core::FileMode::shared);
        REQUIRE(out.ok());
        out->write("new\n");
        REQUIRE(out->finish().ok());
        CHECK(std::filesystem::is_symlink(dir.path() / "link.csv"));
        CHECK(slurp(target) == "new\n");
    }

    TEST_CASE("private folders are 0700 whatever the umask, existing ones are left alone") {
        test::TempDir dir;
        Umask mask(0);
        REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
        CHECK(core::create_private_folders(dir.path() / "a" / "b") == 0);
        CHECK(mode_of(dir.path() / "a") == 0700);
        CHECK(mode_of(dir.path() / "a" / "b") == 0700);
        CHECK(mode_of(dir.path()) == 0755);
    }
}

} // namespace unit_core_output
