// The shared loop of the record imports (roster/import_rows.hpp).
#include "roster/import_rows.hpp"

#include "core/encoding.hpp"
#include "core/progress.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <utility>

namespace keqing::roster {

Result<core::ImportSummary> import_rows(store::Store& store, const std::string& file,
                                        const std::vector<std::string>& required,
                                        const std::vector<std::string>& optional,
                                        const core::ImportOptions& options, const ImportRow& row) {
    KQ_TRY(std::string text, core::read_import(file, options.encoding));
    const std::string path = core::source_name(file);
    KQ_TRY(std::vector<core::CsvRecord> records, core::parse_csv(text, path));
    KQ_TRY(core::CsvTable table, core::CsvTable::from_records(std::move(records), path, required, optional,
                                                              options.ignore_unknown));
    auto load = [&]() -> Result<core::ImportSummary> {
        core::ImportSummary summary;
        summary.rows = static_cast<int>(table.size());
        core::Progress progress(static_cast<int64_t>(table.size()));
        for (size_t i = 0; i < table.size(); ++i) {
            progress.tick(static_cast<int64_t>(i) + 1);
            if (auto r = row(table, i, summary); !r)
                return Error{r.error().code,
                             fmt::format("{}:{}: {}", path, table.row(i).line, r.error().message)};
        }
        return summary;
    };
    return store::in_transaction(store, load,
                                 options.dry_run ? store::Finish::rollback : store::Finish::commit);
}

} // namespace keqing::roster
