// Tests for output/digest_files: one 0600 file per rep with something due, and the files an earlier run
// recorded for reps with nothing due now removed — only recorded ones, only of the same format, only of
// the reps the run covers.
#include "output/digest_files.hpp"
#include "support.hpp"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_output_digest_files {

using namespace keqing;
using test::day;

namespace {

remind::Digest digest(const char* rep, int items) {
    remind::Digest d{rep, rep, "east", day("2026-11-20"), 7, {}};
    for (int i = 0; i < items; ++i) {
        remind::Item item;
        item.uid = fmt::format("pace-{}-{}", rep, i);
        item.rule = "R1";
        item.state = remind::Item::State::due;
        item.due = item.starts = day("2026-11-20");
        item.customer_code = "HZ001";
        item.what = "visit: 1 more to be on pace";
        d.items.push_back(item);
    }
    return d;
}

std::string slurp(const std::filesystem::path& path) {
    std::stringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

} // namespace

TEST_SUITE("output::digest_files") {
    TEST_CASE("files of reps with something due, 0600 in a 0700 folder, stale recorded ones removed") {
        test::TempDir dir;
        const auto spool = dir.path() / "spool";
        const mode_t old_mask = ::umask(0);
        auto first = output::write_digest_files({digest("wang", 2), digest("li", 1), digest("zhao", 0)},
                                                output::RemindFormat::text, spool, true);
        ::umask(old_mask);
        REQUIRE(first.ok());
        CHECK(first->written == 2);
        CHECK(first->removed == 0);
        struct stat st {};
        REQUIRE(::stat((spool / "wang.txt").c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == 0600);
        REQUIRE(::stat(spool.c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == 0700);
        CHECK(slurp(spool / output::kDigestRecord) == "li.txt\nwang.txt\n");

        // Not keqing's: a file it never recorded, and another format's digest.
        std::ofstream(spool / "zhao.txt") << "mine\n";
        REQUIRE(output::write_digest_files({digest("li", 1)}, output::RemindFormat::ics, spool, true).ok());

        // The next day li has nothing due: li.txt goes, li.ics (another format) and zhao.txt stay.
        auto second = output::write_digest_files({digest("wang", 1), digest("li", 0), digest("zhao", 0)},
                                                 output::RemindFormat::text, spool, true);
        REQUIRE(second.ok());
        CHECK(second->written == 1);
        CHECK(second->removed == 1);
        CHECK_FALSE(std::filesystem::exists(spool / "li.txt"));
        CHECK(std::filesystem::exists(spool / "li.ics"));
        CHECK(slurp(spool / "zhao.txt") == "mine\n");
        CHECK(slurp(spool / output::kDigestRecord) == "li.ics\nwang.txt\n");
    }

    TEST_CASE("a run for one rep removes only that rep's stale file") {
        test::TempDir dir;
        REQUIRE(output::write_digest_files({digest("wang", 1), digest("li", 1)},
                                           output::RemindFormat::markdown, dir.path(), true)
                    .ok());
        auto one =
            output::write_digest_files({digest("li", 0)}, output::RemindFormat::markdown, dir.path(), false);
        REQUIRE(one.ok());
        CHECK(one->removed == 1);
        CHECK(std::filesystem::exists(dir.path() / "wang.md"));
        CHECK_FALSE(std::filesystem::exists(dir.path() / "li.md"));
    }

    TEST_CASE("names in the record that are not plain file names are never touched") {
        test::TempDir dir;
        std::filesystem::create_directories(dir.path() / "keep");
        std::ofstream(dir.path() / "keep" / "x.txt") << "keep\n";
        std::ofstream(dir.path() / ".hidden.txt") << "keep\n";
        std::ofstream(dir.path() / output::kDigestRecord) << "keep/x.txt\n../x.txt\n.hidden.txt\n";
        auto run =
            output::write_digest_files({digest("wang", 0)}, output::RemindFormat::text, dir.path(), true);
        REQUIRE(run.ok());
        CHECK(run->removed == 0);
        CHECK(std::filesystem::exists(dir.path() / "keep" / "x.txt"));
        CHECK(std::filesystem::exists(dir.path() / ".hidden.txt"));
    }
}

} // namespace unit_output_digest_files
