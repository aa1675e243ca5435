// The contact history's three renderings, written row by row into a sink (output/history_view.hpp).
#include "output/history_view.hpp"

#include "core/csv.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "output/table.hpp"

#include <fmt/core.h>

namespace keqing::output {
namespace {

// The table's columns and their fixed widths, in display columns; the last (voided) is not padded.
struct HistoryColumn {
    const char* header; // English; translated when shown
    int width;
    bool right = false;
};
constexpr std::array<HistoryColumn, 9> kHistoryColumns = {{{"#", 7, true},
                                                           {N_("DATE"), 10},
                                                           {N_("TIME"), 5},
                                                           {N_("CUSTOMER"), 10},
                                                           {N_("CHANNEL"), 11},
                                                           {N_("REP"), 10},
                                                           {N_("OCCASION"), 14},
                                                           {N_("NOTE"), 30},
                                                           {N_("VOIDED"), 0}}};

// One table line from its cells: each cut to its column and padded, trailing spaces dropped.
std::string history_line(const std::array<std::string, 9>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
        const HistoryColumn& col = kHistoryColumns[i];
        if (i > 0) line += "  ";
        if (col.width == 0) {
            line += core::fit(cells[i], kTextColumns);
            continue;
        }
        const std::string cell = core::fit(cells[i], col.width);
        line += col.right ? core::pad_left(cell, col.width) : core::pad_right(cell, col.width);
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + "\n";
}

} // namespace

HistoryWriter::HistoryWriter(core::Sink& out, Format format, core::Date from, core::Date to)
    : out_(out), format_(format), from_(from), to_(to) {
    if (format_ == Format::csv) {
        std::string header;
        for (const std::string_view column : kContactCsvColumns)
            header += (header.empty() ? "" : ",") + std::string(column);
        out_ << header << "\n";
    } else if (format_ == Format::json) {
        json_ = std::make_unique<core::JsonWriter>(out_);
        json_->begin_object();
        json_->key("from").value(from_.iso());
        json_->key("to").value(to_.iso());
        json_->key("contacts").begin_array();
    } else {
        std::array<std::string, 9> headers;
        for (size_t i = 0; i < headers.size(); ++i)
            headers[i] = core::tr(kHistoryColumns[i].header);
        out_ << history_line(headers);
    }
}

void HistoryWriter::add(const store::Contact& c) {
    if (format_ == Format::csv && !c.voided_at.empty()) return;
    ++count_;
    if (!c.voided_at.empty()) ++voided_;
    if (format_ == Format::csv)
        add_csv(c);
    else if (format_ == Format::json)
        add_json(c);
    else
        add_row(c);
    out_.spill();
}

void HistoryWriter::add_row(const store::Contact& c) {
    out_ << history_line({fmt::format("{}", c.id), c.date.iso(), c.time, c.customer_code, c.channel, c.rep,
                          c.occasion, c.note,
                          c.voided_at.empty() ? "" : core::trf("voided: {}", c.void_reason)});
}

void HistoryWriter::add_csv(const store::Contact& c) {
    std::string& line = out_.text();
    const auto field = [&line](std::string_view value) { line += core::csv_field(value) + ","; };
    field(c.customer_code);
    field(c.channel);
    field(c.date.iso());
    field(c.time);
    field(c.rep);
    field(c.note);
    field(c.gift ? "1" : "0");
    field(c.occasion);
    for (const std::string& item : c.checklist)
        field(item);
    field(c.asked_help ? "1" : "0");
    field(c.solved);
    field(c.training ? "1" : "0");
    line += core::csv_field(c.ref) + "\n";
}

void HistoryWriter::add_json(const store::Contact& c) {
    core::JsonWriter& j = *json_;
    j.begin_object();
    j.key("id").value(c.id);
    j.key("customer").value(c.customer_code);
    j.key("channel").value(c.channel);
    j.key("date").value(c.date.iso());
    j.key("time").value(c.time);
    j.key("rep").value(c.rep);
    j.key("note").value(c.note);
    j.key("gift").value(c.gift);
    j.key("occasion").value(c.occasion);
    for (size_t i = 0; i < c.checklist.size(); ++i)
        j.key(store::kChecklistColumns[i]).value(c.checklist[i]);
    j.key("asked_help").value(c.asked_help);
    j.key("solved").value(c.solved);
    j.key("training").value(c.training);
    j.key("ref").value(c.ref);
    j.key("logged_at").value(c.logged_at);
    j.key("voided").value(!c.voided_at.empty());
    j.key("voided_at").value_or_null(c.voided_at);
    j.key("void_reason").value_or_null(c.void_reason);
    j.end_object();
}

void HistoryWriter::finish() {
    if (format_ == Format::json) {
        json_->end_array().key("count").value(count_).end_object();
        out_ << "\n";
    } else if (format_ == Format::table)
        out_ << core::trnf("{} contact from {} to {}{}", "{} contacts from {} to {}{}",
                           static_cast<unsigned long>(count_), count_, from_.iso(), to_.iso(),
                           voided_ ? core::trf(" ({} voided)", voided_) : "")
             << "\n";
    out_.flush();
}

} // namespace keqing::output
