// Tests for output/table and core/sink: columns aligned by display width (CJK counts two), right
// alignment, no trailing spaces, markdown, long cells cut with "…" and control characters shown as
// symbols, and output written to a file in blocks as it grows.
#include "core/sink.hpp"
#include "core/text.hpp"
#include "output/obligation_view.hpp"
#include "output/quota_view.hpp"
#include "output/table.hpp"
#include "rules/rules.hpp"
#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_output_table {

using namespace keqing;

TEST_SUITE("output::table") {
    TEST_CASE("a table wider than the layout cuts names and wraps text columns within it") {
        output::Table t;
        t.column("CODE")
            .column("NAME")
            .column("N", output::Align::right)
            .column("TO DO", output::Align::left, output::kTextColumns);
        t.row(
            {"HZ001", "老百姓大药房(解放路店)连锁", "12/4", "visit +3 to pace, call +1 to pace, message +1"});
        output::set_layout({30, false});
        const std::string narrow = t.render();
        output::set_layout({0, false});
        const std::string whole = t.render();
        std::istringstream lines(narrow);
        int count = 0;
        for (std::string line; std::getline(lines, line); ++count)
            CHECK(core::display_width(line) <= 30);
        CHECK(count > 2);
        CHECK(narrow.find("…") != std::string::npos);
        CHECK(narrow.find("12/4") != std::string::npos); // numbers are never cut
        CHECK(whole.find("老百姓大药房(解放路店)连锁") != std::string::npos);
        CHECK(std::count(whole.begin(), whole.end(), '\n') == 2);
    }

    TEST_CASE("the wide layout cuts no value and the fit lines stay within the terminal at any width") {
        output::set_layout({0, true});
        output::Table t;
        t.column("NAME");
        const std::string name(60, 'x');
        t.row({name});
        CHECK(t.render().find(name) != std::string::npos);
        CHECK(output::fit_name(name) == name);
        output::set_layout({0, false});
        CHECK(output::fit_name(name).size() < name.size());
        output::Table u;
        u.column("A").column("B").column("C", output::Align::right).column("D", output::Align::left, 80);
        u.row({"长长长长长长长长", "bbbbbbbbbbbbbbbbbbbbbb", "123456", "d d d d d d d d d d d d d d d d"});
        for (int columns = 5; columns <= 70; columns += 5) {
            output::set_layout({columns, false});
            std::istringstream lines(u.indent(2).render());
            for (std::string line; std::getline(lines, line);)
                CHECK(core::display_width(line) <= columns);
        }
        output::set_layout({0, false});
    }
    TEST_CASE("occasions read what can still be done first, by date within a state") {
        const rules::Rules rules = *rules::load_rules("");
        const auto obligation = [](const char* code, const char* day, occasions::State state) {
            occasions::Obligation o;
            o.customer_code = code;
            o.name = "生日";
            o.date = o.from = o.to = *core::parse_date(day, "day");
            o.state = state;
            return o;
        };
        const std::string text =
            output::render_obligations({obligation("C1", "2026-11-03", occasions::State::missed),
                                        obligation("C2", "2026-11-20", occasions::State::open),
                                        obligation("C3", "2026-10-28", occasions::State::missed),
                                        obligation("C4", "2026-11-13", occasions::State::open),
                                        obligation("C5", "2026-11-01", occasions::State::done)},
                                       rules, true);
        std::vector<size_t> at;
        for (const char* code : {"C4", "C2", "C3", "C1", "C5"})
            at.push_back(text.find(code));
        CHECK(std::is_sorted(at.begin(), at.end()));
        CHECK(at.back() != std::string::npos);
    }

    TEST_CASE("percentages round to the nearest whole and never claim complete or nothing") {
        CHECK(output::percent(2.0 / 3) == "67%");
        CHECK(output::percent(7.0 / 8) == "88%");
        CHECK(output::percent(1.0 / 3) == "33%");
        CHECK(output::percent(1.0) == "100%");
        CHECK(output::percent(0.0) == "0%");
        CHECK(output::percent(0.996) == "99%"); // short of complete
        CHECK(output::percent(0.004) == "1%");  // more than nothing
    }

    TEST_CASE("columns line up by display width, right alignment, no trailing spaces") {
        output::Table t;
        t.column("CODE").column("NAME").column("N", output::Align::right);
        t.row({"HZ001", "康泰大药房", "8"}).row({"HZ1000", "Wu", "12"});
        CHECK(t.render() == "CODE    NAME         N\n"
                            "HZ001   康泰大药房   8\n"
                            "HZ1000  Wu          12\n");
    }

    TEST_CASE("missing cells are empty, extra ones dropped, a trailing empty column leaves no spaces") {
        output::Table t;
        t.column("A").column("B");
        t.row({"x"}).row({"y", "z", "ignored"});
        CHECK(t.render() == "A  B\nx\ny  z\n");
        CHECK_FALSE(t.empty());
        CHECK(output::Table().column("A").empty());
    }

    TEST_CASE("a cell wider than its column's limit is cut with an ellipsis, CJK stays aligned") {
        output::Table t;
        t.column("CODE").column("NAME", output::Align::left, 10).column("N", output::Align::right);
        t.row({"HZ001", std::string(5000, 'x'), "8"})
            .row({"HZ002", "康泰大药房连锁店", "12"})
            .row({"HZ3", "乙", "1"});
        CHECK(t.render() == "CODE   NAME         N\n"
                            "HZ001  xxxxxxxxx…   8\n"
                            "HZ002  康泰大药…   12\n"
                            "HZ3    乙           1\n");
        output::Table d; // the default limit: kNameColumns
        d.column("NAME");
        d.row({std::string(5000, 'y')});
        CHECK(d.render() == "NAME\n" + std::string(output::kNameColumns - 1, 'y') + "…\n");
    }

    TEST_CASE("control characters and invalid bytes in a cell never reach the terminal raw") {
        output::Table t;
        t.column("NAME").column("NOTE");
        t.row({"a\x1b[31mb", "line\nbreak\xff"});
        const std::string text = t.render();
        CHECK(text == "NAME     NOTE\n"
                      "a␛[31mb  line␊break\uFFFD\n");
        CHECK(text.find('\x1b') == std::string::npos);
        CHECK(t.render(output::Style::markdown).find('\x1b') == std::string::npos);
    }

    TEST_CASE("markdown") {
        output::Table t;
        t.column("TIER").column("MET", output::Align::right);
        t.row({"A", "3"});
        CHECK(t.render(output::Style::markdown) == "| TIER | MET |\n| --- | --- |\n| A | 3 |\n");
    }

    TEST_CASE("a table streamed in two passes draws what render draws, plain and markdown, at any width") {
        const std::vector<std::vector<std::string>> rows{
            {"1", "HZ001", "老百姓大药房(解放路店)连锁药房有限公司", "100%", "visit +3 to pace"},
            {"2", "HZ002", "益丰\x07药房", "50%", ""},
            {"3", "C", "x", "0%", "call +1 to pace, message +1 to pace, a note long enough to wrap"}};
        const auto made = [] {
            output::Table t;
            t.column("#", output::Align::right)
                .column("CODE")
                .column("NAME")
                .column("SCORE", output::Align::right)
                .column("TO DO", output::Align::left, output::kTextColumns);
            return t;
        };
        for (const int columns : {0, 20, 40, 200})
            for (const auto style : {output::Style::plain, output::Style::markdown}) {
                CAPTURE(columns);
                output::set_layout({columns, false});
                output::Table held = made(), streamed = made();
                for (const auto& r : rows)
                    held.row(r);
                std::vector<std::string_view> cells;
                for (const auto& r : rows) {
                    cells.assign(r.begin(), r.end());
                    streamed.measure(cells);
                }
                core::Sink out;
                streamed.stream(out, style);
                for (const auto& r : rows) {
                    cells.assign(r.begin(), r.end());
                    streamed.stream_row(out, cells, SIZE_MAX, output::Tone::none);
                }
                CHECK(out.text() == held.render(style));
            }
        output::set_layout({0, false});
    }

    TEST_CASE("a sink writes to its file in blocks and returns what is left, without a file it keeps all") {
        test::TempDir dir;
        const auto path = dir.path() / "out.txt";
        std::FILE* file = std::fopen(path.c_str(), "wb");
        REQUIRE(file);
        std::string expected;
        {
            core::Output output(file, "out.txt");
            core::Sink out(&output);
            output::Table t;
            t.column("I", output::Align::right).column("NAME");
            for (int i = 0; i < 100000; ++i)
                t.row({std::to_string(i), "药房"});
            t.render(out);
            CHECK(out.text().size() < (size_t{1} << 20) + 100); // never more than a block held
            expected = t.render();
            out << "end\n";
        } // the rest is written when the sink goes away
        std::fclose(file);
        std::stringstream read;
        read << std::ifstream(path).rdbuf();
        CHECK(read.str() == expected + "end\n");
        core::Sink memory;
        memory << "a"
               << "b";
        CHECK(memory.take() == "ab");
        CHECK_FALSE(memory.failed());
    }
}

} // namespace unit_output_table
