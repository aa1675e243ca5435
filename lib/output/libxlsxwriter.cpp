// Loading libxlsxwriter at run time: dlopen by its soname, each function looked up by name, once per
// process (std::call_once, as store/libpq.cpp).
#include "output/libxlsxwriter.hpp"

#include <dlfcn.h>

#include <cstring>
#include <mutex>
#include <string>

namespace keqing::output::libxlsxwriter {
namespace {

Api api;
std::string failure; // empty once loaded
std::once_flag once;

// Looks `name` up in `library` into `function`; false when it is missing.
template <class F> bool find_symbol(void* library, F& function, const char* name) {
    void* symbol = dlsym(library, name);
    if (!symbol) return false;
    static_assert(sizeof(function) == sizeof(symbol));
    std::memcpy(&function, &symbol, sizeof(function)); // an object pointer to a function pointer, portably
    return true;
}

void load_library_once() {
    void* library = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = dlerror();
        failure = why ? why : "libxlsxwriter.so.4 not found";
        return;
    }
    std::string missing;
#define KEQING_XLSXWRITER_LOOK_UP(name)                                                                      \
    if (!find_symbol(library, api.name, #name)) missing += (missing.empty() ? "" : ", ") + std::string(#name);
    KEQING_XLSXWRITER_FUNCTIONS(KEQING_XLSXWRITER_LOOK_UP)
#undef KEQING_XLSXWRITER_LOOK_UP
    failure = missing.empty() ? "" : "libxlsxwriter.so.4 lacks " + missing;
}

} // namespace

Result<void> load() {
    std::call_once(once, load_library_once);
    if (!failure.empty())
        return db_error("cannot load the spreadsheet library ({}); install the package libxlsxwriter4, or "
                        "choose another --format",
                        failure);
    return {};
}

const Api& lxw() {
    return api;
}

} // namespace keqing::output::libxlsxwriter
