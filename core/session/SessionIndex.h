#pragma once
// An immutable session snapshot plus the indexes every reader needs to ask "the state at call
// N" cheaply: tracks (one per code object), which entry a call ran or created, when an entry
// left the cache, the guard results of a call, the input sizes of every call. Built once (the
// GUI does it on a worker thread), then shared read-only (STYLE.md: immutable snapshots handed
// to the UI thread). No Qt: the GUI, the CLI and tests use it alike.
#include <climits>
#include <cstdint>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/session/PagedCalls.h"
#include "core/session/Session.h"

namespace gs::session {

// What happened at one call, as the timeline draws it.
enum class CallKind : uint8_t { Hit, Compile, Recompile, RunOnly, Skipped, Failed };

// Pass/fail of one guard for one call (ARCHITECTURE.md "guard tree ... pass/fail").
enum class GuardResult : uint8_t { NotEvaluated, Passed, Failed, FirstFailure };

// The calls of a track a timeline counts: hits, or calls that ran eagerly (run-only, skipped).
enum class CallCount : uint8_t { Hits, Eager };

class SessionIndex {
public:
    // One row of the timeline: the calls of one compiled function (frame).
    struct Track {
        int frameId = 0;
        int record = -1;                   // index into session().frames (-1: no record)
        std::string label;                 // "foo (test.py:12)"
        std::vector<int64_t> hits;         // call positions, ascending
        std::vector<int64_t> eager;        // run-only / skipped positions, ascending
        struct Mark {
            int64_t pos;
            CallKind kind;
            ReasonCategory category; // for recompiles: ReasonClassifier::recompileCategory
        };
        std::vector<Mark> marks;           // compiles, recompiles and failures, ascending
        std::vector<int64_t> calls;        // every call of the frame, ascending

        // One input dimension (tensor arg, dim) or Python int input (dim -1) of the frame,
        // with its value at each of `calls` — precomputed here, off the UI thread, so that
        // the symbolic-shapes view only slices it while the cursor moves.
        struct DimSeries {
            std::string source;                // L['x']
            int dim = -1;
            std::vector<int64_t> values;       // aligned with calls; kAbsent where not passed
            std::vector<std::pair<int64_t, int64_t>> firstSeen; // (call, value), distinct values
        };
        static constexpr int64_t kAbsent = INT64_MIN;
        std::vector<DimSeries> dims;
    };

    explicit SessionIndex(Session s);
    // A stored session whose calls stay in the store and are read page by page (a session of
    // millions of calls): `withoutCalls` holds everything else. Tracks then have no per-call
    // vectors (hits, eager, calls, dims stay empty): ask countIn/callsIn/columnCounts/
    // dimsWindow instead, which answer in both forms.
    SessionIndex(Session withoutCalls, std::shared_ptr<CallPages> pages);
    static std::shared_ptr<const SessionIndex> make(Session s) {
        return std::make_shared<const SessionIndex>(std::move(s));
    }
    static std::shared_ptr<const SessionIndex> make(Session withoutCalls, std::shared_ptr<CallPages> pages) {
        return std::make_shared<const SessionIndex>(std::move(withoutCalls), std::move(pages));
    }
    bool paged() const { return paged_ != nullptr; }
    // Session::summary() with every call counted (a paged session's calls are not in session()).
    Summary summary() const;

    const Session& session() const { return s_; }
    // A TORCH_TRACE log records compiles, not calls: each step of an imported session is one
    // compile (the importer sends one call per compile; sessions stored without calls get one
    // synthesized per compile).
    bool stepsAreCompiles() const { return synthesizedCalls_ || s_.info.kind == SessionKind::TorchTrace; }
    int64_t callCount() const { return paged_ ? paged_->count() : int64_t(s_.calls.size()); }
    // The call at a position (its index is the position). A copy: paged calls are read from
    // the store on demand.
    Call call(int64_t pos) const;
    CallKind callKind(int64_t pos) const;

    const std::vector<Track>& tracks() const { return tracks_; }
    int trackOfCall(int64_t pos) const;
    int trackOfEntry(int entry) const;
    // The frame record (code object) of a call / entry / track. Frame ids restart after
    // torch._dynamo.reset(), so Session::frame(id) alone can name the wrong function.
    const Frame* frameOfCall(int64_t pos) const;
    const Frame* frameOfEntry(int entry) const;
    const Frame* frameOfTrack(int track) const;
    std::string frameLabel(int record) const;

    // --- cache entries (indexes into session().compiles) ---
    // The entry a call ran (hit) or created (compile); -1 if none.
    int entryOfCall(int64_t pos) const;
    // The newest entry with this compile id created at or before `pos` (ids repeat after reset()).
    int resolveEntry(std::string_view compileId, int64_t pos) const;
    // Position of the call that created the entry (-1 if unknown).
    int64_t createdAt(int entry) const { return createdAt_[size_t(entry)]; }
    // Position where the entry left the cache (reset() or never): INT64_MAX if it never did.
    int64_t removedAt(int entry) const { return removedAt_[size_t(entry)]; }
    bool aliveAt(int entry, int64_t cursor) const;
    int64_t hitsAt(int entry, int64_t cursor) const;
    const std::vector<int>& entriesOfTrack(int track) const;
    // Positions where a reset emptied every cache (see indexEntries()).
    const std::vector<int64_t>& resets() const { return resets_; }
    // Positions of the hits `run --verify` found stale (Call::stale), ascending.
    const std::vector<int64_t>& staleHits() const { return staleHits_; }
    // The entry of the same function created just before this one (for the guard diff), or -1.
    int previousEntry(int entry) const;

    // --- recompiles ---
    // Index into session().recompiles of the recompile a call caused, or -1.
    int recompileAtCall(int64_t pos) const;
    int recompileOfEntry(int entry) const;
    // The first (newest) reason of a recompile — what its colour and category come from.
    const RecompileReason* firstReason(int recompile) const;
    // Calls positions of compiles/recompiles, ascending (for "next recompile" navigation).
    const std::vector<int64_t>& compilePositions() const { return compilePositions_; }

    // --- guards ---
    // Result of every guard of `entry` for the call at `pos` (size == guards.size()).
    std::vector<GuardResult> guardResults(int entry, int64_t pos) const;
    // The guard evaluation of `entry` recorded by call `pos`, or nothing if it was not tried.
    std::optional<GuardEval> evaluation(int entry, int64_t pos) const;

    // --- counting calls of a track (timelines; both forms) ---
    // Calls of the track in positions [from, to).
    int64_t countIn(int track, CallCount what, int64_t from, int64_t to) const;
    // Their positions, ascending, at most `max` (for drawing each call when zoomed in).
    std::vector<int64_t> callsIn(int track, CallCount what, int64_t from, int64_t to, size_t max = SIZE_MAX) const;
    // For each of `columns` columns c, the calls in positions [first + c * per, first + (c + 1) * per)
    // (column edges rounded up to whole positions). Exact, except for a paged session seen so
    // wide that over 32 chunks (kPagedExactChunks) are visible: then each chunk's counts are
    // spread evenly over the columns it covers. Compiles are not counted here: marks are exact.
    std::vector<int64_t> columnCounts(int track, CallCount what, double first, double per, int columns) const;
    static constexpr size_t kPagedExactChunks = 32;
    // First call of the track, -1 if it has none.
    int64_t firstCallOfTrack(int track) const;
    // The track's newest `n` calls at or before `cursor` and their input dimensions (values
    // aligned with `calls`; `firstSeen` from those calls only when the session is paged).
    struct DimWindow {
        std::vector<int64_t> calls;
        std::vector<Track::DimSeries> dims;
    };
    DimWindow dimsWindow(int track, int64_t cursor, size_t n) const;

    // --- logs ---
    // Log lines belong to the call they were written at; -1 (unknown) counts as "always".
    bool logVisibleAt(size_t logIndex, int64_t cursor) const;

    // "0/1" -> "0/1 (foo)"-style short label for an entry.
    std::string entryLabel(int entry) const;

private:
    void synthesizeCallsFromCompiles();
    void index();
    // Paged form (SessionIndexPaged.cpp).
    void indexPaged();
    void positionsFromIndexes();
    void indexPagedTracks();
    int trackOfFrame(int frameId, int64_t pos, int* record = nullptr) const;
    int64_t countInChunk(int track, CallCount what, size_t chunk, int64_t from, int64_t to) const;
    int64_t pagedCountIn(int track, CallCount what, int64_t from, int64_t to) const;
    std::vector<int64_t> pagedColumnCounts(int track, CallCount what, double first, double per, int columns) const;
    int64_t pagedHitsAt(int entry, int64_t cursor) const;
    struct EntryChunk;
    int64_t entryHitsInChunk(const std::string& id, const std::vector<EntryChunk>& list, size_t k, int64_t from, int64_t to) const;
    static CallKind kindOf(CallOutcome o);
    static void addDims(std::vector<Track::DimSeries>& dims, const Call& c, size_t i, size_t n);
    void indexEntries();
    // A track per function (name, file, line) from the frame records; returns the records of
    // each frame id in order.
    std::unordered_map<int, std::vector<int>> tracksFromRecords();
    void indexTracks();
    void indexDims(Track& t);

    Session s_;
    bool synthesizedCalls_ = false;
    std::vector<CallKind> kinds_;
    std::vector<int> entryOfCall_;
    std::vector<int> trackOfCall_;
    std::vector<int64_t> createdAt_, removedAt_;
    std::vector<std::vector<int64_t>> hitPositions_;
    std::unordered_map<std::string, std::vector<std::pair<int64_t, int>>> entriesById_;
    std::vector<int> creationOrder_;
    std::vector<int64_t> resets_;
    std::vector<int64_t> staleHits_;
    std::vector<int> recordOfCall_, trackOfRecord_, trackOfEntry_;
    std::vector<std::vector<int>> entriesOfTrack_;
    std::unordered_map<int64_t, int> recompileAtCall_;
    std::vector<int> recompileOfEntry_;
    std::vector<int64_t> compilePositions_;
    std::vector<Track> tracks_;

    // Paged form: the calls, frame records per frame id and reset epoch, per track running
    // counts of hits / eager calls over the chunks, and per compile id running hits.
    std::unique_ptr<PagedCalls> paged_;
    std::unordered_map<int, std::vector<std::pair<size_t, int>>> recordOfEpoch_;  // frame id -> (epoch, record)
    std::unordered_map<int, int> syntheticTrack_;  // frame ids without a record
    std::vector<std::vector<int64_t>> hitsBefore_, eagerBefore_, callsBefore_;  // [track][chunk], size chunks + 1
    // Per compile id, the chunks holding its hits (ascending), so that memory grows with hits'
    // chunks rather than entries x chunks: the running count through the chunk and where in
    // it the hits fall (HitSpan; unknown for chunks stored before schema 9).
    struct EntryChunk {
        size_t chunk = 0;
        int64_t through = 0;  // hits of the id in chunks 0..chunk
        HitSpan span;
    };
    std::unordered_map<std::string, std::vector<EntryChunk>> entryChunks_;
};

using SessionIndexPtr = std::shared_ptr<const SessionIndex>;

} // namespace gs::session
