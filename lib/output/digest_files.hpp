// remind --output-dir: one digest file per rep with something due, all written whole before any replaces
// its predecessor, private to their owner (0600, in a folder keqing makes 0700); and the files an earlier
// run wrote for reps that have nothing due now are removed, so a mailer never sends yesterday's digest
// again. What keqing wrote is recorded in the folder's `.keqing-digests`, one file name a line: only files
// named there are ever removed.
#pragma once

#include "core/result.hpp"
#include "output/remind_view.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace keqing::output {

// The record of the digest files keqing wrote into an output folder.
inline constexpr const char* kDigestRecord = ".keqing-digests";

// The file name extension of a digest format: txt, md, json or ics.
const char* digest_extension(RemindFormat format);

struct DigestFiles {
    int written = 0; // digests written (reps with something due)
    int removed = 0; // files of an earlier run removed (reps with nothing due now)
};

// What a run with --output-dir says on stderr: "wrote 3 digests to out; removed 1 of an earlier run (nothing
// due now)" — for remind's digests or plan's plans (`plans`).
std::string describe_written(const DigestFiles& files, const std::filesystem::path& dir, bool plans);

// One rep's file: its text, empty when the rep has nothing (then an earlier run's file is removed).
struct RepFile {
    std::string rep, text;
};
// Writes `<rep>.<extension>` into `dir` for each rep with text, all whole before any replaces its
// predecessor; a recorded file of this extension for a covered rep (`every_rep`: any) not written again is
// removed. remind's digests and plan's plans both go through it.
Result<DigestFiles> write_rep_files(const std::vector<RepFile>& reps, const std::string& extension,
                                    const std::filesystem::path& dir, bool every_rep);

// Writes `<rep>.<ext>` into `dir` for each digest with items. `digests` holds every rep the run covers
// (`every_rep`: all of them), those with nothing due too: a recorded file of this format for a covered rep
// that is not written again is removed. Errors (exit 4) name the folder and file with the system's
// reason; when writing fails, no digest file and no record has changed.
Result<DigestFiles> write_digest_files(const std::vector<remind::Digest>& digests, RemindFormat format,
                                       const std::filesystem::path& dir, bool every_rep);

} // namespace keqing::output
