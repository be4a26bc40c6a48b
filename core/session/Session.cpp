#include "core/session/Session.h"

#include <algorithm>
#include <array>

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

const Frame* Session::frame(int id) const {
    for (const auto& f : frames)
        if (f.id == id) return &f;
    return nullptr;
}

const CompileEntry* Session::compile(std::string_view compileId) const {
    for (const auto& c : compiles)
        if (c.compileId == compileId) return &c;
    return nullptr;
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
void SessionBuilder::endSession(SessionStatus s) { session_.info.status = s; }

void replay(const Session& s, EventSink& sink) {
    sink.beginSession(s.info);
    for (const auto& r : s.records) sink.record(r); // before the compiles whose artifacts name them
    for (const auto& f : s.frames) sink.frame(f);
    // Interleave by call index: what a call caused comes before the call itself.
    size_t ri = 0, ci = 0, si = 0, li = 0;
    auto flushUpTo = [&](int64_t callIndex) {
        while (ri < s.recompiles.size() && s.recompiles[ri].callIndex <= callIndex) sink.recompile(s.recompiles[ri++]);
        while (ci < s.compiles.size() && s.compiles[ci].causedByCall <= callIndex) sink.compile(s.compiles[ci++]);
        while (si < s.shapeEvents.size() && s.shapeEvents[si].callIndex <= callIndex) sink.shapeEvent(s.shapeEvents[si++]);
        while (li < s.logs.size() && s.logs[li].callIndex <= callIndex) sink.log(s.logs[li++]);
    };
    for (const auto& c : s.calls) {
        flushUpTo(c.index);
        sink.call(c);
    }
    flushUpTo(INT64_MAX);
    for (; ri < s.recompiles.size(); ++ri) sink.recompile(s.recompiles[ri]);
    for (; ci < s.compiles.size(); ++ci) sink.compile(s.compiles[ci]);
    for (; si < s.shapeEvents.size(); ++si) sink.shapeEvent(s.shapeEvents[si]);
    for (; li < s.logs.size(); ++li) sink.log(s.logs[li]);
    for (const auto& t : s.tests) sink.test(t);
    for (const auto& c : s.compiles) sink.entryHits(c.compileId, c.hitCount);
    sink.endSession(s.info.status);
}

} // namespace gs::session
