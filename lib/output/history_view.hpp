// The contact history (log-visit --list) written as it streams from the store: a table whose columns have
// fixed widths (so no row waits for the widest), CSV in exactly log-visit --import's format, or JSON.
#pragma once

#include "core/json.hpp"
#include "core/sink.hpp"
#include "output/quota_view.hpp"
#include "store/types.hpp"

#include <array>
#include <memory>
#include <string_view>

namespace keqing::output {

// The columns of log-visit --import, in the order the history's CSV writes them (customer, channel, date
// are required there, the rest optional).
inline constexpr std::array<std::string_view, 18> kContactCsvColumns = {
    "customer",   "channel",    "date",       "time",       "rep",      "note",
    "gift",       "occasion",   "feedback",   "preference", "favour",   "family",
    "competitor", "slow_mover", "asked_help", "solved",     "training", "ref"};

// Writes one history into a sink, a contact at a time. Voided contacts are marked (table: the void's reason;
// JSON: voided, voided_at, void_reason); the CSV leaves them out, since an import cannot void.
class HistoryWriter {
  public:
    HistoryWriter(core::Sink& out, Format format, core::Date from, core::Date to);
    HistoryWriter(const HistoryWriter&) = delete;
    HistoryWriter& operator=(const HistoryWriter&) = delete;
    // Writes one contact.
    void add(const store::Contact& c);
    // Ends the output: the JSON document's close, the table's count line.
    void finish();
    int count() const { return count_; }

  private:
    void add_row(const store::Contact& c);
    void add_csv(const store::Contact& c);
    void add_json(const store::Contact& c);

    core::Sink& out_;
    Format format_;
    core::Date from_, to_;
    std::unique_ptr<core::JsonWriter> json_; // Format::json
    int count_ = 0;
    int voided_ = 0;
};

} // namespace keqing::output
