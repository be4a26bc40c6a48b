#pragma once
// Moves WAL checkpoints of a recording off the recording thread (issue 11 item 7). SQLite's
// default runs a checkpoint inside the commit that makes the WAL pass 1000 pages: the thread
// that reads the log or runs the engine then copies those pages into the database file and
// syncs it, several times per import. While a recorder lives, this replaces that hook: the
// commit only signals, and a thread with its own connection runs a PASSIVE checkpoint (it
// never blocks the writer, https://sqlite.org/c3ref/wal_checkpoint_v2.html); the writer copies
// pages itself only when the WAL has grown past four times the threshold. Destroyed, it puts
// SQLite's automatic checkpoints back. Inactive for ":memory:", read-only or non-WAL databases.
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace gs::store {

class Database;

class WalCheckpointer {
public:
    explicit WalCheckpointer(Database& db);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    bool active() const { return own_ != nullptr; }
    int checkpoints() const; // run so far (tests)

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int walPages);
    void run();

    Database& db_;
    sqlite3* own_ = nullptr;   // the checkpointing connection
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool due_ = false, running_ = false, stop_ = false;
    int checkpoints_ = 0;
    std::thread worker_;
};

} // namespace gs::store
