// Tests for core/csv: RFC 4180 parsing with line numbers, header checks, the one-line printable fields
// imports read (with their position), and escaping.
#include "core/csv.hpp"
#include "core/limits.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_csv {

using namespace keqing;

TEST_SUITE("core::csv") {
    TEST_CASE("quoted fields keep commas, quotes and newlines, lines are counted") {
        auto r = core::parse_csv("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\r\nlast,row", "f.csv");
        REQUIRE(r.ok());
        REQUIRE(r->size() == 4);
        CHECK((*r)[1].fields == std::vector<std::string>{"x,1", "say \"hi\""});
        CHECK((*r)[2].fields[0] == "multi\nline");
        CHECK((*r)[2].line == 3);
        CHECK((*r)[3].line == 5);
    }

    // Unquoted fields are taken a run at a time up to the next comma, quote or line end (core/csv.cpp).
    TEST_CASE("unquoted fields end at commas and line ends, empty ones included") {
        auto r = core::parse_csv("a,b,c\n康泰大药房,,x y\r\n,\"q\",\nlast,\"\",z", "f.csv");
        REQUIRE(r.ok());
        REQUIRE(r->size() == 4);
        CHECK((*r)[1].fields == std::vector<std::string>{"康泰大药房", "", "x y"});
        CHECK((*r)[2].fields == std::vector<std::string>{"", "q", ""});
        CHECK((*r)[3].fields == std::vector<std::string>{"last", "", "z"});
        CHECK((*r)[3].line == 4);
        auto after = core::parse_csv("a,b\n\"x\"y,z\n", "c.csv");
        REQUIRE_FALSE(after.ok());
        CHECK(after.error().message.starts_with("c.csv:2: text after a closing quote"));
        auto cr = core::parse_csv("a,b\nxy\rz,1\n", "c.csv");
        REQUIRE_FALSE(cr.ok());
        CHECK(cr.error().message.starts_with("c.csv:2: stray carriage return"));
    }

    TEST_CASE("a stream reads a column by position as by name") {
        const std::string text = "customer,channel,note\nA1, visit ,备注\nB2,call,\n";
        auto table = core::CsvStream::open(text, "s.csv", {"customer", "channel"}, {"note", "rep"}, false);
        REQUIRE(table.ok());
        const size_t channel = table->position("channel"), rep = table->position("rep");
        CHECK(channel == 1);
        CHECK(rep == core::CsvStream::kAbsent);
        std::vector<std::string> seen;
        while (*table->next()) {
            CHECK(table->get(channel) == table->get("channel"));
            CHECK(table->get(rep).empty());
            seen.emplace_back(table->get(table->position("note")));
        }
        CHECK(seen == std::vector<std::string>{"备注", ""});
    }

    TEST_CASE("BOM and blank lines are skipped") {
        auto r = core::parse_csv("\xEF\xBB\xBF"
                                 "code,name\n\nA,甲\n",
                                 "f.csv");
        REQUIRE(r.ok());
        CHECK(r->size() == 2);
        CHECK((*r)[0].fields[0] == "code");
    }

    TEST_CASE("malformed CSV names the file and line") {
        auto open = core::parse_csv("a,b\n\"never closed,x\n", "c.csv");
        REQUIRE_FALSE(open.ok());
        CHECK(open.error().message.starts_with("c.csv:2: a quoted field is never closed"));
        auto stray = core::parse_csv("a,b\nx\"y,z\n", "c.csv");
        REQUIRE_FALSE(stray.ok());
        CHECK(stray.error().message.starts_with("c.csv:2:"));
        auto invalid = core::parse_csv("a\nok\nx\xff\n", "c.csv");
        REQUIRE_FALSE(invalid.ok());
        CHECK(invalid.error().message.starts_with(
            "c.csv:3: the file is not valid UTF-8 (byte 0xFF, byte 2 of the line)"));
    }

    TEST_CASE("table checks required, unknown and duplicate columns and field counts") {
        auto parse = [](const char* text, bool ignore) {
            return core::CsvTable::from_records(*core::parse_csv(text, "t.csv"), "t.csv", {"code", "name"},
                                                {"phone"}, ignore);
        };
        auto ok = parse("Name,code\n甲,A\n", false);
        REQUIRE(ok.ok());
        CHECK(ok->get(0, "code") == "A");
        CHECK(ok->get(0, "phone").empty());
        CHECK(ok->where(0, "code") == "t.csv:2: column code (field 2)");
        auto missing = parse("code\nA\n", false);
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().message.find("required column 'name'") != std::string::npos);
        auto unknown = parse("code,name,fax\nA,甲,1\n", false);
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message.find("unknown column 'fax'") != std::string::npos);
        CHECK(parse("code,name,fax\nA,甲,1\n", true).ok());
        auto short_row = parse("code,name\nA,甲\nB\n", false);
        REQUIRE_FALSE(short_row.ok());
        CHECK(short_row.error().message.starts_with("t.csv:3: the row has 1 fields but the header has 2"));
    }

    TEST_CASE("the fields an import reads are one line of printable text, named by line and column") {
        auto table = [](std::string_view text, bool ignore = false) {
            auto records = core::parse_csv(text, "t.csv");
            REQUIRE(records.ok()); // the reader itself keeps RFC 4180: quoted newlines parse
            return core::CsvTable::from_records(std::move(*records), "t.csv", {"code", "name"}, {"note"},
                                                ignore);
        };
        auto newline = table("code,name,note\nA,甲,ok\nB,乙,\"two\nlines\"\n");
        REQUIRE_FALSE(newline.ok());
        CHECK(newline.error().message ==
              "t.csv:3: column note (field 3) has a control character (U+000A line feed) at "
              "character 4 (byte 4); keep every field one line of printable text (no line "
              "breaks, TABs or escape sequences)");
        auto escape = table("code,name\nA,康\x1b[31m泰\n");
        REQUIRE_FALSE(escape.ok());
        CHECK(escape.error().message.starts_with(
            "t.csv:2: column name (field 2) has a control character (U+001B "
            "escape) at character 2 (byte 4)"));
        CHECK_FALSE(table("code,name\nA,a\tb\n").ok());
        CHECK_FALSE(table("co\x01"
                          "de,name\nA,b\n")
                        .ok());
        auto long_field = table("code,name\nA," + std::string(core::kMaxValue + 1, 'x') + "\n");
        REQUIRE_FALSE(long_field.ok());
        CHECK(
            long_field.error().message.starts_with("t.csv:2: column name (field 2) is 4097 characters long"));
        CHECK(
            table("code,name,fax\nA,b,\"ignored\nwhatever\"\n", true).ok()); // a column keqing does not read
        CHECK(table("code,name\nA," + std::string(core::kMaxValue, 'x') + "\n").ok());
        // The streaming reader (contacts) checks the same.
        const std::string text = "code,name\nA,ok\nB,\"x\ny\"\n";
        auto stream = core::CsvStream::open(text, "s.csv", {"code", "name"}, {}, false);
        REQUIRE(stream.ok());
        CHECK(*stream->next());
        auto second = stream->next();
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().message.starts_with("s.csv:3: column name (field 2) has a control character"));
    }

    TEST_CASE("csv_field quotes only when needed") {
        CHECK(core::csv_field("plain") == "plain");
        CHECK(core::csv_field("a,b") == "\"a,b\"");
        CHECK(core::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    }
}

} // namespace unit_core_csv
