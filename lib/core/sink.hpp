// Text output written out in blocks as it grows — to a file, or kept in memory without one — so that a
// national-scale table, report or JSON document never sits whole in memory.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace keqing::core {

class Sink {
  public:
    explicit Sink(std::FILE* file = nullptr) : file_(file) {}
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;
    // Writes out what is left (with a file).
    ~Sink() { flush(); }

    Sink& operator<<(std::string_view text) {
        text_ += text;
        spill();
        return *this;
    }
    // The buffer, for appending in place; call spill() after.
    std::string& text() { return text_; }
    // Writes the buffer out once a block has gathered (with a file).
    void spill() {
        if (file_ && text_.size() >= kBlock) flush();
    }
    // Writes out everything buffered (with a file).
    void flush();
    // Without a file, the whole text; with one, what has not been written yet (and is no longer held).
    std::string take();
    // True when a write to the file failed (disk full, closed pipe).
    bool failed() const { return failed_; }

  private:
    static constexpr size_t kBlock = size_t{1} << 20;
    std::FILE* file_;
    std::string text_;
    bool failed_ = false;
};

} // namespace keqing::core
