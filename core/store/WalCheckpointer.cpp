#include "core/store/WalCheckpointer.h"

#include <sqlite3.h>

#include "core/store/Database.h"

namespace gs::store {

namespace {
constexpr int kPages = 1000; // SQLite's own default threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT)
}

WalCheckpointer::WalCheckpointer(Database& db) : db_(db) {
    if (db.readOnly() || db.path().empty() || db.path() == ":memory:") return;
    try {
        if (db.queryInt("SELECT journal_mode = 'wal' FROM pragma_journal_mode", "reading its journal mode") == 0) return;
    } catch (...) {
        return; // keep SQLite's checkpoints
    }
    if (sqlite3_open_v2(db.path().c_str(), &own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(own_);
        own_ = nullptr;
        return;
    }
    // A fresh connection learns that the file is in WAL mode on its first read; before that a
    // checkpoint on it does nothing (and says -1 frames).
    if (sqlite3_exec(own_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_close(own_);
        own_ = nullptr;
        return;
    }
    worker_ = std::thread([this] { run(); });
    sqlite3_wal_hook(db.handle(), &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer() {
    if (!own_) return;
    sqlite3_wal_autocheckpoint(db_.handle(), kPages); // SQLite's hook back
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    worker_.join();
    sqlite3_close(own_);
}

int WalCheckpointer::checkpoints() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return checkpoints_;
}

// The thread's round usually copies every frame between two commits (a batch commits every
// 50 ms; a round of 1000 pages takes a few), and SQLite then reuses the WAL from its start. A
// round that ran beside a commit leaves frames behind and the WAL grows; past four times the
// threshold the writer copies the rest itself, so the WAL stays bounded.
int WalCheckpointer::onCommit(void* self, sqlite3* db, const char* schema, int walPages) {
    auto* me = static_cast<WalCheckpointer*>(self);
    if (walPages < kPages) return SQLITE_OK;
    bool catchUp = false;
    {
        std::lock_guard<std::mutex> lock(me->mutex_);
        if (me->running_ || me->due_) return SQLITE_OK; // the thread is on it
        catchUp = walPages >= 4 * kPages;
        me->due_ = !catchUp;
    }
    if (catchUp) sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else me->wake_.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return due_ || stop_; });
        if (stop_) return;
        due_ = false;
        running_ = true;
        lock.unlock();
        // PASSIVE: copies what no reader still needs, never waits for a lock; an error (busy,
        // disk full) only leaves the pages in the WAL for the next checkpoint or the close.
        sqlite3_wal_checkpoint_v2(own_, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        running_ = false;
        ++checkpoints_;
    }
}

} // namespace gs::store
