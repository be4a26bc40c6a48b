#include "ui/services/SessionService.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>

#include "ui/services/OwnerThread.h"
#include "ui/shared/LogCategories.h"

namespace gs::ui {

SessionService::SessionService(std::unique_ptr<DataBackend> backend, QObject* parent)
    : QObject(parent), backend_(std::move(backend)), thread_(std::make_unique<OwnerThread>("gs-data")),
      latest_(std::make_shared<std::atomic<quint64>>(0)) {
    canRun_ = backend_->canRunScenarios();
    canImport_ = backend_->canImportTraces();
    hasStore_ = backend_->hasStore();
    storeLocation_ = backend_->storeLocation();
}

SessionService::~SessionService() {
    latest_->store(~quint64(0)); // every running job sees itself cancelled
    thread_.reset();             // joins before the backend goes away
}

quint64 SessionService::startLoad(const QString& what, LoadInfo info, Work work) {
    const quint64 gen = ++generation_;
    latest_->store(gen);
    busy_ = true;
    emit loadStarted(gen, what);
    QPointer<SessionService> self(this);
    auto latest = latest_;
    thread_->post(QStringLiteral("load"), [self, latest, gen, info, work = std::move(work)]() mutable {
        if (latest->load() != gen) return; // superseded before it started
        CancelFn cancelled = [latest, gen] { return latest->load() != gen; };
        ProgressFn progress = [self, gen, cancelled](double f, const QString& what) {
            if (cancelled()) return;
            QMetaObject::invokeMethod(self, [self, gen, f, what] {
                if (self) emit self->loadProgress(gen, f, what);
            }, Qt::QueuedConnection);
        };
        QElapsedTimer timer;
        timer.start();
        LoadResult r = work(cancelled, progress);
        // Index the snapshot here, off the UI thread (100k calls take tens of milliseconds).
        session::SessionIndexPtr data;
        if (r.session && !r.cancelled && !cancelled()) {
            try {
                data = r.pages ? session::SessionIndex::make(std::move(*r.session), r.pages)
                               : session::SessionIndex::make(std::move(*r.session));
            } catch (const std::exception& e) {
                r.error = QStringLiteral("The session could not be indexed: %1").arg(QString::fromUtf8(e.what()));
            }
        }
        info.storedId = r.storedId ? r.storedId : info.storedId;
        info.error = r.error;
        info.sourceError = r.sourceError;
        info.warnings = r.warnings;
        info.output = r.output;
        info.ranks = std::move(r.ranks);
        info.seconds = double(timer.nsecsElapsed()) / 1e9;
        if (r.cancelled && info.error.isEmpty()) info.error = QStringLiteral("Cancelled.");
        if (data)
            qCDebug(lcSession) << "load" << gen << "ready in" << info.seconds << "s:" << data->callCount() << "calls,"
                               << data->session().compiles.size() << "compiles";
        else qCDebug(lcSession) << "load" << gen << "failed after" << info.seconds << "s:" << info.error;
        QMetaObject::invokeMethod(self, [self, latest, gen, data, info] {
            if (!self || latest->load() != gen) return; // a newer load owns the screen
            self->busy_ = false;
            if (data) emit self->sessionReady(gen, data, info);
            else emit self->loadFailed(gen, info);
        }, Qt::QueuedConnection);
    });
    return gen;
}

quint64 SessionService::runScenario(const QString& fileName, const QString& source, bool rerun, bool record) {
    LoadInfo info;
    info.source = LoadInfo::Source::Scenario;
    info.path = fileName;
    info.rerun = rerun;
    auto backend = backend_;
    return startLoad(QStringLiteral("Running %1").arg(QFileInfo(fileName).fileName()), info,
                     [backend, fileName, source, record](const CancelFn& c, const ProgressFn& p) {
                         return backend->runScenario(fileName, source, record, c, p);
                     });
}

quint64 SessionService::importTrace(const QString& path) {
    LoadInfo info;
    info.source = LoadInfo::Source::Trace;
    info.path = path;
    auto backend = backend_;
    return startLoad(QStringLiteral("Importing %1").arg(QFileInfo(path).fileName()), info,
                     [backend, path](const CancelFn& c, const ProgressFn& p) { return backend->importTrace(path, true, c, p); });
}

quint64 SessionService::openStored(int64_t id) {
    LoadInfo info;
    info.source = LoadInfo::Source::Store;
    info.storedId = id;
    auto backend = backend_;
    return startLoad(QStringLiteral("Opening session %1").arg(id), info, [backend, id](const CancelFn&, const ProgressFn&) {
        LoadResult r;
        try {
            // A big session opens from its chunk directory; its calls are read as views ask.
            r.pages = backend->callPages(id);
            r.session = std::make_shared<session::Session>(r.pages ? backend->loadSessionWithoutCalls(id) : backend->loadSession(id));
            r.storedId = id;
        } catch (const std::exception& e) {
            r.error = QStringLiteral("Session %1 could not be opened: %2").arg(id).arg(QString::fromUtf8(e.what()));
        }
        return r;
    });
}

quint64 SessionService::showSession(session::Session s, const QString& path) {
    LoadInfo info;
    info.source = LoadInfo::Source::Memory;
    info.path = path;
    auto shared = std::make_shared<session::Session>(std::move(s));
    return startLoad(QStringLiteral("Opening %1").arg(QString::fromStdString(shared->info.title)), info,
                     [shared](const CancelFn&, const ProgressFn&) {
                         LoadResult r;
                         r.session = shared;
                         return r;
                     });
}

void SessionService::cancel() {
    if (!busy_) return;
    latest_->store(++generation_); // the running job sees a newer generation and stops
    busy_ = false;
    LoadInfo info;
    info.error = QStringLiteral("Cancelled.");
    emit loadFailed(generation_, info);
}

void SessionService::refreshSessions() {
    QPointer<SessionService> self(this);
    auto backend = backend_;
    thread_->post(QStringLiteral("list"), [self, backend] {
        std::vector<store::SessionRow> rows;
        QString error;
        try {
            rows = backend->listSessions();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (!error.isEmpty()) qCWarning(lcSession) << "the session list could not be read:" << error;
        QMetaObject::invokeMethod(self, [self, rows = std::move(rows), error] {
            if (!self) return;
            if (!error.isEmpty()) emit self->storeFailed(error);
            emit self->sessionsListed(rows);
        }, Qt::QueuedConnection);
    });
}

void SessionService::renameSession(int64_t id, const QString& title) {
    QPointer<SessionService> self(this);
    auto backend = backend_;
    thread_->post({}, [self, backend, id, title] {
        try {
            backend->renameSession(id, title.toStdString());
        } catch (const std::exception& e) {
            const QString msg = QString::fromUtf8(e.what());
            qCWarning(lcSession) << "store:" << msg;
            QMetaObject::invokeMethod(self, [self, msg] { if (self) emit self->storeFailed(msg); }, Qt::QueuedConnection);
        }
    });
    refreshSessions();
}

void SessionService::removeSession(int64_t id) {
    QPointer<SessionService> self(this);
    auto backend = backend_;
    thread_->post({}, [self, backend, id] {
        try {
            backend->removeSession(id);
        } catch (const std::exception& e) {
            const QString msg = QString::fromUtf8(e.what());
            qCWarning(lcSession) << "store:" << msg;
            QMetaObject::invokeMethod(self, [self, msg] { if (self) emit self->storeFailed(msg); }, Qt::QueuedConnection);
        }
    });
    refreshSessions();
}

void SessionService::compareSessions(int64_t left, int64_t right) {
    QPointer<SessionService> self(this);
    auto backend = backend_;
    thread_->post(QStringLiteral("compare"), [self, backend, left, right] {
        try {
            auto load = [&](int64_t id) {
                auto pages = backend->callPages(id);
                return pages ? session::SessionIndex::make(backend->loadSessionWithoutCalls(id), pages)
                             : session::SessionIndex::make(backend->loadSession(id));
            };
            session::SessionIndexPtr a = load(left);
            session::SessionIndexPtr b = load(right);
            QMetaObject::invokeMethod(self, [self, a, b] { if (self) emit self->compareReady(a, b); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromUtf8(e.what());
            qCWarning(lcSession) << "store:" << msg;
            QMetaObject::invokeMethod(self, [self, msg] { if (self) emit self->storeFailed(msg); }, Qt::QueuedConnection);
        }
    });
}

void SessionService::fetchRecord(int64_t sessionId, int64_t seq) {
    QPointer<SessionService> self(this);
    auto backend = backend_;
    // tagged: while the user runs down the list, only the last record asked for is read
    thread_->post(QStringLiteral("record"), [self, backend, sessionId, seq] {
        std::vector<session::TraceRecord> found;
        QString error;
        try {
            found = backend->records(sessionId, seq, 1);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (error.isEmpty() && (found.empty() || found.front().seq != seq)) error = QStringLiteral("it is not in the session history");
        QMetaObject::invokeMethod(self, [self, sessionId, seq, found = std::move(found), error] {
            if (!self) return;
            if (error.isEmpty()) emit self->recordReady(sessionId, found.front());
            else emit self->recordFailed(sessionId, seq, error);
        }, Qt::QueuedConnection);
    });
}

} // namespace gs::ui
