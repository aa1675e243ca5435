// Quota result rendering in table, JSON (SPEC §5 field names) and CSV.
#include "output/quota_view.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "output/english.hpp"
#include "output/followup_view.hpp"
#include "output/obligation_view.hpp"
#include "output/table.hpp"
#include "output/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <optional>

namespace keqing::output {
namespace {

using compliance::Status;

bool owed(const compliance::CustomerResult& c) {
    return c.status == Status::behind || c.status == Status::missed;
}

// What a customer is short of, into `out`: "visit +2 to pace, call short 1".
void shortfall(std::string& out, const compliance::CustomerResult& c, const rules::Rules& rules) {
    out.clear();
    for (const auto& ch : c.channels) {
        const std::string& id = channel_word(rules.channels[static_cast<size_t>(ch.channel)]);
        if (ch.status == Status::behind)
            out +=
                (out.empty() ? "" : core::tr(", ")) + core::trf("{} +{} to pace", id, ch.expected - ch.done);
        else if (ch.status == Status::missed)
            out += (out.empty() ? "" : core::tr(", ")) + core::trf("{} short {}", id, ch.required - ch.done);
    }
}

// "planned Tue" for a customer with a contact in the plan (check-quota --with-plan), else "".
std::string planned_text(const compliance::Check& check, const std::string& code) {
    if (!check.planned) return "";
    const auto found = check.planned->find(code);
    return found == check.planned->end() ? "" : planned_label(found->second);
}

void render_table(core::Sink& out, const compliance::Check& check, const rules::Rules& rules,
                  bool behind_only) {
    const compliance::MonthResult& r = check.month;
    Table t;
    t.column(core::tr("CODE")).column(core::tr("NAME")).column(core::tr("TIER")).column(core::tr("REP"));
    for (const int ch : r.channels)
        t.column(channel_header(rules.channels[static_cast<size_t>(ch)]), Align::right);
    t.column(core::tr("SCORE"), Align::right)
        .column(core::tr("STATUS"))
        .column(core::tr("TO DO"), Align::left, kTextColumns);
    // Cells are formatted into buffers reused row after row.
    std::vector<std::string> counts(r.channels.size());
    std::string score, todo;
    std::vector<std::string_view> cells;
    for (const auto& c : r.customers) {
        if (behind_only && !owed(c)) continue;
        cells.assign({c.code, c.name, c.tier, c.rep});
        for (size_t k = 0; k < c.channels.size(); ++k) {
            counts[k].clear();
            fmt::format_to(std::back_inserter(counts[k]), "{}/{}", c.channels[k].done,
                           c.channels[k].required);
            cells.push_back(counts[k]);
        }
        score = percent(c.score);
        shortfall(todo, c, rules);
        if (const std::string planned = planned_text(check, c.code); !planned.empty() && !todo.empty())
            todo += core::trf(" ({})", planned);
        cells.insert(cells.end(), {score, compliance::display(c.status), todo});
        t.row(cells).tone(cells.size() - 2, tone_of(c.status));
    }
    out << core::trf("{} as of {} (day {} of {})", r.month.iso(), r.as_of.iso(), r.elapsed_days,
                     r.month.days())
        << "\n\n";
    if (r.customers.empty()) {
        out << core::tr("no active customers in this scope") << "\n";
        return;
    }
    if (t.empty())
        out << core::tr("nothing behind or missed") << "\n";
    else
        t.render(out);
    const auto& s = r.summary;
    out << "\n"
        << core::trf("{} customers: {} met, {} on track, {} behind, {} missed; score {}", s.customers,
                     s.by_status[0], s.by_status[1], s.by_status[2], s.by_status[3], percent(s.score))
        << "\n";
}

void write_month(core::JsonWriter& j, const compliance::MonthResult& r, const rules::Rules& rules,
                 bool behind_only, const std::unordered_map<std::string, core::Date>* planned = nullptr) {
    j.key("month").value(r.month.iso()).key("as_of").value(r.as_of.iso());
    j.key("customers").begin_array();
    std::string line; // one customer's record, as the writer would put it on its line
    const auto number = [&](int64_t n) {
        const fmt::format_int text(n);
        line.append(text.data(), text.size());
    };
    for (const auto& c : r.customers) {
        if (behind_only && !owed(c)) continue;
        if (!planned && std::isfinite(c.score)) { // the common record, written at once
            line.assign("{\"code\": ");
            core::append_json_quoted(line, c.code);
            line += ", \"name\": ";
            core::append_json_quoted(line, c.name);
            line += ", \"tier\": ";
            core::append_json_quoted(line, c.tier);
            line += ", \"rep\": ";
            core::append_json_quoted(line, c.rep);
            line += ", \"status\": ";
            core::append_json_quoted(line, compliance::to_string(c.status));
            line += ", \"score\": ";
            core::append_json_double(line, c.score);
            line += ", \"active_days\": ";
            number(c.active_days);
            line += ", \"channels\": {";
            for (size_t k = 0; k < c.channels.size(); ++k) {
                const auto& ch = c.channels[k];
                line += k ? ", \"" : "\"";
                line += rules.channels[static_cast<size_t>(ch.channel)].id;
                line += "\": {\"required\": ";
                number(ch.required);
                line += ", \"done\": ";
                number(ch.done);
                line += ", \"expected\": ";
                number(ch.expected);
                line += ", \"status\": ";
                core::append_json_quoted(line, compliance::to_string(ch.status));
                line += '}';
            }
            line += "}}";
            j.raw(line);
            continue;
        }
        j.begin_object();
        j.key("code").value(c.code).key("name").value(c.name).key("tier").value(c.tier).key("rep").value(
            c.rep);
        j.key("status").value(compliance::to_string(c.status)).key("score").value(c.score);
        j.key("active_days").value(c.active_days);
        if (planned) { // --with-plan: the day of the customer's first contact in the plan, or null
            const auto found = planned->find(c.code);
            found == planned->end() ? j.key("planned").null() : j.key("planned").value(found->second.iso());
        }
        j.key("channels").begin_object();
        for (const auto& ch : c.channels) {
            j.key(rules.channels[static_cast<size_t>(ch.channel)].id).begin_object();
            j.key("required")
                .value(ch.required)
                .key("done")
                .value(ch.done)
                .key("expected")
                .value(ch.expected);
            j.key("status").value(compliance::to_string(ch.status)).end_object();
        }
        j.end_object().end_object();
    }
    j.end_array();
    const auto& s = r.summary;
    j.key("summary").begin_object();
    j.key("customers").value(s.customers);
    for (int k = 0; k < 4; ++k)
        j.key(compliance::to_string(static_cast<Status>(k))).value(s.by_status[static_cast<size_t>(k)]);
    j.key("required").value(s.required).key("done").value(s.done_capped).key("score").value(s.score);
    j.key("elapsed_days").value(r.elapsed_days).key("days_in_month").value(r.month.days());
    j.end_object();
}

void render_csv(core::Sink& out, const compliance::MonthResult& r, const rules::Rules& rules,
                bool behind_only) {
    out << "month,as_of,code,name,tier,rep,status,score";
    for (const int ch : r.channels) {
        const std::string& id = rules.channels[static_cast<size_t>(ch)].id;
        out << fmt::format(",{0}_required,{0}_done,{0}_expected,{0}_status", id);
    }
    out << "\n";
    const std::string month = r.month.iso(), as_of = r.as_of.iso();
    for (const auto& c : r.customers) {
        if (behind_only && !owed(c)) continue;
        auto text = std::back_inserter(out.text());
        fmt::format_to(text, "{},{},{},{},{},{},{},{}", month, as_of, core::csv_field(c.code),
                       core::csv_field(c.name), core::csv_field(c.tier), core::csv_field(c.rep),
                       compliance::to_string(c.status), c.score);
        for (const auto& ch : c.channels)
            fmt::format_to(text, ",{},{},{},{}", ch.required, ch.done, ch.expected,
                           compliance::to_string(ch.status));
        out << "\n";
    }
}

} // namespace

// The nearest whole percent (2 of 3 is 67 %), except that anything short of complete stays below 100 %
// and anything above nothing stays above 0 %: a rounded figure never claims a quota met or untouched.
std::string percent(double score) {
    int whole = static_cast<int>(std::lround(score * 100));
    if (whole >= 100 && score < 1 - 1e-9) whole = 99;
    if (whole <= 0 && score > 1e-9) whole = 1;
    return fmt::format("{}%", whole);
}

std::string planned_label(core::Date day) {
    static constexpr std::array<const char*, 7> kDays = {
        N_("planned Mon"), N_("planned Tue"), N_("planned Wed"), N_("planned Thu"),
        N_("planned Fri"), N_("planned Sat"), N_("planned Sun")};
    return core::tr(kDays[static_cast<size_t>(rules::weekday_of(day))]);
}

std::string render_check(const compliance::Check& check, const rules::Rules& rules, Format format,
                         bool behind_only, core::Output* output) {
    core::Sink out(output);
    const InEnglish english(format == Format::csv ||
                            format ==
                                Format::json); // JSON and CSV are the same whatever the reader's language
    if (format == Format::csv) {
        render_csv(out, check.month, rules, behind_only);
        return out.take();
    }
    std::vector<occasions::Obligation> due; // the obligations shown with --behind-only
    if (behind_only)
        std::copy_if(check.obligations.begin(), check.obligations.end(), std::back_inserter(due),
                     [](const auto& o) {
                         return o.state != occasions::State::done && o.state != occasions::State::done_late &&
                                o.state != occasions::State::upcoming;
                     });
    const auto& shown = behind_only ? due : check.obligations;
    if (format == Format::json) {
        core::JsonWriter j(out);
        j.begin_object();
        write_month(j, check.month, rules, behind_only, check.planned ? &*check.planned : nullptr);
        j.key("obligations");
        write_obligations(j, shown, rules);
        j.key("goals");
        write_goals(j, check.goals);
        j.key("followups");
        write_followups(j, check.followups, rules, check.followups_day);
        j.end_object();
        return j.str();
    }
    render_table(out, check, rules, behind_only);
    if (!shown.empty())
        out << "\n"
            << core::tr("occasions, birthdays and life events (R4–R8)") << "\n"
            << render_obligations(shown, rules, true);
    if (!check.goals.empty())
        out << "\n"
            << core::tr("rep goals (R9–R11) and visit checklists (R12–R17)") << "\n"
            << render_goals(check.goals);
    if (!check.followups.empty())
        out << "\n"
            << core::tr("open follow-ups (promises, problems, slow movers)") << "\n"
            << render_followups(check.followups, rules, check.followups_day, true);
    return out.take();
}

std::string describe_customer(const compliance::CustomerResult& c, const compliance::MonthResult& month,
                              const rules::Rules& rules) {
    std::string out;
    for (const auto& ch : c.channels) {
        const auto& channel = rules.channels[static_cast<size_t>(ch.channel)];
        const int left = std::max(0, ch.required - ch.done);
        out += fmt::format(
            "  {}{} {}/{}  ", channel_word(channel),
            std::string(static_cast<size_t>(std::max(0, 8 - core::display_width(channel_word(channel)))),
                        ' '),
            ch.done, ch.required);
        if (left == 0)
            out += core::tr("met");
        else if (ch.status == Status::missed)
            out += core::trf("missed: {} short", left);
        else if (ch.status == Status::behind)
            out += core::trf("behind: {} more by today to be on pace, {} owed by {}", ch.expected - ch.done,
                             left, month.month.last().iso());
        else
            out += core::trf("{} owed by {}", left, month.month.last().iso());
        out += "\n";
    }
    return out;
}

} // namespace keqing::output
