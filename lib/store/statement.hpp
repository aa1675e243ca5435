// What both statement types (SQLite's Stmt, PostgreSQL's PgStmt) offer over what each implements — the
// bind() overloads over bind_text, bind_number and bind_null, and run() over step() —, and the text of an id
// list bound as one parameter.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::store {

// Statements are moved, never copied or assigned.
template <class S> class StatementBase {
  public:
    StatementBase() = default;
    StatementBase(StatementBase&&) noexcept = default;
    StatementBase(const StatementBase&) = delete;
    StatementBase& operator=(const StatementBase&) = delete;
    StatementBase& operator=(StatementBase&&) = delete;
    S& bind(int index, std::string_view text) { return self().bind_text(index, text); }
    S& bind(int index, const std::string& text) { return self().bind_text(index, text); }
    S& bind(int index, const char* text) { return self().bind_text(index, text); }
    S& bind(int index, int64_t number) { return self().bind_number(index, number); }
    S& bind(int index, int number) { return self().bind_number(index, number); }
    S& bind(int index, bool flag) { return self().bind_number(index, flag); }
    S& bind(int index, const std::optional<std::string>& text) {
        return text ? self().bind_text(index, *text) : self().bind_null(index);
    }
    // Binds a text that outlives the statement's run (it stays where it is until the statement is reset,
    // when it goes away): SQLite reads it in place instead of copying it; PostgreSQL copies it as ever.
    S& bind_kept(int index, const std::string& text) { return self().bind_text_kept(index, text); }

    // Runs a statement that returns no rows (or whose rows are not needed).
    Result<void> run() {
        KQ_TRY([[maybe_unused]] bool row, self().step());
        return {};
    }

  private:
    S& self() { return static_cast<S&>(*this); }
};

// A connection (SqliteDb, PgDb) owns its handle and statements: never copied.
class Connection {
  public:
    Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
};

// "1,5,9": the ids of a list literal bound as one parameter (the dialect's id_list adds the brackets).
inline std::string joined(const std::vector<int64_t>& ids) {
    std::string out;
    for (const int64_t id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

} // namespace keqing::store
