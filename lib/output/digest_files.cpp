// Digest files for a mailer: written whole, 0600, stale ones removed by the folder's record.
#include "output/digest_files.hpp"

#include "core/files.hpp"
#include "core/i18n.hpp"
#include "core/reasons.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace keqing::output {
namespace {

using Names = std::set<std::string>;

// An open folder, locked while a run changes its files (two cron jobs at once take turns).
class FolderLock {
  public:
    explicit FolderLock(const std::filesystem::path& dir)
        : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    // 0, or the errno of the failure to open or lock the folder.
    int lock() const {
        if (fd_ < 0) return errno;
        return ::flock(fd_, LOCK_EX) == 0 ? 0 : errno;
    }

  private:
    int fd_;
};

// A name the record may hold: a plain file name in the folder, never hidden (the record itself, temporary
// files) and never a path.
bool plain_name(const std::string& name) {
    return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos &&
           name.find('\0') == std::string::npos;
}

// The names in the folder's record (none when there is no record yet).
Result<Names> read_record(const std::filesystem::path& dir, const std::string& where) {
    Names names;
    const int fd = ::open((dir / kDigestRecord).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return names;
        return db_error("{}: cannot read {}: {}; check the folder", where, kDigestRecord,
                        core::reason(errno));
    }
    std::string text;
    char block[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, block, sizeof block)) > 0)
        text.append(block, static_cast<size_t>(n));
    const int failed = n < 0 ? errno : 0;
    ::close(fd);
    if (failed != 0)
        return db_error("{}: cannot read {}: {}; check the folder", where, kDigestRecord,
                        core::reason(failed));
    for (size_t start = 0; start < text.size();) {
        const size_t end = std::min(text.find('\n', start), text.size());
        if (std::string line = text.substr(start, end - start); plain_name(line))
            names.insert(std::move(line));
        start = end + 1;
    }
    return names;
}

// Writes `text` to a new file replacing `dir/name` and completes it (not yet renamed into place).
Result<core::ReplacingFile> write_whole(const std::filesystem::path& dir, const std::string& name,
                                        const std::string& text, const std::string& where) {
    auto file = core::ReplacingFile::open(dir / name, core::FileMode::owner_only);
    if (!file)
        return db_error("{}: cannot create {}: {}; no digest was changed; check the folder", where, name,
                        file.error().message);
    errno = 0;
    int failed =
        std::fwrite(text.data(), 1, text.size(), file->stream()) == text.size() ? 0 : (errno ? errno : EIO);
    if (failed == 0) failed = file->complete();
    if (failed != 0)
        return db_error("{}: cannot write {}: {}; no digest was changed; free space or choose another folder",
                        where, name, core::reason(failed));
    return file;
}

// Replaces the record with `names`.
Result<void> write_record(const std::filesystem::path& dir, const Names& names, const std::string& where) {
    std::string text;
    for (const std::string& name : names)
        text += name + "\n";
    KQ_TRY(core::ReplacingFile record, write_whole(dir, kDigestRecord, text, where));
    if (const int failed = record.commit())
        return db_error("{}: cannot write {}: {}; free space or choose another folder", where, kDigestRecord,
                        core::reason(failed));
    return {};
}

} // namespace

const char* digest_extension(RemindFormat format) {
    switch (format) {
    case RemindFormat::markdown:
        return "md";
    case RemindFormat::json:
        return "json";
    case RemindFormat::ics:
        return "ics";
    case RemindFormat::text:
        break;
    }
    return "txt";
}

Result<DigestFiles> write_rep_files(const std::vector<RepFile>& reps, const std::string& extension,
                                    const std::filesystem::path& dir, bool every_rep) {
    const std::string where = "--output-dir " + dir.string();
    if (const int failed = core::create_private_folders(dir))
        return db_error("{}: cannot create the folder: {}; check the path", where, core::reason(failed));
    FolderLock folder(dir);
    if (const int failed = folder.lock())
        return db_error("{}: cannot open the folder: {}; check the path", where, core::reason(failed));
    KQ_TRY(const Names recorded, read_record(dir, where));

    // Every digest written whole first: a failure here changes nothing in the folder.
    const std::string suffix = "." + extension;
    std::vector<core::ReplacingFile> files;
    Names written, covered;
    for (const RepFile& r : reps) {
        const std::string name = r.rep + suffix;
        covered.insert(name);
        if (r.text.empty()) continue;
        KQ_TRY(core::ReplacingFile file, write_whole(dir, name, r.text, where));
        files.push_back(std::move(file));
        written.insert(name);
    }
    // Stale: recorded files of this format, of reps this run covers, that it did not write again.
    Names stale;
    for (const std::string& name : recorded)
        if (name.ends_with(suffix) && !written.contains(name) && (every_rep || covered.contains(name)))
            stale.insert(name);

    // The record lists every file keqing wrote at each moment, so that an interrupted run still knows them:
    // first the old and new names, then (once the stale ones are gone) those that are left.
    Names listed = recorded;
    listed.insert(written.begin(), written.end());
    if (listed != recorded) KQ_CHECK(write_record(dir, listed, where));
    for (core::ReplacingFile& file : files)
        if (const int failed = file.commit())
            return db_error("{}: cannot write {}: {}; check the folder", where,
                            file.target().filename().string(), core::reason(failed));
    for (const std::string& name : stale) {
        if (::unlink((dir / name).c_str()) != 0 && errno != ENOENT)
            return db_error(
                "{}: cannot remove {} (of an earlier run, nothing for its rep now): {}; check the folder",
                where, name, core::reason(errno));
        listed.erase(name);
    }
    if (!stale.empty()) KQ_CHECK(write_record(dir, listed, where));
    return DigestFiles{static_cast<int>(written.size()), static_cast<int>(stale.size())};
}

Result<DigestFiles> write_digest_files(const std::vector<remind::Digest>& digests, RemindFormat format,
                                       const std::filesystem::path& dir, bool every_rep) {
    std::vector<RepFile> reps;
    for (const remind::Digest& d : digests)
        reps.push_back({d.rep, d.items.empty() ? std::string() : render_digest(d, format, false)});
    return write_rep_files(reps, digest_extension(format), dir, every_rep);
}

std::string describe_written(const DigestFiles& files, const std::filesystem::path& dir, bool plans) {
    const auto n = static_cast<unsigned long>(files.written);
    std::string text =
        plans ? core::trnf("wrote {} plan to {}", "wrote {} plans to {}", n, n, dir.string())
              : core::trnf("wrote {} digest to {}", "wrote {} digests to {}", n, n, dir.string());
    if (files.removed > 0)
        text += core::trf("; removed {} of an earlier run (nothing due now)", files.removed);
    return text;
}

} // namespace keqing::output
