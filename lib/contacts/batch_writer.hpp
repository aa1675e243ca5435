// BatchWriter: an import's batches of contacts stored on a thread of their own, in order, while the caller
// reads and checks the rows that follow (on SQLite the insert is a fifth of an import). The store is the
// writer's from a push() until drain() returns; the caller touches it only in between.
#pragma once

#include "store/store.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace keqing::contacts {

class BatchWriter {
  public:
    // Contacts to store together, each with its line in the file.
    struct Batch {
        std::vector<store::Contact> contacts;
        std::vector<int> lines;
    };

    explicit BatchWriter(store::Store& store);
    // Drops the batches still waiting and waits for the one being stored: the transaction can then be
    // rolled back.
    ~BatchWriter();
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    // Hands a batch over and returns an empty one to fill next — a stored batch's, its memory kept (the
    // allocator is spared freeing on one thread what the other allocated); waits while kWaiting batches
    // wait already. After a batch failed, nothing more is stored (drain() returns the failure).
    Batch push(Batch batch);
    // Waits until every batch handed over is stored or one failed; the caller may use the store until its
    // next push(). The first failure, whose batch failed() then holds.
    Result<void> drain();
    // How many contacts the batches stored (ON CONFLICT DO NOTHING leaves some out); after drain().
    size_t stored() const { return stored_; }
    Batch& failed() { return failed_; }

  private:
    static constexpr size_t kWaiting = 4;
    void run();

    store::Store& store_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> waiting_;
    std::vector<Batch> spare_; // stored batches, emptied
    bool busy_ = false;        // a batch is being stored
    bool stopping_ = false;    // the destructor runs
    std::optional<Error> error_;
    Batch failed_;
    size_t stored_ = 0;
    std::thread thread_; // (last: it starts once everything above is set)
};

} // namespace keqing::contacts
