// Value checks against the limits of limits.hpp, with messages that name the value and the fix.
#include "core/limits.hpp"

#include "core/text.hpp"

namespace keqing::core {

Result<void> check_value(std::string_view value, size_t max, std::string_view what) {
    if (const auto fault = find_text_fault(value))
        return data_error("{} has {}; write it as one line of printable text", what, fault->describe());
    if (const size_t n = count_characters(value); n > max)
        return data_error("{} is {} characters long; at most {} are allowed (README, Limits), shorten it",
                          what, n, max);
    return {};
}

} // namespace keqing::core
