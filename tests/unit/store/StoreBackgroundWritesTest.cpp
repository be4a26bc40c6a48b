// Recorder::writeInBackground (issue 11 item 7): an import's batches are written by the
// recorder's own thread while the next batch fills. What is stored must be exactly what the
// recorder stores when it writes each batch itself; calls that arrive while a batch is being
// written land in the right chunks; a batch that fails on that thread is reported at the next
// event, flush or endSession, and the session is never marked complete.
#include <gtest/gtest.h>

#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

// A session with everything a recorder writes: frames, compiles with full detail, recompiles,
// shape events, logs, tests, calls and verbatim records, in an order that interleaves them.
Session everyKind(const std::string& title, int64_t calls, int records) {
    Session s = syntheticSession(title, 3, calls);
    for (int i = 0; i < records; ++i) {
        TraceRecord r;
        r.seq = i;
        r.line = 1 + 2 * i;
        r.prefix = "V1206 10:00:00.000000 42 torch/_logging/structured.py:" + std::to_string(100 + i) + "] ";
        r.body = "{\"artifact\": {\"name\": \"a" + std::to_string(i) + "\"}, \"has_payload\": \"0\"}";
        r.hasPayload = true;
        r.payload = std::string(200 + (i * 37) % 3000, static_cast<char>('a' + i % 26));
        s.records.push_back(std::move(r));
    }
    return s;
}

// Replays `s` into a new recorder of `store`; returns the stored session's id.
int64_t record(SessionStore& store, const Session& s, bool background) {
    auto rec = store.startRecorder();
    if (background) rec->writeInBackground();
    replay(s, *rec);
    EXPECT_FALSE(rec->failed()) << rec->error();
    return rec->sessionId();
}

Session loaded(SessionStore& store, int64_t id) {
    Session s = store.load(id);
    s.info.id = 0;
    return s;
}

OpenOptions smallBatches() {
    OpenOptions o;
    o.batchEvents = 3;      // a batch every few events: dozens of hand-overs
    o.batchMillis = 1000000; // by count only
    return o;
}

} // namespace

TEST(StoreBackgroundWrites, StoresExactlyWhatWritingEachBatchInPlaceStores) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("s.db"), OpenMode::ReadWrite, smallBatches());
    const Session s = everyKind("every kind", 5000, 400);
    const int64_t inPlace = record(*store, s, false);
    const int64_t background = record(*store, s, true);
    ASSERT_NE(inPlace, background);
    const Session a = loaded(*store, inPlace), b = loaded(*store, background);
    EXPECT_EQ(b.compiles.size(), s.compiles.size());
    EXPECT_EQ(b.records.size(), s.records.size());
    EXPECT_EQ(b.calls.size(), s.calls.size());
    EXPECT_EQ(a, b);
    auto rowA = store->row(inPlace), rowB = store->row(background);
    ASSERT_TRUE(rowA && rowB);
    EXPECT_EQ(rowB->status, SessionStatus::Complete);
    EXPECT_EQ(rowB->calls, 5000);
    EXPECT_EQ(rowB->calls, rowA->calls);
    EXPECT_EQ(rowB->compiles, rowA->compiles);
    EXPECT_EQ(rowB->recompiles, rowA->recompiles);
}

TEST(StoreBackgroundWrites, CallsArrivingWhileABatchIsWrittenLandInTheirChunks) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("s.db"), OpenMode::ReadWrite, smallBatches());
    Session s = syntheticSession("calls between compiles", 2, 0);
    auto rec = store->startRecorder();
    rec->writeInBackground();
    rec->beginSession(s.info);
    for (const Frame& f : s.frames) rec->frame(f);
    // Each compile makes a batch due (three events); the calls after it are collected while
    // that batch is being written on the other thread.
    int64_t index = 0, ok = 0;
    for (int round = 0; round < 120; ++round) {
        CompileEntry c = s.compiles[static_cast<size_t>(round) % s.compiles.size()];
        c.compileId = std::to_string(round % 2) + "/" + std::to_string(round);
        ok += c.status == EntryStatus::Ok; // the session row counts successful compiles
        rec->compile(c);
        for (int k = 0; k < 61; ++k, ++index) rec->call(syntheticCall(index, static_cast<int>(index % 2)));
    }
    rec->endSession(SessionStatus::Complete);
    ASSERT_FALSE(rec->failed()) << rec->error();
    const int64_t id = rec->sessionId();
    rec.reset();
    auto row = store->row(id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->calls, index);
    EXPECT_GT(ok, 0);
    EXPECT_EQ(row->compiles, ok);
    EXPECT_EQ(store->load(id).compiles.size(), 120u);
    auto calls = store->calls(id, 0, index);
    ASSERT_EQ(static_cast<int64_t>(calls.size()), index);
    for (int64_t i = 0; i < index; i += 97) EXPECT_EQ(calls[static_cast<size_t>(i)], syntheticCall(i, static_cast<int>(i % 2)));
    EXPECT_EQ(calls.back(), syntheticCall(index - 1, static_cast<int>((index - 1) % 2)));
}

TEST(StoreBackgroundWrites, AFailedBatchIsReportedAndTheSessionIsNeverComplete) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    int64_t earlier = 0;
    {
        auto store = SessionStore::open(path);
        earlier = store->save(syntheticSession("earlier", 1, 20));
    }
    const int64_t pages = pageCount(path);
    ASSERT_GT(pages, 0);
    OpenOptions tiny = smallBatches();
    tiny.maxPageCount = pages + 40; // room for some batches, then "disk full" on the writing thread
    auto store = SessionStore::open(path, OpenMode::ReadWrite, tiny);
    const Session big = everyKind("too big", 0, 3000);
    auto rec = store->startRecorder();
    rec->writeInBackground();
    rec->beginSession(big.info);
    const int64_t id = rec->sessionId();
    for (const TraceRecord& r : big.records) {
        rec->record(r);
        rec->log(LogLine{"artifact", "", r.seq, r.body}); // makes batches due
        if (rec->failed()) break;
    }
    rec->endSession(SessionStatus::Complete);
    ASSERT_TRUE(rec->failed()) << "the page limit was never reached";
    EXPECT_CONTAINS(rec->error(), "is full");
    EXPECT_CONTAINS(store->lastRecordError(), "is full");
    rec.reset();
    auto row = store->row(id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, SessionStatus::Interrupted);
    auto again = SessionStore::open(path);
    EXPECT_EQ(again->load(earlier).info.title, "earlier") << "earlier sessions are intact";
}

TEST(StoreBackgroundWrites, DroppingTheRecorderMidSessionKeepsWhatArrivedAsInterrupted) {
    TempDir dir;
    auto store = SessionStore::open(dir.file("s.db"), OpenMode::ReadWrite, smallBatches());
    const Session s = everyKind("cut off", 700, 50);
    int64_t id = 0;
    {
        auto rec = store->startRecorder();
        rec->writeInBackground();
        rec->beginSession(s.info);
        id = rec->sessionId();
        for (const Frame& f : s.frames) rec->frame(f);
        for (const CompileEntry& c : s.compiles) rec->compile(c);
        for (const Call& c : s.calls) rec->call(c);
        for (const TraceRecord& r : s.records) rec->record(r);
        // no endSession: an exception unwound the run
    }
    auto row = store->row(id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, SessionStatus::Interrupted);
    EXPECT_EQ(row->calls, 700);
    const Session back = store->load(id);
    EXPECT_EQ(back.compiles.size(), s.compiles.size());
    EXPECT_EQ(back.records, s.records);
}
