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

class SessionStore {
public:
    // Opens (creating when ReadWrite and missing) the database at `path`; ":memory:" allowed.
    // Migrates older schemas forward; refuses newer ones without touching them.
    static std::unique_ptr<SessionStore> open(const std::string& path, OpenMode mode = OpenMode::ReadWrite);
    // $XDG_DATA_HOME/guardscope/sessions.db, or ~/.local/share/guardscope/sessions.db.
    static std::string defaultPath();

    virtual ~SessionStore() = default;

    // A sink that records a new session as events arrive (status `running` until endSession).
    // Events are written in batched transactions. The returned sink must not outlive the store.
    virtual std::unique_ptr<session::EventSink> recorder() = 0;
    // Id of the session most recently begun through a recorder of this store (0 if none).
    virtual int64_t lastRecordedId() const = 0;

    // Writes a whole in-memory session; returns its new id.
    virtual int64_t save(const session::Session& s) = 0;

    virtual std::vector<SessionRow> list() = 0;
    virtual std::optional<SessionRow> row(int64_t id) = 0;
    // Loads everything of a session (small and medium sessions).
    virtual session::Session load(int64_t id) = 0;
    // Loads a session without its calls (for big sessions; calls are read in pages).
    virtual session::Session loadWithoutCalls(int64_t id) = 0;
    virtual int64_t callCount(int64_t id) = 0;
    virtual std::vector<session::Call> calls(int64_t id, int64_t firstIndex, int64_t count) = 0;

    virtual void rename(int64_t id, const std::string& title) = 0;
    virtual void remove(int64_t id) = 0;
    virtual std::string path() const = 0;
};

} // namespace gs::store
