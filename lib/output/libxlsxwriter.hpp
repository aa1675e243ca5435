// libxlsxwriter, loaded on first use (dlopen) rather than linked, as libpq is (store/libpq.hpp): only a
// command writing --format xlsx loads it and the zip, zlib and OpenSSL libraries it pulls in, which took
// about a third of every command's start-up. Types come from its header; calls go through lxw().
#pragma once

#include "core/result.hpp"

#include <xlsxwriter.h>

// Every libxlsxwriter function keqing calls, once: the table's fields and what load() looks up.
#define KEQING_XLSXWRITER_FUNCTIONS(X)                                                                       \
    X(format_set_bold)                                                                                       \
    X(format_set_num_format)                                                                                 \
    X(lxw_strerror)                                                                                          \
    X(lxw_workbook_free)                                                                                     \
    X(workbook_add_format)                                                                                   \
    X(workbook_add_worksheet)                                                                                \
    X(workbook_close)                                                                                        \
    X(workbook_new_opt)                                                                                      \
    X(worksheet_freeze_panes)                                                                                \
    X(worksheet_set_column)                                                                                  \
    X(worksheet_write_number)                                                                                \
    X(worksheet_write_string)

namespace keqing::output::libxlsxwriter {

struct Api {
#define KEQING_XLSXWRITER_FIELD(name) decltype(&::name) name = nullptr;
    KEQING_XLSXWRITER_FUNCTIONS(KEQING_XLSXWRITER_FIELD)
#undef KEQING_XLSXWRITER_FIELD
};

// Loads libxlsxwriter.so.4 and looks up every function, once per process; a database error (exit 4)
// saying which package to install when it cannot. A workbook calls it before lxw().
Result<void> load();
// The functions, once load() succeeded.
const Api& lxw();

} // namespace keqing::output::libxlsxwriter
