// The loop every record import from CSV shares (customers, reps, people, life events, follow-ups and
// complaints): the file read and checked against its columns, each row handed to the caller in one
// transaction — all rows or none —, the first refused row named by file and line, and the progress shown on
// a terminal (core/progress.hpp).
#pragma once

#include "core/csv.hpp"
#include "core/import.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace keqing::roster {

// One data row of `table` (its index `i`): checked, stored, and counted in `summary`, or refused.
using ImportRow =
    std::function<Result<void>(const core::CsvTable& table, size_t i, core::ImportSummary& summary)>;

// Reads `file` (options.encoding), checks its header against `required` and `optional` (unknown columns
// refused unless options.ignore_unknown), and runs `row` for each data row in one transaction, rolled
// back in a dry run or at the first refused row, whose error is prefixed "FILE:LINE: ".
Result<core::ImportSummary> import_rows(store::Store& store, const std::string& file,
                                        const std::vector<std::string>& required,
                                        const std::vector<std::string>& optional,
                                        const core::ImportOptions& options, const ImportRow& row);

} // namespace keqing::roster
