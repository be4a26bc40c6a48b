#pragma once
// TORCH_TRACE structured-log import (issue 6). Streaming, one pass; never crashes on any input.
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::trace {

struct ImportOptions {
    bool strict = false;                        // any unreadable part is an error
    std::function<bool(double fraction)> progress; // return false to cancel
};

struct ImportReport {
    std::string path;                            // the file read
    int64_t rank = -1;                           // from the file name (dedicated_log_torch_trace_rank_N...), else -1
    // Directory imports: why this file could not be imported (empty when it was). The other
    // ranks are still imported; what was read before the error is in its (partial) session.
    std::string error;
    int64_t bytes = 0, lines = 0, records = 0;
    // kind -> count; the kinds are listed in ImportProblems.h (bad_json, md5_mismatch, no_prefix, ...)
    std::map<std::string, int64_t> problems;
    std::map<std::string, int64_t> unknownEvents;// event key -> count
    std::map<std::string, int64_t> unknownFields;// envelope field beside the event -> count (the record is read without it)
    std::vector<std::string> warnings;           // human-readable, file:line where known
};

class TraceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Imports one file (plain, .gz or .zst) into `sink` as one session. Returns what was seen.
// Throws TraceError with a sentence naming the file and how many lines were read. A compressed
// file that stops in the middle of its stream is truncated: the session read so far ends
// `interrupted` (it ends `failed` for other errors) and the error says so.
ImportReport importTraceFile(const std::string& path, session::EventSink& sink, const ImportOptions& = {});

// Imports a file, or a directory of dedicated_log_torch_trace_rank_N*.log files (one session
// per rank, all with SessionInfo::group = the directory), in rank order. `makeSink` is called
// per file. In a directory a file that cannot be imported (empty, not a log, truncated) does not
// stop the others: its report carries the error. Throws for a single file that fails, for a
// directory without such files, and when cancelled.
std::vector<ImportReport> importTracePath(const std::string& path,
                                          const std::function<session::EventSink&(const std::string& file)>& makeSink,
                                          const ImportOptions& = {});

// Writes a session as a TORCH_TRACE log that our reader (and tlparse) can read. Reading it back
// gives a session equal to `s` in the sense of RoundTrip.h. Throws TraceError if it cannot write.
// This is the model written out (MD5s recomputed); an imported log is better written back as it
// was read, with exportTraceRecords.
void exportTorchTrace(const session::Session& s, const std::string& outPath);

// Writes an imported log's records back as PyTorch wrote them (torch-trace-format §1.3.2): in seq
// order, each header line (prefix + body) then its payload lines after one TAB, "\n" line ends.
// `nextPage` gives the next records, empty at the end (a big log is never held whole). Throws
// TraceError, with nothing written, when a payload was too large to have been kept.
void exportTraceRecords(const std::function<std::vector<session::TraceRecord>()>& nextPage, const std::string& outPath);
// The same for an imported session held in memory (its Session::records).
void exportTraceRecords(const session::Session& s, const std::string& outPath);

// The simdjson version the reader was built with (Help > About).
const char* simdjsonVersion();

} // namespace gs::trace
