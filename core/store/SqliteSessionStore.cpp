#include "core/store/SqliteSessionStore.h"

#include "core/store/RecordArchive.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/store/Schema.h"
#include "core/store/SessionWriter.h"
#include "core/store/Transaction.h"
#include "core/store/WriterIdentity.h"

namespace gs::store {

using namespace gs::session;
namespace fs = std::filesystem;

std::unique_ptr<SessionStore> SessionStore::open(const std::string& path, OpenMode mode) {
    return open(path, mode, OpenOptions{});
}

std::unique_ptr<SessionStore> SessionStore::open(const std::string& path, OpenMode mode, const OpenOptions& options) {
    return std::make_unique<SqliteSessionStore>(path, mode, options);
}

std::string SessionStore::defaultPath() {
    // XDG Base Directory: $XDG_DATA_HOME if set and absolute, else ~/.local/share.
    const char* xdg = std::getenv("XDG_DATA_HOME");
    fs::path base;
    if (xdg && *xdg && fs::path(xdg).is_absolute()) {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        base = fs::path(home && *home ? home : ".") / ".local" / "share";
    }
    return (base / "guardscope" / "sessions.db").string();
}

static bool isMemory(const std::string& path) { return path == ":memory:" || path.empty(); }

SqliteSessionStore::SqliteSessionStore(const std::string& path, OpenMode mode, const OpenOptions& options)
    : options_(options) {
    openDatabase(isMemory(path) ? ":memory:" : path, mode);
    reader_ = std::make_unique<SessionReader>(*db_);
}

void SqliteSessionStore::openDatabase(const std::string& path, OpenMode mode) {
    const bool memory = isMemory(path);
    std::error_code ec;
    const bool exists = !memory && fs::exists(path, ec);
    if (exists && fs::is_directory(path, ec))
        throw StoreError("'" + path + "' is a folder, not a session database. Name a file with --db, e.g. '" +
                         (fs::path(path) / "sessions.db").string() + "'.");
    if (!memory && !exists && mode == OpenMode::ReadOnly)
        throw StoreError("there is no session database at '" + path +
                         "'. Record a session first (guardscope-cli run FILE), or name another file with --db.");
    if (!memory && !exists) {
        const fs::path dir = fs::path(path).parent_path();
        if (!dir.empty() && !fs::exists(dir, ec)) {
            fs::create_directories(dir, ec);
            if (ec)
                throw StoreError("cannot create the folder '" + dir.string() + "' for the session database '" + path +
                                 "' (" + ec.message() + "). Create it yourself, or use another file with --db.");
        }
    }
    Database::Access access = mode == OpenMode::ReadOnly ? Database::Access::ReadOnly : Database::Access::ReadWrite;
    // A file or folder we may not write: fall back to reading so `sessions list` still works.
    if (access == Database::Access::ReadWrite && exists) {
        const fs::path dir = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
        if (::access(path.c_str(), W_OK) != 0 || ::access(dir.c_str(), W_OK) != 0) access = Database::Access::ReadOnly;
    }
    db_ = std::make_unique<Database>(path, access, options_.busyTimeoutMs);
    try {
        version_ = Schema::checkVersion(*db_);
    } catch (const StoreError&) {
        // A WAL database in a folder we cannot write cannot get its -shm file: read it as an
        // immutable snapshot instead (https://sqlite.org/wal.html#readonly).
        if (access != Database::Access::ReadOnly || memory) throw;
        db_.reset();
        db_ = std::make_unique<Database>(path, Database::Access::Immutable, options_.busyTimeoutMs);
        version_ = Schema::checkVersion(*db_);
    }
    // Nothing has been written yet; from here on the file is known to be ours and not newer.
    db_->exec("PRAGMA foreign_keys = ON", "turning on foreign keys");
    if (!db_->readOnly()) {
        if (!memory) {
            // WAL: readers (the GUI's browser) never block the recorder, and a crash loses at
            // most the batch being written.
            Statement wal(*db_, "PRAGMA journal_mode = WAL");
            wal.step();
        }
        db_->exec("PRAGMA synchronous = NORMAL", "setting durability");
        if (options_.maxPageCount > 0)
            db_->exec("PRAGMA max_page_count = " + std::to_string(options_.maxPageCount), "limiting its size");
        Schema::prepare(*db_);
        version_ = Schema::currentVersion();
        markInterrupted();
    } else if (version_ < Schema::currentVersion()) {
        Schema::prepare(*db_);  // throws: an old schema needs one writable open to upgrade
    }
}

void SqliteSessionStore::markInterrupted() {
    try {
        std::vector<int64_t> dead;
        Statement q(*db_, "SELECT id, writer_host, writer_pid, writer_token FROM sessions WHERE status = 'running'");
        while (q.step())
            if (!WriterIdentity{q.text(1), q.int64(2), q.text(3)}.alive()) dead.push_back(q.int64(0));
        q.reset();
        if (dead.empty()) return;
        Transaction tx(*db_);
        for (int64_t id : dead)
            db_->cached("UPDATE sessions SET status = 'interrupted', writer_host = '', writer_pid = 0, "
                        "writer_token = '' WHERE id = ? AND status = 'running'")
                .bind(1, id).run();
        tx.commit();
    } catch (const StoreError&) {
        // Busy or full: readers derive `interrupted` anyway (SessionReader::effectiveStatus).
    }
}

void SqliteSessionStore::requireWritable(std::string_view what) const {
    if (db_->readOnly()) db_->fail(SQLITE_READONLY, what);
}

void SqliteSessionStore::requireSession(int64_t id) {
    if (!reader_->row(id))
        throw StoreError("there is no session " + std::to_string(id) + " in '" + db_->path() +
                         "'. Run `guardscope-cli sessions list` to see the ids.");
}

std::unique_ptr<Recorder> SqliteSessionStore::startRecorder() {
    return std::make_unique<StoreRecorder>(*db_, options_, recording_);
}

int64_t SqliteSessionStore::save(const Session& s) {
    requireWritable("saving a session");
    SessionWriter w(*db_);
    Transaction tx(*db_);
    w.begin(s.info, s.info.status);
    for (const auto& f : s.frames) w.frame(f);
    for (const auto& c : s.compiles) w.compile(c);
    for (const auto& r : s.recompiles) w.recompile(r);
    for (const auto& c : s.calls) w.call(c);
    for (const auto& e : s.shapeEvents) w.shapeEvent(e);
    for (const auto& l : s.logs) w.log(l);
    for (const auto& t : s.tests) w.test(t);
    if (!s.records.empty()) {
        RecordArchive archive;
        std::vector<RecordChunk> chunks;
        for (const auto& r : s.records) {
            archive.add(r);
            archive.takeReady(chunks);
            for (const auto& c : chunks) w.chunk(c);
            chunks.clear();
        }
        archive.finish();
        archive.takeReady(chunks);
        for (const auto& c : chunks) w.chunk(c);
    }
    for (const auto& r : s.resets) w.reset(r);
    w.updateCounts();
    tx.commit();
    return w.id();
}

template <class F>
auto SqliteSessionStore::reading(F&& f) {
    try {
        return f();
    } catch (...) {
        db_->resetCached();
        throw;
    }
}

std::vector<SessionRow> SqliteSessionStore::list() { return reading([&] { return reader_->list(); }); }
std::optional<SessionRow> SqliteSessionStore::row(int64_t id) { return reading([&] { return reader_->row(id); }); }

Session SqliteSessionStore::load(int64_t id) {
    return reading([&] {
        Session s = reader_->loadWithoutCalls(id);
        s.calls = reader_->calls(id, INT64_MIN, INT64_MAX);
        s.records = reader_->records(id, INT64_MIN, INT64_MAX);
        return s;
    });
}

Session SqliteSessionStore::loadWithoutCalls(int64_t id) { return reading([&] { return reader_->loadWithoutCalls(id); }); }
int64_t SqliteSessionStore::callCount(int64_t id) { return reading([&] { return reader_->callCount(id); }); }

Summary SqliteSessionStore::summary(const Session& withoutCalls) {
    Summary sum = withoutCalls.summary();
    // Calls in chunks (schema 5 on) plus calls in rows (sessions recorded before).
    const CallChunkCounts chunked = reading([&] { return reader_->callCounts(withoutCalls.info.id); });
    sum.calls = chunked.calls;
    sum.cacheHits = chunked.hits;
    sum.runOnly = chunked.runOnly;
    auto& st = db_->cached("SELECT outcome, count(*) FROM calls WHERE session_id = ? GROUP BY outcome");
    st.bind(1, withoutCalls.info.id);
    while (st.step()) {
        const int64_t n = st.int64(1);
        sum.calls += n;
        const auto outcome = callOutcomeFromString(st.textView(0));
        if (outcome == CallOutcome::Hit) sum.cacheHits += n;
        if (outcome == CallOutcome::RunOnly) sum.runOnly += n;
    }
    st.reset();
    // Calls in rows predate `run --verify` results (schema 6): none of them is stale.
    sum.staleHits = chunked.stale;
    return sum;
}

std::vector<Call> SqliteSessionStore::calls(int64_t id, int64_t firstIndex, int64_t count) {
    return reading([&] { return reader_->calls(id, firstIndex, count); });
}

std::vector<CallChunkInfo> SqliteSessionStore::callChunks(int64_t id) {
    return reading([&] { return reader_->callChunks(id); });
}

CallBriefs SqliteSessionStore::callBriefs(int64_t id, int64_t firstIndex) {
    return reading([&] { return reader_->callBriefs(id, firstIndex); });
}

std::shared_ptr<const session::CallPage> SqliteSessionStore::callPage(int64_t id, int64_t firstIndex) {
    return reading([&] { return std::make_shared<const DecodedCallChunk>(reader_->callChunk(id, firstIndex)); });
}

int64_t SqliteSessionStore::recordCount(int64_t id) { return reading([&] { return reader_->recordCount(id); }); }

std::vector<TraceRecord> SqliteSessionStore::records(int64_t id, int64_t firstSeq, int64_t count) {
    return reading([&] { return reader_->records(id, firstSeq, count); });
}

void SqliteSessionStore::rename(int64_t id, const std::string& title) {
    requireWritable("renaming a session");
    requireSession(id);
    db_->cached("UPDATE sessions SET title = ? WHERE id = ?").bind(1, title).bind(2, id).run();
}

void SqliteSessionStore::remove(int64_t id) {
    requireWritable("deleting a session");
    requireSession(id);
    // Child rows go with it (ON DELETE CASCADE, foreign keys on).
    Transaction tx(*db_);
    db_->cached("DELETE FROM sessions WHERE id = ?").bind(1, id).run();
    tx.commit();
}

} // namespace gs::store
