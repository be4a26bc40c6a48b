#include "core/session/Session.h"

#include <gtest/gtest.h>

using namespace gs::session;

TEST(SessionEnums, EveryNameRoundTrips) {
    for (auto c : allReasonCategories()) EXPECT_EQ(reasonCategoryFromString(toString(c)), c);
    EXPECT_EQ(toString(CallOutcome::RunOnly), "run_only");
    EXPECT_EQ(callOutcomeFromString("run_only"), CallOutcome::RunOnly);
    EXPECT_EQ(sessionStatusFromString("interrupted"), SessionStatus::Interrupted);
    EXPECT_FALSE(reasonCategoryFromString("nonsense").has_value());
}

TEST(SessionSummary, CountsHitsCompilesAndFirstReasonCategories) {
    Session s;
    s.frames.push_back({0, "foo", "a.py", 3});
    s.compiles.push_back({.compileId = "0/0"});
    s.compiles.push_back({.compileId = "0/1"});
    Recompile r{.compileId = "0/1", .frameId = 0, .callIndex = 1};
    r.reasons.push_back({.failedEntryId = "0/0", .category = ReasonCategory::SizeChange});
    s.recompiles.push_back(r);
    s.calls.push_back({.index = 0, .outcome = CallOutcome::Compiled});
    s.calls.push_back({.index = 1, .outcome = CallOutcome::Recompiled});
    s.calls.push_back({.index = 2, .outcome = CallOutcome::Hit});
    Summary sum = s.summary();
    EXPECT_EQ(sum.frames, 1);
    EXPECT_EQ(sum.calls, 3);
    EXPECT_EQ(sum.compiles, 2);
    EXPECT_EQ(sum.recompiles, 1);
    EXPECT_EQ(sum.cacheHits, 1);
    EXPECT_EQ(sum.recompilesByCategory.at("size_change"), 1);
}

TEST(SessionReplay, BuilderRebuildsAnEqualSession) {
    Session s;
    s.info.title = "t";
    s.info.status = SessionStatus::Complete;
    s.frames.push_back({0, "foo", "a.py", 3});
    s.compiles.push_back({.compileId = "0/0", .causedByCall = 0, .hitCount = 1});
    s.calls.push_back({.index = 0, .outcome = CallOutcome::Compiled, .entryId = "0/0"});
    s.calls.push_back({.index = 1, .outcome = CallOutcome::Hit, .entryId = "0/0"});
    s.logs.push_back({"recompiles", "0/0", 0, "x"});
    s.tests.push_back({"test_a", "T", TestStatus::Pass, "", "a.py", 4});
    SessionBuilder b;
    replay(s, b);
    EXPECT_EQ(b.session(), s);
}
