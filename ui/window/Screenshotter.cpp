#include "ui/window/Screenshotter.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QTimer>

#include <map>

#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/itemmodels/SessionListModel.h"
#include "ui/services/AdvisorService.h"
#include "ui/services/LayoutService.h"
#include "ui/views/SessionBrowser.h"
#include "ui/views/GraphView.h"
#include "ui/views/GuardTreeView.h"
#include "ui/window/MainWindow.h"

namespace gs::ui {

Screenshotter::Screenshotter(MainWindow* window, QString dir) : QObject(window), window_(window), dir_(std::move(dir)) {}

void Screenshotter::start() {
    if (!QDir().mkpath(dir_)) {
        QTimer::singleShot(0, this, [this] { emit finished(1, tr("%1 could not be created.").arg(dir_)); });
        return;
    }
    connect(window_, &MainWindow::sessionPainted, this, &Screenshotter::onPainted);
    connect(window_->sessions(), &SessionService::loadFailed, this, [this](quint64, const LoadInfo& info) {
        emit finished(1, info.error.isEmpty() ? tr("Nothing could be loaded.") : info.error);
    });
}

void Screenshotter::onPainted() {
    if (started_) return;
    started_ = true;
    chooseCursor();
    queue_ = QStringList{QStringLiteral("main"), QStringLiteral("timeline")} + window_->dockNames();
    dockedState_ = window_->saveState();
    whenLaidOut([this] { shootNext(); });
}

// The most instructive moment: the recompile with the most reasons (ties: the last one).
void Screenshotter::chooseCursor() {
    const auto& d = window_->selection()->data();
    if (!d) return;
    int best = -1;
    size_t most = 0;
    for (size_t r = 0; r < d->session().recompiles.size(); ++r) {
        const auto& rec = d->session().recompiles[r];
        if (rec.callIndex < 0 || rec.limitHit) continue;
        if (rec.reasons.size() >= most) {
            most = rec.reasons.size();
            best = int(r);
        }
    }
    std::map<int, int> eventsPerTrack;
    for (const auto& ev : d->session().shapeEvents)
        if (ev.callIndex >= 0) ++eventsPerTrack[d->trackOfCall(ev.callIndex)];
    int richest = -1;
    for (const auto& [track, count] : eventsPerTrack)
        if (track >= 0 && (richest < 0 || count > eventsPerTrack[richest])) richest = track;
    if (richest >= 0) {
        auto last = d->dimsWindow(richest, d->callCount() - 1, 1).calls;
        if (!last.empty()) shapesCursor_ = last.back();
    }
    if (best < 0) return;
    const auto& rec = d->session().recompiles[size_t(best)];
    window_->selection()->setCursor(rec.callIndex);
    createdEntry_ = window_->selection()->entry();
    if (!rec.reasons.empty()) failedEntry_ = d->resolveEntry(rec.reasons.front().failedEntryId, rec.callIndex);
}

void Screenshotter::whenLaidOut(std::function<void()> then, int tries) {
    QTimer::singleShot(120, this, [this, then = std::move(then), tries]() mutable {
        QApplication::processEvents();
        const bool busy = window_->layouts()->pending(QLatin1String(GuardTreeView::kLayoutKind)) ||
                          window_->layouts()->pending(QLatin1String(GraphView::kLayoutKind));
        if (busy && tries < 100) whenLaidOut(std::move(then), tries + 1);
        else then();
    });
}

void Screenshotter::shootNext() {
    if (queue_.isEmpty()) {
        window_->restoreState(dockedState_);
        emit finished(0, tr("Wrote %1 to %2").arg(Describe::count(written_.size(), "picture", "pictures"), dir_));
        return;
    }
    const QString name = queue_.takeFirst();
    QWidget* target = nullptr;
    if (name == QLatin1String("main")) target = window_;
    else if (name == QLatin1String("timeline")) target = window_->centralWidget();
    else if (QDockWidget* dock = window_->dock(name)) {
        // Docks share the window; shoot each one floating at a readable size instead.
        window_->restoreState(dockedState_);
        dock->setFloating(true);
        dock->resize(kViewSize);
        dock->show();
        dock->raise();
        target = dock->widget();
        // The guard tree is most telling for the entry that rejected the call; the graph for
        // the entry the recompile created.
        if (name == QLatin1String("guards") && failedEntry_ >= 0) window_->selection()->setEntry(failedEntry_);
        if (name == QLatin1String("graph") && createdEntry_ >= 0) window_->selection()->setEntry(createdEntry_);
        // The history: two sessions side by side when there are two.
        if (name == QLatin1String("sessions")) {
            SessionBrowser* b = window_->sessionBrowser();
            const auto& rows = b->model()->rows();
            if (rows.size() >= 2) {
                // The compare loads both sessions on the data thread: wait for it (5 s at most).
                QEventLoop wait;
                QTimer::singleShot(5000, &wait, &QEventLoop::quit);
                connect(window_->sessions(), &SessionService::compareReady, &wait, &QEventLoop::quit);
                b->selectIds({rows[0].id, rows[1].id});
                b->compareSelected();
                wait.exec();
            }
        }
        // Symbolic shapes: the last call of the function whose shapes changed most.
        if (name == QLatin1String("shapes") && shapesCursor_ >= 0) window_->selection()->setCursor(shapesCursor_);
        // Try fix: the candidate fixes of a scenario, each re-run (60 s at most); the first
        // proven one selected, so the picture shows its diff.
        if (name == QLatin1String("fixes")) {
            QEventLoop wait;
            QTimer::singleShot(60000, &wait, &QEventLoop::quit);
            connect(window_->advisor(), &AdvisorService::fixesReady, &wait, &QEventLoop::quit);
            window_->tryFixes();
            if (window_->advisor()->busy()) wait.exec();
        }
    }
    whenLaidOut([this, name, target] {
        QApplication::processEvents();
        if (target) {
            const QString path = QDir(dir_).filePath(name + QStringLiteral(".png"));
            if (target->grab().save(path, "PNG")) written_ << path;
        }
        shootNext();
    });
}

} // namespace gs::ui
