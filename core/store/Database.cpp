#include "core/store/Database.h"

#include <sqlite3.h>

#include <algorithm>
#include <thread>

#include "core/store/SessionStore.h"

namespace gs::store {

Database::Database(std::string path, Access access, int busyTimeoutMs)
    : path_(std::move(path)), access_(access), busyTimeoutMs_(busyTimeoutMs) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    std::string name = path_;
    switch (access_) {
    case Access::ReadWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Access::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Access::Immutable:
        // A WAL database in a folder we cannot write: SQLite cannot create the -shm file, so
        // read it as an immutable snapshot (https://sqlite.org/uri.html#uriimmutable).
        flags |= SQLITE_OPEN_READONLY;
        name = "file:";
        for (char c : path_) {
            if (c == '?' || c == '#' || c == '%') {
                static const char* hex = "0123456789ABCDEF";
                name += '%';
                name += hex[(unsigned char)c >> 4];
                name += hex[(unsigned char)c & 15];
            } else {
                name += c;
            }
        }
        name += "?immutable=1";
        break;
    }
    if (access_ != Access::Immutable && path_.rfind("file:", 0) == 0) flags &= ~SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = message(rc, "opening it");
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_handler(db_, &Database::onBusy, this);
}

namespace {
bool isBusy(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }
// Short sleeps first (a writer's batch takes milliseconds), then at most 20 ms, so a waiter
// notices a free lock soon without spinning.
void backoff(int count) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(20, 1 << std::min(count, 5))));
}
} // namespace

int Database::onBusy(void* self, int count) {
    auto* db = static_cast<Database*>(self);
    if (!db->busySince_) db->busySince_ = std::chrono::steady_clock::now();
    if (db->waitedMs() >= db->busyTimeoutMs_) return 0;
    backoff(count);
    return 1;
}

int64_t Database::waitedMs() const {
    if (!busySince_) return 0;
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - *busySince_)
        .count();
}

bool Database::retryAfterBusy(int rc) {
    if (!isBusy(rc)) return false;
    if (!busySince_) busySince_ = std::chrono::steady_clock::now();
    if (waitedMs() >= busyTimeoutMs_) return false;
    backoff(3);
    return true;
}

Database::~Database() {
    cache_.clear();  // statements must be finalized before the connection closes
    if (db_) sqlite3_close(db_);
}

void Database::exec(std::string_view sql, std::string_view what) {
    std::string s(sql);
    beginOperation();
    // Retrying is safe outside an explicit transaction and for COMMIT
    // (https://sqlite.org/c3ref/step.html: SQLITE_BUSY); inside one the caller rolls back.
    const bool retryable = sqlite3_get_autocommit(db_) != 0 || s == "COMMIT";
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
    while (rc != SQLITE_OK && retryable && retryAfterBusy(rc))
        rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, what);
}

Statement& Database::cached(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end()) it = cache_.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    return *it->second;
}

void Database::resetCached() {
    for (auto& [sql, st] : cache_) st->reset();
}

int64_t Database::queryInt(std::string_view sql, std::string_view what) {
    Statement st(*this, sql);
    if (!st.step()) fail(SQLITE_ERROR, what);
    return st.int64(0);
}

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

void Database::fail(int rc, std::string_view what) const { throw StoreError(message(rc, what)); }

std::string Database::message(int rc, std::string_view what) const {
    const std::string file = "'" + path_ + "'";
    std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    if (detail == "not an error" || detail.empty()) detail = sqlite3_errstr(rc);
    const std::string doing = what.empty() ? std::string() : " while " + std::string(what);
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return file + " is not a Guardscope database (file is not a database). Choose another file with "
                      "--db, or move this one aside and Guardscope will create a new one.";
    case SQLITE_CORRUPT:
        return file + " is damaged (" + detail + ")" + doing +
               ". Move it aside (mv " + file + " '" + path_ + ".broken') and Guardscope will start a new "
               "database, or restore it from a backup.";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
        // Say how long it really waited: the whole timeout, or less when SQLite gave up at once.
        const int64_t waited = waitedMs();
        const std::string wait = waited >= busyTimeoutMs_
                                     ? "waited " + std::to_string(busyTimeoutMs_) + " ms, the busy timeout"
                                     : "waited " + std::to_string(waited) + " ms of the " +
                                           std::to_string(busyTimeoutMs_) + " ms busy timeout";
        return file + " is locked by another Guardscope process (" + wait + doing + "). Wait for the other run to finish or close the other Guardscope, then "
               "try again; or use another file with --db.";
    }
    case SQLITE_READONLY:
        return file + " is read-only" + doing + " (" + detail + "). Guardscope can list and show the "
               "sessions in it but cannot record, rename or delete; make the file and its folder "
               "writable, or use another file with --db.";
    case SQLITE_FULL:
        return "the disk holding " + file + " is full" + doing + " (" + detail + "). Free some space "
               "and run again; the unfinished session is kept as interrupted, never as complete.";
    case SQLITE_CANTOPEN:
        return "cannot open " + file + " (" + detail + "). Check that its folder exists and that you "
               "may read (and, to record, write) it, or use another file with --db.";
    case SQLITE_IOERR:
        return "input/output error on " + file + doing + " (" + detail + "). Check the disk and the "
               "file system, then try again.";
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return "no permission to use " + file + doing + " (" + detail + "). Check the file's "
               "permissions, or use another file with --db.";
    default:
        return file + ": SQLite error" + doing + ": " + detail + ".";
    }
}

const char* sqliteVersion() { return sqlite3_libversion(); }

} // namespace gs::store
