// The one interface all persistence goes through (SPEC §6), implemented for SQLite and for PostgreSQL
// (store/sql_store.hpp): three narrower sides joined with transactions. Every method returns a Result;
// SQL never leaves the implementations.
#pragma once

#include "core/result.hpp"
#include "store/contact_store.hpp"
#include "store/followups.hpp"
#include "store/roster_store.hpp"
#include "store/scan_store.hpp"
#include "store/trainings.hpp"
#include "store/types.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace keqing::store {

// Everything stored, behind one connection: the roster, the contacts, the follow-ups and the passes over
// them (store/roster_store.hpp, contact_store.hpp, followups.hpp, scan_store.hpp — a caller that needs one
// side takes that one), with transactions and snapshots over all of them.
class Store : public RosterStore,
              public ContactStore,
              public FollowUpStore,
              public TrainingStore,
              public ScanStore {
  public:
    ~Store() override = default;

    // Transactions: imports and multi-row edits run inside one.
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;

    // Read transactions: every read until end_read() sees the database as it was when the first began
    // (inside a write transaction they change nothing). They nest.
    virtual Result<void> begin_read() = 0;
    virtual void end_read() = 0;
    // Begins a read like begin_read() and, when the backend can, opens a second connection that reads
    // the very same snapshot until it goes away, for reading side by side on another thread; nullptr when
    // none can be had right now (a writer holds the database, a read-only file, a transaction already
    // open): then read everything here.
    virtual Result<std::unique_ptr<Store>> begin_shared_read() = 0;
    // Says that the rest of the write transaction begun last writes contacts and follow-ups only, so that
    // the store may keep what it reads of customers, their histories, people and life events until the
    // transaction ends (PostgreSQL, for a role reading through keqing_api). A roster write ends it anyway.
    virtual void keep_roster_reads() {}
    // Says that the passes over contacts (scan_contacts) of the current read reach back to `from` at the
    // earliest, so that the store may read the contacts of the customers it keeps once, from there, and
    // answer each pass from them (PostgreSQL, for a role reading through keqing_api).
    virtual void expect_contact_scans(core::Date /*from*/) {}

    // What opening found worth a warning (one line each, for stderr), handed over once.
    virtual std::vector<std::string> take_warnings() { return {}; }
    // True when this open made a new database (on SQLite: a missing or empty file set up), so that the
    // command says so once.
    virtual bool created() const { return false; }
};

// Opens the SQLite database at `path` and migrates it. A missing or empty file is created (with its
// folders) only when `create` says so, and is otherwise a database error saying how to create one; a file
// holding another application's tables is refused, never migrated.
Result<std::unique_ptr<Store>> open_sqlite(const std::string& path, Create create = Create::yes);
// Opens the database at `location` — a postgresql:// URL, or a SQLite file (created only as `create`
// says) — and migrates it.
Result<std::unique_ptr<Store>> open_store(const std::string& location, Create create);

// One snapshot read from two connections (Store::begin_shared_read), for pairs of reads side by side on
// two threads — or in turn on the one connection when no twin could be had. The read ends with it.
class SharedRead {
  public:
    explicit SharedRead(Store& store) : store_(store) {}
    SharedRead(const SharedRead&) = delete;
    SharedRead& operator=(const SharedRead&) = delete;
    ~SharedRead();

    // Begins the read; reads run through run() until this goes away.
    Result<void> begin();
    // Runs `here(store)` on this thread and `there(twin)` on a second one; returns the first error.
    Result<void> run(const std::function<Result<void>(Store&)>& here,
                     const std::function<Result<void>(Store&)>& there);
    // True when run() reads on two connections at once (false: in turn on the one, as for a PostgreSQL role
    // that reads through keqing_api).
    bool side_by_side() const { return twin_ != nullptr; }

  private:
    Store& store_;
    std::unique_ptr<Store> twin_;
    bool begun_ = false;
};

// Ends a read begun with Store::begin_read() when it goes out of scope, however the caller returns.
class EndRead {
  public:
    explicit EndRead(Store& store) : store_(store) {}
    EndRead(const EndRead&) = delete;
    EndRead& operator=(const EndRead&) = delete;
    ~EndRead() { store_.end_read(); }

  private:
    Store& store_;
};

// A read that may or may not be begun (one snapshot for a narrower scope, say): begin() begins it, and it
// ends when the scope does, however the caller returns; not begun, it ends nothing.
class ReadScope {
  public:
    explicit ReadScope(Store& store) : store_(store) {}
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;
    ~ReadScope() {
        if (begun_) store_.end_read();
    }
    Result<void> begin() {
        KQ_CHECK(store_.begin_read());
        begun_ = true;
        return {};
    }

  private:
    Store& store_;
    bool begun_ = false;
};

// What a successful transaction ends with: commit, or roll back (dry runs).
enum class Finish { commit, rollback };

// Runs `body` inside a transaction: commits when it succeeds (unless told to roll back), rolls back when
// it fails.
template <class F>
auto in_transaction(Store& store, F&& body, Finish finish = Finish::commit) -> decltype(body()) {
    KQ_CHECK(store.begin());
    auto result = body();
    if (!result || finish == Finish::rollback) {
        store.rollback();
        return result;
    }
    if (auto c = store.commit(); !c) {
        store.rollback();
        return std::move(c).error();
    }
    return result;
}

} // namespace keqing::store
