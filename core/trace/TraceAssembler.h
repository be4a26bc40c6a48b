#pragma once
// Builds the session model from decoded TORCH_TRACE records, streaming (importer recipe,
// torch-trace-format §1.3.9). A compile is keyed by (compiled_autograd_id, frame_id,
// frame_compile_id, occurrence) — the occurrence separates ids repeated after
// torch._dynamo.reset() — and is sent to the sink when its compilation_metrics arrives, so
// only compiles in flight are held in memory. An id started again (not as a restarted attempt)
// is a reset: a session::Reset is sent before the compile that starts the new epoch. Per compile, in causal order:
//   Frame (first compile of a code object) → Recompile (reasons through ReasonClassifier) →
//   ShapeEvents → CompileEntry (graph, guard tree, metrics) → Call (one per compile: the
//   timeline of an imported session is the compile order; hits are not in traces) → LogLines.
// A `recompile_reasons` artifact that no dynamo_start of its compile id follows is a compile
// that hit the recompile limit (dynamo-semantics §1.4: reasons are logged before the limit
// check): it becomes a LimitHit entry, a limitHit Recompile and a RunOnly call.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/session/Session.h"
#include "core/trace/ImportProblems.h"
#include "core/trace/TraceEvent.h"
#include "core/trace/TraceReader.h"

namespace gs::trace {

class TraceAssembler {
public:
    // `info` is the session's SessionInfo (title, path, group, ...); the assembler adds the
    // config, rank and counts at the end (EventSink::updateInfo).
    TraceAssembler(session::EventSink& sink, session::SessionInfo info, ImportProblems& problems, ImportReport& report);
    ~TraceAssembler();

    // A record as read (before its decoded event, if any, goes to onEvent): numbered and sent to
    // the sink verbatim. Returns its seq.
    int64_t onRecord(session::TraceRecord& r);
    void onEvent(const TraceEvent& e);
    // A glog line whose content is text, not JSON (TORCH_LOGS output mixed into the file).
    // Consecutive lines of one message (same prefix) become one LogLine.
    void onText(char level, std::string_view prefixKey, std::string_view content);
    // Flushes what is in flight, reports metadata and ends the session (if one was begun).
    void finish(session::SessionStatus status);
    bool begun() const { return begun_; }

    // Counts of what was sent so far.
    int64_t frames() const { return framesSent_; }
    int64_t compiles() const { return compilesSent_; }
    int64_t recompiles() const { return recompilesSent_; }
    int64_t resets() const { return resetsSent_; }

    // "0/1", "!0/0/1" (compiled autograd), "!0/-/-"; empty when the envelope names no compile.
    static std::string compileIdOf(const TraceEvent& e);

private:
    struct Key {
        int64_t ca = -1, frame = 0, fcid = 0;
        bool operator<(const Key& o) const { return std::tie(ca, frame, fcid) < std::tie(o.ca, o.frame, o.fcid); }
        bool operator==(const Key& o) const { return ca == o.ca && frame == o.frame && fcid == o.fcid; }
    };
    struct Pending;
    struct FrameState {
        int sessionId = 0;
        session::Frame frame;
        std::vector<session::Guard> lastGuards; // newest entry's guards, for the guard diff
        std::string lastCompileId;
        int64_t entries = 0;
    };

    void begin();
    Pending* findOpen(const Key& k);
    Pending& startCompile(const Key& k, const TraceEvent& e);
    void apply(Pending& p, const TraceEvent& e);
    void onReasons(const Key& k, const TraceEvent& e);
    void resolveOrphanReasons(const Key* except);
    void finalize(Pending& p);
    void closeOpen(Pending* p); // finalize and drop from open_
    void startEpoch();          // torch._dynamo.reset() between two compiles: send it
    FrameState& frameFor(const Pending& p);
    void flushText();
    session::ShapeEvent shapeEvent(const TraceEvent& e) const;
    void addMetadata(session::SessionInfo& info) const;
    static std::string compileIdOf(const Key& k);
    void linger(Pending* p);      // its metrics arrived: finalize at the next other compile's record
    void finalizeLingering();
    void addArtifact(Pending& p, const TraceEvent& e);
    void holdPreStart(const Key& k, const TraceEvent& e);
    void takePreStart(Pending& p);
    void countKept(const TraceEvent& e);

    session::EventSink& sink_;
    session::SessionInfo info_;
    ImportProblems& problems_;
    ImportReport& report_;
    bool begun_ = false;

    std::vector<std::unique_ptr<Pending>> open_;                      // compiles in flight (few)
    std::unique_ptr<Pending> lingering_;   // metrics seen; collects the compile's trailing records
    struct Held {                          // what came for a compile before its dynamo_start
        std::vector<session::Artifact> artifacts;
        session::InductorSummary inductor;
        int64_t line = 0;                  // the first such record's line
    };
    std::map<Key, Held> preStart_;
    size_t preStartCount_ = 0;
    int64_t nextRecord_ = 0;
    std::map<std::string, int64_t> kept_;  // kept verbatim but not modelled: name -> count
    std::map<Key, std::pair<std::vector<std::string>, int64_t>> pendingReasons_; // reasons before their dynamo_start
    std::map<Key, int> occurrences_;
    std::set<Key> epochKeys_;              // compiles started since the last reset
    std::map<std::pair<int64_t, int64_t>, FrameState> frames_;       // (ca, frame_id) → state
    std::map<int, bool> usedFrameIds_;
    int64_t nextCall_ = 0;
    int64_t framesSent_ = 0, compilesSent_ = 0, recompilesSent_ = 0, resetsSent_ = 0;
    int64_t failures_ = 0, restarts_ = 0, limitHits_ = 0, incomplete_ = 0;
    std::map<std::string, int64_t> eventCounts_;
    std::string configJson_;
    std::vector<std::pair<std::string, std::string>> configKnobs_;
    std::optional<int64_t> rank_;
    bool rankChangeReported_ = false;
    std::string pythonVersion_;
    int64_t logFormatVersion_ = -1;

    // text lines being merged
    std::string textKey_, text_;
    char textLevel_ = 0;
};

} // namespace gs::trace
