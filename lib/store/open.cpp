// Opening a store by location: a postgresql:// URL opens PostgreSQL, anything else is a SQLite file.
#include "store/pg_db.hpp"
#include "store/pg_store.hpp"
#include "store/store.hpp"

namespace keqing::store {

Result<std::unique_ptr<Store>> open_store(const std::string& location) {
    if (is_postgres_url(location)) return open_postgres(location);
    return open_sqlite(location);
}

} // namespace keqing::store
