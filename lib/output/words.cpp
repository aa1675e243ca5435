// The state words of obligations, follow-ups, complaints and reminders, marked for the catalog.
#include "output/words.hpp"

namespace keqing::output {
namespace {

// The states lib/occasions and lib/followups spell (their to_string and display), here so xgettext finds
// them.
[[maybe_unused]] constexpr const char* kStateWords[] = {
    N_("open"),     N_("due"),    N_("overdue"),   N_("done"),      N_("dropped"),
    N_("upcoming"), N_("missed"), N_("done late"), N_("done_late"), N_("in_progress"),
};

} // namespace

std::string state_word(std::string_view state) {
    const std::string key(state);
    return core::tr(key.c_str());
}

} // namespace keqing::output
