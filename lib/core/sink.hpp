// Text output written out in blocks as it grows — to an Output (standard output or a file), or kept in
// memory without one — so that a national-scale table, report or JSON document never sits whole in memory.
#pragma once

#include "core/output.hpp"

#include <string>
#include <string_view>

namespace keqing::core {

class Sink {
  public:
    explicit Sink(Output* out = nullptr) : out_(out) {}
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;
    // Writes out what is left (with an output).
    ~Sink() { flush(); }

    Sink& operator<<(std::string_view text) {
        text_ += text;
        spill();
        return *this;
    }
    // The buffer, for appending in place; call spill() after.
    std::string& text() { return text_; }
    // Writes the buffer out once a block has gathered (with an output).
    void spill() {
        if (out_ && text_.size() >= kBlock) flush();
    }
    // Writes out everything buffered (with an output; a failed write is kept there, see Output::finish).
    void flush();
    // Without an output, the whole text; with one, what has not been written yet (and is no longer held).
    std::string take();
    // True when a write to the output failed (disk full, I/O error).
    bool failed() const { return out_ && out_->failed(); }

  private:
    static constexpr size_t kBlock = size_t{1} << 20;
    Output* out_;
    std::string text_;
};

} // namespace keqing::core
