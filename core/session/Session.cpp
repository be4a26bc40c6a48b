#include "core/session/Session.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace gs::session {
namespace {

template <class E, size_t N>
std::optional<E> fromString(const std::array<std::string_view, N>& names, std::string_view s) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 2> kKinds{"scenario", "torch_trace"};
constexpr std::array<std::string_view, 4> kStatuses{"running", "complete", "failed", "interrupted"};
constexpr std::array<std::string_view, 6> kOutcomes{"hit", "compiled", "recompiled", "run_only", "skipped", "failed"};
constexpr std::array<std::string_view, 3> kEntryStatuses{"ok", "limit_hit", "failed"};
constexpr std::array<std::string_view, 19> kCategories{
    "size_change", "stride_change", "rank_change", "dtype_change", "device_change",
    "requires_grad_change", "type_change", "alias", "bool_flip", "int_value_change",
    "constant_change", "object_identity", "train_eval", "global_state", "shape_guard",
    "dynamic_indices", "duck_sizing", "zero_one_specialization", "other"};
constexpr std::array<std::string_view, 4> kTestStatuses{"pass", "fail", "error", "skip"};
constexpr std::array<std::string_view, 5> kShapeKinds{"create_symbol", "promotion", "specialization",
                                                      "duck_sizing", "guard_added"};
} // namespace

std::string_view toString(SessionKind v) { return kKinds[size_t(v)]; }
std::string_view toString(SessionStatus v) { return kStatuses[size_t(v)]; }
std::string_view toString(CallOutcome v) { return kOutcomes[size_t(v)]; }
std::string_view toString(EntryStatus v) { return kEntryStatuses[size_t(v)]; }
std::string_view toString(ReasonCategory v) { return kCategories[size_t(v)]; }
std::string_view toString(TestStatus v) { return kTestStatuses[size_t(v)]; }
std::string_view toString(ShapeEventKind v) { return kShapeKinds[size_t(v)]; }

std::optional<SessionKind> sessionKindFromString(std::string_view s) { return fromString<SessionKind>(kKinds, s); }
std::optional<SessionStatus> sessionStatusFromString(std::string_view s) { return fromString<SessionStatus>(kStatuses, s); }
std::optional<CallOutcome> callOutcomeFromString(std::string_view s) { return fromString<CallOutcome>(kOutcomes, s); }
std::optional<EntryStatus> entryStatusFromString(std::string_view s) { return fromString<EntryStatus>(kEntryStatuses, s); }
std::optional<ReasonCategory> reasonCategoryFromString(std::string_view s) { return fromString<ReasonCategory>(kCategories, s); }
std::optional<TestStatus> testStatusFromString(std::string_view s) { return fromString<TestStatus>(kTestStatuses, s); }
std::optional<ShapeEventKind> shapeEventKindFromString(std::string_view s) { return fromString<ShapeEventKind>(kShapeKinds, s); }

const std::vector<ReasonCategory>& allReasonCategories() {
    static const std::vector<ReasonCategory> all = [] {
        std::vector<ReasonCategory> v;
        for (size_t i = 0; i < kCategories.size(); ++i) v.push_back(static_cast<ReasonCategory>(i));
        return v;
    }();
    return all;
}

Summary Session::summary() const {
    Summary s;
    s.frames = static_cast<int64_t>(frames.size());
    s.calls = static_cast<int64_t>(calls.size());
    for (const auto& c : compiles) {
        if (c.status == EntryStatus::Ok) ++s.compiles;
        if (c.status == EntryStatus::LimitHit) ++s.limitHits;
        if (c.status == EntryStatus::Failed) ++s.failures;
    }
    for (const auto& r : recompiles) {
        if (r.limitHit) continue;
        ++s.recompiles;
        if (!r.reasons.empty()) ++s.recompilesByCategory[std::string(toString(r.reasons.front().category))];
    }
    for (const auto& c : calls) {
        if (c.outcome == CallOutcome::Hit) ++s.cacheHits;
        if (c.outcome == CallOutcome::RunOnly) ++s.runOnly;
        if (!c.stale.empty()) ++s.staleHits;
    }
    for (const auto& t : tests) {
        if (t.status == TestStatus::Pass) ++s.testsPassed;
        else if (t.status == TestStatus::Skip) ++s.testsSkipped;
        else ++s.testsFailed;
    }
    return s;
}

namespace {

// The epoch of the element at `pos` of a vector that the resets cut at `cut(reset)`.
template <class Cut> int epochAt(const std::vector<Reset>& resets, int64_t pos, Cut cut) {
    int e = 0;
    while (size_t(e) < resets.size() && cut(resets[size_t(e)]) <= pos) ++e;
    return e;
}

// [begin, end) of an epoch's records in a vector of `size` that the resets cut at `cut(reset)`.
template <class Cut> std::pair<size_t, size_t> epochRange(const std::vector<Reset>& resets, int epoch, size_t size, Cut cut) {
    if (epoch < 0 || size_t(epoch) > resets.size()) return {0, 0};
    const size_t begin = epoch == 0 ? 0 : size_t(std::max<int64_t>(0, cut(resets[size_t(epoch) - 1])));
    const size_t end = size_t(epoch) == resets.size() ? size : size_t(std::max<int64_t>(0, cut(resets[size_t(epoch)])));
    return {std::min(begin, size), std::min(end, size)};
}

const auto kFrames = [](const Reset& r) { return r.frames; };
const auto kCompiles = [](const Reset& r) { return r.compiles; };

} // namespace

int Session::epochOfCall(int64_t callIndex) const {
    return epochAt(resets, callIndex, [](const Reset& r) { return r.callIndex; });
}
int Session::epochOfFrame(size_t record) const { return epochAt(resets, int64_t(record), kFrames); }
int Session::epochOfCompile(size_t entry) const { return epochAt(resets, int64_t(entry), kCompiles); }

const Frame* Session::frame(int id, int epoch) const {
    const auto end = epochRange(resets, epoch, frames.size(), kFrames).second;
    for (size_t i = end; i-- > 0;)
        if (frames[i].id == id) return &frames[i];
    return nullptr;
}

const CompileEntry* Session::compile(std::string_view compileId, int epoch) const {
    const auto [begin, end] = epochRange(resets, epoch, compiles.size(), kCompiles);
    for (size_t i = end; i-- > begin;)
        if (compiles[i].compileId == compileId) return &compiles[i];
    return nullptr;
}

const Frame* Session::frame(int id) const {
    for (auto it = frames.rbegin(); it != frames.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

const CompileEntry* Session::compile(std::string_view compileId) const {
    for (auto it = compiles.rbegin(); it != compiles.rend(); ++it)
        if (it->compileId == compileId) return &*it;
    return nullptr;
}

const Frame* Session::frameOf(const CompileEntry& entry) const {
    if (compiles.empty() || &entry < compiles.data() || &entry >= compiles.data() + compiles.size())
        return frame(entry.frameId);
    return frame(entry.frameId, epochOfCompile(size_t(&entry - compiles.data())));
}

std::vector<Reset> inferResets(const Session& s) {
    std::vector<Reset> out;
    std::unordered_set<std::string> sinceReset;
    for (size_t i = 0; i < s.compiles.size(); ++i) {
        const auto& c = s.compiles[i];
        if (sinceReset.insert(c.compileId).second) continue;
        Reset r;
        r.callIndex = c.causedByCall >= 0 ? c.causedByCall : (out.empty() ? 0 : out.back().callIndex);
        r.compiles = int64_t(i);
        out.push_back(r);
        sinceReset = {c.compileId};
    }
    if (out.empty()) return out;
    // The n-th time frame ids stop growing is where the n-th reset falls in `frames`.
    size_t n = 0;
    for (size_t f = 1; f < s.frames.size() && n < out.size(); ++f)
        if (s.frames[f].id <= s.frames[f - 1].id) out[n++].frames = int64_t(f);
    for (; n < out.size(); ++n) out[n].frames = int64_t(s.frames.size());
    return out;
}

void SessionBuilder::beginSession(const SessionInfo& info) { session_.info = info; }
void SessionBuilder::frame(const Frame& f) { session_.frames.push_back(f); }
void SessionBuilder::recompile(const Recompile& r) { session_.recompiles.push_back(r); }
void SessionBuilder::compile(const CompileEntry& c) { session_.compiles.push_back(c); }
void SessionBuilder::call(const Call& c) {
    ++callsSeen_;
    hitsSeen_ += c.outcome == CallOutcome::Hit;
    runOnlySeen_ += c.outcome == CallOutcome::RunOnly;
    if (keepCalls_) session_.calls.push_back(c);
}

Summary SessionBuilder::summary() const {
    Summary s = session_.summary();
    s.calls = callsSeen_;
    s.cacheHits = hitsSeen_;
    s.runOnly = runOnlySeen_;
    return s;
}
void SessionBuilder::shapeEvent(const ShapeEvent& e) { session_.shapeEvents.push_back(e); }
void SessionBuilder::log(const LogLine& l) { session_.logs.push_back(l); }
void SessionBuilder::test(const TestResult& t) { session_.tests.push_back(t); }
void SessionBuilder::record(const TraceRecord& r) {
    if (keepRecords_) session_.records.push_back(r);
}
void SessionBuilder::entryHits(const std::string& compileId, int64_t hits) {
    // Compile ids repeat after torch._dynamo.reset(): the newest entry with that id is meant.
    for (auto it = session_.compiles.rbegin(); it != session_.compiles.rend(); ++it)
        if (it->compileId == compileId) {
            it->hitCount = hits;
            return;
        }
}
void SessionBuilder::reset(const Reset& r) {
    Reset at = r;
    at.frames = int64_t(session_.frames.size());
    at.compiles = int64_t(session_.compiles.size());
    session_.resets.push_back(at);
}
void SessionBuilder::endSession(SessionStatus s) { session_.info.status = s; }

void replay(const Session& s, EventSink& sink) {
    sink.beginSession(s.info);
    for (const auto& r : s.records) sink.record(r); // before the compiles whose artifacts name them
    // Epoch by epoch (Reset): its frames, then its events interleaved by call index (what a
    // call caused comes before the call itself), its entries' hit counts, then the reset.
    size_t fi = 0, ri = 0, ci = 0, si = 0, li = 0, calli = 0;
    size_t compileEnd = 0;
    auto flushUpTo = [&](int64_t callIndex) {
        while (ri < s.recompiles.size() && s.recompiles[ri].callIndex <= callIndex) sink.recompile(s.recompiles[ri++]);
        while (ci < compileEnd && s.compiles[ci].causedByCall <= callIndex) sink.compile(s.compiles[ci++]);
        while (si < s.shapeEvents.size() && s.shapeEvents[si].callIndex <= callIndex) sink.shapeEvent(s.shapeEvents[si++]);
        while (li < s.logs.size() && s.logs[li].callIndex <= callIndex) sink.log(s.logs[li++]);
    };
    for (size_t e = 0; e <= s.resets.size(); ++e) {
        const bool last = e == s.resets.size();
        const size_t firstCompile = ci;
        const size_t frameEnd = last ? s.frames.size() : std::min(s.frames.size(), size_t(std::max<int64_t>(0, s.resets[e].frames)));
        compileEnd = last ? s.compiles.size() : std::min(s.compiles.size(), size_t(std::max<int64_t>(0, s.resets[e].compiles)));
        const int64_t callEnd = last ? INT64_MAX : s.resets[e].callIndex;
        for (; fi < frameEnd; ++fi) sink.frame(s.frames[fi]);
        for (; calli < s.calls.size() && s.calls[calli].index < callEnd; ++calli) {
            flushUpTo(s.calls[calli].index);
            sink.call(s.calls[calli]);
        }
        flushUpTo(last ? INT64_MAX : callEnd - 1);
        if (last) for (; ri < s.recompiles.size(); ++ri) sink.recompile(s.recompiles[ri]);
        for (; ci < compileEnd; ++ci) sink.compile(s.compiles[ci]);
        if (last) {
            for (; si < s.shapeEvents.size(); ++si) sink.shapeEvent(s.shapeEvents[si]);
            for (; li < s.logs.size(); ++li) sink.log(s.logs[li]);
            for (const auto& t : s.tests) sink.test(t);
        }
        for (size_t k = firstCompile; k < compileEnd; ++k) sink.entryHits(s.compiles[k].compileId, s.compiles[k].hitCount);
        if (!last) sink.reset(s.resets[e]);
    }
    sink.endSession(s.info.status);
}

} // namespace gs::session
