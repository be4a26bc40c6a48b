#pragma once
// What the GUI needs from the core libraries, behind one interface: run a scenario, import a
// TORCH_TRACE log, and read/write the SQLite history. Tests substitute their own backend.
// Every method is called on the data owner thread only.
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/session/CallPages.h"
#include "core/session/RankOverview.h"
#include "core/session/Session.h"
#include "core/store/SessionStore.h"

namespace gs::ui {

// Where a scenario failed, for the editor's error marker.
struct SourceError {
    int line = 0;    // 1-based; 0 = no position
    int column = 0;  // 1-based
    QString message;
    bool syntax = false;
};

struct LoadResult {
    std::shared_ptr<session::Session> session; // null when nothing could be shown
    std::shared_ptr<session::CallPages> pages; // set: `session` has no calls, they are read page by page
    QString error;                             // a sentence for the user; empty on success
    SourceError sourceError;
    int exitCode = 0;
    bool cancelled = false;
    int64_t storedId = 0;                      // id in the store if recorded or loaded
    QStringList warnings;                      // import problems, store write errors
    QString output;                            // the script's printed output
    // A TORCH_TRACE folder: one profile per rank file, in rank order (also those that failed).
    std::vector<session::RankProfile> ranks;
};

using CancelFn = std::function<bool()>;
using ProgressFn = std::function<void(double fraction, const QString& what)>; // fraction < 0: unknown

class DataBackend {
public:
    virtual ~DataBackend() = default;
    virtual bool canRunScenarios() const = 0;
    virtual bool canImportTraces() const = 0;
    virtual bool hasStore() const = 0;

    // Parses (for syntax errors) and runs a scenario; `record` also writes it to the store.
    virtual LoadResult runScenario(const QString& fileName, const QString& source, bool record,
                                   const CancelFn& cancelled, const ProgressFn& progress) = 0;
    virtual LoadResult importTrace(const QString& path, bool record, const CancelFn& cancelled,
                                   const ProgressFn& progress) = 0;

    // Store access; these throw std::exception with a user-readable what() on failure.
    virtual std::vector<store::SessionRow> listSessions() = 0;
    virtual session::Session loadSession(int64_t id) = 0;
    // A stored session too big to hold whole (kPagedCalls calls or more): everything but its
    // calls, and its calls as pages. Null pages: load it with loadSession().
    static constexpr int64_t kPagedCalls = 200'000;
    virtual std::shared_ptr<session::CallPages> callPages(int64_t id) {
        (void)id;
        return nullptr;
    }
    virtual session::Session loadSessionWithoutCalls(int64_t id) {
        session::Session s = loadSession(id);
        s.calls.clear();
        return s;
    }
    virtual void renameSession(int64_t id, const std::string& title) = 0;
    virtual void removeSession(int64_t id) = 0;
    virtual int64_t saveSession(const session::Session& s) = 0;
    virtual QString storeLocation() const = 0;
    // Records of a stored imported log (SessionStore::records); none by default.
    virtual std::vector<session::TraceRecord> records(int64_t id, int64_t firstSeq, int64_t count) {
        (void)id, (void)firstSeq, (void)count;
        return {};
    }
};

// The production backend over core/engine, core/trace, core/store and core/lang.
// `storePath` empty: SessionStore::defaultPath().
std::unique_ptr<DataBackend> makeCoreBackend(const QString& storePath = {});

} // namespace gs::ui
