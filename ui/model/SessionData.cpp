#include "ui/model/SessionData.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <map>
#include <unordered_set>

namespace gs::ui {

using session::CallOutcome;

namespace {

CallKind kindOf(CallOutcome o) {
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

bool isManager(const session::Guard& g) { return g.kind.find("Manager") != std::string::npos; }

} // namespace

SessionData::SessionData(session::Session s) : s_(std::move(s)) {
    if (s_.calls.empty() && !s_.compiles.empty()) synthesizeCallsFromCompiles();
    index();
}

// TORCH_TRACE logs record compiles, not calls (torch-trace-format.md): give every compile one
// step on the time axis so the cursor, cache and guard views work the same way.
void SessionData::synthesizeCallsFromCompiles() {
    synthesizedCalls_ = true;
    std::unordered_set<std::string> seenFrames;
    std::vector<bool> recompileUsed(s_.recompiles.size(), false);
    for (size_t i = 0; i < s_.compiles.size(); ++i) {
        auto& c = s_.compiles[i];
        session::Call call;
        call.index = int64_t(i);
        call.frameId = c.frameId;
        call.entryId = c.compileId;
        const bool firstOfFrame = seenFrames.insert(std::to_string(c.frameId)).second;
        call.outcome = firstOfFrame ? CallOutcome::Compiled : CallOutcome::Recompiled;
        if (c.status == session::EntryStatus::Failed) call.outcome = CallOutcome::Failed;
        if (c.status == session::EntryStatus::LimitHit) call.outcome = CallOutcome::RunOnly;
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
}

void SessionData::index() {
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
        for (size_t i = 0; i < n; ++i) s_.calls[i].index = int64_t(i);
        for (auto& c : s_.compiles) map(c.causedByCall);
        for (auto& r : s_.recompiles) map(r.callIndex);
        for (auto& e : s_.shapeEvents) map(e.callIndex);
        for (auto& l : s_.logs) map(l.callIndex);
    }

    // Entries in creation order. Unknown creators (-1) existed from the start.
    const size_t ne = s_.compiles.size();
    createdAt_.assign(ne, -1);
    removedAt_.assign(ne, INT64_MAX);
    hitPositions_.assign(ne, {});
    recompileOfEntry_.assign(ne, -1);
    std::vector<int> order(ne);
    for (size_t i = 0; i < ne; ++i) order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return s_.compiles[size_t(a)].causedByCall < s_.compiles[size_t(b)].causedByCall;
    });
    for (int e : order) {
        const auto& c = s_.compiles[size_t(e)];
        const int64_t pos = c.causedByCall;
        createdAt_[size_t(e)] = pos;
        auto& same = entriesById_[c.compileId];
        // A compile id seen again means torch._dynamo.reset() emptied the caches
        // (dynamo-semantics §1.6): every older entry of that frame is gone from here on.
        if (!same.empty())
            for (int old : entriesOfFrame_[c.frameId])
                removedAt_[size_t(old)] = std::min(removedAt_[size_t(old)], std::max<int64_t>(pos, 0));
        same.push_back({pos, e});
        entriesOfFrame_[c.frameId].push_back(e);
        if (c.status != session::EntryStatus::Ok) removedAt_[size_t(e)] = pos; // never usable
    }

    // Tracks: one per frame, in the frames' order; frames only seen in calls come last.
    for (const auto& f : s_.frames) {
        if (trackOfFrame_.count(f.id)) continue;
        trackOfFrame_[f.id] = int(tracks_.size());
        Track t;
        t.frameId = f.id;
        t.label = frameLabel(f.id);
        tracks_.push_back(std::move(t));
    }
    kinds_.resize(n);
    entryOfCall_.assign(n, -1);
    trackOfCall_.assign(n, -1);
    for (size_t r = 0; r < s_.recompiles.size(); ++r)
        if (s_.recompiles[r].callIndex >= 0) recompileAtCall_.emplace(s_.recompiles[r].callIndex, int(r));
    for (size_t i = 0; i < n; ++i) {
        const auto& c = s_.calls[i];
        const int64_t pos = int64_t(i);
        kinds_[i] = kindOf(c.outcome);
        if (!trackOfFrame_.count(c.frameId)) {
            trackOfFrame_[c.frameId] = int(tracks_.size());
            Track t;
            t.frameId = c.frameId;
            t.label = frameLabel(c.frameId);
            tracks_.push_back(std::move(t));
        }
        const int ti = trackOfFrame_[c.frameId];
        trackOfCall_[i] = ti;
        Track& t = tracks_[size_t(ti)];
        t.calls.push_back(pos);
        if (!c.entryId.empty()) entryOfCall_[i] = resolveEntry(c.entryId, pos);
        switch (kinds_[i]) {
        case CallKind::Hit:
            t.hits.push_back(pos);
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
            auto cat = session::ReasonCategory::Other;
            auto it = recompileAtCall_.find(pos);
            if (it != recompileAtCall_.end() && !s_.recompiles[size_t(it->second)].reasons.empty())
                cat = s_.recompiles[size_t(it->second)].reasons.front().category;
            t.marks.push_back({pos, kinds_[i], cat});
            compilePositions_.push_back(pos);
            break;
        }
        }
    }
    for (auto& t : tracks_) indexDims(t);
    for (size_t r = 0; r < s_.recompiles.size(); ++r) {
        const auto& rc = s_.recompiles[r];
        const int e = resolveEntry(rc.compileId, rc.callIndex >= 0 ? rc.callIndex : INT64_MAX);
        if (e >= 0 && recompileOfEntry_[size_t(e)] < 0) recompileOfEntry_[size_t(e)] = int(r);
    }
}

void SessionData::indexDims(Track& t) {
    std::map<std::pair<std::string, int>, size_t> rowOf;
    auto series = [&](const std::string& src, int dim) -> Track::DimSeries& {
        auto [it, fresh] = rowOf.emplace(std::make_pair(src, dim), t.dims.size());
        if (fresh) t.dims.push_back({src, dim, std::vector<int64_t>(t.calls.size(), Track::kAbsent), {}});
        return t.dims[it->second];
    };
    auto record = [](Track::DimSeries& d, size_t i, int64_t at, int64_t v) {
        d.values[i] = v;
        for (const auto& f : d.firstSeen)
            if (f.second == v) return;
        d.firstSeen.emplace_back(at, v);
    };
    for (size_t i = 0; i < t.calls.size(); ++i) {
        for (const auto& a : s_.calls[size_t(t.calls[i])].args) {
            if (a.kind == "tensor") {
                for (size_t d = 0; d < a.shape.size(); ++d) record(series(a.source, int(d)), i, t.calls[i], a.shape[d]);
            } else if (a.kind == "int") {
                int64_t v = 0;
                const auto r = std::from_chars(a.value.data(), a.value.data() + a.value.size(), v);
                if (r.ec == std::errc()) record(series(a.source, -1), i, t.calls[i], v);
            }
        }
    }
}

int SessionData::trackOfFrame(int frameId) const {
    auto it = trackOfFrame_.find(frameId);
    return it == trackOfFrame_.end() ? -1 : it->second;
}

int SessionData::trackOfCall(int64_t pos) const {
    return pos >= 0 && pos < callCount() ? trackOfCall_[size_t(pos)] : -1;
}

std::string SessionData::frameLabel(int frameId) const {
    const session::Frame* f = s_.frame(frameId);
    if (!f) return "frame " + std::to_string(frameId);
    std::string file = f->file;
    if (auto slash = file.find_last_of('/'); slash != std::string::npos) file = file.substr(slash + 1);
    return f->name + " (" + (file.empty() ? "?" : file) + ":" + std::to_string(f->firstLine) + ")";
}

int SessionData::resolveEntry(std::string_view compileId, int64_t pos) const {
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

bool SessionData::aliveAt(int entry, int64_t cursor) const {
    return createdAt_[size_t(entry)] <= cursor && cursor < removedAt_[size_t(entry)];
}

int64_t SessionData::hitsAt(int entry, int64_t cursor) const {
    const auto& h = hitPositions_[size_t(entry)];
    return std::upper_bound(h.begin(), h.end(), cursor) - h.begin();
}

const std::vector<int>& SessionData::entriesOfFrame(int frameId) const {
    static const std::vector<int> none;
    auto it = entriesOfFrame_.find(frameId);
    return it == entriesOfFrame_.end() ? none : it->second;
}

int SessionData::previousEntry(int entry) const {
    const auto& list = entriesOfFrame(s_.compiles[size_t(entry)].frameId);
    int prev = -1;
    for (int e : list) {
        if (e == entry) return prev;
        if (s_.compiles[size_t(e)].status == session::EntryStatus::Ok) prev = e;
    }
    return -1;
}

int SessionData::recompileAtCall(int64_t pos) const {
    auto it = recompileAtCall_.find(pos);
    return it == recompileAtCall_.end() ? -1 : it->second;
}

int SessionData::recompileOfEntry(int entry) const {
    return entry >= 0 && size_t(entry) < recompileOfEntry_.size() ? recompileOfEntry_[size_t(entry)] : -1;
}

const session::GuardEval* SessionData::evaluation(int entry, int64_t pos) const {
    if (pos < 0 || pos >= callCount()) return nullptr;
    for (const auto& ge : call(pos).tried)
        if (resolveEntry(ge.compileId, pos) == entry) return &ge;
    return nullptr;
}

std::vector<GuardResult> SessionData::guardResults(int entry, int64_t pos) const {
    const auto& guards = s_.compiles[size_t(entry)].guards;
    std::vector<GuardResult> out(guards.size(), GuardResult::NotEvaluated);
    const session::GuardEval* ge = evaluation(entry, pos);
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

bool SessionData::logVisibleAt(size_t logIndex, int64_t cursor) const {
    const int64_t at = s_.logs[logIndex].callIndex;
    return at < 0 || at <= cursor;
}

std::string SessionData::entryLabel(int entry) const {
    if (entry < 0 || size_t(entry) >= s_.compiles.size()) return {};
    const auto& c = s_.compiles[size_t(entry)];
    const session::Frame* f = s_.frame(c.frameId);
    return c.compileId + (f ? " " + f->name : std::string());
}

} // namespace gs::ui
