// Files keqing writes: private folders (0700 whatever the umask), and files that replace their target
// whole — written under a temporary name in the same folder, flushed to disk and renamed into place — so
// a failed or interrupted write never leaves a partial file or spoils the one that was there.
#pragma once

#include "core/result.hpp"

#include <cstdio>
#include <filesystem>
#include <string>

namespace keqing::core {

// Creates each missing folder of `dir`, outermost first, private to its owner (exactly 0700), and leaves
// the folders that exist as they are. Returns 0, or the errno of the first failure.
int create_private_folders(const std::filesystem::path& dir);

// Permissions of a file keqing writes: `shared` is what a shell redirection makes (0666 less the umask),
// or the replaced file's own mode; `owner_only` is exactly 0600, like the database, whatever the umask.
enum class FileMode { shared, owner_only };

// A file being written to replace `target`. The text goes to a temporary file beside it; complete()
// flushes it to disk and closes it, commit() renames it over the target. Until committed, the target is
// untouched, and the destructor removes the temporary file. A target that exists and is not a regular
// file (a device such as /dev/null or /dev/stdout, a FIFO) is written in place instead, as a shell would.
class ReplacingFile {
  public:
    // Opens the temporary file; an error's message is the system's reason ("No such file or directory").
    static Result<ReplacingFile> open(const std::filesystem::path& target, FileMode mode);
    ReplacingFile(ReplacingFile&& other) noexcept;
    ReplacingFile& operator=(ReplacingFile&&) = delete;
    ReplacingFile(const ReplacingFile&) = delete;
    ~ReplacingFile();

    // The open stream (until complete()).
    std::FILE* stream() const { return file_; }
    const std::filesystem::path& target() const { return target_; }
    // True when the target is written in place (not a regular file).
    bool in_place() const { return temp_.empty(); }
    // Flushes, syncs and closes the temporary file; returns 0 or the errno of the first failure.
    int complete();
    // Renames the completed temporary file over the target; returns 0 or errno.
    int commit();

  private:
    ReplacingFile() = default;
    std::filesystem::path target_, temp_; // temp_ empty: written in place
    std::FILE* file_ = nullptr;
    bool committed_ = false;
};

} // namespace keqing::core
