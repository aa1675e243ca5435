// Transparent huge pages for a command that reads the whole company (check-quota --all, report, remind
// --all): glibc backs malloc with them only when told so as the process starts.
#pragma once

namespace keqing::cli {

// Keeps the command line for run_with_huge_pages (cli::run calls it).
void keep_command_line(char** argv);

// Runs this command again, once, with glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, unless that tunable is
// already set; where that cannot be done it returns and the command goes on as it is. Call it before
// anything is opened, read or written. A month read of 200,000 customers touches 150–200 MB, and glibc
// otherwise faults it in 4 KB at a time: 52,000 page faults, a seventh of check-quota --all's CPU
// (docs/PERFORMANCE.md, docs/DECISIONS.md).
void run_with_huge_pages();

} // namespace keqing::cli
