// The manager's compliance report as one self-contained HTML5 page: inline CSS for screen and A4 print,
// tables for every part of the report and inline-SVG charts, no scripts and no external references.
#pragma once

#include "core/output.hpp"
#include "report/report.hpp"
#include "rules/rules.hpp"

#include <string>

namespace keqing::output {

// The whole document (<!DOCTYPE html> … </html>), every text escaped, charts drawn from `report`. With an
// `out`, the document is written to it as it is laid out (its longest lists row by row) and what is left is
// returned; without one, all of it is returned.
std::string render_report_html(const report::Report& report, const rules::Rules& rules,
                               core::Output* out = nullptr);

} // namespace keqing::output
