// Private folders and files that replace their target whole (temporary file, fsync, rename).
#include "core/files.hpp"

#include "core/reasons.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace keqing::core {

// mkdir's mode is cut by the umask (which can only remove bits), so each folder made here is then set to
// exactly 0700.
int create_private_folders(const std::filesystem::path& dir) {
    std::filesystem::path prefix;
    for (const std::filesystem::path& part : dir) {
        prefix /= part;
        struct stat st {};
        if (::stat(prefix.c_str(), &st) == 0) continue;
        if (errno != ENOENT) return errno;
        if (::mkdir(prefix.c_str(), 0700) != 0) {
            if (errno == EEXIST) continue; // another process made it meanwhile: not ours to change
            return errno;
        }
        if (::chmod(prefix.c_str(), 0700) != 0) return errno;
    }
    return 0;
}

namespace {

// The file a path names once symbolic links are followed, so that replacing it keeps the link; the path
// itself when it names nothing yet (or a dangling link).
std::filesystem::path resolved(const std::filesystem::path& path) {
    char real[PATH_MAX];
    if (::realpath(path.c_str(), real)) return real;
    return path;
}

// A fresh temporary file beside `target`: hidden (a leading dot, so `*.txt` globs of a mail script never
// see it) and ending in `.tmp`; the file name is cut short enough to stay within NAME_MAX.
int create_temp(const std::filesystem::path& target, mode_t mode, std::filesystem::path& temp) {
    std::string base = target.filename().string().substr(0, 200);
    for (int attempt = 0; attempt < 100; ++attempt) {
        temp = target.parent_path() /
               ("." + base + "." + std::to_string(::getpid()) + "-" + std::to_string(attempt) + ".tmp");
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

} // namespace

Result<ReplacingFile> ReplacingFile::open(const std::filesystem::path& target, FileMode mode) {
    ReplacingFile f;
    f.target_ = resolved(target);
    struct stat existing {};
    const bool exists = ::stat(f.target_.c_str(), &existing) == 0;
    int fd = -1;
    if (exists && !S_ISREG(existing.st_mode)) {
        // A device, FIFO or socket: written in place (renaming over /dev/null would replace the device).
        fd = ::open(f.target_.c_str(), O_WRONLY | O_CLOEXEC);
    } else if (exists && ::access(f.target_.c_str(), W_OK) != 0) {
        // A file its owner made read-only stays so, as it would under a shell's redirection.
        return Error{Exit::database, reason(errno)};
    } else {
        // The kernel applies the umask to 0666; owner_only is set to exactly 0600 below (the umask may
        // cut bits even from 0600), and a replaced file's own permissions are kept.
        fd = create_temp(f.target_, mode == FileMode::owner_only ? 0600 : 0666, f.temp_);
        const mode_t wanted = mode == FileMode::owner_only ? 0600 : exists ? existing.st_mode & 07777 : 0;
        if (fd >= 0 && wanted != 0 && ::fchmod(fd, wanted) != 0) {
            const int failed = errno;
            ::close(fd);
            ::unlink(f.temp_.c_str());
            return Error{Exit::database, reason(failed)};
        }
    }
    if (fd < 0) return Error{Exit::database, reason(errno)};
    f.file_ = ::fdopen(fd, "wb");
    if (!f.file_) {
        const int failed = errno;
        ::close(fd);
        if (!f.temp_.empty()) ::unlink(f.temp_.c_str());
        return Error{Exit::database, reason(failed)};
    }
    return f;
}

ReplacingFile::ReplacingFile(ReplacingFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), file_(other.file_),
      committed_(other.committed_) {
    other.file_ = nullptr;
    other.temp_.clear();
}

ReplacingFile::~ReplacingFile() {
    if (file_) std::fclose(file_);
    if (!temp_.empty() && !committed_) ::unlink(temp_.c_str());
}

int ReplacingFile::complete() {
    if (!file_) return 0;
    int failed = 0;
    errno = 0;
    if (std::fflush(file_) != 0 || std::ferror(file_)) failed = errno ? errno : EIO;
    // A device or FIFO written in place has nothing to sync (and may refuse: EINVAL).
    if (!failed && !temp_.empty() && ::fsync(::fileno(file_)) != 0) failed = errno;
    if (std::fclose(file_) != 0 && !failed) failed = errno;
    file_ = nullptr;
    return failed;
}

int ReplacingFile::commit() {
    if (file_) {
        if (const int failed = complete()) return failed;
    }
    if (temp_.empty() || committed_) return 0;
    if (::rename(temp_.c_str(), target_.c_str()) != 0) return errno;
    committed_ = true;
    return 0;
}

} // namespace keqing::core
