// Digest and calendar renderings; the ICS writer escapes text and folds lines at 75 octets.
#include "output/remind_view.hpp"
#include "output/ics.hpp"

#include "core/csv.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "output/english.hpp"
#include "output/quota_view.hpp"
#include "output/table.hpp"
#include "output/words.hpp"

#include "core/i18n.hpp"

#include <algorithm>

namespace keqing::output {
namespace {

std::string who(const remind::Digest& d) {
    return d.rep_name.empty() ? fit_name(d.rep)
                              : fmt::format("{} ({})", fit_name(d.rep), fit_name(d.rep_name));
}

std::string item_line(const remind::Item& i) {
    std::string line = core::trf("[{}] by {}", i.rule.empty() ? "-" : i.rule, i.due.iso());
    if (!i.customer_code.empty())
        line += fmt::format(" · {} {}", fit_name(i.customer_code), fit_name(i.customer_name));
    if (!i.person.empty() && i.kind == remind::Item::Kind::obligation) line += " · " + fit_name(i.person);
    line += " — " + core::printable(i.what);
    return i.planned ? line + " (" + planned_label(*i.planned) + ")" : line;
}

std::string hint_line(const remind::Item& i) {
    std::string out;
    if (!i.hint.empty())
        out += fmt::format("{} {}型: {}", fit_name(i.person), fit_name(i.personality), i.hint);
    if (!i.preferences.empty())
        out +=
            core::trf("{}likes: {}", out.empty() ? fit_name(i.person) + " " : "; ", fit_text(i.preferences));
    return out;
}

std::string digest_text(const remind::Digest& d, bool color, bool markdown) {
    auto painted = [color](std::string text, Tone tone) { return color ? paint(text, tone) : text; };
    // "Subject:" is the mail header a mailer reads (remind | sendmail): never translated.
    std::string out = markdown ? "# " + digest_subject(d) + "\n\n" : "Subject: " + digest_subject(d) + "\n\n";
    if (d.items.empty())
        return out + core::trf("Nothing due for {} in the next {} days.", who(d), d.days) + "\n";
    out += core::trf("Due and overdue for {}{}, as of {}, looking {} days ahead (most urgent first):", who(d),
                     d.team.empty() ? "" : " · " + fit_name(d.team), d.as_of.iso(), d.days) +
           "\n\n";
    int n = 0;
    for (const auto& i : d.items) {
        const std::string state =
            i.state == remind::Item::State::overdue ? painted(core::tr("OVERDUE"), Tone::bad)
            : i.state == remind::Item::State::due
                ? painted(i.due == d.as_of ? core::tr("DUE TODAY") : core::tr("DUE"), Tone::warn)
                : state_word(remind::to_string(i.state));
        out += markdown ? fmt::format("{}. **{}** {}\n", ++n, state, item_line(i))
                        : fmt::format("{:>2}. {} {}\n", ++n, state, item_line(i));
        if (const std::string h = hint_line(i); !h.empty())
            out += fmt::format("    {}{}\n", markdown ? "- " : "", h);
        if (!i.command.empty())
            out += fmt::format("    {}{}\n", markdown ? "- " : "",
                               core::trf("if so, record it (with its own day): {}", i.command));
    }
    return out;
}

// One digest as an element of the JSON array `j` is writing.
void write_json(core::JsonWriter& j, const remind::Digest& d) {
    j.begin_object().key("rep").value(d.rep).key("name").value(d.rep_name).key("team").value(d.team);
    j.key("as_of").value(d.as_of.iso()).key("days").value(d.days).key("items").begin_array();
    for (const auto& i : d.items) {
        const char* kind = i.kind == remind::Item::Kind::obligation ? "obligation"
                           : i.kind == remind::Item::Kind::pace     ? "pace"
                           : i.kind == remind::Item::Kind::deadline ? "deadline"
                           : i.kind == remind::Item::Kind::followup ? "followup"
                           : i.kind == remind::Item::Kind::gaps     ? "gaps"
                           : i.kind == remind::Item::Kind::proposal ? "proposal"
                                                                    : "goal";
        j.begin_object().key("uid").value(i.uid).key("kind").value(kind).key("rule").value(i.rule);
        j.key("state")
            .value(remind::to_string(i.state))
            .key("starts")
            .value(i.starts.iso())
            .key("due")
            .value(i.due.iso());
        j.key("customer").value_or_null(i.customer_code).key("customer_name").value_or_null(i.customer_name);
        j.key("what").value(i.what_en).key("person").value_or_null(i.person);
        i.planned ? j.key("planned").value(i.planned->iso()) : j.key("planned").null();
        if (i.kind == remind::Item::Kind::obligation) {
            j.key("tag").value(i.tag).key("actions").begin_array();
            for (const auto& a : i.actions)
                j.value(a);
            j.end_array();
        }
        if (i.kind == remind::Item::Kind::followup) j.key("followup").value(i.followup);
        if (i.kind == remind::Item::Kind::proposal) j.key("command").value(i.command);
        if (!i.channel.empty()) {
            j.key("channel").value(i.channel).key("owed").value(i.owed);
            j.key("required").value(i.required).key("done").value(i.done);
        }
        j.key("personality").value_or_null(i.personality).key("hint").value_or_null(i.hint);
        j.key("preferences").value_or_null(i.preferences).end_object();
    }
    j.end_array().end_object();
}

} // namespace

std::string ics_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

// Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1).
std::string ics_fold(const std::string& line) {
    std::string out;
    size_t width = 0;
    for (size_t i = 0; i < line.size();) {
        size_t len = 1;
        const auto b = static_cast<unsigned char>(line[i]);
        if (b >= 0xF0)
            len = 4;
        else if (b >= 0xE0)
            len = 3;
        else if (b >= 0xC0)
            len = 2;
        if (width + len > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line, i, len);
        width += len;
        i += len;
    }
    return out + "\r\n";
}

std::string ics_date(core::Date d) {
    std::string iso = d.iso();
    iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
    return iso;
}

namespace {

constexpr std::string_view kCalendarHead =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//keqing//remind//ZH\r\nCALSCALE:GREGORIAN\r\n";
constexpr std::string_view kCalendarEnd = "END:VCALENDAR\r\n";

// One digest's items as calendar events, appended to `out`.
void append_ics(std::string& out, const remind::Digest& d) {
    for (const auto& i : d.items) {
        out += "BEGIN:VEVENT\r\n";
        out += ics_fold("UID:" + i.uid + "-" + d.rep + "@keqing");
        out += ics_fold("DTSTAMP:" + ics_date(d.as_of) + "T000000Z");
        out += ics_fold("DTSTART;VALUE=DATE:" + ics_date(i.due));
        out += ics_fold("DTEND;VALUE=DATE:" + ics_date(i.due.plus_days(1)));
        std::string summary =
            (i.customer_code.empty() ? "" : i.customer_code + " " + i.customer_name + ": ") + i.what;
        out += ics_fold("SUMMARY:" + ics_escape(summary));
        std::string description =
            fmt::format("{} · {} · {}", i.rule, state_word(remind::to_string(i.state)), item_line(i));
        if (const std::string h = hint_line(i); !h.empty()) description += "\n" + h;
        out += ics_fold("DESCRIPTION:" + ics_escape(description));
        out += ics_fold("CATEGORIES:" + ics_escape(i.rule.empty() ? "keqing" : i.rule));
        out += "END:VEVENT\r\n";
    }
}

} // namespace

std::string digest_subject(const remind::Digest& d) {
    const auto overdue = std::count_if(d.items.begin(), d.items.end(), [](const remind::Item& i) {
        return i.state == remind::Item::State::overdue;
    });
    return core::trnf("keqing: {} reminder{} for {}, {}", "keqing: {} reminders{} for {}, {}", d.items.size(),
                      d.items.size(), overdue ? core::trf(" ({} overdue)", overdue) : "", who(d),
                      d.as_of.iso());
}

std::string render_digest(const remind::Digest& digest, RemindFormat format, bool color) {
    return render_digests({digest}, format, color);
}

std::string render_digests(const std::vector<remind::Digest>& digests, RemindFormat format, bool color) {
    DigestStream stream(nullptr, format, color);
    for (const remind::Digest& d : digests)
        stream.add(d);
    return stream.finish();
}

DigestStream::DigestStream(core::Output* out, RemindFormat format, bool color)
    : format_(format), color_(color), text_(out), json_(out) {
    if (format_ == RemindFormat::json) {
        const InEnglish english; // the same JSON whatever the reader's language
        json_.begin_array();
    }
    if (format_ == RemindFormat::ics) text_ << kCalendarHead;
}

void DigestStream::add(const remind::Digest& digest) {
    if (format_ == RemindFormat::json) {
        const InEnglish english;
        write_json(json_, digest);
    } else if (format_ == RemindFormat::ics) {
        append_ics(text_.text(), digest);
        text_.spill();
    } else {
        if (count_ > 0)
            text_ << (format_ == RemindFormat::markdown ? "\n---\n\n" : "\n" + std::string(72, '-') + "\n\n");
        text_ << digest_text(digest, color_, format_ == RemindFormat::markdown);
    }
    ++count_;
}

std::string DigestStream::finish() {
    if (format_ == RemindFormat::json) {
        const InEnglish english;
        json_.end_array();
        return json_.str();
    }
    if (format_ == RemindFormat::ics) text_ << kCalendarEnd;
    return text_.take();
}

std::string render_calendar(const std::vector<occasions::DatedOccasion>& days, CalendarFormat format) {
    if (format == CalendarFormat::csv) {
        std::string out = "date,occasion,name\n";
        for (const auto& d : days)
            out += fmt::format("{},{},{}\n", d.date.iso(), d.id, core::csv_field(d.name));
        return out;
    }
    if (format == CalendarFormat::json) {
        core::JsonWriter j;
        j.begin_array();
        for (const auto& d : days)
            j.begin_object()
                .key("date")
                .value(d.date.iso())
                .key("occasion")
                .value(d.id)
                .key("name")
                .value(d.name)
                .key("calendar")
                .value(d.calendar)
                .end_object();
        j.end_array();
        return std::move(j).str();
    }
    Table t;
    t.column(core::tr("DATE"))
        .column(core::tr("OCCASION"))
        .column(core::tr("NAME"))
        .column(core::tr("CALENDAR"));
    for (const auto& d : days)
        t.row({d.date.iso(), d.id, d.name, d.calendar});
    return t.render();
}

} // namespace keqing::output
