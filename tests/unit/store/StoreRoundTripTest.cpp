// Round trips through the store: save() and the recorder give back equal sessions; paging,
// list, rename, delete, default path (issue 4).
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/store/Schema.h"
#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

Session withId(Session s, int64_t id) {
    s.info.id = id;
    return s;
}

class RoundTrip : public ::testing::TestWithParam<bool> {};  // param: on disk (true) or :memory:

TEST_P(RoundTrip, SaveThenLoadGivesEqualSessions) {
    TempDir dir;
    auto store = SessionStore::open(GetParam() ? dir.file("s.db") : ":memory:");
    for (const Session& s : roundTripSessions()) {
        const int64_t id = store->save(s);
        EXPECT_EQ(store->load(id), withId(s, id)) << s.info.title;
    }
}

TEST_P(RoundTrip, RecorderThenLoadGivesEqualSessions) {
    TempDir dir;
    OpenOptions small;
    small.batchEvents = 7;  // many batches, so batch boundaries fall everywhere
    auto store = SessionStore::open(GetParam() ? dir.file("s.db") : ":memory:", OpenMode::ReadWrite, small);
    for (const Session& s : roundTripSessions()) {
        auto rec = store->startRecorder();
        replay(s, *rec);
        ASSERT_FALSE(rec->failed()) << rec->error();
        const int64_t id = rec->sessionId();
        EXPECT_EQ(store->lastRecordedId(), id);
        EXPECT_EQ(store->load(id), withId(s, id)) << s.info.title;
    }
    EXPECT_EQ(store->lastRecordError(), "");
}

INSTANTIATE_TEST_SUITE_P(Store, RoundTrip, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "File" : "Memory"; });

TEST(StoreRecorder, SessionIsRunningUntilEndSessionThenComplete) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    Session s = syntheticSession("live", 1, 10);
    rec->beginSession(s.info);
    for (const auto& c : s.calls) rec->call(c);
    rec->flush();
    EXPECT_EQ(store->row(rec->sessionId())->status, SessionStatus::Running);
    EXPECT_EQ(store->row(rec->sessionId())->calls, 10);
    rec->endSession(SessionStatus::Complete);
    EXPECT_EQ(store->row(rec->sessionId())->status, SessionStatus::Complete);
}

TEST(StoreRecorder, StampsTheStartTimeWhenTheWriterGaveNone) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "now"});
    rec->endSession(SessionStatus::Complete);
    const std::string created = store->row(rec->sessionId())->created;
    ASSERT_EQ(created.size(), 20u) << created;
    EXPECT_EQ(created[10], 'T');
    EXPECT_EQ(created.back(), 'Z');
}

TEST(StoreRecorder, FailedRunIsStoredAsFailed) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "boom"});
    rec->endSession(SessionStatus::Failed);
    EXPECT_EQ(store->row(rec->sessionId())->status, SessionStatus::Failed);
}

TEST(StoreRecorder, DroppedWithoutEndSessionIsInterruptedAndKeepsItsEvents) {
    auto store = SessionStore::open(":memory:");
    int64_t id = 0;
    {
        auto rec = store->startRecorder();
        rec->beginSession(SessionInfo{.title = "cut"});
        for (int i = 0; i < 5; ++i) rec->call(syntheticCall(i, 0));
        id = rec->sessionId();
    }
    EXPECT_EQ(store->row(id)->status, SessionStatus::Interrupted);
    EXPECT_EQ(store->callCount(id), 5);
}

TEST(StoreRecorder, EntryHitsUpdateTheNewestEntryWithThatId) {
    // Compile ids repeat after torch._dynamo.reset() (SessionBuilder::entryHits).
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "reset"});
    rec->compile(CompileEntry{.compileId = "0/0"});
    rec->compile(CompileEntry{.compileId = "0/0"});
    rec->entryHits("0/0", 9);
    rec->endSession(SessionStatus::Complete);
    Session s = store->load(rec->sessionId());
    ASSERT_EQ(s.compiles.size(), 2u);
    EXPECT_EQ(s.compiles[0].hitCount, 0);
    EXPECT_EQ(s.compiles[1].hitCount, 9);
}

TEST(StoreRecorder, AResetIsStoredWhereItFellAmongFramesAndCompiles) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "reset"});
    rec->frame(Frame{0, "foo", "a.py", 1});
    rec->compile(CompileEntry{.compileId = "0/0", .causedByCall = 0});
    rec->call(Call{.index = 0, .outcome = CallOutcome::Compiled, .entryId = "0/0"});
    rec->entryHits("0/0", 4);
    rec->reset(Reset{.callIndex = 1, .line = 9});
    rec->frame(Frame{0, "bar", "a.py", 5});
    rec->compile(CompileEntry{.compileId = "0/0", .causedByCall = 1});
    rec->call(Call{.index = 1, .outcome = CallOutcome::Compiled, .entryId = "0/0"});
    rec->endSession(SessionStatus::Complete);
    Session s = store->load(rec->sessionId());
    ASSERT_EQ(s.resets.size(), 1u);
    EXPECT_EQ(s.resets[0], (Reset{.callIndex = 1, .line = 9, .frames = 1, .compiles = 1}));
    EXPECT_EQ(s.compiles[0].hitCount, 4);
    EXPECT_EQ(s.frameOf(s.compiles[1])->name, "bar");
    // save() writes a whole session, resets included.
    EXPECT_EQ(store->load(store->save(s)).resets, s.resets);
}

TEST(StorePaging, CallsAreReadInPagesByIndex) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("paged", 2, 100);
    const int64_t id = store->save(s);
    EXPECT_EQ(store->callCount(id), 100);
    auto page = store->calls(id, 40, 25);
    ASSERT_EQ(page.size(), 25u);
    for (size_t i = 0; i < page.size(); ++i) EXPECT_EQ(page[i], s.calls[40 + i]);
    EXPECT_EQ(store->calls(id, 90, 50).size(), 10u);
    EXPECT_TRUE(store->calls(id, 100, 10).empty());
    EXPECT_TRUE(store->calls(id, 0, 0).empty());
}

TEST(StorePaging, PagesFollowIndexesWithGaps) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("gaps", 1, 0);
    for (int64_t i : {3, 10, 11, 50}) s.calls.push_back(syntheticCall(i, 0));
    const int64_t id = store->save(s);
    auto page = store->calls(id, 4, 2);
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0], s.calls[1]);
    EXPECT_EQ(page[1], s.calls[2]);
}

TEST(StorePaging, LoadWithoutCallsHasEverythingButCalls) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("big", 2, 30);
    const int64_t id = store->save(s);
    Session expected = withId(s, id);
    expected.calls.clear();
    EXPECT_EQ(store->loadWithoutCalls(id), expected);
}

TEST(StorePaging, SummaryWithoutCallsEqualsTheWholeSessionsSummary) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("sum", 2, 31);
    s.calls[4].outcome = CallOutcome::RunOnly;
    const int64_t id = store->save(s);
    EXPECT_EQ(store->summary(store->loadWithoutCalls(id)), s.summary());
}

TEST(StoreList, ListsEverySessionWithItsCounts) {
    auto store = SessionStore::open(":memory:");
    Session a = syntheticSession("a", 2, 10);
    Session b = syntheticSession("b", 1, 3);
    b.info.kind = SessionKind::Scenario;
    const int64_t ia = store->save(a), ib = store->save(b);
    auto rows = store->list();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, ia);
    EXPECT_EQ(rows[0].title, "a");
    EXPECT_EQ(rows[0].kind, SessionKind::TorchTrace);
    EXPECT_EQ(rows[0].created, a.info.created);
    EXPECT_EQ(rows[0].status, SessionStatus::Complete);
    EXPECT_EQ(rows[0].group, "rank-group");
    EXPECT_EQ(rows[0].calls, 10);
    EXPECT_EQ(rows[0].compiles, a.summary().compiles);
    EXPECT_EQ(rows[0].recompiles, a.summary().recompiles);
    EXPECT_EQ(rows[1].id, ib);
    EXPECT_EQ(rows[1].kind, SessionKind::Scenario);
    EXPECT_EQ(rows[1].calls, 3);
}

TEST(StoreList, RenameChangesOnlyTheTitle) {
    auto store = SessionStore::open(":memory:");
    Session s = syntheticSession("old", 1, 4);
    const int64_t id = store->save(s);
    store->rename(id, "new — ünïcödé");
    Session expected = withId(s, id);
    expected.info.title = "new — ünïcödé";
    EXPECT_EQ(store->load(id), expected);
}

TEST(StoreList, DeleteRemovesTheSessionAndAllItsRows) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("s.db"));
    Session s = syntheticSession("x", 2, 10);
    const int64_t keep = store->save(s), gone = store->save(s);
    store->remove(gone);
    EXPECT_FALSE(store->row(gone).has_value());
    EXPECT_EQ(store->callCount(gone), 0);
    EXPECT_TRUE(store->calls(gone, 0, 100).empty());
    EXPECT_EQ(store->load(keep), withId(s, keep));
    EXPECT_THROW(store->load(gone), StoreError);
}

TEST(StoreList, UnknownIdsGiveAClearError) {
    auto store = SessionStore::open(":memory:");
    try {
        store->rename(77, "t");
        FAIL() << "rename of a missing session did not throw";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("there is no session 77"), std::string::npos) << e.what();
    }
    EXPECT_THROW(store->remove(77), StoreError);
    EXPECT_THROW(store->load(77), StoreError);
    EXPECT_FALSE(store->row(77).has_value());
}

TEST(StorePath, DefaultPathFollowsXdgDataHome) {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_HOME", "/data/x", 1);
    EXPECT_EQ(SessionStore::defaultPath(), "/data/x/guardscope/sessions.db");
    unsetenv("XDG_DATA_HOME");
    const std::string home = std::getenv("HOME") ? std::getenv("HOME") : ".";
    EXPECT_EQ(SessionStore::defaultPath(), home + "/.local/share/guardscope/sessions.db");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);  // the spec says relative values are invalid
    EXPECT_EQ(SessionStore::defaultPath(), home + "/.local/share/guardscope/sessions.db");
    if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1); else unsetenv("XDG_DATA_HOME");
}

TEST(StorePath, MissingFoldersAreCreatedOnFirstUse) {
    TempDir dir;
    const std::string path = dir.file("a/b/c/sessions.db");
    auto store = SessionStore::open(path);
    store->save(syntheticSession("x", 1, 1));
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_EQ(store->schemaVersion(), Schema::currentVersion());
}

TEST(StorePath, ReadOnlyOpenOfAMissingFileSaysSoAndCreatesNothing) {
    TempDir dir;
    const std::string path = dir.file("none/sessions.db");
    try {
        SessionStore::open(path, OpenMode::ReadOnly);
        FAIL() << "no error";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("none")));
}

TEST(StoreDatabase, IsInWalModeWithOurApplicationId) {
    TempDir dir;
    {
        auto store = SessionStore::open(dir.file("s.db"));
        store->save(syntheticSession("x", 1, 1));
        EXPECT_TRUE(std::filesystem::exists(dir.file("s.db-wal")));
    }
    // After close the WAL is checkpointed into the file: check the header (sqlite.org/fileformat2).
    const std::string bytes = fileBytes(dir.file("s.db"));
    ASSERT_GE(bytes.size(), 100u);
    EXPECT_EQ(bytes[18], 2) << "file format write version 2 means WAL";
    EXPECT_EQ(bytes.substr(68, 4), "GScp") << "application id";
}

} // namespace
