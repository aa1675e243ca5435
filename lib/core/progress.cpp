// The progress line of imports on standard error: shown after a threshold, redrawn with \r, cleared.
#include "core/progress.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace keqing::core {
namespace {

bool progress_on = false;
std::chrono::milliseconds progress_after{1000};

} // namespace

void set_progress(bool on, std::chrono::milliseconds after) {
    progress_on = on;
    progress_after = after;
}

Progress::Progress(int64_t total)
    : total_(total), on_(progress_on), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r%s\r", std::string(width_, ' ').c_str());
    std::fflush(stderr);
}

void Progress::tick(int64_t done) {
    if (!on_ || (++calls_ & 255u) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < progress_after) return;
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    draw(done);
}

void Progress::draw(int64_t done) {
    const std::string line = total_ > 0 ? trf("imported {} of {} rows", done, std::max(total_, done))
                                        : trf("imported {} rows", done);
    const size_t width = line.size();
    std::fprintf(stderr, "\r%s%s", line.c_str(),
                 std::string(width_ > width ? width_ - width : 0, ' ').c_str());
    std::fflush(stderr);
    width_ = std::max(width_, width);
    drawn_ = true;
}

int64_t csv_rows_about(const std::string_view& text) {
    const int64_t lines = static_cast<int64_t>(std::count(text.begin(), text.end(), '\n')) +
                          (!text.empty() && text.back() != '\n' ? 1 : 0);
    return std::max<int64_t>(0, lines - 1);
}

} // namespace keqing::core
