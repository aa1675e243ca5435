// The report as a terminal table, markdown, CSV (tidy: one number per line) and JSON (documented in
// schemas/report.schema.json); the HTML rendering lives in report_html.
#pragma once

#include "report/report.hpp"

#include <string>

namespace keqing::output {

enum class ReportFormat { table, markdown, csv, json, html };

// Renders `report` in a text format (not html).
std::string render_report(const report::Report& report, const rules::Rules& rules, ReportFormat format);

} // namespace keqing::output
