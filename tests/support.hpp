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

} // namespace keqing::test
