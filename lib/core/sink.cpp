// Sink: block-wise writing of large text outputs.
#include "core/sink.hpp"

namespace keqing::core {

void Sink::flush() {
    if (!file_ || text_.empty()) return;
    if (std::fwrite(text_.data(), 1, text_.size(), file_) != text_.size()) failed_ = true;
    text_.clear();
}

std::string Sink::take() {
    std::string out;
    out.swap(text_);
    return out;
}

} // namespace keqing::core
