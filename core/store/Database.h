#pragma once
// An SQLite connection (RAII; closed on destruction) with a cache of prepared statements and
// error reporting that names the file and says what to do (ARCHITECTURE.md "Errors").
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/store/Statement.h"

struct sqlite3;

namespace gs::store {

class Database {
public:
    enum class Access { ReadWrite, ReadOnly, Immutable };

    // Opens `path` (":memory:" allowed). ReadWrite creates the file when missing.
    Database(std::string path, Access access, int busyTimeoutMs);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements without results.
    void exec(std::string_view sql, std::string_view what);
    // A prepared statement kept for the life of the connection, reset and ready to bind.
    Statement& cached(std::string_view sql);
    // Resets every cached statement, ending any read left open by an exception mid-iteration
    // (an open read would keep WAL checkpoints from completing).
    void resetCached();
    // Runs a query returning one integer (e.g. a PRAGMA).
    int64_t queryInt(std::string_view sql, std::string_view what);

    int64_t lastInsertId() const;
    int changes() const;
    bool readOnly() const { return access_ != Access::ReadWrite; }
    const std::string& path() const { return path_; }
    int busyTimeoutMs() const { return busyTimeoutMs_; }
    sqlite3* handle() const { return db_; }

    // Busy handling (https://sqlite.org/c3ref/busy_handler.html): SQLite calls our handler while
    // another connection holds a lock, but some waits it cannot handle that way (a lock it may
    // not wait for without risking deadlock, WAL recovery, a journal-mode change) and returns
    // SQLITE_BUSY at once. Every operation starts a busy clock with beginOperation();
    // retryAfterBusy(rc) sleeps briefly and says whether to try again, until busyTimeoutMs has
    // passed since the operation first found the file busy. The locked message then says how
    // long it really waited.
    void beginOperation() { busySince_.reset(); }
    bool retryAfterBusy(int rc);

    // Throws StoreError for an SQLite result code, worded for the user. `what` says what
    // Guardscope was doing ("reading session 3", "writing a batch of events").
    [[noreturn]] void fail(int rc, std::string_view what) const;
    // The sentence fail() would throw, for callers that report instead of throwing.
    std::string message(int rc, std::string_view what) const;

private:
    static int onBusy(void* self, int count);
    // Milliseconds since this operation first found the file busy (0 when it never did).
    int64_t waitedMs() const;

    std::string path_;
    Access access_;
    int busyTimeoutMs_;
    sqlite3* db_ = nullptr;
    std::optional<std::chrono::steady_clock::time_point> busySince_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// The SQLite library in use (sqlite3_libversion), for Help > About.
const char* sqliteVersion();

} // namespace gs::store
