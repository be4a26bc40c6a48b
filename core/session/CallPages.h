#pragma once
// Calls read page by page: a session with millions of calls is opened from its chunk directory
// (counts per chunk and per function, no call decoded) and its calls are read when a view needs
// them. The store provides the pages (core/store/CallChunk.h); SessionIndex uses them through
// this interface, so core/session does not depend on the store.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

// Calls of one function in one chunk: hits, eager (run-only, skipped) and other calls
// (compiles, recompiles, failures).
struct FrameCounts {
    int32_t frameId = 0;
    int64_t hits = 0, eager = 0, other = 0;
    bool operator==(const FrameCounts&) const = default;
};

// Hits of one cache entry (by compile id) in one chunk.
struct EntryHits {
    std::string compileId;
    int64_t hits = 0;
    bool operator==(const EntryHits&) const = default;
};

// Where one cache entry's hits fall in a chunk: the offsets (0 = the chunk's first call) of its
// first and last hit. With it, the hits of an entry from or up to a call inside the chunk are
// known without decoding the chunk whenever that call is not between the two.
struct HitSpan {
    int32_t first = -1, last = -1;
    bool operator==(const HitSpan&) const = default;
};

// One chunk of consecutive calls as the directory describes it.
struct CallChunkInfo {
    int64_t firstIndex = 0, lastIndex = 0;  // Call::index of its first and last call
    int64_t calls = 0, hits = 0, runOnly = 0;
    std::vector<FrameCounts> frames;
    std::vector<EntryHits> entries;
    int64_t stale = 0;  // hits `run --verify` found stale
    // Aligned with `entries`; empty for chunks stored before schema 9 (their partial counts
    // decode the chunk).
    std::vector<HitSpan> spans;
};

// What a timeline needs of each call of a chunk, decoded without arguments or guards.
// `entry` indexes `strings` (the call's entryId).
struct CallBriefs {
    struct Brief {
        int64_t index = 0;
        int32_t frameId = 0;
        CallOutcome outcome = CallOutcome::Hit;
        uint32_t entry = 0;
    };
    std::vector<std::string> strings;
    std::vector<Brief> calls;
};

// The calls of one chunk as a reader keeps them between requests: a call is built when asked
// for (a cursor step needs one call of a chunk, not its 8,192). Immutable once made, so it can
// be read from several threads.
class CallPage {
public:
    virtual ~CallPage() = default;
    virtual size_t size() const = 0;
    virtual Call call(size_t offset) const = 0;
};

// The calls of one stored session. Called from any one thread at a time (SessionIndex
// serialises its own use).
class CallPages {
public:
    virtual ~CallPages() = default;
    virtual const std::vector<CallChunkInfo>& chunks() const = 0;
    virtual std::vector<Call> read(size_t chunk) = 0;
    virtual CallBriefs briefs(size_t chunk) = 0;
    // The chunk's calls one at a time; by default read(chunk) kept whole. The store's pages
    // keep the chunk compactly decoded instead (core/store/DecodedCallChunk.h).
    virtual std::shared_ptr<const CallPage> page(size_t chunk);
};

} // namespace gs::session
