// SessionIndex for a stored session whose calls stay in the store (part of SessionIndex): built
// from the chunk directory alone (counts per chunk, per function and per cache entry), so a
// session of ten million calls opens without decoding one; compiles and recompiles come from
// their own records, and single calls are read through PagedCalls when a view asks.
#include <algorithm>
#include <cmath>

#include "core/session/ReasonClassifier.h"
#include "core/session/SessionIndex.h"

namespace gs::session {

SessionIndex::SessionIndex(Session withoutCalls, std::shared_ptr<CallPages> pages) : s_(std::move(withoutCalls)) {
    s_.calls.clear();
    paged_ = std::make_unique<PagedCalls>(std::move(pages));
    // As the whole index does: sessions stored before resets were events get inferred ones.
    if (s_.resets.empty()) s_.resets = inferResets(s_);
    indexPaged();
}

Summary SessionIndex::summary() const {
    Summary sum = s_.summary();
    if (!paged_) return sum;
    sum.calls = sum.cacheHits = sum.runOnly = sum.staleHits = 0;
    for (size_t k = 0; k < paged_->chunkCount(); ++k) {
        sum.calls += paged_->chunk(k).calls;
        sum.cacheHits += paged_->chunk(k).hits;
        sum.runOnly += paged_->chunk(k).runOnly;
        sum.staleHits += paged_->chunk(k).stale;
    }
    return sum;
}

// Records point at calls by Call::index; the time axis counts positions.
void SessionIndex::positionsFromIndexes() {
    auto map = [&](int64_t& v) {
        if (v >= 0) v = paged_->positionOf(v);
    };
    for (auto& c : s_.compiles) map(c.causedByCall);
    for (auto& r : s_.recompiles) map(r.callIndex);
    for (auto& e : s_.shapeEvents) map(e.callIndex);
    for (auto& l : s_.logs) map(l.callIndex);
    // A reset falls before the first call whose index is at least its own.
    for (auto& r : s_.resets) r.callIndex = paged_->callsBefore(r.callIndex);
}

void SessionIndex::indexPaged() {
    positionsFromIndexes();
    indexEntries();
    for (size_t r = 0; r < s_.recompiles.size(); ++r)
        if (s_.recompiles[r].callIndex >= 0) recompileAtCall_.emplace(s_.recompiles[r].callIndex, int(r));
    indexPagedTracks();
    // Stale hits are rare (a --verify run): only chunks that count some are decoded.
    for (size_t k = 0; k < paged_->chunkCount(); ++k)
        if (paged_->chunk(k).stale > 0)
            for (int64_t pos = paged_->chunkStart(k); pos < paged_->chunkStart(k + 1); ++pos)
                if (!paged_->call(pos).stale.empty()) staleHits_.push_back(pos);
    // Compiles, recompiles and failures are marks; a compile that hit the recompile limit ran
    // eagerly (counted with the eager calls) but is a step of "next recompile" navigation.
    trackOfEntry_.assign(s_.compiles.size(), -1);
    entriesOfTrack_.assign(tracks_.size(), {});
    for (int e : creationOrder_) {
        const auto& c = s_.compiles[size_t(e)];
        const int64_t pos = createdAt_[size_t(e)];
        const int t = trackOfFrame(c.frameId, pos >= 0 ? pos : 0);
        if (t < 0) continue;
        trackOfEntry_[size_t(e)] = t;
        entriesOfTrack_[size_t(t)].push_back(e);
        if (pos < 0 || pos >= callCount()) continue;
        const int rec = recompileAtCall(pos);
        if (c.status == EntryStatus::LimitHit) {
            if (rec >= 0) compilePositions_.push_back(pos);
            continue;
        }
        CallKind kind = c.status == EntryStatus::Failed ? CallKind::Failed : rec >= 0 ? CallKind::Recompile : CallKind::Compile;
        auto cat = ReasonCategory::Other;
        if (rec >= 0 && !s_.recompiles[size_t(rec)].reasons.empty()) cat = ReasonClassifier::recompileCategory(s_.recompiles[size_t(rec)]);
        tracks_[size_t(t)].marks.push_back({pos, kind, cat});
        compilePositions_.push_back(pos);
    }
    for (auto& t : tracks_)
        std::stable_sort(t.marks.begin(), t.marks.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
    std::sort(compilePositions_.begin(), compilePositions_.end());
    compilePositions_.erase(std::unique(compilePositions_.begin(), compilePositions_.end()), compilePositions_.end());
    for (size_t r = 0; r < s_.recompiles.size(); ++r) {
        const auto& rc = s_.recompiles[r];
        const int e = resolveEntry(rc.compileId, rc.callIndex >= 0 ? rc.callIndex : INT64_MAX);
        if (e >= 0 && recompileOfEntry_[size_t(e)] < 0) recompileOfEntry_[size_t(e)] = int(r);
    }
}

// Tracks as indexTracks() makes them, and a call's frame record as there: the record of its id
// in its epoch (Session::frame(id, epoch): the newest record of the id up to the end of that
// epoch), else the id's newest record. Kept per id as the epochs at which its record changes.
void SessionIndex::indexPagedTracks() {
    tracksFromRecords();
    auto epochOf = [&](int64_t pos) { return size_t(std::upper_bound(resets_.begin(), resets_.end(), pos) - resets_.begin()); };
    std::unordered_map<int, int> latest;
    size_t rec = 0;
    for (size_t e = 0; e <= s_.resets.size(); ++e) {
        const size_t end = e < s_.resets.size() ? std::min(s_.frames.size(), size_t(std::max<int64_t>(0, s_.resets[e].frames)))
                                                : s_.frames.size();
        for (; rec < end; ++rec) {
            const int id = s_.frames[rec].id;
            latest[id] = int(rec);
            auto& epochs = recordOfEpoch_[id];
            if (!epochs.empty() && epochs.back().first == e) epochs.back().second = int(rec);
            else epochs.emplace_back(e, int(rec));
        }
    }
    // Epochs before an id's first record: the id's newest record (Session::frame(id)).
    for (auto& [id, epochs] : recordOfEpoch_)
        if (!epochs.empty() && epochs.front().first > 0) epochs.insert(epochs.begin(), {size_t(0), latest[id]});
    // Frame ids that ran without any record (no compile) get a track of their own.
    for (size_t k = 0; k < paged_->chunkCount(); ++k)
        for (const auto& f : paged_->chunk(k).frames)
            if (!recordOfEpoch_.count(f.frameId) && !syntheticTrack_.count(f.frameId)) {
                syntheticTrack_[f.frameId] = int(tracks_.size());
                Track t;
                t.frameId = f.frameId;
                t.label = "frame " + std::to_string(f.frameId);
                tracks_.push_back(std::move(t));
            }
    // Running counts per track over the chunks; a chunk crossing a reset is decoded.
    const size_t n = paged_->chunkCount();
    hitsBefore_.assign(tracks_.size(), std::vector<int64_t>(n + 1, 0));
    eagerBefore_.assign(tracks_.size(), std::vector<int64_t>(n + 1, 0));
    callsBefore_.assign(tracks_.size(), std::vector<int64_t>(n + 1, 0));
    for (size_t k = 0; k < n; ++k) {
        const int64_t start = paged_->chunkStart(k), end = paged_->chunkStart(k + 1);
        for (size_t t = 0; t < tracks_.size(); ++t) {
            hitsBefore_[t][k + 1] = hitsBefore_[t][k];
            eagerBefore_[t][k + 1] = eagerBefore_[t][k];
            callsBefore_[t][k + 1] = callsBefore_[t][k];
        }
        if (end > start && epochOf(start) == epochOf(end - 1)) {
            for (const auto& f : paged_->chunk(k).frames) {
                const int t = trackOfFrame(f.frameId, start);
                if (t < 0) continue;
                hitsBefore_[size_t(t)][k + 1] += f.hits;
                eagerBefore_[size_t(t)][k + 1] += f.eager;
                callsBefore_[size_t(t)][k + 1] += f.hits + f.eager + f.other;
            }
        } else if (end > start) {
            auto b = paged_->briefs(k);
            for (int64_t pos = start; pos < end; ++pos) {
                const auto& c = b->calls[size_t(pos - start)];
                const int t = trackOfFrame(c.frameId, pos);
                const CallKind kind = kindOf(c.outcome);
                if (t < 0) continue;
                if (kind == CallKind::Hit) ++hitsBefore_[size_t(t)][k + 1];
                if (kind == CallKind::RunOnly || kind == CallKind::Skipped) ++eagerBefore_[size_t(t)][k + 1];
                ++callsBefore_[size_t(t)][k + 1];
            }
        }
        const auto& info = paged_->chunk(k);
        const bool spans = info.spans.size() == info.entries.size();
        for (size_t e = 0; e < info.entries.size(); ++e) {
            auto& list = entryChunks_[info.entries[e].compileId];
            const int64_t before = list.empty() ? 0 : list.back().through;
            if (!list.empty() && list.back().chunk == k) {  // the id twice in one summary: counts add, span unknown
                list.back().through += info.entries[e].hits;
                list.back().span = {};
                continue;
            }
            list.push_back({k, before + info.entries[e].hits, spans ? info.spans[e] : HitSpan{}});
        }
    }
}

int SessionIndex::trackOfFrame(int frameId, int64_t pos, int* record) const {
    if (record) *record = -1;
    auto it = recordOfEpoch_.find(frameId);
    if (it == recordOfEpoch_.end()) {
        auto s = syntheticTrack_.find(frameId);
        return s == syntheticTrack_.end() ? -1 : s->second;
    }
    const size_t epoch = size_t(std::upper_bound(resets_.begin(), resets_.end(), pos) - resets_.begin());
    const auto& epochs = it->second;
    auto at = std::upper_bound(epochs.begin(), epochs.end(), epoch,
                               [](size_t v, const std::pair<size_t, int>& e) { return v < e.first; });
    const int r = at == epochs.begin() ? epochs.front().second : std::prev(at)->second;
    if (record) *record = r;
    return trackOfRecord_[size_t(r)];
}

int64_t SessionIndex::countInChunk(int track, CallCount what, size_t k, int64_t from, int64_t to) const {
    const int64_t start = paged_->chunkStart(k), end = paged_->chunkStart(k + 1);
    from = std::max(from, start);
    to = std::min(to, end);
    if (from >= to) return 0;
    const auto& before = what == CallCount::Hits ? hitsBefore_[size_t(track)] : eagerBefore_[size_t(track)];
    if (from == start && to == end) return before[k + 1] - before[k];
    if (before[k + 1] == before[k]) return 0;
    auto b = paged_->briefs(k);
    int64_t n = 0;
    for (int64_t pos = from; pos < to; ++pos) {
        const auto& c = b->calls[size_t(pos - start)];
        const CallKind kind = kindOf(c.outcome);
        const bool counted = what == CallCount::Hits ? kind == CallKind::Hit : kind == CallKind::RunOnly || kind == CallKind::Skipped;
        if (counted && trackOfFrame(c.frameId, pos) == track) ++n;
    }
    return n;
}

int64_t SessionIndex::pagedCountIn(int track, CallCount what, int64_t from, int64_t to) const {
    from = std::max<int64_t>(from, 0);
    to = std::min(to, callCount());
    if (from >= to) return 0;
    const size_t k0 = paged_->chunkOf(from), k1 = paged_->chunkOf(to - 1);
    if (k0 == k1) return countInChunk(track, what, k0, from, to);
    const auto& before = what == CallCount::Hits ? hitsBefore_[size_t(track)] : eagerBefore_[size_t(track)];
    return countInChunk(track, what, k0, from, to) + (before[k1] - before[k0 + 1]) + countInChunk(track, what, k1, from, to);
}

std::vector<int64_t> SessionIndex::pagedColumnCounts(int track, CallCount what, double first, double per, int columns) const {
    std::vector<int64_t> out(size_t(columns), 0);
    const int64_t lo = std::max<int64_t>(0, int64_t(std::ceil(first)));
    const int64_t hi = std::min(callCount(), int64_t(std::ceil(first + columns * per)));
    if (lo >= hi) return out;
    auto column = [&](int64_t pos) { return std::clamp(int(std::floor((double(pos) - first) / per)), 0, columns - 1); };
    const size_t k0 = paged_->chunkOf(lo), k1 = paged_->chunkOf(hi - 1);
    if (k1 - k0 + 1 <= kPagedExactChunks) {
        for (int64_t pos : callsIn(track, what, lo, hi)) ++out[size_t(column(pos))];
        return out;
    }
    // Wide view: each chunk's count spread evenly over the columns its positions cover.
    const auto& before = what == CallCount::Hits ? hitsBefore_[size_t(track)] : eagerBefore_[size_t(track)];
    std::vector<double> acc(size_t(columns), 0.0);
    for (size_t k = k0; k <= k1; ++k) {
        const int64_t n = before[k + 1] - before[k];
        if (n == 0) continue;
        const int64_t s = paged_->chunkStart(k), e = paged_->chunkStart(k + 1);
        const int64_t a = std::max(s, lo), b = std::min(e, hi);
        if (a >= b) continue;
        const double perPos = double(n) / double(e - s);
        const int c0 = column(a), c1 = column(b - 1);
        for (int c = c0; c <= c1; ++c) {
            const double ca = std::max(double(a), first + c * per), cb = std::min(double(b), first + (c + 1) * per);
            if (cb > ca) acc[size_t(c)] += (cb - ca) * perPos;
        }
    }
    for (size_t c = 0; c < acc.size(); ++c) out[c] = int64_t(std::llround(acc[c]));
    return out;
}

// Hits of the id in positions [from, to) of chunk k: the directory's count when the range
// covers the chunk or all of the id's hits in it (its span), none when it misses them, else
// counted at the chunk's hit offsets (the cursor's chunk, shared by every entry).
int64_t SessionIndex::entryHitsInChunk(const std::string& id, const std::vector<EntryChunk>& list, size_t k, int64_t from,
                                       int64_t to) const {
    auto it = std::lower_bound(list.begin(), list.end(), k, [](const EntryChunk& c, size_t v) { return c.chunk < v; });
    if (it == list.end() || it->chunk != k) return 0;
    const int64_t inChunk = it->through - (it == list.begin() ? 0 : std::prev(it)->through);
    const int64_t start = paged_->chunkStart(k);
    const int64_t a = std::max(from, start) - start, b = std::min(to, paged_->chunkStart(k + 1)) - start;
    if (a >= b) return 0;
    if (a == 0 && b == paged_->chunkStart(k + 1) - start) return inChunk;
    if (it->span.first >= 0) {
        if (a <= it->span.first && it->span.last < b) return inChunk;
        if (it->span.last < a || it->span.first >= b) return 0;
    }
    return paged_->entryHitsIn(k, id, a, b);
}

int64_t SessionIndex::pagedHitsAt(int entry, int64_t cursor) const {
    const std::string& id = s_.compiles[size_t(entry)].compileId;
    auto it = entryChunks_.find(id);
    if (it == entryChunks_.end()) return 0;
    const auto& list = it->second;
    const int64_t from = std::max<int64_t>(createdAt_[size_t(entry)], 0);
    const int64_t to = std::min({cursor + 1, removedAt_[size_t(entry)], callCount()});
    if (from >= to) return 0;
    const size_t k0 = paged_->chunkOf(from), k1 = paged_->chunkOf(to - 1);
    if (k0 == k1) return entryHitsInChunk(id, list, k0, from, to);
    // Hits in the chunks strictly between k0 and k1, from the running counts.
    auto through = [&](size_t k) {  // hits of the id in chunks 0..k
        auto at = std::upper_bound(list.begin(), list.end(), k, [](size_t v, const EntryChunk& c) { return v < c.chunk; });
        return at == list.begin() ? int64_t(0) : std::prev(at)->through;
    };
    return entryHitsInChunk(id, list, k0, from, to) + (through(k1 - 1) - through(k0)) + entryHitsInChunk(id, list, k1, from, to);
}

} // namespace gs::session
