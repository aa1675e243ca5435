// BatchWriter: one thread that stores an import's batches in the order they were handed over, and the
// hand-over (a short queue under one mutex) that keeps the caller and that thread off the store together.
#include "contacts/batch_writer.hpp"

#include <exception>

namespace keqing::contacts {

BatchWriter::BatchWriter(store::Store& store) : store_(store), thread_([this] { run(); }) {}

BatchWriter::~BatchWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        waiting_.clear();
    }
    changed_.notify_all();
    thread_.join();
}

BatchWriter::Batch BatchWriter::push(Batch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.size() < kWaiting || error_; });
    if (error_) return {}; // (drain() reports it)
    waiting_.push_back(std::move(batch));
    Batch next;
    if (!spare_.empty()) {
        next = std::move(spare_.back());
        spare_.pop_back();
    }
    lock.unlock();
    changed_.notify_all();
    return next;
}

Result<void> BatchWriter::drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.empty() && !busy_; }); // (a failure empties the queue)
    if (error_) return *error_;
    return {};
}

void BatchWriter::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
        if (waiting_.empty()) return; // stopping, nothing left to store
        Batch batch = std::move(waiting_.front());
        waiting_.pop_front();
        busy_ = true;
        lock.unlock();
        Result<size_t> added = size_t{0};
        try {
            added = store_.add_contacts(batch.contacts);
        } catch (const std::exception& e) {
            added = db_error("internal error while storing contacts: {}; please report it", e.what());
        }
        lock.lock();
        busy_ = false;
        if (added) {
            stored_ += *added;
            batch.contacts.clear();
            batch.lines.clear();
            spare_.push_back(std::move(batch));
        } else if (!error_) {
            error_ = std::move(added).error();
            failed_ = std::move(batch);
            waiting_.clear();
        }
        changed_.notify_all();
    }
}

} // namespace keqing::contacts
