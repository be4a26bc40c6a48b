#include "core/session/SessionIndex.h"

#include "core/session/GuardDiff.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_set>

#include "core/session/ReasonClassifier.h"

namespace gs::session {


CallKind SessionIndex::kindOf(CallOutcome o) {
    switch (o) {
    case CallOutcome::Hit: return CallKind::Hit;
    case CallOutcome::Compiled: return CallKind::Compile;
    case CallOutcome::Recompiled: return CallKind::Recompile;
    case CallOutcome::RunOnly: return CallKind::RunOnly;
    case CallOutcome::Skipped: return CallKind::Skipped;
    case CallOutcome::Failed: return CallKind::Failed;
    }
    return CallKind::Hit;
}

namespace {

bool isManager(const Guard& g) { return GuardDiff::isManager(g.kind); }

} // namespace

SessionIndex::SessionIndex(Session s) : s_(std::move(s)) {
    if (s_.calls.empty() && !s_.compiles.empty()) synthesizeCallsFromCompiles();
    // Sessions recorded before resets were events (and imported logs, whose only evidence of a
    // reset is a compile id seen again): see inferResets.
    if (s_.resets.empty()) s_.resets = inferResets(s_);
    index();
}

// TORCH_TRACE logs record compiles, not calls (torch-trace-format.md): give every compile one
// step on the time axis so the cursor, cache and guard views work the same way.
void SessionIndex::synthesizeCallsFromCompiles() {
    synthesizedCalls_ = true;
    std::unordered_set<std::string> seenFrames;
    std::vector<bool> recompileUsed(s_.recompiles.size(), false);
    for (size_t i = 0; i < s_.compiles.size(); ++i) {
        auto& c = s_.compiles[i];
        Call call;
        call.index = int64_t(i);
        call.frameId = c.frameId;
        call.entryId = c.compileId;
        const bool firstOfFrame = seenFrames.insert(std::to_string(c.frameId)).second;
        call.outcome = firstOfFrame ? CallOutcome::Compiled : CallOutcome::Recompiled;
        if (c.status == EntryStatus::Failed) call.outcome = CallOutcome::Failed;
        if (c.status == EntryStatus::LimitHit) call.outcome = CallOutcome::RunOnly;
        c.causedByCall = int64_t(i);
        for (size_t r = 0; r < s_.recompiles.size(); ++r) {
            if (recompileUsed[r] || s_.recompiles[r].compileId != c.compileId) continue;
            recompileUsed[r] = true;
            if (s_.recompiles[r].callIndex < 0) s_.recompiles[r].callIndex = int64_t(i);
            if (call.outcome == CallOutcome::Compiled) call.outcome = CallOutcome::Recompiled;
            break;
        }
        s_.calls.push_back(std::move(call));
    }
    // Attach compile-tagged logs and shape events to their compile's step.
    std::unordered_map<std::string, int64_t> stepOf;
    for (const auto& c : s_.compiles) stepOf.emplace(c.compileId, c.causedByCall);
    for (auto& l : s_.logs)
        if (l.callIndex < 0 && stepOf.count(l.compileId)) l.callIndex = stepOf[l.compileId];
    for (auto& e : s_.shapeEvents)
        if (e.callIndex < 0 && stepOf.count(e.compileId)) e.callIndex = stepOf[e.compileId];
    // A step per compile: a reset falls before the first compile after it.
    for (auto& r : s_.resets) r.callIndex = r.compiles;
}

void SessionIndex::index() {
    const size_t n = s_.calls.size();
    // Positions are the time axis. Renumber if a writer left gaps, so that position == index.
    bool contiguous = true;
    for (size_t i = 0; i < n && contiguous; ++i) contiguous = s_.calls[i].index == int64_t(i);
    if (!contiguous) {
        std::unordered_map<int64_t, int64_t> pos;
        for (size_t i = 0; i < n; ++i) pos.emplace(s_.calls[i].index, int64_t(i));
        auto map = [&](int64_t& v) {
            if (v < 0) return;
            auto it = pos.find(v);
            v = it == pos.end() ? -1 : it->second;
        };
        // A reset falls before the first call whose index is at least its own.
        for (auto& r : s_.resets) {
            int64_t before = 0;
            for (const auto& c : s_.calls) before += c.index < r.callIndex ? 1 : 0;
            r.callIndex = before;
        }
        for (size_t i = 0; i < n; ++i) s_.calls[i].index = int64_t(i);
        for (auto& c : s_.compiles) map(c.causedByCall);
        for (auto& r : s_.recompiles) map(r.callIndex);
        for (auto& e : s_.shapeEvents) map(e.callIndex);
        for (auto& l : s_.logs) map(l.callIndex);
    }
    indexEntries();
    indexTracks();

    kinds_.resize(n);
    entryOfCall_.assign(n, -1);
    for (size_t r = 0; r < s_.recompiles.size(); ++r)
        if (s_.recompiles[r].callIndex >= 0) recompileAtCall_.emplace(s_.recompiles[r].callIndex, int(r));
    for (size_t i = 0; i < n; ++i) {
        const auto& c = s_.calls[i];
        const int64_t pos = int64_t(i);
        kinds_[i] = kindOf(c.outcome);
        Track& t = tracks_[size_t(trackOfCall_[i])];
        t.calls.push_back(pos);
        if (!c.entryId.empty()) entryOfCall_[i] = resolveEntry(c.entryId, pos);
        switch (kinds_[i]) {
        case CallKind::Hit:
            t.hits.push_back(pos);
            if (!c.stale.empty()) staleHits_.push_back(pos);
            if (entryOfCall_[i] >= 0) hitPositions_[size_t(entryOfCall_[i])].push_back(pos);
            break;
        case CallKind::RunOnly:
        case CallKind::Skipped:
            t.eager.push_back(pos);
            if (recompileAtCall_.count(pos)) compilePositions_.push_back(pos); // limit hit here
            break;
        case CallKind::Compile:
        case CallKind::Recompile:
        case CallKind::Failed: {
            auto cat = ReasonCategory::Other;
            auto it = recompileAtCall_.find(pos);
            if (it != recompileAtCall_.end() && !s_.recompiles[size_t(it->second)].reasons.empty())
                cat = ReasonClassifier::recompileCategory(s_.recompiles[size_t(it->second)]);
            t.marks.push_back({pos, kinds_[i], cat});
            compilePositions_.push_back(pos);
            break;
        }
        }
    }
    // Entries belong to the track of the call that created them.
    trackOfEntry_.assign(s_.compiles.size(), -1);
    entriesOfTrack_.assign(tracks_.size(), {});
    for (int e : creationOrder_) {
        const int64_t at = createdAt_[size_t(e)];
        int t = at >= 0 && at < int64_t(n) ? trackOfCall_[size_t(at)] : -1;
        if (t < 0)
            for (size_t k = 0; k < tracks_.size() && t < 0; ++k)
                if (tracks_[k].frameId == s_.compiles[size_t(e)].frameId) t = int(k);
        if (t < 0) continue;
        trackOfEntry_[size_t(e)] = t;
        entriesOfTrack_[size_t(t)].push_back(e);
    }
    for (auto& t : tracks_) indexDims(t);
    for (size_t r = 0; r < s_.recompiles.size(); ++r) {
        const auto& rc = s_.recompiles[r];
        const int e = resolveEntry(rc.compileId, rc.callIndex >= 0 ? rc.callIndex : INT64_MAX);
        if (e >= 0 && recompileOfEntry_[size_t(e)] < 0) recompileOfEntry_[size_t(e)] = int(r);
    }
}

// Cache entries in creation order, and the resets that emptied the caches.
void SessionIndex::indexEntries() {
    const size_t ne = s_.compiles.size();
    createdAt_.assign(ne, -1);
    removedAt_.assign(ne, INT64_MAX);
    hitPositions_.assign(ne, {});
    recompileOfEntry_.assign(ne, -1);
    creationOrder_.resize(ne);
    for (size_t i = 0; i < ne; ++i) creationOrder_[i] = int(i);
    // Unknown creators (-1: imported traces) existed from the start.
    std::stable_sort(creationOrder_.begin(), creationOrder_.end(), [&](int a, int b) {
        return s_.compiles[size_t(a)].causedByCall < s_.compiles[size_t(b)].causedByCall;
    });
    // torch._dynamo.reset() empties every cache (dynamo-semantics §1.6, session::Reset):
    // an entry leaves the cache at the first reset after it.
    for (const auto& r : s_.resets) resets_.push_back(r.callIndex);
    for (int e : creationOrder_) {
        const auto& c = s_.compiles[size_t(e)];
        const int64_t pos = c.causedByCall;
        createdAt_[size_t(e)] = pos;
        const size_t epoch = size_t(s_.epochOfCompile(size_t(e)));
        if (epoch < s_.resets.size()) removedAt_[size_t(e)] = s_.resets[epoch].callIndex;
        entriesById_[c.compileId].push_back({pos, e});
        if (c.status != EntryStatus::Ok) removedAt_[size_t(e)] = pos; // never usable
    }
}

// One track per code object. Frame ids restart after a reset, so one id can name several
// frame records over time: a call belongs to the record of its id in its epoch
// (Session::frame(id, epoch)). Records of the same function (name, file, line) share a track,
// so a re-run after reset() stays on its row. Returns the records of each id in order (the paged
// index finds a call's record from them and the reset positions).
std::unordered_map<int, std::vector<int>> SessionIndex::tracksFromRecords() {
    std::map<std::tuple<std::string, std::string, int>, int> trackOfKey;
    std::unordered_map<int, std::vector<int>> recordsOfId;
    trackOfRecord_.assign(s_.frames.size(), -1);
    for (size_t r = 0; r < s_.frames.size(); ++r) {
        const auto& f = s_.frames[r];
        recordsOfId[f.id].push_back(int(r));
        auto [it, fresh] = trackOfKey.emplace(std::make_tuple(f.name, f.file, f.firstLine), int(tracks_.size()));
        if (fresh) {
            Track t;
            t.frameId = f.id;
            t.record = int(r);
            t.label = frameLabel(int(r));
            tracks_.push_back(std::move(t));
        }
        trackOfRecord_[r] = it->second;
    }
    return recordsOfId;
}

void SessionIndex::indexTracks() {
    tracksFromRecords();
    std::unordered_map<int, int> syntheticTrack; // calls of ids without any frame record
    recordOfCall_.assign(s_.calls.size(), -1);
    trackOfCall_.assign(s_.calls.size(), -1);
    int epoch = 0;
    for (size_t i = 0; i < s_.calls.size(); ++i) {
        while (size_t(epoch) < s_.resets.size() && s_.resets[size_t(epoch)].callIndex <= int64_t(i)) ++epoch;
        const int id = s_.calls[i].frameId;
        const Frame* f = s_.frame(id, epoch);
        if (!f) f = s_.frame(id); // a record in another epoch: damaged or hand-made input
        if (!f) {
            auto [it, fresh] = syntheticTrack.emplace(id, int(tracks_.size()));
            if (fresh) {
                Track t;
                t.frameId = id;
                t.label = "frame " + std::to_string(id);
                tracks_.push_back(std::move(t));
            }
            trackOfCall_[i] = it->second;
            continue;
        }
        const int record = int(f - s_.frames.data());
        recordOfCall_[i] = record;
        trackOfCall_[i] = trackOfRecord_[size_t(record)];
    }
}

// Input dimensions of call i (of n) of a series: tensor sizes and Python ints, by source.
void SessionIndex::addDims(std::vector<Track::DimSeries>& dims, const Call& c, size_t i, size_t n) {
    auto series = [&](const std::string& src, int dim) -> Track::DimSeries& {
        for (auto& d : dims)
            if (d.dim == dim && d.source == src) return d;
        dims.push_back({src, dim, std::vector<int64_t>(n, Track::kAbsent), {}});
        return dims.back();
    };
    auto record = [&](Track::DimSeries& d, int64_t v) {
        d.values[i] = v;
        for (const auto& f : d.firstSeen)
            if (f.second == v) return;
        d.firstSeen.emplace_back(c.index, v);
    };
    for (const auto& a : c.args) {
        if (a.kind == "tensor") {
            for (size_t d = 0; d < a.shape.size(); ++d) record(series(a.source, int(d)), a.shape[d]);
        } else if (a.kind == "int") {
            int64_t v = 0;
            const auto r = std::from_chars(a.value.data(), a.value.data() + a.value.size(), v);
            if (r.ec == std::errc()) record(series(a.source, -1), v);
        }
    }
}

void SessionIndex::indexDims(Track& t) {
    for (size_t i = 0; i < t.calls.size(); ++i) addDims(t.dims, s_.calls[size_t(t.calls[i])], i, t.calls.size());
}

Call SessionIndex::call(int64_t pos) const {
    if (paged_) return paged_->call(pos);
    return s_.calls[size_t(pos)];
}

CallKind SessionIndex::callKind(int64_t pos) const {
    if (paged_) return kindOf(paged_->brief(pos).outcome);
    return kinds_[size_t(pos)];
}

int SessionIndex::entryOfCall(int64_t pos) const {
    if (pos < 0 || pos >= callCount()) return -1;
    if (!paged_) return entryOfCall_[size_t(pos)];
    const size_t k = paged_->chunkOf(pos);
    const auto b = paged_->briefs(k);
    const std::string& id = b->strings[b->calls[size_t(pos - paged_->chunkStart(k))].entry];
    return id.empty() ? -1 : resolveEntry(id, pos);
}

int SessionIndex::trackOfCall(int64_t pos) const {
    if (pos < 0 || pos >= callCount()) return -1;
    if (paged_) return trackOfFrame(paged_->brief(pos).frameId, pos);
    return trackOfCall_[size_t(pos)];
}

int SessionIndex::trackOfEntry(int entry) const {
    return entry >= 0 && size_t(entry) < trackOfEntry_.size() ? trackOfEntry_[size_t(entry)] : -1;
}

const Frame* SessionIndex::frameOfCall(int64_t pos) const {
    if (pos < 0 || pos >= callCount()) return nullptr;
    int r = -1;
    if (paged_) trackOfFrame(paged_->brief(pos).frameId, pos, &r);
    else r = recordOfCall_[size_t(pos)];
    return r >= 0 ? &s_.frames[size_t(r)] : nullptr;
}

const Frame* SessionIndex::frameOfEntry(int entry) const {
    if (entry < 0 || size_t(entry) >= s_.compiles.size()) return nullptr;
    if (const int64_t at = createdAt_[size_t(entry)]; at >= 0 && at < callCount()) return frameOfCall(at);
    return frameOfTrack(trackOfEntry(entry));
}

const Frame* SessionIndex::frameOfTrack(int track) const {
    if (track < 0 || size_t(track) >= tracks_.size() || tracks_[size_t(track)].record < 0) return nullptr;
    return &s_.frames[size_t(tracks_[size_t(track)].record)];
}

std::string SessionIndex::frameLabel(int record) const {
    const Frame& f = s_.frames[size_t(record)];
    std::string file = f.file;
    if (auto slash = file.find_last_of('/'); slash != std::string::npos) file = file.substr(slash + 1);
    return f.name + " (" + (file.empty() ? "?" : file) + ":" + std::to_string(f.firstLine) + ")";
}

int SessionIndex::resolveEntry(std::string_view compileId, int64_t pos) const {
    // The entry of that id in the epoch of `pos` (Session::compile(id, epoch)); past the last
    // call, the newest one (Session::compile(id)).
    if (pos >= 0 && pos < callCount())
        if (const CompileEntry* c = s_.compile(compileId, s_.epochOfCall(pos))) return int(c - s_.compiles.data());
    auto it = entriesById_.find(std::string(compileId));
    if (it == entriesById_.end()) return -1;
    int found = -1;
    for (const auto& [created, e] : it->second) {
        if (created > pos) break;
        found = e;
    }
    // An entry referenced before its recorded creation (imported traces): take the first.
    return found >= 0 ? found : it->second.front().second;
}

bool SessionIndex::aliveAt(int entry, int64_t cursor) const {
    return createdAt_[size_t(entry)] <= cursor && cursor < removedAt_[size_t(entry)];
}

int64_t SessionIndex::hitsAt(int entry, int64_t cursor) const {
    if (paged_) return pagedHitsAt(entry, cursor);
    const auto& h = hitPositions_[size_t(entry)];
    return std::upper_bound(h.begin(), h.end(), cursor) - h.begin();
}

const std::vector<int>& SessionIndex::entriesOfTrack(int track) const {
    static const std::vector<int> none;
    return track >= 0 && size_t(track) < entriesOfTrack_.size() ? entriesOfTrack_[size_t(track)] : none;
}

int SessionIndex::previousEntry(int entry) const {
    const auto& list = entriesOfTrack(trackOfEntry(entry));
    int prev = -1;
    for (int e : list) {
        if (e == entry) return prev;
        if (s_.compiles[size_t(e)].status == EntryStatus::Ok) prev = e;
    }
    return -1;
}

int SessionIndex::recompileAtCall(int64_t pos) const {
    auto it = recompileAtCall_.find(pos);
    return it == recompileAtCall_.end() ? -1 : it->second;
}

int SessionIndex::recompileOfEntry(int entry) const {
    return entry >= 0 && size_t(entry) < recompileOfEntry_.size() ? recompileOfEntry_[size_t(entry)] : -1;
}

const RecompileReason* SessionIndex::firstReason(int recompile) const {
    if (recompile < 0 || size_t(recompile) >= s_.recompiles.size() || s_.recompiles[size_t(recompile)].reasons.empty()) return nullptr;
    return &s_.recompiles[size_t(recompile)].reasons.front();
}

std::optional<GuardEval> SessionIndex::evaluation(int entry, int64_t pos) const {
    if (pos < 0 || pos >= callCount()) return std::nullopt;
    if (!paged_) {
        for (const auto& ge : s_.calls[size_t(pos)].tried)
            if (resolveEntry(ge.compileId, pos) == entry) return ge;
        return std::nullopt;
    }
    for (auto& ge : call(pos).tried)
        if (resolveEntry(ge.compileId, pos) == entry) return std::move(ge);
    return std::nullopt;
}

std::vector<GuardResult> SessionIndex::guardResults(int entry, int64_t pos) const {
    const auto& guards = s_.compiles[size_t(entry)].guards;
    std::vector<GuardResult> out(guards.size(), GuardResult::NotEvaluated);
    const std::optional<GuardEval> ge = evaluation(entry, pos);
    if (!ge) return out;
    std::unordered_map<int, size_t> at; // guard id -> position in the vector
    for (size_t i = 0; i < guards.size(); ++i) at.emplace(guards[i].id, i);
    auto posOf = [&](int id) -> long { auto it = at.find(id); return it == at.end() ? -1 : long(it->second); };

    if (ge->passed) {
        out.assign(guards.size(), GuardResult::Passed);
        return out;
    }
    const long first = posOf(ge->firstFailedGuard);
    // With every failure recorded (recompiles_verbose, dynamo-semantics §5.2) all guards ran;
    // otherwise evaluation stopped at the first failure (fail fast, §1.3).
    const bool all = ge->failedGuards.size() > 1;
    for (size_t i = 0; i < guards.size(); ++i) {
        if (isManager(guards[i])) continue;
        if (all) out[i] = GuardResult::Passed;
        else if (first >= 0 && long(i) < first) out[i] = GuardResult::Passed;
        else if (ge->evaluated > 0 && long(i) < ge->evaluated && first < 0) out[i] = GuardResult::Passed;
    }
    for (int id : ge->failedGuards)
        if (long p = posOf(id); p >= 0) out[size_t(p)] = GuardResult::Failed;
    if (first >= 0) out[size_t(first)] = GuardResult::FirstFailure;
    // Managers summarise their subtree: failed if anything below failed, passed if all ran.
    // Children follow their parent in tree order, so one backward pass sees children first.
    std::vector<uint8_t> anyFailed(guards.size(), 0), allPassed(guards.size(), 1), any(guards.size(), 0);
    for (size_t i = guards.size(); i-- > 0;) {
        if (isManager(guards[i]) && out[i] == GuardResult::NotEvaluated && any[i])
            out[i] = anyFailed[i] ? GuardResult::Failed : allPassed[i] ? GuardResult::Passed : GuardResult::NotEvaluated;
        const long p = posOf(guards[i].parent);
        if (p < 0) continue;
        any[size_t(p)] = 1;
        anyFailed[size_t(p)] |= out[i] == GuardResult::Failed || out[i] == GuardResult::FirstFailure;
        allPassed[size_t(p)] &= out[i] == GuardResult::Passed;
    }
    return out;
}

// --- counting calls of a track ------------------------------------------------------------------

namespace {
const std::vector<int64_t>& listOf(const SessionIndex::Track& t, CallCount what) {
    return what == CallCount::Hits ? t.hits : t.eager;
}
} // namespace

int64_t SessionIndex::countIn(int track, CallCount what, int64_t from, int64_t to) const {
    if (track < 0 || size_t(track) >= tracks_.size() || from >= to) return 0;
    if (paged_) return pagedCountIn(track, what, from, to);
    const auto& v = listOf(tracks_[size_t(track)], what);
    return std::lower_bound(v.begin(), v.end(), to) - std::lower_bound(v.begin(), v.end(), from);
}

std::vector<int64_t> SessionIndex::callsIn(int track, CallCount what, int64_t from, int64_t to, size_t max) const {
    std::vector<int64_t> out;
    if (track < 0 || size_t(track) >= tracks_.size()) return out;
    from = std::max<int64_t>(from, 0);
    to = std::min(to, callCount());
    if (!paged_) {
        const auto& v = listOf(tracks_[size_t(track)], what);
        for (auto it = std::lower_bound(v.begin(), v.end(), from); it != v.end() && *it < to && out.size() < max; ++it)
            out.push_back(*it);
        return out;
    }
    for (int64_t pos = from; pos < to && out.size() < max;) {
        const size_t k = paged_->chunkOf(pos);
        const int64_t start = paged_->chunkStart(k), end = std::min(paged_->chunkStart(k + 1), to);
        auto b = paged_->briefs(k);
        for (; pos < end && out.size() < max; ++pos) {
            const auto& c = b->calls[size_t(pos - start)];
            const CallKind kind = kindOf(c.outcome);
            const bool counted = what == CallCount::Hits ? kind == CallKind::Hit
                                                         : kind == CallKind::RunOnly || kind == CallKind::Skipped;
            if (counted && trackOfFrame(c.frameId, pos) == track) out.push_back(pos);
        }
    }
    return out;
}

std::vector<int64_t> SessionIndex::columnCounts(int track, CallCount what, double first, double per, int columns) const {
    std::vector<int64_t> out(size_t(std::max(columns, 0)), 0);
    if (track < 0 || size_t(track) >= tracks_.size() || per <= 0 || columns <= 0) return out;
    if (paged_) return pagedColumnCounts(track, what, first, per, columns);
    const auto& v = listOf(tracks_[size_t(track)], what);
    auto edge = [&](int c) { return int64_t(std::ceil(first + c * per)); };
    auto it = std::lower_bound(v.begin(), v.end(), edge(0));
    for (int c = 0; c < columns && it != v.end(); ++c) {
        auto next = std::lower_bound(it, v.end(), edge(c + 1));
        out[size_t(c)] = next - it;
        it = next;
    }
    return out;
}

int64_t SessionIndex::firstCallOfTrack(int track) const {
    if (track < 0 || size_t(track) >= tracks_.size()) return -1;
    const Track& t = tracks_[size_t(track)];
    if (!paged_) return t.calls.empty() ? -1 : t.calls.front();
    int64_t first = t.marks.empty() ? -1 : t.marks.front().pos;
    for (CallCount what : {CallCount::Hits, CallCount::Eager}) {
        const auto& before = what == CallCount::Hits ? hitsBefore_[size_t(track)] : eagerBefore_[size_t(track)];
        auto it = std::upper_bound(before.begin(), before.end(), 0);  // first chunk holding one
        if (it == before.end()) continue;
        const size_t k = size_t(it - before.begin()) - 1;
        auto calls = callsIn(track, what, paged_->chunkStart(k), paged_->chunkStart(k + 1), 1);
        if (!calls.empty() && (first < 0 || calls.front() < first)) first = calls.front();
    }
    return first;
}

SessionIndex::DimWindow SessionIndex::dimsWindow(int track, int64_t cursor, size_t n) const {
    DimWindow w;
    if (track < 0 || size_t(track) >= tracks_.size() || n == 0) return w;
    const Track& t = tracks_[size_t(track)];
    if (!paged_) {
        const size_t upTo = size_t(std::upper_bound(t.calls.begin(), t.calls.end(), cursor) - t.calls.begin());
        const size_t first = upTo > n ? upTo - n : 0;
        w.calls.assign(t.calls.begin() + long(first), t.calls.begin() + long(upTo));
        for (const auto& d : t.dims) {
            Track::DimSeries slice{d.source, d.dim, {}, d.firstSeen};
            slice.values.assign(d.values.begin() + long(first), d.values.begin() + long(upTo));
            w.dims.push_back(std::move(slice));
        }
        return w;
    }
    // Walk back from the cursor through the briefs of the chunks holding calls of the track
    // (the running counts skip the others undecoded), then read the calls found.
    const auto& calls = callsBefore_[size_t(track)];
    for (int64_t pos = std::min(cursor, callCount() - 1); pos >= 0 && w.calls.size() < n;) {
        const size_t k = paged_->chunkOf(pos);
        const int64_t start = paged_->chunkStart(k);
        if (calls[k] == 0 && calls[k + 1] == 0) break;  // no call of the track up to here
        if (calls[k + 1] == calls[k]) {
            pos = start - 1;
            continue;
        }
        auto b = paged_->briefs(k);
        for (; pos >= start && w.calls.size() < n; --pos)
            if (trackOfFrame(b->calls[size_t(pos - start)].frameId, pos) == track) w.calls.push_back(pos);
    }
    std::reverse(w.calls.begin(), w.calls.end());
    for (size_t i = 0; i < w.calls.size(); ++i) addDims(w.dims, call(w.calls[i]), i, w.calls.size());
    return w;
}

bool SessionIndex::logVisibleAt(size_t logIndex, int64_t cursor) const {
    const int64_t at = s_.logs[logIndex].callIndex;
    return at < 0 || at <= cursor;
}

std::string SessionIndex::entryLabel(int entry) const {
    if (entry < 0 || size_t(entry) >= s_.compiles.size()) return {};
    const auto& c = s_.compiles[size_t(entry)];
    const Frame* f = frameOfEntry(entry);
    return c.compileId + (f ? " " + f->name : std::string());
}

} // namespace gs::session
