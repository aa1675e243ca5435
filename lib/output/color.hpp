// Colour for people at a terminal: the process's choice (--color auto|always|never, NO_COLOR, TERM=dumb,
// set once by apps/common) and the tone each status is drawn in. Tables colour their status cells
// (Table::tone); remind's text its states. JSON, CSV, ICS, HTML and files never carry colour.
#pragma once

#include "compliance/quota.hpp"
#include "followups/followups.hpp"
#include "occasions/obligations.hpp"

#include <string>
#include <string_view>

namespace keqing::output {

// What a status says to the eye: none (as it is), good (green), warn (yellow), bad (red).
enum class Tone : unsigned char { none, good, warn, bad };

// Whether standard output gets colour; off until the executable turns it on.
void set_color(bool on);
bool color();

// `text` wrapped in the tone's ANSI colour and a reset when colour is on and the tone is not none;
// else `text` as it is.
std::string paint(std::string_view text, Tone tone);
// The escape sequence that starts a tone ("" without colour or for none), and the one that ends it.
std::string_view tone_start(Tone tone);
std::string_view tone_end(Tone tone);

// met good, on_track none, behind warn, missed bad.
Tone tone_of(compliance::Status status);
// done good, done_late and open warn, overdue and missed bad, upcoming none.
Tone tone_of(occasions::State state);
// done good, due warn, overdue bad, open and dropped none.
Tone tone_of(followups::State state);

// The choice of --color: `always`, `never`, or `auto` — on when standard output is a terminal, NO_COLOR
// is unset or empty, and TERM is not `dumb` (the executables pass these in).
enum class ColorWhen { automatic, always, never };
bool color_wanted(ColorWhen when, bool stdout_is_terminal, const char* no_color, const char* term);

} // namespace keqing::output
