// Crash safety: a child process recording a long session is killed with SIGKILL; the database
// opens, the sessions finished before are complete and equal to what was written, and the cut
// one reads as `interrupted` (issue 4).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {

std::vector<Session> finishedBeforeTheCrash() {
    return {syntheticSession("first", 2, 50), syntheticSession("second", 3, 120)};
}

// The child: records the finished sessions, then a long one, telling the parent over `out`
// how many calls of the long session are committed. Never returns.
[[noreturn]] void recordUntilKilled(const std::string& path, int out) {
    try {
        OpenOptions opts;
        opts.batchEvents = 256;
        // Batches by count only (a batch is 2048 calls, each a multiple of 256): under a slow
        // build (ASan) the 50 ms age limit would cut batches at any count.
        opts.batchMillis = 3600 * 1000;
        auto store = SessionStore::open(path, OpenMode::ReadWrite, opts);
        for (const Session& s : finishedBeforeTheCrash()) {
            auto rec = store->startRecorder();
            replay(s, *rec);
            if (rec->failed()) _exit(3);
        }
        auto rec = store->startRecorder();
        rec->beginSession(syntheticSession("long", 1, 0).info);
        for (int64_t i = 0;; ++i) {
            rec->call(syntheticCall(i, 0));
            if (i % 256 == 255) {
                if (rec->failed()) _exit(4);
                int64_t committed = store->callCount(rec->sessionId());
                if (write(out, &committed, sizeof committed) != sizeof committed) _exit(5);
            }
        }
    } catch (...) {
        _exit(6);
    }
}

TEST(StoreCrash, KilledRecorderLeavesFinishedSessionsIntactAndTheCutOneInterrupted) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(fds[0]);
        recordUntilKilled(path, fds[1]);
    }
    close(fds[1]);
    // Let the long recording commit several batches, then kill it in the middle of one.
    int64_t committed = 0;
    while (committed < 256 * 8) {
        ASSERT_EQ(read(fds[0], &committed, sizeof committed), static_cast<ssize_t>(sizeof committed))
            << "the recording child died early";
    }
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    close(fds[0]);

    // A reader first (it must not need to write), then a writer, which also persists the status.
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
        auto store = SessionStore::open(path, mode);
        auto rows = store->list();
        ASSERT_EQ(rows.size(), 3u);
        const auto expected = finishedBeforeTheCrash();
        for (size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(rows[i].status, SessionStatus::Complete);
            Session want = expected[i];
            want.info.id = rows[i].id;
            EXPECT_EQ(store->load(rows[i].id), want);
        }
        EXPECT_EQ(rows[2].title, "long");
        EXPECT_EQ(rows[2].status, SessionStatus::Interrupted);
        const int64_t kept = store->callCount(rows[2].id);
        EXPECT_GE(kept, committed);
        EXPECT_EQ(kept % 256, 0) << "a batch is written whole or not at all";
        EXPECT_EQ(rows[2].calls, kept);
        auto tail = store->calls(rows[2].id, kept - 3, 10);
        ASSERT_EQ(tail.size(), 3u);
        EXPECT_EQ(tail.back(), syntheticCall(kept - 1, 0));
    }
    // The writer persisted `interrupted`: a later reader sees it without judging the writer.
    auto store = SessionStore::open(path, OpenMode::ReadOnly);
    EXPECT_EQ(store->list()[2].status, SessionStatus::Interrupted);
}

TEST(StoreCrash, ARunningSessionOfALiveWriterIsNotInterrupted) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto writer = SessionStore::open(path);
    auto rec = writer->startRecorder();
    rec->beginSession(SessionInfo{.title = "live"});
    rec->call(syntheticCall(0, 0));
    rec->flush();
    // Another connection (as another process would) sees it running: its writer is alive.
    auto reader = SessionStore::open(path, OpenMode::ReadWrite);
    EXPECT_EQ(reader->row(rec->sessionId())->status, SessionStatus::Running);
    rec->endSession(SessionStatus::Complete);
    EXPECT_EQ(reader->row(rec->sessionId())->status, SessionStatus::Complete);
}

} // namespace
