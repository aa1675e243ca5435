// remind's outputs: a mail-ready text digest (subject line, then body; color only when asked), markdown,
// JSON, iCalendar (RFC 5545, stable UIDs), and the year's occasion calendar as text, CSV or JSON.
#pragma once

#include "core/json.hpp"
#include "core/sink.hpp"
#include "occasions/calendar_year.hpp"
#include "remind/digest.hpp"

#include <string>
#include <vector>

namespace keqing::output {

enum class RemindFormat { text, markdown, json, ics };

// The subject line of a digest: "keqing: 5 reminders for wang (王强), 2026-11-20".
std::string digest_subject(const remind::Digest& digest);
// One digest in a format; `color` adds ANSI colors to text when output::color() is on.
std::string render_digest(const remind::Digest& digest, RemindFormat format, bool color);
// Several digests in one stream (text and markdown separated by a rule; JSON an array; ICS one calendar).
std::string render_digests(const std::vector<remind::Digest>& digests, RemindFormat format, bool color);

// render_digests one digest at a time, for digests that are built one batch at a time (remind --all): what
// is added is written to `out` in blocks as it grows (kept in memory without one), and the whole is the
// same bytes render_digests gives for the same digests.
class DigestStream {
  public:
    DigestStream(core::Output* out, RemindFormat format, bool color);
    DigestStream(const DigestStream&) = delete;
    DigestStream& operator=(const DigestStream&) = delete;
    // The next digest.
    void add(const remind::Digest& digest);
    // Ends the stream (the JSON array, the calendar) and returns what has not been written out yet.
    std::string finish();
    // Digests added so far.
    size_t count() const { return count_; }

  private:
    RemindFormat format_;
    bool color_;
    size_t count_ = 0;
    core::Sink text_;       // text, markdown, ICS
    core::JsonWriter json_; // JSON
};

enum class CalendarFormat { text, csv, json };
// `remind --calendar YEAR`: csv is `date,occasion,name` with a header (SPEC §5).
std::string render_calendar(const std::vector<occasions::DatedOccasion>& days, CalendarFormat format);

} // namespace keqing::output
