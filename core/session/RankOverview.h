#pragma once
// Several ranks of one distributed run (a TORCH_TRACE folder, one session per rank): a row of
// counts per rank and the ranks that diverge from the majority (issue 11 item 3). Ranks that
// compile a different sequence of frames, recompile for other reasons, capture other graphs,
// hit the compile caches differently or issue other collectives (Inductor's schedule) hang the
// job; ranks whose kernels' outputs differ (tensor metadata) or whose estimated runtimes are far
// apart slow it down (tlparse's all-ranks report).
#include <cstdint>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

// What one rank's session says, reduced to what the overview compares. Built from a whole
// session, or event by event (it is an EventSink: imports keep it next to the store recorder).
class RankProfile : public EventSink {
public:
    RankProfile() = default;
    explicit RankProfile(const Session& s);

    int64_t rank = -1;              // from SessionInfo::metadata["rank"], -1 without one
    int64_t sessionId = 0;          // store id, 0 when not stored
    std::string title, path;
    std::string error;              // the import failed: why (the row shows it, no counts)
    SessionStatus status = SessionStatus::Running;
    int64_t compiles = 0, recompiles = 0, failures = 0, limitHits = 0, cacheHits = 0, cacheMisses = 0;
    double compileTimeS = 0;        // sum of the compiles' entire_frame_compile_time_s
    double runtimeMs = -1;          // sum of the compiles' estimated runtimes (Inductor's); -1 when none logged
    // Per compile, in order: "F/N code-object-name", the first recompile reason's category and
    // text, a fingerprint of the captured graph (op, target, shape of each node), and the cache
    // results ("fx_graph:hit aot_autograd:miss").
    std::vector<std::string> compileSeq, reasonSeq, graphSeq, cacheSeq;
    // Per compile, in order: its collective schedule ("all_reduce_.default wait_tensor.default";
    // "-" when none was logged) and its tensor-meta fingerprint ("-" when none was logged).
    std::vector<std::string> collectiveSeq, tensorMetaSeq;
    // Per compile, in order: its id (F/N) and its estimated runtime in ms (-1 when not logged).
    std::vector<std::string> compileIds;
    std::vector<double> runtimeSeq;

    void beginSession(const SessionInfo& i) override;
    void updateInfo(const SessionInfo& i) override;
    void frame(const Frame& f) override;
    void recompile(const Recompile& r) override;
    void compile(const CompileEntry& c) override;
    void endSession(SessionStatus s) override { status = s; }

private:
    std::vector<Frame> frames_;
    std::vector<std::pair<std::string, std::string>> reasons_; // compile id -> reason, until its entry
};

struct Divergence {
    std::string aspect;             // compiles | recompile_reasons | graphs | cache | collectives | tensor_meta
    // With a strict majority (more than half of the ranks agree): the ranks that differ from it.
    // Without one (two ranks that differ, or 2 + 2, or 2 + 1 + 1): every rank compared, since no
    // single rank can be blamed; `majority` is then empty and `noMajority` set.
    std::vector<int64_t> ranks;
    std::vector<int64_t> majority;  // the ranks of the strict majority
    bool noMajority = false;
    std::string detail;             // the first difference, in words ("ranks 0, 1 differ, no majority; " first without a majority)
    std::string difference;         // the same without that lead: what each group has (for views that say the lead themselves)
};

// One compile (by id) across the ranks that estimated its runtime (tlparse's graph runtime
// analysis): the fastest and the slowest rank and the difference.
struct GraphRuntime {
    std::string compileId;
    std::vector<std::pair<int64_t, double>> ranks; // rank, estimated ms; in rank order
    int64_t fastestRank = -1, slowestRank = -1;
    double fastestMs = 0, slowestMs = 0;
    double deltaMs() const { return slowestMs - fastestMs; }
};

class RankOverview {
public:
    // An estimated runtime as the CLI and the report print it: milliseconds, 3 decimals.
    static std::string millis(double ms);
    // Divergences per aspect, in the order above; empty when every rank agrees. Ranks whose
    // import failed take no part. A rank diverges only from a strict majority: a group of
    // identical sequences held by more than half of the ranks. Without one the ranks "differ"
    // (noMajority) and the detail compares each other group with the group of the lowest rank.
    static std::vector<Divergence> divergences(const std::vector<RankProfile>& ranks);
    // Per compile id that some rank estimated, in the order of the lowest rank's compiles (ids
    // only other ranks have follow in theirs); empty when no rank logged estimates.
    static std::vector<GraphRuntime> runtimes(const std::vector<RankProfile>& ranks);
};

} // namespace gs::session
