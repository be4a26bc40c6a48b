#pragma once
// Try fix and Reproduce for the GUI (issue 13): runs core/advisor on the data owner thread (the
// engine is not thread-safe, so it shares SessionService's thread) and hands results back to the
// UI thread as immutable snapshots. A new request replaces a queued or running one of its kind.
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

#include "core/advisor/FixAdvisor.h"
#include "core/session/SessionIndex.h"

namespace gs::ui {

class SessionService;

using FixReportPtr = std::shared_ptr<const advisor::FixReport>;

struct Reproduced {
    QString title;        // of the recorded session
    QString scenario;     // Python source
    QStringList notes;    // what the log had that the scenario does not model
    QString check;        // "" when running it gave the log's recompile chain, else what differs
    QString chain;        // "15 compiles; size_change × 14"
};

class AdvisorService : public QObject {
    Q_OBJECT
public:
    explicit AdvisorService(SessionService* sessions, QObject* parent = nullptr);
    ~AdvisorService() override;

    // Re-runs the candidate fixes of a scenario; fixesProgress, then fixesReady.
    quint64 tryFixes(const QString& fileName, const QString& source);
    // Writes a scenario reproducing a recorded session and checks it by running it.
    void reproduce(session::SessionIndexPtr recorded);
    void cancel();
    bool busy() const { return busy_; }

signals:
    void fixesStarted(quint64 generation, const QString& fileName);
    void fixesProgress(quint64 generation, int done, int total, const QString& what);
    void fixesReady(quint64 generation, gs::ui::FixReportPtr report);
    void reproduceReady(const gs::ui::Reproduced& result);

private:
    SessionService* sessions_;
    std::shared_ptr<std::atomic<quint64>> latest_;
    quint64 generation_ = 0;
    bool busy_ = false;
};

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::ui::Reproduced)
Q_DECLARE_METATYPE(gs::ui::FixReportPtr)
