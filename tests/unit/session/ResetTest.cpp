// torch._dynamo.reset() in the session model (issue 9): a Reset event cuts a session into
// epochs; ids restart in each, so every look-up by id names an epoch, and the session index,
// replay and JSON agree on which record an id means.
#include <gtest/gtest.h>

#include <climits>

#include "core/session/Session.h"
#include "core/session/SessionIndex.h"
#include "core/session/SessionJson.h"

using namespace gs::session;

namespace {

// foo compiled (0/0) and hit, reset at line 7, bar gets frame id 0 and compile id 0/0 again.
Session withReset() {
    Session s;
    s.info.title = "reset";
    s.info.status = SessionStatus::Complete;
    s.frames = {{0, "foo", "a.py", 1}, {0, "bar", "a.py", 4}};
    s.compiles = {{.compileId = "0/0", .frameId = 0, .causedByCall = 0, .hitCount = 1},
                  {.compileId = "0/0", .frameId = 0, .causedByCall = 2, .hitCount = 3}};
    s.calls = {{.index = 0, .frameId = 0, .outcome = CallOutcome::Compiled, .entryId = "0/0"},
               {.index = 1, .frameId = 0, .outcome = CallOutcome::Hit, .entryId = "0/0"},
               {.index = 2, .frameId = 0, .outcome = CallOutcome::Compiled, .entryId = "0/0"},
               {.index = 3, .frameId = 0, .outcome = CallOutcome::Hit, .entryId = "0/0"}};
    s.resets = {{.callIndex = 2, .line = 7, .frames = 1, .compiles = 1}};
    return s;
}

} // namespace

TEST(SessionReset, LookUpsByIdNameTheRecordOfAnEpoch) {
    const Session s = withReset();
    EXPECT_EQ(s.epochOfCall(1), 0);
    EXPECT_EQ(s.epochOfCall(2), 1);
    EXPECT_EQ(s.epochOfFrame(0), 0);
    EXPECT_EQ(s.epochOfFrame(1), 1);
    EXPECT_EQ(s.epochOfCompile(1), 1);
    EXPECT_EQ(s.frame(0, 0)->name, "foo");
    EXPECT_EQ(s.frame(0, 1)->name, "bar");
    EXPECT_EQ(s.compile("0/0", 0), &s.compiles[0]);
    EXPECT_EQ(s.compile("0/0", 1), &s.compiles[1]);
    EXPECT_EQ(s.compile("0/1", 0), nullptr);
    EXPECT_EQ(s.frameOf(s.compiles[0])->name, "foo");
    EXPECT_EQ(s.frameOf(s.compiles[1])->name, "bar");
    // Without an epoch: the newest, as entryHits means it.
    EXPECT_EQ(s.frame(0)->name, "bar");
    EXPECT_EQ(s.compile("0/0"), &s.compiles[1]);
}

TEST(SessionReset, AFrameKeptAcrossAResetIsFoundInTheLaterEpoch) {
    // The trace importer keeps frame ids unique and announces an unchanged frame once.
    Session s = withReset();
    s.frames = {{0, "foo", "a.py", 1}};
    s.resets[0].frames = 1;
    EXPECT_EQ(s.frame(0, 1)->name, "foo");
}

TEST(SessionReset, ReplaySendsEachEpochsHitCountsBeforeItsReset) {
    // Both entries are 0/0: sent at the end, both hit counts would land on the newest.
    const Session s = withReset();
    SessionBuilder b;
    replay(s, b);
    EXPECT_EQ(b.session(), s);
    EXPECT_EQ(b.session().compiles[0].hitCount, 1);
}

TEST(SessionReset, TheBuilderPlacesAResetAfterWhatItReceived) {
    SessionBuilder b;
    b.beginSession({});
    b.frame({0, "foo", "a.py", 1});
    b.compile({.compileId = "0/0"});
    b.reset({.callIndex = 2, .line = 7, .frames = 99, .compiles = 99}); // a writer's counts are not trusted
    ASSERT_EQ(b.session().resets.size(), 1u);
    EXPECT_EQ(b.session().resets[0], (Reset{.callIndex = 2, .line = 7, .frames = 1, .compiles = 1}));
}

TEST(SessionReset, IndexAgreesWithTheSessionOnWhichEntryAnIdMeans) {
    const Session s = withReset();
    const auto d = SessionIndex::make(s);
    EXPECT_EQ(d->resets(), (std::vector<int64_t>{2}));
    EXPECT_EQ(d->resolveEntry("0/0", 1), 0);
    EXPECT_EQ(d->resolveEntry("0/0", 3), 1);
    EXPECT_EQ(&d->session().compiles[size_t(d->resolveEntry("0/0", INT64_MAX))], d->session().compile("0/0"));
    for (int64_t pos = 0; pos < d->callCount(); ++pos) {
        const CompileEntry* c = d->session().compile(d->call(pos).entryId, d->session().epochOfCall(pos));
        EXPECT_EQ(d->entryOfCall(pos), int(c - d->session().compiles.data())) << pos;
        EXPECT_EQ(d->frameOfCall(pos), d->session().frame(d->call(pos).frameId, d->session().epochOfCall(pos))) << pos;
    }
    EXPECT_EQ(d->frameOfEntry(1)->name, "bar");
    EXPECT_TRUE(d->aliveAt(0, 1));
    EXPECT_FALSE(d->aliveAt(0, 2));
    EXPECT_EQ(d->hitsAt(0, 3), 1);
}

TEST(SessionReset, ResetsOfASessionRecordedWithoutThemAreInferredFromRepeatedIds) {
    Session s = withReset();
    const auto recorded = s.resets;
    s.resets.clear();
    const auto inferred = inferResets(s);
    ASSERT_EQ(inferred.size(), 1u);
    EXPECT_EQ(inferred[0].callIndex, recorded[0].callIndex);
    EXPECT_EQ(inferred[0].frames, recorded[0].frames);
    EXPECT_EQ(inferred[0].compiles, recorded[0].compiles);
    EXPECT_EQ(inferred[0].line, 0); // not in the data
    s.compiles[1].compileId = "0/1";
    EXPECT_TRUE(inferResets(s).empty());
}

TEST(SessionReset, JsonKeepsResetsAndInfersThemForOlderExports) {
    const Session s = withReset();
    std::string error;
    auto back = fromJson(toJson(s), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(*back, s);
    std::string old = toJson(s);
    const auto key = old.find("\"resets\":");
    ASSERT_NE(key, std::string::npos);
    const auto from = old.rfind(',', key); // a reset has no list inside: its list ends at the first ']'
    old.erase(from, old.find(']', key) + 1 - from);
    auto legacy = fromJson(old, &error);
    ASSERT_TRUE(legacy) << error;
    ASSERT_EQ(legacy->resets.size(), 1u);
    EXPECT_EQ(legacy->resets[0].compiles, 1);
}
