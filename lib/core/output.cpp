// Output: standard output or a replacing file, with the first write failure kept and reported once.
#include "core/output.hpp"

#include "core/reasons.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace keqing::core {
namespace {

// `line` without its colour sequences (ESC [ … m), and where each one was in what is left.
std::string strip_colors(std::string_view line, std::vector<std::pair<size_t, std::string_view>>& colors) {
    std::string bare;
    for (size_t i = 0; i < line.size(); ++i) {
        const size_t end = line[i] == '\033' ? line.find('m', i) : std::string_view::npos;
        if (end == std::string_view::npos) {
            bare += line[i];
            continue;
        }
        colors.emplace_back(bare.size(), line.substr(i, end + 1 - i));
        i = end;
    }
    return bare;
}

// `folded` (a fold of `bare`: line feeds and indentation added, spaces dropped at breaks) with `colors`
// put back where they were in `bare`; the fold without them when the two do not line up.
std::string put_colors_back(const std::string& folded, const std::string& bare,
                            const std::vector<std::pair<size_t, std::string_view>>& colors) {
    std::string out;
    size_t b = 0, k = 0;
    bool indenting = false;
    for (size_t f = 0; f < folded.size();) {
        for (; k < colors.size() && colors[k].first <= b; ++k)
            out += colors[k].second;
        if (indenting && folded[f] == ' ') {
            out += folded[f++];
        } else if (b < bare.size() && folded[f] == bare[b]) {
            indenting = false;
            out += folded[f++];
            ++b;
        } else if (folded[f] == '\n') {
            indenting = true;
            out += folded[f++];
            while (b < bare.size() && bare[b] == ' ')
                ++b;
        } else if (b < bare.size() && bare[b] == ' ') {
            ++b;
        } else {
            return folded;
        }
    }
    for (; k < colors.size(); ++k)
        out += colors[k].second;
    return out;
}

std::string fold_plain_line(std::string_view line, int columns);

// `line` (without its line feed) within `columns`: as it is, or wrapped with its continuation lines
// indented two columns past its own indentation; colour sequences take no room and are kept.
std::string fold_line(std::string_view line, int columns) {
    if (line.find('\033') == std::string_view::npos) return fold_plain_line(line, columns);
    std::vector<std::pair<size_t, std::string_view>> colors;
    const std::string bare = strip_colors(line, colors);
    if (display_width(bare) <= columns) return std::string(line);
    return put_colors_back(fold_plain_line(bare, columns), bare, colors);
}

std::string fold_plain_line(std::string_view line, int columns) {
    if (display_width(line) <= columns) return std::string(line);
    const size_t body = std::min(line.find_first_not_of(' '), line.size());
    const int indent = std::min(static_cast<int>(body), columns / 3);
    std::string out(static_cast<size_t>(indent), ' ');
    const std::vector<std::string> parts = wrap(line.substr(body), columns - indent - 2);
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out.append("\n").append(static_cast<size_t>(indent + 2), ' ');
        out += parts[i];
    }
    return out;
}

} // namespace

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

void Output::fold_at(int columns) {
    fold_columns_ = columns;
}

void Output::write(std::string_view text) {
    if (fold_columns_ > 0 && !text.empty()) { // whole lines folded; the last unfinished one waits
        pending_ += text;
        const size_t end = pending_.rfind('\n');
        if (end == std::string::npos) return;
        std::string folded;
        for (size_t at = 0; at <= end;) {
            const size_t eol = pending_.find('\n', at);
            folded += fold_line(std::string_view(pending_).substr(at, eol - at), fold_columns_);
            folded += '\n';
            at = eol + 1;
        }
        pending_.erase(0, end + 1);
        write_raw(folded);
        return;
    }
    write_raw(text);
}

void Output::page_through(std::function<bool(std::string_view)> pager) {
    pager_ = std::move(pager);
}

void Output::write_raw(std::string_view text) {
    if (pager_) {
        held_ += text;
        return;
    }
    if (text.empty() || error_ != 0 || reader_gone_) return;
    if (refused_ != 0) {
        error_ = refused_;
        return;
    }
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size()) note(errno != 0 ? errno : EIO);
}

Result<void> Output::finish() {
    if (!pending_.empty()) {
        const std::string last = fold_columns_ > 0 ? fold_line(pending_, fold_columns_) : pending_;
        pending_.clear();
        write_raw(last);
    }
    if (pager_) {
        const std::string held = std::move(held_);
        held_.clear();
        const bool paged = pager_(held);
        pager_ = nullptr;
        if (!paged) write_raw(held);
    }
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
    const char* why = reason(error_);
    if (!file_)
        return db_error(
            "cannot write to {}: {}; the command itself completed, but its output is incomplete; free "
            "space where it goes or send it elsewhere",
            name_, why);
    if (file_->in_place())
        return db_error("{}: cannot write: {}; free space or choose another path", name_, why);
    return db_error("{}: cannot write: {}; the file was left as it was; free space or choose another path",
                    name_, why);
}

} // namespace keqing::core
