// The report as a terminal table, markdown, CSV (tidy: one number per line) and JSON (documented in
// schemas/report.schema.json); the HTML rendering lives in report_html.
#pragma once

#include "core/output.hpp"
#include "report/report.hpp"

#include <string>

namespace keqing::output {

enum class ReportFormat { table, markdown, csv, json, html };

// Renders `report` in a text format (not html). With an `out`, the text is written to it as it is
// produced and what is left is returned; without one, all of it is returned.
std::string render_report(const report::Report& report, const rules::Rules& rules, ReportFormat format,
                          core::Output* out = nullptr);

} // namespace keqing::output
