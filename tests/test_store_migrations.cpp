// Tests for schema upgrades: every fixture tests/fixtures/schema_vN.sql (a database at an earlier or the
// current schema version) opens with the current keqing, migrates to the latest version and keeps every
// row of every table with its values; a fixture must exist for every version.
#include "core/csv.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <vector>

using namespace keqing;
using test::day;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(KEQING_SOURCE_DIR) / "tests" / "fixtures";

// A raw connection for setting up and inspecting files behind the store's back.
struct Raw {
    sqlite3* db = nullptr;
    explicit Raw(const std::string& path) { REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK); }
    ~Raw() { sqlite3_close(db); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    // Each result row as its columns' text ("NULL" for NULL); fails the test on an SQL error.
    std::vector<std::vector<std::string>> rows(const std::string& sql) const {
        sqlite3_stmt* s = nullptr;
        INFO(sql);
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(s) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(s); ++i) {
                const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
                row.emplace_back(sqlite3_column_type(s, i) == SQLITE_NULL ? "NULL" : std::string(t ? t : ""));
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(s);
        return out;
    }
    std::string one(const std::string& sql) const { return rows(sql).at(0).at(0); }
};

// Every user table's columns and its rows (sorted), read by column name.
using Snapshot = std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>>;

std::vector<std::string> table_rows(const Raw& raw, const std::string& table, const std::vector<std::string>& columns) {
    std::string select;
    for (const auto& c : columns) select += (select.empty() ? "" : ", ") + ("[" + c + "]");
    std::vector<std::string> out;
    for (const auto& row : raw.rows(fmt::format("SELECT {} FROM [{}]", select, table))) {
        std::string joined;
        for (size_t i = 0; i < row.size(); ++i) joined += columns[i] + "=" + row[i] + "\x1f";
        out.push_back(joined);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Snapshot snapshot(const Raw& raw) {
    Snapshot snap;
    for (const auto& t : raw.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        std::vector<std::string> columns;
        for (const auto& c : raw.rows(fmt::format("SELECT name FROM pragma_table_info('{}')", t[0])))
            columns.push_back(c[0]);
        snap[t[0]] = {columns, table_rows(raw, t[0], columns)};
    }
    return snap;
}

std::string fixture(int version) { return (kFixtures / fmt::format("schema_v{}.sql", version)).string(); }

} // namespace

TEST_SUITE("store::migrations") {
    TEST_CASE("there is a fixture for every schema version") {
        for (const store::Migration& m : store::migrations()) {
            INFO("add tests/fixtures/schema_v", m.version, ".sql (see tests/fixtures/README.md)");
            CHECK(std::filesystem::exists(fixture(m.version)));
        }
    }

    TEST_CASE("every fixture upgrades to the latest version with nothing lost") {
        const int latest = store::migrations().back().version;
        for (const store::Migration& m : store::migrations()) {
            if (!std::filesystem::exists(fixture(m.version))) continue; // reported by the test above
            CAPTURE(m.version);
            test::TempDir dir;
            const std::string path = (dir.path() / "old.db").string();
            Snapshot before;
            {
                Raw raw(path);
                auto sql = core::read_file(fixture(m.version));
                REQUIRE(sql.ok());
                REQUIRE(sqlite3_exec(raw.db, sql->c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
                REQUIRE(raw.one("PRAGMA user_version") == std::to_string(m.version));
                before = snapshot(raw);
                REQUIRE(before.contains("contacts"));
                REQUIRE_FALSE(before.at("contacts").second.empty());
            }
            {
                auto s = store::open_sqlite(path);
                REQUIRE(s.ok());
                // The upgraded file works through the store: reading history and logging a new contact.
                auto customers = (*s)->list_customers(day("2026-11-20"));
                REQUIRE(customers.ok());
                CHECK(customers->size() == before.at("customers").second.size());
                store::Contact k;
                k.customer_id = customers->front().id;
                k.channel = "call";
                k.date = day("2026-11-20");
                k.rep = customers->front().rep;
                k.logged_at = "2026-11-20T09:00";
                CHECK((*s)->add_contact(k).ok());
            }
            Raw raw(path);
            CHECK(raw.one("PRAGMA user_version") == std::to_string(latest));
            CHECK(raw.one("PRAGMA integrity_check") == "ok");
            CHECK(raw.rows("PRAGMA foreign_key_check").empty());
            for (const auto& [table, content] : before) {
                CAPTURE(table);
                const auto after = table_rows(raw, table, content.first);
                for (const auto& row : content.second) {
                    CAPTURE(row);
                    CHECK(std::binary_search(after.begin(), after.end(), row));
                }
            }
        }
    }
}
