// Bad input never crashes and never passes a half-written session off as complete: each case
// gives a StoreError naming the file and saying what to do (issue 4, "Bad input").
#include <fcntl.h>
#include <linux/fs.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "core/store/SessionStore.h"
#include "tests/unit/store/StoreTestUtil.h"

using namespace gs::session;
using namespace gs::store;
using namespace gs::testing;

namespace {


// Makes a file or folder read-only even for root: the immutable attribute (chattr +i) where the
// file system allows it, else permission bits (which root ignores). Undone on destruction.
class ReadOnlyGuard {
public:
    explicit ReadOnlyGuard(std::string path) : path_(std::move(path)) {
        struct stat st {};
        stat(path_.c_str(), &st);
        mode_ = st.st_mode & 07777;
        if (setImmutable(true)) {
            immutable_ = true;
        } else {
            chmod(path_.c_str(), S_ISDIR(st.st_mode) ? 0555 : 0444);
        }
    }
    ~ReadOnlyGuard() {
        if (immutable_) setImmutable(false);
        chmod(path_.c_str(), mode_);
    }
    // True when writes are really refused (not so for root without the immutable attribute).
    bool effective() const { return access(path_.c_str(), W_OK) != 0; }

private:
    bool setImmutable(bool on) {
        int fd = open(path_.c_str(), O_RDONLY | O_NONBLOCK);
        if (fd < 0) return false;
        int flags = 0;
        bool ok = ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        close(fd);
        return ok;
    }
    std::string path_;
    mode_t mode_ = 0644;
    bool immutable_ = false;
};

// A database with a few complete sessions, closed (checkpointed, no -wal file left).
std::vector<Session> makeDatabase(const std::string& path, int sessions = 6, int calls = 300) {
    std::vector<Session> written;
    auto store = SessionStore::open(path);
    for (int i = 0; i < sessions; ++i) {
        std::string title = "s";
        title += std::to_string(i);
        Session s = syntheticSession(title, 2, calls);
        s.info.id = store->save(s);
        written.push_back(s);
    }
    return written;
}

// Every operation on a damaged file either throws StoreError naming it, or returns exactly
// what was written. Returns how many operations threw.
int probeDamaged(const std::string& path, const std::vector<Session>& written) {
    int errors = 0;
    auto check = [&](const std::function<void()>& f) {
        try {
            f();
        } catch (const StoreError& e) {
            ++errors;
            EXPECT_CONTAINS(e.what(), path);
        }
    };
    std::unique_ptr<SessionStore> store;
    check([&] { store = SessionStore::open(path, OpenMode::ReadOnly); });
    if (!store) return errors;
    check([&] { store->list(); });
    for (const Session& s : written) {
        check([&] {
            Session back = store->load(s.info.id);
            EXPECT_EQ(back, s) << "a damaged file gave back a different session " << s.info.id;
        });
    }
    return errors;
}

TEST(StoreBadInput, TextFileIsNotAGuardscopeDatabase) {
    TempDir dir;
    const std::string path = dir.file("notes.txt");
    std::string text;
    for (int i = 0; i < 200; ++i) text += "these are my notes, not a database\n";
    writeBytes(path, text);
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        const std::string err = errorOf([&] { SessionStore::open(path, mode); });
        EXPECT_CONTAINS(err, "'" + path + "' is not a Guardscope database (file is not a database)");
        EXPECT_CONTAINS(err, "--db");
    }
    EXPECT_EQ(fileBytes(path), text);
}

TEST(StoreBadInput, AFolderGivenAsTheDatabaseSaysSo) {
    TempDir dir;
    const std::string err = errorOf([&] { SessionStore::open(dir.path().string()); });
    EXPECT_CONTAINS(err, "'" + dir.path().string() + "' is a folder, not a session database");
}

TEST(StoreBadInput, TruncatedDatabaseGivesErrorsOrIntactSessionsNeverWrongOnes) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto written = makeDatabase(path);
    const std::string bytes = fileBytes(path);
    for (double keep : {0.9, 0.5, 0.1}) {
        writeBytes(path, bytes.substr(0, static_cast<size_t>(bytes.size() * keep)));
        EXPECT_GT(probeDamaged(path, written), 0) << "truncated to " << keep;
    }
    writeBytes(path, bytes.substr(0, 50));  // not even a whole header
    const std::string err = errorOf([&] { SessionStore::open(path, OpenMode::ReadOnly); });
    EXPECT_CONTAINS(err, path);
}

TEST(StoreBadInput, CorruptedPagesGiveErrorsOrIntactSessionsNeverWrongOnes) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto written = makeDatabase(path);
    const std::string bytes = fileBytes(path);
    const size_t page = 4096;
    ASSERT_GT(bytes.size(), 20 * page);
    for (size_t at : {size_t(2), bytes.size() / page / 2, bytes.size() / page - 2}) {
        std::string broken = bytes;
        for (size_t i = at * page; i < (at + 2) * page && i < broken.size(); ++i)
            broken[i] = static_cast<char>((i * 131) ^ 0x5a);
        writeBytes(path, broken);
        EXPECT_GT(probeDamaged(path, written), 0) << "garbage at page " << at;
    }
    std::string badHeader = bytes;
    badHeader.replace(0, 16, "NotSQLiteFormat!");
    writeBytes(path, badHeader);
    EXPECT_CONTAINS(errorOf([&] { SessionStore::open(path); }), "is not a Guardscope database");
}

TEST(StoreBadInput, ReadOnlyFileCanBeListedButNotWritten) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto written = makeDatabase(path, 2, 10);
    ReadOnlyGuard ro(path);
    if (!ro.effective()) GTEST_SKIP() << "cannot make a file read-only here (root without chattr)";
    auto store = SessionStore::open(path);
    EXPECT_TRUE(store->isReadOnly());
    EXPECT_EQ(store->list().size(), 2u);
    EXPECT_EQ(store->load(written[0].info.id), written[0]);
    const std::string err = errorOf([&] { store->save(syntheticSession("x", 1, 1)); });
    EXPECT_CONTAINS(err, "'" + path + "' is read-only");
    EXPECT_CONTAINS(err, "--db");
    EXPECT_CONTAINS(errorOf([&] { store->rename(written[0].info.id, "t"); }), "read-only");
    EXPECT_CONTAINS(errorOf([&] { store->remove(written[0].info.id); }), "read-only");
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "nope"});
    rec->endSession(SessionStatus::Complete);
    EXPECT_TRUE(rec->failed());
    EXPECT_CONTAINS(rec->error(), "read-only");
    EXPECT_EQ(store->list().size(), 2u);
}

TEST(StoreBadInput, ReadOnlyFolderCanBeListedButNotWritten) {
    TempDir dir;
    std::filesystem::create_directory(dir.file("ro"));
    const std::string path = dir.file("ro/s.db");
    auto written = makeDatabase(path, 2, 10);
    ASSERT_FALSE(std::filesystem::exists(path + "-wal"));
    ReadOnlyGuard ro(dir.file("ro"));
    if (!ro.effective()) GTEST_SKIP() << "cannot make a folder read-only here (root without chattr)";
    auto store = SessionStore::open(path);
    EXPECT_TRUE(store->isReadOnly());
    ASSERT_EQ(store->list().size(), 2u);
    EXPECT_EQ(store->load(written[1].info.id), written[1]);
    EXPECT_CONTAINS(errorOf([&] { store->save(syntheticSession("x", 1, 1)); }), "read-only");
}

TEST(StoreBadInput, NewDatabaseInAReadOnlyFolderSaysWhatToDo) {
    TempDir dir;
    std::filesystem::create_directory(dir.file("ro"));
    ReadOnlyGuard ro(dir.file("ro"));
    if (!ro.effective()) GTEST_SKIP() << "cannot make a folder read-only here (root without chattr)";
    const std::string path = dir.file("ro/s.db");
    const std::string err = errorOf([&] { SessionStore::open(path); });
    EXPECT_CONTAINS(err, path);
    EXPECT_CONTAINS(err, "--db");
}

TEST(StoreBadInput, DatabaseLockedByAnotherWriterWaitsThenSaysSo) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto written = makeDatabase(path, 1, 5);
    OpenOptions quick;
    quick.busyTimeoutMs = 150;
    auto store = SessionStore::open(path, OpenMode::ReadWrite, quick);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

    const std::string err = errorOf([&] { store->save(syntheticSession("x", 1, 1)); });
    EXPECT_CONTAINS(err, "'" + path + "' is locked by another Guardscope process (waited 150 ms");
    EXPECT_EQ(store->list().size(), 1u) << "readers are not blocked by a writer (WAL)";
    auto rec = store->startRecorder();
    rec->beginSession(SessionInfo{.title = "blocked"});
    EXPECT_TRUE(rec->failed());
    EXPECT_CONTAINS(rec->error(), "locked");
    EXPECT_CONTAINS(store->lastRecordError(), "locked");

    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    const int64_t id = store->save(syntheticSession("after", 1, 1));
    EXPECT_EQ(store->row(id)->status, SessionStatus::Complete);
}

TEST(StoreBadInput, FullDiskStopsTheRecorderAndNeverMarksTheSessionComplete) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto written = makeDatabase(path, 1, 20);
    const int64_t pages = pageCount(path);
    ASSERT_GT(pages, 0);
    OpenOptions tiny;
    tiny.maxPageCount = pages + 30;  // room for a few batches, then "disk full"
    tiny.batchEvents = 64;
    tiny.batchMillis = 1000000;  // batches by count only, so whole batches are countable
    int64_t id = 0, committed = 0;
    {
        auto store = SessionStore::open(path, OpenMode::ReadWrite, tiny);
        auto rec = store->startRecorder();
        Session big = syntheticSession("too big", 1, 0);
        rec->beginSession(big.info);
        id = rec->sessionId();
        for (int64_t i = 0; i < 20000 && !rec->failed(); ++i) rec->call(syntheticCall(i, 0));
        rec->endSession(SessionStatus::Complete);
        ASSERT_TRUE(rec->failed()) << "the page limit was never reached";
        EXPECT_CONTAINS(rec->error(), "the disk holding '" + path + "' is full");
        EXPECT_CONTAINS(rec->error(), "never as complete");
        EXPECT_CONTAINS(store->lastRecordError(), "is full");
        // A whole session saved at once fails as a whole: no half session appears.
        const size_t before = store->list().size();
        EXPECT_CONTAINS(errorOf([&] { store->save(syntheticSession("also big", 2, 5000)); }), "is full");
        EXPECT_EQ(store->list().size(), before);
        committed = store->callCount(id);
    }
    auto store = SessionStore::open(path);
    EXPECT_EQ(store->load(written[0].info.id), written[0]) << "earlier sessions are intact";
    auto row = store->row(id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, SessionStatus::Interrupted);
    EXPECT_GT(committed, 0);
    EXPECT_EQ(committed % 64, 0) << "only whole batches are kept";
    EXPECT_EQ(row->calls, committed);
    auto calls = store->calls(id, 0, committed);
    ASSERT_EQ(static_cast<int64_t>(calls.size()), committed);
    EXPECT_EQ(calls.back(), syntheticCall(committed - 1, 0));
}

} // namespace
