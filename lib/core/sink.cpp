// Sink: block-wise writing of large text outputs.
#include "core/sink.hpp"

namespace keqing::core {

void Sink::flush() {
    if (!out_ || text_.empty()) return;
    out_->write(text_);
    text_.clear();
}

std::string Sink::take() {
    std::string out;
    out.swap(text_);
    return out;
}

} // namespace keqing::core
