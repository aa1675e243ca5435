// Excel workbooks (libxlsxwriter) of the report and of check-quota: one sheet per section, numbers as
// numbers, rates as percentages, the header row frozen, columns as wide as their text (CJK counted 2).
#pragma once

#include "compliance/check.hpp"
#include "core/result.hpp"
#include "report/report.hpp"
#include "rules/rules.hpp"

#include <filesystem>

namespace keqing::output {

// Writes the report's workbook to `path` (replaced whole: a temporary file renamed into place).
Result<void> write_report_xlsx(const report::Report& report, const rules::Rules& rules,
                               const std::filesystem::path& path);
// Writes check-quota's workbook: customers with each channel's numbers, obligations, rep goals.
Result<void> write_check_xlsx(const compliance::Check& check, const rules::Rules& rules,
                              const std::filesystem::path& path);

} // namespace keqing::output
