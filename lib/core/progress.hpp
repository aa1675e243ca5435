// Progress of a long import for a person watching: "imported 120000 of 1160000 rows" on standard error,
// rewritten in place with a carriage return and cleared at the end — only when the executable turned it on
// (standard error is a terminal) and only once the import has run longer than a threshold (a second).
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace keqing::core {

// Turns progress on (standard error is a terminal) with the time an import runs silent first; off until
// called. KEQING_PROGRESS_AFTER_MS overrides the second for tests (apps/common reads it).
void set_progress(bool on, std::chrono::milliseconds after = std::chrono::seconds(1));

// One import's progress line. tick() is cheap enough for every row: it reads the clock every 256 rows
// and redraws at most ten times a second.
class Progress {
  public:
    // `total`: the rows expected (0 when unknown: "imported N rows").
    explicit Progress(int64_t total);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    // Clears the line when one was drawn.
    ~Progress();
    void tick(int64_t done);

  private:
    void draw(int64_t done);

    int64_t total_;
    bool on_;
    bool drawn_ = false;
    uint32_t calls_ = 0;
    std::chrono::steady_clock::time_point start_, last_;
    size_t width_ = 0; // the last line's length, cleared at the end
};

// Rows a CSV text holds, about: its line feeds, less the header (quoted line feeds count too).
int64_t csv_rows_about(const std::string_view& text);

} // namespace keqing::core
