#pragma once
// SQLite persistence of sessions (issue 4). One SessionStore per database file.
// Errors are thrown as StoreError with a sentence naming the file and what to do.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/session/Session.h"
#include "core/store/CallChunk.h"

namespace gs::store {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One row of `sessions list`.
struct SessionRow {
    int64_t id = 0;
    std::string title;
    session::SessionKind kind = session::SessionKind::Scenario;
    std::string created;
    session::SessionStatus status = session::SessionStatus::Running;
    std::string group;
    int64_t calls = 0, compiles = 0, recompiles = 0;
};

enum class OpenMode { ReadWrite, ReadOnly };

// Knobs for tests and tools; the defaults are what the CLI and the GUI use.
struct OpenOptions {
    int busyTimeoutMs = 5000;      // how long to wait for another writer before giving up
    int64_t maxPageCount = 0;      // > 0: PRAGMA max_page_count (simulates a full disk in tests)
    int batchEvents = 4096;        // the recorder commits every batchEvents events ...
    int batchMillis = 50;          // ... or when the oldest buffered event is this old
};

// The sink returned by recorder(). Events are buffered and written in one transaction per
// batch. A write error (disk full, I/O error, locked file) never throws into the engine: the
// recorder keeps the first message, writes nothing more, and never marks the session complete
// (it is left `interrupted`).
class Recorder : public session::EventSink {
public:
    virtual int64_t sessionId() const = 0;
    virtual bool failed() const = 0;
    virtual const std::string& error() const = 0;   // empty while all went well
    // Writes what is buffered now (endSession does this too).
    virtual void flush() = 0;
    // From now on full batches are written by a thread of the recorder while events keep
    // arriving (an import: issue 11 item 7). The store must then not be used by anyone else
    // until flush() or endSession() has returned; a write error is reported (failed()) at the
    // next event, flush or endSession instead of at once. Recorders without one ignore it.
    virtual void writeInBackground() {}
};

class SessionStore {
public:
    // Opens (creating when ReadWrite and missing) the database at `path`; ":memory:" allowed.
    // Migrates older schemas forward; refuses newer ones without touching them.
    // When a ReadWrite open finds the file or its folder read-only it falls back to reading:
    // isReadOnly() tells, and every write then throws StoreError saying so.
    static std::unique_ptr<SessionStore> open(const std::string& path, OpenMode mode = OpenMode::ReadWrite);
    static std::unique_ptr<SessionStore> open(const std::string& path, OpenMode mode, const OpenOptions& options);
    // $XDG_DATA_HOME/guardscope/sessions.db, or ~/.local/share/guardscope/sessions.db.
    static std::string defaultPath();

    virtual ~SessionStore() = default;

    // A sink that records a new session as events arrive (status `running` until endSession).
    // Events are written in batched transactions. The returned sink must not outlive the store.
    std::unique_ptr<session::EventSink> recorder() { return startRecorder(); }
    virtual std::unique_ptr<Recorder> startRecorder() = 0;
    // The first error met by a recorder of this store, empty when none (for callers that only
    // hold the EventSink).
    virtual std::string lastRecordError() const = 0;
    // Id of the session most recently begun through a recorder of this store (0 if none).
    virtual int64_t lastRecordedId() const = 0;

    // Writes a whole in-memory session; returns its new id.
    virtual int64_t save(const session::Session& s) = 0;

    virtual std::vector<SessionRow> list() = 0;
    virtual std::optional<SessionRow> row(int64_t id) = 0;
    // Loads everything of a session (small and medium sessions), records included.
    virtual session::Session load(int64_t id) = 0;
    // Loads a session without its calls and records (for big sessions; both are read in pages).
    virtual session::Session loadWithoutCalls(int64_t id) = 0;
    virtual int64_t callCount(int64_t id) = 0;
    // The summary of a session loaded with loadWithoutCalls(): the call counts (calls, cache
    // hits, run-only) are counted in the database, the rest comes from `withoutCalls`.
    virtual session::Summary summary(const session::Session& withoutCalls) = 0;
    virtual std::vector<session::Call> calls(int64_t id, int64_t firstIndex, int64_t count) = 0;
    // The chunks of a session's calls in index order, without their data (empty for sessions
    // recorded as rows before schema 5: read those with calls()).
    virtual std::vector<CallChunkInfo> callChunks(int64_t id) = 0;
    // The brief form (CallBriefs) of the chunk that starts at `firstIndex`.
    virtual CallBriefs callBriefs(int64_t id, int64_t firstIndex) = 0;
    // The chunk that starts at `firstIndex`, its calls built one at a time (DecodedCallChunk).
    virtual std::shared_ptr<const session::CallPage> callPage(int64_t id, int64_t firstIndex) = 0;
    // The verbatim records of an imported log (Session::records), which load() includes and
    // loadWithoutCalls() leaves out: how many, and a page of them in seq order (at most `count`
    // with seq >= firstSeq). A page decompresses the ~1 MB chunks it spans.
    virtual int64_t recordCount(int64_t id) = 0;
    virtual std::vector<session::TraceRecord> records(int64_t id, int64_t firstSeq, int64_t count) = 0;

    virtual void rename(int64_t id, const std::string& title) = 0;
    virtual void remove(int64_t id) = 0;
    virtual std::string path() const = 0;
    virtual bool isReadOnly() const = 0;
    virtual int schemaVersion() const = 0;
};

} // namespace gs::store
