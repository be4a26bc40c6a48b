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
    int64_t bytes = 0, lines = 0, records = 0;
    // kind -> count; the kinds are listed in ImportProblems.h (bad_json, md5_mismatch, no_prefix, ...)
    std::map<std::string, int64_t> problems;
    std::map<std::string, int64_t> unknownEvents;// event key -> count
    std::vector<std::string> warnings;           // human-readable, file:line where known
};

class TraceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Imports one file (plain, .gz or .zst) into `sink` as one session. Returns what was seen.
ImportReport importTraceFile(const std::string& path, session::EventSink& sink, const ImportOptions& = {});

// Imports a file, or a directory of dedicated_log_torch_trace_rank_N*.log files (one session
// per rank, all with SessionInfo::group = the directory). `makeSink` is called per session.
std::vector<ImportReport> importTracePath(const std::string& path,
                                          const std::function<session::EventSink&(const std::string& file)>& makeSink,
                                          const ImportOptions& = {});

// Writes a session as a TORCH_TRACE log that our reader (and tlparse) can read. Reading it back
// gives a session equal to `s` in the sense of RoundTrip.h. Throws TraceError if it cannot write.
void exportTorchTrace(const session::Session& s, const std::string& outPath);

// The simdjson version the reader was built with (Help > About).
const char* simdjsonVersion();

} // namespace gs::trace
