// Opening a store by location: a postgresql:// URL opens PostgreSQL, anything else is a SQLite file
// (created only when asked).
#include "store/pg_db.hpp"
#include "store/pg_store.hpp"
#include "store/store.hpp"

namespace keqing::store {

Result<std::unique_ptr<Store>> open_store(const std::string& location, Create create) {
    if (is_postgres_url(location)) return open_postgres(location); // a server's database exists or not
    return open_sqlite(location, create);
}

} // namespace keqing::store
