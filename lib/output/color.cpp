// The process's colour switch, the ANSI sequences of the tones, and the tone of each kind of status.
#include "output/color.hpp"

#include <string_view>

namespace keqing::output {
namespace {

bool color_on = false;

} // namespace

void set_color(bool on) {
    color_on = on;
}

bool color() {
    return color_on;
}

std::string_view tone_start(Tone tone) {
    if (!color_on) return "";
    switch (tone) {
    case Tone::good:
        return "\033[32m";
    case Tone::warn:
        return "\033[33m";
    case Tone::bad:
        return "\033[31m";
    case Tone::none:
        break;
    }
    return "";
}

std::string_view tone_end(Tone tone) {
    return color_on && tone != Tone::none ? "\033[0m" : "";
}

std::string paint(std::string_view text, Tone tone) {
    std::string out(tone_start(tone));
    out += text;
    out += tone_end(tone);
    return out;
}

Tone tone_of(compliance::Status status) {
    switch (status) {
    case compliance::Status::met:
        return Tone::good;
    case compliance::Status::on_track:
        return Tone::none;
    case compliance::Status::behind:
        return Tone::warn;
    case compliance::Status::missed:
        return Tone::bad;
    }
    return Tone::none;
}

Tone tone_of(occasions::State state) {
    switch (state) {
    case occasions::State::done:
        return Tone::good;
    case occasions::State::done_late:
    case occasions::State::open:
        return Tone::warn;
    case occasions::State::overdue:
    case occasions::State::missed:
        return Tone::bad;
    case occasions::State::upcoming:
        break;
    }
    return Tone::none;
}

Tone tone_of(followups::State state) {
    switch (state) {
    case followups::State::done:
        return Tone::good;
    case followups::State::due:
        return Tone::warn;
    case followups::State::overdue:
        return Tone::bad;
    case followups::State::open:
    case followups::State::in_progress:
    case followups::State::dropped:
        break;
    }
    return Tone::none;
}

bool color_wanted(ColorWhen when, bool stdout_is_terminal, const char* no_color, const char* term) {
    if (when != ColorWhen::automatic) return when == ColorWhen::always;
    if (!stdout_is_terminal) return false;
    if (no_color && *no_color) return false;
    return !(term && std::string_view(term) == "dumb");
}

} // namespace keqing::output
