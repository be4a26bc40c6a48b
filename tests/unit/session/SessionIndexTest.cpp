// SessionIndex: the per-call indexes every reader of a session uses (tracks, entries, guard
// results), for recorded scenarios and imported TORCH_TRACE logs alike.
#include "core/session/SessionIndex.h"

#include <gtest/gtest.h>

using namespace gs::session;

namespace {

Call makeCall(int64_t index, int frameId, CallOutcome outcome, std::string entryId) {
    Call c;
    c.index = index;
    c.frameId = frameId;
    c.outcome = outcome;
    c.entryId = std::move(entryId);
    return c;
}

// f compiled at call 0, hit at 1, recompiled (size change) at 2, hit at 3.
Session scenario() {
    Session s;
    s.info.kind = SessionKind::Scenario;
    s.frames.push_back({0, "f", "a.py", 1});
    s.calls = {makeCall(0, 0, CallOutcome::Compiled, "0/0"), makeCall(1, 0, CallOutcome::Hit, "0/0"),
               makeCall(2, 0, CallOutcome::Recompiled, "0/1"), makeCall(3, 0, CallOutcome::Hit, "0/1")};
    s.compiles.push_back({.compileId = "0/0", .frameId = 0, .causedByCall = 0});
    s.compiles.push_back({.compileId = "0/1", .frameId = 0, .causedByCall = 2});
    Recompile r{.compileId = "0/1", .frameId = 0, .callIndex = 2};
    r.reasons.push_back({.failedEntryId = "0/0", .category = ReasonCategory::SizeChange});
    s.recompiles.push_back(r);
    return s;
}

// The same compiles as an imported log: compiles only, each with its own step.
Session imported(bool withCalls) {
    Session s = scenario();
    s.info.kind = SessionKind::TorchTrace;
    s.calls.clear();
    if (withCalls)  // what core/trace's importer sends: one call per compile
        s.calls = {makeCall(0, 0, CallOutcome::Compiled, "0/0"), makeCall(1, 0, CallOutcome::Recompiled, "0/1")};
    s.compiles[0].causedByCall = withCalls ? 0 : -1;
    s.compiles[1].causedByCall = withCalls ? 1 : -1;
    s.recompiles[0].callIndex = withCalls ? 1 : -1;
    return s;
}

} // namespace

TEST(SessionIndex, ScenarioStepsAreCallsAndHitsCountPerEntry) {
    const auto d = SessionIndex::make(scenario());
    EXPECT_FALSE(d->stepsAreCompiles());
    ASSERT_EQ(d->callCount(), 4);
    EXPECT_EQ(d->entryOfCall(1), 0);
    EXPECT_EQ(d->entryOfCall(3), 1);
    EXPECT_EQ(d->callKind(2), CallKind::Recompile);
    EXPECT_EQ(d->hitsAt(0, 0), 0);
    EXPECT_EQ(d->hitsAt(0, 3), 1);
    EXPECT_EQ(d->recompileAtCall(2), 0);
    EXPECT_EQ(d->recompileOfEntry(1), 0);
    EXPECT_EQ(d->previousEntry(1), 0);
    ASSERT_EQ(d->tracks().size(), 1u);
    EXPECT_EQ(d->tracks()[0].hits, (std::vector<int64_t>{1, 3}));
}

TEST(SessionIndex, ImportedLogStepsAreCompilesWhenTheImporterSentOneCallPerCompile) {
    const auto d = SessionIndex::make(imported(true));
    EXPECT_TRUE(d->stepsAreCompiles());
    EXPECT_EQ(d->callCount(), 2);
    EXPECT_EQ(d->callKind(1), CallKind::Recompile);
    EXPECT_EQ(d->recompileOfEntry(d->resolveEntry("0/1", INT64_MAX)), 0);
}

TEST(SessionIndex, StoredImportWithoutCallsGetsOneSynthesizedStepPerCompile) {
    const auto d = SessionIndex::make(imported(false));
    EXPECT_TRUE(d->stepsAreCompiles());
    ASSERT_EQ(d->callCount(), 2);
    EXPECT_EQ(d->callKind(0), CallKind::Compile);
    EXPECT_EQ(d->callKind(1), CallKind::Recompile);
    EXPECT_EQ(d->createdAt(1), 1);
    EXPECT_EQ(d->recompileAtCall(1), 0);
}

TEST(SessionIndex, GuardResultsStopAtTheFirstFailureAndManagersSummariseTheirLeaves) {
    Session s = scenario();
    auto& guards = s.compiles[0].guards;
    guards.push_back({.id = 0, .parent = -1, .kind = "RootGuardManager"});
    guards.push_back({.id = 1, .parent = 0, .kind = "GuardManager", .source = "L['x']"});
    guards.push_back({.id = 2, .parent = 1, .kind = "TYPE_MATCH", .source = "L['x']"});
    guards.push_back({.id = 3, .parent = 1, .kind = "TENSOR_MATCH", .source = "L['x']"});
    guards.push_back({.id = 4, .parent = 0, .kind = "GLOBAL_STATE"});
    s.calls[2].tried.push_back({.compileId = "0/0", .passed = false, .firstFailedGuard = 3, .failedGuards = {3}});
    s.calls[1].tried.push_back({.compileId = "0/0", .passed = true});
    const auto d = SessionIndex::make(s);
    using R = GuardResult;
    EXPECT_EQ(d->guardResults(0, 2), (std::vector<R>{R::Failed, R::Failed, R::Passed, R::FirstFailure, R::NotEvaluated}));
    EXPECT_EQ(d->guardResults(0, 1), std::vector<R>(5, R::Passed));
    EXPECT_EQ(d->guardResults(0, 0), std::vector<R>(5, R::NotEvaluated));
}
