// What a writer learns after beginSession reaches the store: EventSink::updateInfo (the trace
// importer sends the config, rank and problem counts at the end, core/session/Session.h) is
// written with the batch it arrives in; a later one replaces an earlier one; the status is
// endSession's, and the store id and start time stay.
#include <gtest/gtest.h>

#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

// What a streaming importer knows at the start: the file, not yet its config or metadata.
SessionInfo startInfo() {
    SessionInfo i;
    i.kind = SessionKind::TorchTrace;
    i.title = "simple.log";
    i.sourcePath = "/traces/simple.log";
    i.engineVersion = "0.1.0";
    return i;
}

// What it knows at the end (TraceAssembler::finish).
SessionInfo endInfo() {
    SessionInfo i = startInfo();
    i.title = "simple.log (rank 0)";
    i.configJson = R"({"recompile_limit": 8, "automatic_dynamic_shapes": true})";
    i.group = "/traces";
    i.metadata = {{"rank", "0"}, {"restarts", "1"}, {"event_counts", "{\"dynamo_start\": 2}"}};
    i.status = SessionStatus::Complete;  // a writer's guess; endSession decides
    return i;
}

TEST(StoreRecorderInfo, UpdateInfoIsStoredWithTheSession) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    rec->beginSession(startInfo());
    const std::string created = store->row(rec->sessionId())->created;
    for (int i = 0; i < 4; ++i) rec->call(syntheticCall(i, 0));
    rec->updateInfo(endInfo());
    rec->endSession(SessionStatus::Complete);
    ASSERT_FALSE(rec->failed()) << rec->error();

    SessionInfo expected = endInfo();
    expected.id = rec->sessionId();
    expected.created = created;  // stamped at beginSession; the update carried none
    expected.status = SessionStatus::Complete;
    const Session s = store->load(rec->sessionId());
    EXPECT_EQ(s.info, expected);
    EXPECT_EQ(s.calls.size(), 4u);
    EXPECT_EQ(store->row(rec->sessionId())->title, "simple.log (rank 0)");
}

TEST(StoreRecorderInfo, ALaterUpdateReplacesAnEarlierOneWholly) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    SessionInfo begin = startInfo();
    begin.metadata = {{"from_begin", "x"}};
    rec->beginSession(begin);
    rec->updateInfo(endInfo());
    rec->flush();
    SessionInfo last = endInfo();
    last.title = "final";
    last.configJson = "{}";
    last.metadata = {{"rank", "1"}};
    last.created = "2026-02-03T04:05:06Z";  // a writer that knows the start time may correct it
    rec->updateInfo(last);
    rec->endSession(SessionStatus::Complete);

    const SessionInfo got = store->load(rec->sessionId()).info;
    EXPECT_EQ(got.title, "final");
    EXPECT_EQ(got.configJson, "{}");
    EXPECT_EQ(got.created, "2026-02-03T04:05:06Z");
    EXPECT_EQ(got.metadata, (std::map<std::string, std::string>{{"rank", "1"}}));
}

TEST(StoreRecorderInfo, StatusIsWhatEndSessionSaysNotWhatTheUpdateSays) {
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    rec->beginSession(startInfo());
    rec->updateInfo(endInfo());  // says complete
    rec->flush();
    EXPECT_EQ(store->row(rec->sessionId())->status, SessionStatus::Running);
    EXPECT_EQ(store->row(rec->sessionId())->title, "simple.log (rank 0)");
    rec->endSession(SessionStatus::Failed);
    EXPECT_EQ(store->row(rec->sessionId())->status, SessionStatus::Failed);
    EXPECT_EQ(store->load(rec->sessionId()).info.configJson, endInfo().configJson);
}

TEST(StoreRecorderInfo, UpdateIsBufferedLikeAnyEventAndWrittenWithItsBatch) {
    OpenOptions opts;
    opts.batchEvents = 1000;
    opts.batchMillis = 60'000;
    auto store = SessionStore::open(":memory:", OpenMode::ReadWrite, opts);
    auto rec = store->startRecorder();
    rec->beginSession(startInfo());
    rec->updateInfo(endInfo());
    EXPECT_EQ(store->row(rec->sessionId())->title, "simple.log") << "written before its batch";
    rec->flush();
    EXPECT_EQ(store->row(rec->sessionId())->title, "simple.log (rank 0)");
}

TEST(StoreRecorderInfo, AnUpdateBeforeADropIsKeptAndTheSessionIsInterrupted) {
    auto store = SessionStore::open(":memory:");
    int64_t id = 0;
    {
        auto rec = store->startRecorder();
        rec->beginSession(startInfo());
        rec->updateInfo(endInfo());
        id = rec->sessionId();
    }
    const SessionInfo got = store->load(id).info;
    EXPECT_EQ(got.status, SessionStatus::Interrupted);
    EXPECT_EQ(got.configJson, endInfo().configJson);
    EXPECT_EQ(got.metadata, endInfo().metadata);
}

TEST(StoreRecorderInfo, RecordedSessionEqualsTheBuiltOneWhenTheInfoCameLate) {
    // The same events into the recorder and a SessionBuilder give the same session: what
    // `import --json` prints is what `sessions export` prints.
    auto store = SessionStore::open(":memory:");
    auto rec = store->startRecorder();
    SessionBuilder builder;
    TeeSink tee;
    tee.add(&builder);
    tee.add(rec.get());
    Session s = syntheticSession("late info", 2, 12);
    SessionInfo begin = s.info;
    begin.configJson.clear();
    begin.metadata.clear();
    tee.beginSession(begin);
    for (const auto& f : s.frames) tee.frame(f);
    for (const auto& c : s.compiles) tee.compile(c);
    for (const auto& c : s.calls) tee.call(c);
    tee.updateInfo(s.info);
    tee.endSession(s.info.status);
    Session built = builder.take();
    built.info.id = rec->sessionId();
    Session loaded = store->load(rec->sessionId());
    EXPECT_EQ(loaded.info, built.info);
    EXPECT_FALSE(loaded.info.configJson.empty());
    EXPECT_FALSE(loaded.info.metadata.empty());
}

TEST(StoreRecorderInfo, UpdateAfterAWriteErrorIsIgnoredWithoutThrowing) {
    TempDir dir;
    const std::string path = dir.file("ro.db");
    SessionStore::open(path)->save(syntheticSession("x", 1, 1));
    auto store = SessionStore::open(path, OpenMode::ReadOnly);
    auto rec = store->startRecorder();
    rec->beginSession(startInfo());
    EXPECT_TRUE(rec->failed());
    EXPECT_NO_THROW(rec->updateInfo(endInfo()));
    EXPECT_NO_THROW(rec->endSession(SessionStatus::Complete));
    EXPECT_EQ(store->list().size(), 1u);
}

} // namespace
