#pragma once
// A session's compile timeline as a Chrome trace (issue 11 item 5; the JSON Object Format of the
// Trace Event Format: {"traceEvents": [...]}), for https://ui.perfetto.dev or chrome://tracing.
//  - An imported log that has `chromium_event` records (torch-trace-format §1.3.8): their events
//    as PyTorch logged them (dynamo, entire_frame_compile, backend_compile, inductor_compile,
//    code_gen, ... with B/E/i phases), as tlparse's chromium_events.json has them.
//  - Otherwise (scenario runs, logs without chromium events): one `dynamo` span per compile
//    ("X" event) from the compile's start_time_us / duration_us metrics when logged, else laid
//    end to end in compile order from its compile time; the backend_compile ⊃ inductor_compile
//    ⊃ code_gen spans nested at its end when their *_time_s metrics are known; an instant
//    `recompile` event with the reason at the start of every recompile.
// Records stream in (addRecord) so a big log is never held whole.
#include <cstdint>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::trace {

class ChromeTrace {
public:
    // Offer every record of the session in seq order; only chromium_event records are kept
    // (minified). A payload that is not a JSON object is counted in skipped(), not kept.
    void addRecord(const session::TraceRecord& r);
    // The whole trace JSON. `s` gives the compiles (its records are not needed).
    std::string finish(const session::Session& s) const;
    int64_t loggedEvents() const { return static_cast<int64_t>(events_.size()); }
    int64_t skipped() const { return skipped_; }

private:
    std::vector<std::string> events_;
    int64_t skipped_ = 0;
};

} // namespace gs::trace
