// Where a command's text goes — standard output, or a file that replaces its target whole — and the first
// write that failed, reported with the system's reason as a database-class error (exit 4). A reader that
// went away (EPIPE: `report … | head -1`) is not a failure: what follows is dropped.
#pragma once

#include "core/files.hpp"
#include "core/result.hpp"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace keqing::core {

class Output {
  public:
    // Standard output, one per process; everything a tool prints to stdout goes through it.
    static Output& standard();
    // A file replacing `path` (see ReplacingFile); `option` names it in messages ("--output").
    static Result<Output> to_file(const std::filesystem::path& path, std::string_view option, FileMode mode);
    // Any stream, not owned, named `name` in messages (tests).
    Output(std::FILE* stream, std::string name) : stream_(stream), name_(std::move(name)) {}
    Output(Output&&) = default;

    // Writes `text`; after a failure (or once the reader has gone) it writes nothing more.
    void write(std::string_view text);
    // From now on every line wider than `columns` display columns (0: none) is wrapped, its continuation
    // lines indented: what a terminal of that width shows of text for people (never JSON, CSV or ICS).
    void fold_at(int columns);
    // From now on keeps what is written, and at finish() hands it whole to `pager`, which shows it (true)
    // or declines or fails (false: it is then written as usual) — standard output on a terminal, so that a
    // long table can go through $PAGER and fall back to plain output when the pager fails.
    void page_through(std::function<bool(std::string_view)> pager);
    // True once a write failed (not counting a reader that went away).
    bool failed() const { return error_ != 0; }
    // True once a write found the pipe's reader gone.
    bool reader_gone() const { return reader_gone_; }
    // Writes no more, and reports `error` (an errno) should anything be written: standard output was
    // closed when the tool started.
    void refuse(int error) { refused_ = error; }
    // Gets everything written to its destination — flushes standard output; flushes, syncs and renames a
    // file into place — or says what failed: "standard output: cannot write: No space left on device".
    Result<void> finish();

  private:
    Output(std::FILE* stream, std::string name, std::optional<ReplacingFile> file)
        : stream_(stream), name_(std::move(name)), file_(std::move(file)) {}
    void note(int error);
    void write_raw(std::string_view text);

    std::FILE* stream_;
    std::string name_;
    std::optional<ReplacingFile> file_;
    int error_ = 0, refused_ = 0;
    bool reader_gone_ = false;
    int fold_columns_ = 0;
    std::string pending_; // with fold_at: the line begun and not yet ended
    std::function<bool(std::string_view)> pager_;
    std::string held_; // with page_through: everything written, until finish()
};

} // namespace keqing::core
