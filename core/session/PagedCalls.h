#pragma once
// The calls of a big session, read page by page through CallPages and cached: positions (the
// time axis, 0..count-1) map to chunks by their running counts, and the chunks last asked for
// stay decoded (briefs for timelines, pages that build whole calls for the detail views). Thread-safe: the UI
// thread and workers may ask at once.
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/session/CallPages.h"

namespace gs::session {

class PagedCalls {
public:
    explicit PagedCalls(std::shared_ptr<CallPages> pages);

    int64_t count() const { return starts_.back(); }
    size_t chunkCount() const { return chunks_.size(); }
    const CallChunkInfo& chunk(size_t k) const { return chunks_[k]; }
    // Position of chunk k's first call; chunkStart(chunkCount()) == count().
    int64_t chunkStart(size_t k) const { return starts_[k]; }
    // The chunk holding position pos (0 <= pos < count()).
    size_t chunkOf(int64_t pos) const;
    // Position of the call with this Call::index, or -1 if no call has it.
    int64_t positionOf(int64_t index) const;
    // How many calls have a Call::index below `index` (where a reset at that index falls).
    int64_t callsBefore(int64_t index) const;
    // A call, its Call::index replaced by its position (as SessionIndex numbers calls).
    Call call(int64_t pos) const;
    CallBriefs::Brief brief(int64_t pos) const;
    // The briefs of a whole chunk (kept decoded while recently used).
    std::shared_ptr<const CallBriefs> briefs(size_t k) const;
    // Hits of the cache entry `compileId` at offsets [a, b) of chunk k (offset 0 = its first
    // call). Each chunk's hit offsets per entry are gathered once from its briefs and kept
    // while recently used, so every entry of the cache view counts at the cursor's chunk in
    // O(log n).
    int64_t entryHitsIn(size_t k, const std::string& compileId, int64_t a, int64_t b) const;

private:
    template <class T> struct Lru {
        size_t capacity;
        std::list<size_t> order;  // most recent first
        std::unordered_map<size_t, std::pair<std::shared_ptr<const T>, std::list<size_t>::iterator>> items;
        std::shared_ptr<const T> get(size_t k);
        void put(size_t k, std::shared_ptr<const T> v);
    };

    std::shared_ptr<CallPages> pages_;
    std::vector<CallChunkInfo> chunks_;
    std::vector<int64_t> starts_;
    bool gapless_ = true;  // every chunk's indexes are consecutive and follow the previous chunk's
    mutable std::mutex mu_;
    using HitOffsets = std::unordered_map<std::string, std::vector<int32_t>>;  // compile id -> ascending offsets
    mutable Lru<CallBriefs> briefs_{64, {}, {}};
    mutable Lru<HitOffsets> hitOffsets_{8, {}, {}};
    mutable Lru<CallPage> calls_{4, {}, {}};
};

} // namespace gs::session
