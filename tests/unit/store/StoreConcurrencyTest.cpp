// Many processes on one new database (issue 12, "History"): each opens the store (creating and
// migrating the file if it is the first), records sessions and closes it again, all at once.
// Nothing may be lost: every session each process was told it recorded is in the file,
// complete, and the file passes PRAGMA integrity_check. A busy database is waited for, and the
// message says how long was really waited.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "core/runtime/MachineStack.h"
#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {


constexpr int kProcesses = 10;
constexpr int kRunsEach = 100;

// How long a run waits for the other writers: the default, except in a sanitizer build, where
// every writer holds the lock about ten times longer (and 10 such processes share 2 cores).
OpenOptions runOptions() {
    OpenOptions o;
    if (gs::runtime::MachineStack::underAddressSanitizer()) o.busyTimeoutMs = 60000;
    return o;
}

// The child: kRunsEach times open the store afresh (as every `guardscope-cli run` does),
// record one small session, close. Writes each recorded id to `out`; exits with the number of
// runs that failed (capped), so the parent sees failures without parsing messages.
[[noreturn]] void recordMany(const std::string& path, int out, int child) {
    int failures = 0;
    for (int i = 0; i < kRunsEach; ++i) {
        try {
            auto store = SessionStore::open(path, OpenMode::ReadWrite, runOptions());
            auto rec = store->startRecorder();
            Session s = syntheticSession("p" + std::to_string(child) + "-" + std::to_string(i), 1, 3);
            replay(s, *rec);
            if (rec->failed() || rec->sessionId() <= 0) {
                ++failures;
                continue;
            }
            const int64_t id = rec->sessionId();
            if (write(out, &id, sizeof id) != sizeof id) _exit(100);
        } catch (...) {
            ++failures;
        }
    }
    _exit(failures > 99 ? 99 : failures);
}

int64_t queryInt(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

std::string integrity(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
    std::string v = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

} // namespace

TEST(StoreConcurrency, TenProcessesCreatingOneNewDatabaseLoseNoRun) {
    TempDir dir;
    const std::string path = dir.file("new.db");  // does not exist yet: they all race to create it
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::vector<pid_t> children;
    for (int c = 0; c < kProcesses; ++c) {
        pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            close(fds[0]);
            recordMany(path, fds[1], c);
        }
        children.push_back(pid);
    }
    close(fds[1]);
    std::set<int64_t> ids;
    int64_t id = 0;
    while (read(fds[0], &id, sizeof id) == sizeof id) ids.insert(id);
    close(fds[0]);
    for (pid_t pid : children) {
        int status = 0;
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFEXITED(status)) << "a recording process crashed";
        EXPECT_EQ(WEXITSTATUS(status), 0) << "runs of one process were not recorded";
    }
    EXPECT_EQ(ids.size(), static_cast<size_t>(kProcesses * kRunsEach)) << "two runs were told the same id";
    EXPECT_EQ(integrity(path), "ok");
    EXPECT_EQ(queryInt(path, "SELECT count(*) FROM sessions WHERE status = 'complete'"), kProcesses * kRunsEach);
    // Calls are stored in chunk rows since schema 5 (CallChunk.h); legacy rows count too.
    EXPECT_EQ(queryInt(path, "SELECT (SELECT coalesce(sum(n_calls), 0) FROM call_chunks) + (SELECT count(*) FROM calls)"),
              kProcesses * kRunsEach * 3);
    EXPECT_EQ(queryInt(path, "PRAGMA user_version"), SessionStore::open(path)->schemaVersion());
}

// The moment of creation, many times: processes held at a barrier open one new file together,
// so every round races on creating the tables and the header.
TEST(StoreConcurrency, ProcessesOpeningANewFileAtTheSameMomentAllRecord) {
    constexpr int kRounds = 10;
    for (int round = 0; round < kRounds; ++round) {
        TempDir dir;
        const std::string path = dir.file("new.db");
        int barrier[2];
        ASSERT_EQ(pipe(barrier), 0);
        std::vector<pid_t> children;
        for (int c = 0; c < kProcesses; ++c) {
            pid_t pid = fork();
            ASSERT_GE(pid, 0);
            if (pid == 0) {
                close(barrier[1]);
                char x;
                (void)!read(barrier[0], &x, 1);  // returns when the parent closes its end
                try {
                    auto store = SessionStore::open(path);
                    auto rec = store->startRecorder();
                    replay(syntheticSession("c" + std::to_string(c), 1, 1), *rec);
                    _exit(rec->failed() ? 1 : 0);
                } catch (...) {
                    _exit(2);
                }
            }
            children.push_back(pid);
        }
        close(barrier[0]);
        close(barrier[1]);  // go
        int failed = 0;
        for (pid_t pid : children) {
            int status = 0;
            ASSERT_EQ(waitpid(pid, &status, 0), pid);
            ASSERT_TRUE(WIFEXITED(status)) << "a process crashed";
            if (WEXITSTATUS(status) != 0) ++failed;
        }
        ASSERT_EQ(failed, 0) << "round " << round << ": " << failed << " processes could not record";
        ASSERT_EQ(queryInt(path, "SELECT count(*) FROM sessions WHERE status = 'complete'"), kProcesses);
    }
}

TEST(StoreConcurrency, TheLockedMessageSaysHowLongItReallyWaited) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    SessionStore::open(path)->save(syntheticSession("first", 1, 1));
    OpenOptions patient;
    patient.busyTimeoutMs = 400;
    auto store = SessionStore::open(path, OpenMode::ReadWrite, patient);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    const auto start = std::chrono::steady_clock::now();
    const std::string err = errorOf([&] { store->save(syntheticSession("x", 1, 1)); });
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    EXPECT_CONTAINS(err, "(waited 400 ms, the busy timeout");
    EXPECT_GE(ms, 400) << "it gave up before the busy timeout: " << err;

    // The other writer lets go while we wait: the write goes through, nothing is reported.
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
    });
    const int64_t id = store->save(syntheticSession("after a wait", 1, 1));
    release.join();
    sqlite3_close(other);
    EXPECT_EQ(store->row(id)->status, SessionStatus::Complete);
}
