// The bind() overloads both statement types (SQLite's Stmt, PostgreSQL's PgStmt) offer, over the three each
// implements (bind_text, bind_number and bind_null), and the text of an id list bound as one parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::store {

// Statements are moved, never copied or assigned.
template <class S> class Binds {
  public:
    Binds() = default;
    Binds(Binds&&) noexcept = default;
    Binds(const Binds&) = delete;
    Binds& operator=(const Binds&) = delete;
    Binds& operator=(Binds&&) = delete;
    S& bind(int index, std::string_view text) { return self().bind_text(index, text); }
    S& bind(int index, const std::string& text) { return self().bind_text(index, text); }
    S& bind(int index, const char* text) { return self().bind_text(index, text); }
    S& bind(int index, int64_t number) { return self().bind_number(index, number); }
    S& bind(int index, int number) { return self().bind_number(index, number); }
    S& bind(int index, bool flag) { return self().bind_number(index, flag); }
    S& bind(int index, const std::optional<std::string>& text) {
        return text ? self().bind_text(index, *text) : self().bind_null(index);
    }

  private:
    S& self() { return static_cast<S&>(*this); }
};

// "1,5,9": the ids of a list literal bound as one parameter (the dialect's id_list adds the brackets).
inline std::string joined(const std::vector<int64_t>& ids) {
    std::string out;
    for (const int64_t id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

} // namespace keqing::store
