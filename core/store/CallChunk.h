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
//   calls:    count, then each call: index - previous index - 1 (signed; the first is relative
//             to the chunk's first index), frameId (signed), line (signed), outcome, entryId
//             (string ref), argument count, then (arg ref, objectId signed) each, tried count,
//             then eval ref each
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
    void add(const session::Call& c);
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
    std::unordered_map<int, std::vector<uint32_t>> lastArgs_;
    int64_t calls_ = 0;
    int64_t firstIndex_ = 0, lastIndex_ = 0;
    CallChunkCounts counts_;
    ChunkSummary summary_;
};

// Decodes a chunk written by CallChunkWriter; `firstIndex` is the row's first_idx. Throws
// StoreError naming what is damaged.
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
