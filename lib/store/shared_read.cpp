// SharedRead: pairs of reads on one snapshot, side by side on two threads when the store could open a
// twin connection, else in turn on the one connection.
#include "store/store.hpp"

#include <thread>

namespace keqing::store {

SharedRead::~SharedRead() {
    if (!begun_) return;
    if (twin_) twin_->end_read();
    store_.end_read();
}

Result<void> SharedRead::begin() {
    KQ_TRY(twin_, store_.begin_shared_read());
    begun_ = true;
    return {};
}

Result<void> SharedRead::run(const std::function<Result<void>(Store&)>& here,
                             const std::function<Result<void>(Store&)>& there) {
    if (!twin_) {
        KQ_CHECK(here(store_));
        return there(store_);
    }
    Result<void> theirs;
    std::thread other([&] {
        try {
            theirs = there(*twin_);
        } catch (const std::exception& e) {
            theirs = db_error("internal error while reading: {}; please report it", e.what());
        }
    });
    Result<void> mine;
    try {
        mine = here(store_);
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    return !mine ? mine : theirs;
}

} // namespace keqing::store
