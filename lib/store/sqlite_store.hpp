// The SQLite store: the SQL store (store/sql_store.hpp) over one file, with what only SQLite does —
// refusing a file that is not keqing's, migrating (PRAGMA user_version), and sharing a read's snapshot with
// a second connection. Private to lib/store.
#pragma once

#include "store/sql_store.hpp"
#include "store/sqlite_db.hpp"

#include <string>
#include <vector>

namespace keqing::store {

class SqliteStore final : public SqlStore<SqliteDb> {
  public:
    // Opens `path` (creating a missing or empty file only with Create::yes), refuses a file that is not a
    // keqing database before anything is written into it, and migrates.
    Result<void> open(const std::string& path, Create create,
                      SqliteDb::Memory memory = SqliteDb::Memory::full);
    bool created() const override { return created_; }
    Result<std::unique_ptr<Store>> begin_shared_read() override;
    Result<void> begin_load(size_t rows) override;
    // While a large load into many more contacts is staged, its rows go to a temporary table (end_load()
    // stores them in index order); otherwise as SqlStore's.
    Result<size_t> add_contacts(const std::vector<Contact>& contacts) override;
    Result<size_t> end_load() override;
    void checked_load_next() override { db_.relax_foreign_keys(); }

  private:
    Result<int64_t> schema_version();
    // Refuses a file keqing must not touch: another application's tables, or (without Create::yes) an empty
    // file that would need creating.
    Result<void> check_identity(Create create);
    Result<void> migrate();

    bool created_ = false; // this open set up an empty database
    bool loading_ = false;
    std::vector<std::string> deferred_indexes_; // the CREATE INDEX texts begin_load() dropped
    bool staging_ = false;                      // the load's rows go to temp.keqing_load first
    size_t staged_ = 0;                         // how many since begin_load()
};

} // namespace keqing::store
