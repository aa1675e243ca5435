// The system's reasons in the reader's language (see reasons.hpp): the common errno values' texts as glibc
// spells them, marked for the catalog, so English output is the same as strerror's.
#include "core/reasons.hpp"

#include "core/i18n.hpp"

#include <cerrno>
#include <cstring>
#include <string>

namespace keqing::core {
namespace {

struct Known {
    int error_number;
    const char* text; // glibc's strerror text
};

constexpr Known kKnown[] = {
    {ENOENT, N_("No such file or directory")},
    {EACCES, N_("Permission denied")},
    {EPERM, N_("Operation not permitted")},
    {EISDIR, N_("Is a directory")},
    {ENOTDIR, N_("Not a directory")},
    {ENOSPC, N_("No space left on device")},
    {EDQUOT, N_("Disk quota exceeded")},
    {EROFS, N_("Read-only file system")},
    {EEXIST, N_("File exists")},
    {EIO, N_("Input/output error")},
    {ENAMETOOLONG, N_("File name too long")},
    {ELOOP, N_("Too many levels of symbolic links")},
    {EMFILE, N_("Too many open files")},
    {ENFILE, N_("Too many open files in system")},
    {ENOTEMPTY, N_("Directory not empty")},
    {EBUSY, N_("Device or resource busy")},
    {ETXTBSY, N_("Text file busy")},
    {EFBIG, N_("File too large")},
    {EPIPE, N_("Broken pipe")},
    {ENOMEM, N_("Cannot allocate memory")},
    {EINVAL, N_("Invalid argument")},
    {EXDEV, N_("Invalid cross-device link")},
    {ENXIO, N_("No such device or address")},
    {ENODEV, N_("No such device")},
    {ECONNREFUSED, N_("Connection refused")},
    {ETIMEDOUT, N_("Connection timed out")},
};

} // namespace

const char* reason(int error_number) {
    for (const Known& k : kKnown)
        if (k.error_number == error_number) return tr(k.text);
    return std::strerror(error_number);
}

std::string reason(const std::error_code& error) {
    if (error.category() == std::system_category() || error.category() == std::generic_category())
        return reason(error.value());
    return error.message();
}

} // namespace keqing::core
