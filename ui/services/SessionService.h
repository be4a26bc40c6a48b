#pragma once
// The GUI's facade over sessions: run a scenario, import a trace, open/rename/delete stored
// sessions, compare two. Everything runs on one data owner thread (the engine and the SQLite
// connection are not shared across threads); results come back to the UI thread as immutable
// session::SessionIndex snapshots. Signal vocabulary after hotspot's PerfParser: start…, progress,
// …Ready, …Failed (STYLE.md "A facade with a small signal vocabulary").
#include <QObject>

#include <atomic>
#include <memory>

#include "core/session/SessionIndex.h"
#include "ui/services/DataBackend.h"

namespace gs::ui {

class OwnerThread;

// What a load produced besides the snapshot (shown in the status bar and the editor).
struct LoadInfo {
    enum class Source { Scenario, Trace, Store, Memory } source = Source::Memory;
    QString path;                 // scenario or trace file, empty for stored sessions
    int64_t storedId = 0;
    QString error;                // the run's error sentence (a failing script still has a session)
    SourceError sourceError;
    QStringList warnings;
    QString output;
    bool rerun = false;           // a re-run of the current scenario: keep the time cursor
    double seconds = 0;           // wall time of the load on the data thread
    std::vector<session::RankProfile> ranks; // a TORCH_TRACE folder: every rank (RankOverviewView)
};

class SessionService : public QObject {
    Q_OBJECT
public:
    explicit SessionService(std::unique_ptr<DataBackend> backend, QObject* parent = nullptr);
    ~SessionService() override;

    bool canRunScenarios() const { return canRun_; }
    bool canImportTraces() const { return canImport_; }
    bool hasStore() const { return hasStore_; }
    QString storeLocation() const { return storeLocation_; }

    // Each of these replaces the current load: a queued one is dropped, a running one is asked
    // to stop, and a late result of an older load is ignored (generation counter, as hotspot's
    // JobTracker). They return the load's generation.
    quint64 runScenario(const QString& fileName, const QString& source, bool rerun, bool record = true);
    quint64 importTrace(const QString& path);
    quint64 openStored(int64_t id);
    // Shows an in-memory session (tests, synthetic sessions); built on the data thread too.
    quint64 showSession(session::Session s, const QString& path = {});
    void cancel();
    bool busy() const { return busy_; }
    quint64 generation() const { return generation_; }

    // The data owner thread: other services that run the engine (AdvisorService) post there too,
    // because the engine and the tensor RNG are not thread-safe.
    OwnerThread* ownerThread() const { return thread_.get(); }

    void refreshSessions();
    void renameSession(int64_t id, const QString& title);
    void removeSession(int64_t id);
    void compareSessions(int64_t left, int64_t right);
    // Reads one record of a stored imported log (the artifacts view); recordReady or recordFailed.
    void fetchRecord(int64_t sessionId, int64_t seq);

signals:
    void loadStarted(quint64 generation, const QString& what);
    void loadProgress(quint64 generation, double fraction, const QString& what);
    void sessionReady(quint64 generation, gs::session::SessionIndexPtr data, const gs::ui::LoadInfo& info);
    // Nothing to show (syntax error, unreadable file, cancelled); the old session stays.
    void loadFailed(quint64 generation, const gs::ui::LoadInfo& info);
    void sessionsListed(const std::vector<gs::store::SessionRow>& rows);
    void compareReady(gs::session::SessionIndexPtr left, gs::session::SessionIndexPtr right);
    void storeFailed(const QString& message);
    void recordReady(qint64 sessionId, const gs::session::TraceRecord& record);
    void recordFailed(qint64 sessionId, qint64 seq, const QString& message);

private:
    using Work = std::function<LoadResult(const CancelFn&, const ProgressFn&)>;
    quint64 startLoad(const QString& what, LoadInfo info, Work work);

    std::shared_ptr<DataBackend> backend_;
    std::unique_ptr<OwnerThread> thread_;
    std::shared_ptr<std::atomic<quint64>> latest_; // shared with jobs: cancellation by generation
    quint64 generation_ = 0;
    bool busy_ = false;
    bool canRun_ = false, canImport_ = false, hasStore_ = false;
    QString storeLocation_;
};

} // namespace gs::ui
