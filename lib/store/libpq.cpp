// Loading libpq at run time: dlopen by its soname, each function looked up by name, once per process
// (std::call_once: a shared read opens its second connection on another thread).
#include "store/libpq.hpp"

#include <dlfcn.h>

#include <cstring>
#include <mutex>
#include <string>

namespace keqing::store::libpq {
namespace {

Api api;
std::string failure; // empty once loaded
std::once_flag once;

// Looks `name` up in `library` into `function`; false when it is missing.
template <class F> bool look_up(void* library, F& function, const char* name) {
    void* symbol = dlsym(library, name);
    if (!symbol) return false;
    static_assert(sizeof(function) == sizeof(symbol));
    std::memcpy(&function, &symbol, sizeof(function)); // an object pointer to a function pointer, portably
    return true;
}

void load_once() {
    // Lazily bound: libpq brings 22 libraries (OpenSSL, GnuTLS, Kerberos, LDAP…) whose functions most
    // connections never call; binding each on its first call rather than all at load is 1,500 relocations
    // fewer, about 0.2 ms of the 2.5-3.5 ms the load takes (issue 23 target 3). Every function keqing calls
    // is still looked up below, so a libpq that lacks one is refused here.
    void* library = dlopen("libpq.so.5", RTLD_LAZY | RTLD_LOCAL);
    if (!library) {
        const char* why = dlerror();
        failure = why ? why : "libpq.so.5 not found";
        return;
    }
    std::string missing;
#define KEQING_LIBPQ_LOOK_UP(name)                                                                           \
    if (!look_up(library, api.name, #name)) missing += (missing.empty() ? "" : ", ") + std::string(#name);
    KEQING_LIBPQ_FUNCTIONS(KEQING_LIBPQ_LOOK_UP)
#undef KEQING_LIBPQ_LOOK_UP
    failure = missing.empty() ? "" : "libpq.so.5 lacks " + missing;
}

} // namespace

Result<void> load() {
    std::call_once(once, load_once);
    if (!failure.empty())
        return db_error("cannot load PostgreSQL's client library ({}); install the package libpq5, or use a "
                        "SQLite file",
                        failure);
    return {};
}

const Api& pq() {
    return api;
}

} // namespace keqing::store::libpq
