// Test support: a fresh temporary folder per test and a store opened inside it.
#pragma once

#include "store/store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace keqing::test {

// A unique temporary folder, removed when the object goes away.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Writes `text` to a file in the folder and returns its path.
    std::string write(const std::string& name, const std::string& text) const;

  private:
    std::filesystem::path path_;
};

// A temporary SQLite store with reps wang (team east) and li (team west).
struct StoreFixture {
    TempDir dir;
    std::unique_ptr<store::Store> store;
    StoreFixture();
};

// Shorthand for a parsed date; fails the test on a bad literal.
core::Date day(const char* iso);

// Adds a customer (named 药房<code> unless `name` is given) and returns its id; fails the test if refused.
int64_t add_customer(store::Store& store, const char* code, const char* tier, const char* rep,
                     std::optional<core::Date> opened = {}, std::optional<core::Date> closed = {},
                     const char* name = nullptr);

// Records a life event of `kind` on `date` at the customer and returns its tag ("event:<id>").
std::string add_event(store::Store& store, int64_t customer_id, const char* kind, const char* date);

} // namespace keqing::test
