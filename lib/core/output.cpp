// Output: standard output or a replacing file, with the first write failure kept and reported once.
#include "core/output.hpp"

#include <cerrno>
#include <cstring>

namespace keqing::core {

Output& Output::standard() {
    static Output out(stdout, "standard output");
    return out;
}

Result<Output> Output::to_file(const std::filesystem::path& path, std::string_view option, FileMode mode) {
    auto file = ReplacingFile::open(path, mode);
    if (!file)
        return db_error("{} {}: cannot create the file: {}; check the path", option, path.string(),
                        file.error().message);
    std::FILE* stream = file->stream();
    return Output(stream, fmt::format("{} {}", option, path.string()), std::move(*file));
}

void Output::note(int error) {
    if (error == 0) return;
    if (error == EPIPE)
        reader_gone_ = true;
    else if (error_ == 0)
        error_ = error;
}

void Output::write(std::string_view text) {
    if (text.empty() || error_ != 0 || reader_gone_) return;
    if (refused_ != 0) {
        error_ = refused_;
        return;
    }
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size()) note(errno != 0 ? errno : EIO);
}

Result<void> Output::finish() {
    if (error_ == 0) {
        if (file_) {
            note(file_->complete());
            if (error_ == 0 && !reader_gone_) note(file_->commit());
        } else if (!reader_gone_) {
            errno = 0;
            if (std::fflush(stream_) != 0 || std::ferror(stream_)) note(errno != 0 ? errno : EIO);
        }
    }
    if (error_ == 0) return {};
    const char* reason = std::strerror(error_);
    if (!file_)
        return db_error(
            "cannot write to {}: {}; the command itself completed, but its output is incomplete; free "
            "space where it goes or send it elsewhere",
            name_, reason);
    if (file_->in_place())
        return db_error("{}: cannot write: {}; free space or choose another path", name_, reason);
    return db_error("{}: cannot write: {}; the file was left as it was; free space or choose another path",
                    name_, reason);
}

} // namespace keqing::core
