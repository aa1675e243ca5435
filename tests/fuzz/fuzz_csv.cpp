// libFuzzer target: the CSV reader (core::parse_csv), header matching (CsvTable) as the contact import
// uses it, and the round trip through csv_field: what parses, written back, parses to the same fields.
#include "core/csv.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto records = keqing::core::parse_csv(text, "fuzz.csv");
    if (!records) {
        if (records.error().message.rfind("fuzz.csv", 0) != 0) std::abort(); // errors name the file
        return 0;
    }
    // Written back with csv_field, the records parse to the same fields.
    std::string written;
    for (const auto& r : *records) {
        for (size_t i = 0; i < r.fields.size(); ++i)
            written += (i ? "," : "") + keqing::core::csv_field(r.fields[i]);
        written += "\n";
    }
    auto again = keqing::core::parse_csv(written, "again.csv");
    // A leading byte-order mark inside the first field is read as the file's BOM: not a round trip.
    const bool leading_bom = !records->empty() && records->front().fields.front().starts_with("\xEF\xBB\xBF");
    if (!leading_bom) {
        if (!again || again->size() != records->size()) std::abort();
        for (size_t i = 0; i < records->size(); ++i)
            if ((*again)[i].fields != (*records)[i].fields) std::abort();
    }
    const std::vector<std::string> required = {"customer", "channel", "date"};
    const std::vector<std::string> optional = {"time", "rep", "note", "gift", "feedback"};
    auto table = keqing::core::CsvTable::from_records(std::move(*records), "fuzz.csv", required, optional,
                                                      size > 0 && (data[0] & 1));
    if (!table) return 0;
    for (size_t i = 0; i < table->size(); ++i) {
        for (const auto& c : required)
            if (table->get(i, c).size() > size || table->where(i, c).empty()) std::abort();
        for (const auto& c : optional)
            (void)table->get(i, c);
    }
    return 0;
}
