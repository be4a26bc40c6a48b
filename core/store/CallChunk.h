#pragma once
// Calls are stored in chunks: one row of `call_chunks` holds up to kCallsPerChunk consecutive
// calls of a session in a compact binary form, so that recording a call costs an append to a
// buffer rather than four row inserts, and a 10-million-call session is a few thousand rows
// (schema version 5). Within a chunk, strings, argument descriptions and guard evaluations are
// stored once and referenced by number: the calls of a hot loop repeat them.
//
// Format (all integers LEB128 varints, signed ones zig-zag encoded):
//   'G' 'C' version(1)
//   strings:  count, then (length, bytes) each
//   args:     count, then each ArgDesc without objectId: source kind type (string refs),
//             shape stride (count + signed values), dtype device (string refs),
//             requiresGrad (0/1), aliasOf (signed), value (string ref)
//   evals:    count, then each GuardEval: compileId (string ref), passed (0/1),
//             firstFailedGuard (signed), reason (string ref), failedGuards (count + signed),
//             evaluated (signed)
//   calls:    count, then the calls as records (format 3 and 4, schema 10), each starting
//             with its kind:
//               0, a call in full: index - previous index - 1 (signed; the first is relative
//                  to the chunk's first index), frameId (signed), line (signed), outcome,
//                  entryId (string ref), argument count, then (arg ref, objectId minus the
//                  objectId in the same place of the frame's previous call in the chunk, or
//                  minus 0 when there is none; signed) each, tried count, then eval ref each
//               1 + 4 n, a run: the next n calls repeat the previous call (same frame, line,
//                  outcome, entry, arguments and object ids, tried) at consecutive indexes
//               2, a repeat of the frame's previous call in the chunk with other object ids
//                  or a gap in the indexes: index delta (signed, as in 0), frameId (signed),
//                  then the objectId deltas (signed, as in 0), one per argument of that call
//             A hot loop's hits are one run per chunk. Formats 1 and 2 (before schema 10)
//             store every call in full: index delta, frameId, line, outcome, entryId, argument
//             count, then (arg ref, objectId) each, tried count, then eval ref each.
//   verify:   formats 2 and 4 only (calls with a `run --verify` result): count, then
//             (position delta, verified bit + stale report string ref << 1) each
//   checksum: FNV-1a 64 of everything before it, 8 bytes little-endian
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/session/CallPages.h"
#include "core/session/Session.h"

namespace gs::store {

using session::CallBriefs;
using session::CallChunkInfo;
using session::EntryHits;
using session::FrameCounts;
using session::HitSpan;

constexpr int64_t kCallsPerChunk = 8192;

// Counts a chunk row carries beside its data, for summaries without decoding.
struct CallChunkCounts {
    int64_t calls = 0, hits = 0, runOnly = 0;
    int64_t stale = 0;  // hits `run --verify` found stale (Call::stale non-empty)
};

struct ChunkSummary {
    std::vector<FrameCounts> frames;
    std::vector<EntryHits> entries;
    std::vector<HitSpan> spans;  // aligned with entries (empty: stored before schema 9)
};

class CallChunkWriter {
public:
    // `legacy`: writes formats 1 and 2 (every call in full), as stores before schema 10 hold
    // them; for tests that old chunks still read the same.
    explicit CallChunkWriter(bool legacy = false) : legacy_(legacy) {}
    void add(const session::Call& c);
    // `c` equals the previous call of its frame given to this writer in every field but the
    // index and the arguments' object ids (EventSink::repeatCall): costs a counter when the
    // object ids are the same too and it follows that call. Without such a call in this chunk
    // (or with another argument count) it is add(c).
    void addRepeat(const session::Call& c);
    bool empty() const { return calls_ == 0; }
    int64_t size() const { return calls_; }
    int64_t firstIndex() const { return firstIndex_; }
    int64_t lastIndex() const { return lastIndex_; }
    const CallChunkCounts& counts() const { return counts_; }
    // Calls per function and hits per entry, in order of first appearance in the chunk.
    const ChunkSummary& summary() const { return summary_; }
    // The chunk as stored; the writer keeps its calls (a batch may write a chunk that is not
    // full yet, and write it again once more calls arrived).
    std::string encode() const;
    void clear();

private:
    // The previous call of a frame in this chunk, for repeats and object id deltas.
    struct FrameLast {
        int frameId = 0;
        uint32_t counts = 0;            // its place in summary_.frames
        int32_t hitEntry = -1;          // its entry's place in summary_.entries (hits), else -1
        bool hasCall = false;           // a call of the frame is in the chunk (the fields below)
        int line = 0;
        session::CallOutcome outcome = session::CallOutcome::Hit;
        uint32_t entry = 0;             // string ref
        std::vector<uint32_t> args, evals;
        std::vector<int64_t> objectIds;
    };
    FrameLast& frameOf(int frameId);
    void count(const session::Call& c, FrameLast& f);
    void flushRun();
    void putRepeat(const session::Call& c, FrameLast& f);
    void addLegacy(const session::Call& c);
    uint32_t str(const std::string& s);
    uint32_t arg(const session::ArgDesc& a);
    uint32_t eval(const session::GuardEval& g);

    // Per-chunk tables, and the calls as an already-encoded byte stream.
    std::vector<std::string> strings_;
    std::unordered_map<std::string, uint32_t> stringIds_;
    std::vector<session::ArgDesc> args_;
    std::unordered_map<uint64_t, std::vector<uint32_t>> argsByHash_;
    std::vector<session::GuardEval> evals_;
    std::unordered_map<uint64_t, std::vector<uint32_t>> evalsByHash_;
    std::string calls_bytes_;
    // Verify results of the calls that have one (format 2): position delta + value pairs.
    std::string verify_bytes_;
    int64_t verified_ = 0, lastVerified_ = 0;
    // The previous call's argument refs per frame: a hot loop passes the same descriptions.
    std::unordered_map<int, std::vector<uint32_t>> lastArgs_;  // formats 1 and 2
    std::vector<FrameLast> frames_;
    std::vector<uint32_t> argRefs_, evalRefs_;  // add()'s, kept for their storage
    std::unordered_map<int, uint32_t> frameSlots_;
    int32_t lastFrame_ = -1;            // frames_ place of the previous call's frame
    int64_t run_ = 0;                   // repeats of the previous call not yet written
    bool legacy_ = false;
    int64_t calls_ = 0;
    int64_t firstIndex_ = 0, lastIndex_ = 0;
    CallChunkCounts counts_;
    ChunkSummary summary_;
};

// Decodes a chunk written by CallChunkWriter; `firstIndex` is the row's first_idx. Throws
// StoreError naming what is damaged. Both decoders are DecodedCallChunk (the one reader of the
// format, which also keeps a chunk compact and builds one call at a time).
std::vector<session::Call> decodeCallChunk(std::string_view data, int64_t firstIndex);

// The brief form of a chunk's calls (session::CallBriefs), several times faster than whole calls.
CallBriefs decodeCallBriefs(std::string_view data, int64_t firstIndex);

// The chunk's summary, stored beside it (call_chunks.summary): calls per function and hits per
// cache entry, so the counts of millions of calls need no decoding. Format: frames (count, then
// frameId hits eager other each), entries (count, then compileId hits each), and from schema 9
// (call_chunks.hit_spans = 1) the entries' hit spans (count = entries, then first last each).
std::string encodeSummary(const ChunkSummary& s);
// `spansRequired`: the row says its summary carries hit spans (a summary without them is damaged).
ChunkSummary decodeSummary(std::string_view data, bool spansRequired = false);

} // namespace gs::store
