// Customers' gaps as text, table, CSV and JSON (see gaps_view.hpp).
#include "output/gaps_view.hpp"

#include "core/csv.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "output/english.hpp"
#include "output/table.hpp"

#include <fmt/format.h>

#include <optional>

namespace keqing::output {
std::string render_gaps(const std::vector<roster::CustomerGaps>& customers, const rules::Rules& rules,
                        core::Date as_of, Format format) {
    const InEnglish english(format !=
                            Format::table); // JSON and CSV are the same whatever the reader's language
    if (format == Format::json) {
        core::JsonWriter j;
        j.begin_object().key("as_of").value(as_of.iso()).key("customers").begin_array();
        for (const auto& c : customers) {
            j.begin_object().key("code").value(c.customer.code).key("name").value(c.customer.name);
            j.key("rep").value(c.customer.rep).key("gaps").begin_array();
            for (const auto& g : c.gaps) {
                j.begin_object().key("gap").value(std::string(roster::to_string(g.kind))).key("people");
                j.begin_array();
                for (const auto& p : g.people)
                    j.value(p);
                j.end_array().end_object();
            }
            j.end_array().end_object();
        }
        j.end_array().end_object();
        return std::move(j).str();
    }
    if (format == Format::csv) {
        std::string out = "code,name,rep,gap,people\n";
        for (const auto& c : customers)
            for (const auto& g : c.gaps)
                out += fmt::format("{},{},{},{},{}\n", core::csv_field(c.customer.code),
                                   core::csv_field(c.customer.name), core::csv_field(c.customer.rep),
                                   roster::to_string(g.kind), core::csv_field(core::join(g.people, ";")));
        return out;
    }
    Table t;
    t.column(core::tr("CODE"))
        .column(core::tr("NAME"))
        .column(core::tr("REP"))
        .column(core::tr("GAPS"), Align::left, kTextColumns);
    for (const auto& c : customers)
        t.row({c.customer.code, c.customer.name, c.customer.rep, roster::gaps_text(c.gaps, rules, as_of)});
    return t.empty() ? core::tr("no gaps: every file holds what the rules ask") + std::string("\n")
                     : t.render() + core::trf("{} customers with gaps", customers.size()) + "\n";
}

} // namespace keqing::output
