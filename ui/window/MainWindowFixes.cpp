// MainWindow's part of issue 13: Try fix (re-run candidate fixes of the editor's scenario, show
// them in the "Try fix" dock, apply one to the editor) and Reproduce as Scenario for a recorded
// run. The work runs on the data owner thread (AdvisorService); nothing here blocks the UI.
#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>

#include "ui/services/AdvisorService.h"
#include "ui/shared/Selection.h"
#include "ui/views/FixPanel.h"
#include "ui/views/ReasonsView.h"
#include "ui/views/ScenarioEditor.h"
#include "ui/window/MainWindow.h"
#include "ui/window/ProgressIndicator.h"

namespace gs::ui {

void MainWindow::buildFixes(QMenu* menu) {
    menu->addSeparator();
    QAction* tryFix = menu->addAction(tr("&Try Fixes"), this, &MainWindow::tryFixes);
    tryFix->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    QAction* reproduce = menu->addAction(tr("Re&produce Recorded Run as Scenario"), this, &MainWindow::reproduceCurrent);
    reproduce->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));

    connect(reasons_, &ReasonsView::tryFixRequested, this, &MainWindow::tryFixes);
    connect(fixes_, &FixPanel::applyRequested, this, &MainWindow::applyFix);
    connect(advisor_, &AdvisorService::fixesStarted, this, [this](quint64, const QString& file) {
        fixes_->clear(tr("Trying fixes for %1…").arg(QFileInfo(file).fileName().toHtmlEscaped()));
        progress_->start(tr("Trying fixes"));
    });
    connect(advisor_, &AdvisorService::fixesProgress, this, [this](quint64, int done, int total, const QString& what) {
        fixes_->showRunning(what, done, total);
        progress_->progress(total > 0 ? double(done) / total : -1, what);
    });
    connect(advisor_, &AdvisorService::fixesReady, this, [this](quint64, FixReportPtr report) {
        progress_->finish();
        fixes_->setReport(report);
        const advisor::FixResult* best = report ? report->best() : nullptr;
        showMessage(best ? tr("Proven fix: %1").arg(QString::fromStdString(best->fix.title))
                         : tr("Try fix: no candidate was proven by its re-run."));
    });
    connect(advisor_, &AdvisorService::reproduceReady, this, [this](const Reproduced& r) {
        // An untitled copy (issue 12): Save asks where; Try fix re-runs the editor's text.
        const QString path = QFileInfo(r.title).completeBaseName() + QStringLiteral("_reproduced.py");
        if (!openScenarioText(path, r.scenario)) return;  // the user kept the unsaved editor text
        QString msg = r.check.isEmpty() ? tr("Reproduced %1 (%2): the same recompile chain. Try fixes on it with Ctrl+Shift+F.").arg(r.title, r.chain)
                                        : tr("Reproduced %1, but not the same chain: %2").arg(r.title, r.check);
        if (!r.notes.isEmpty()) msg += QStringLiteral(" ") + r.notes.join(QStringLiteral("; "));
        showMessage(msg, !r.check.isEmpty());
        // The status line is soon replaced by the run's; the Try fix panel keeps it.
        fixes_->clear(msg.toHtmlEscaped());
    });
}

void MainWindow::tryFixes() {
    docks_.value(QStringLiteral("fixes"))->show();
    docks_.value(QStringLiteral("fixes"))->raise();
    const auto& d = selection_->data();
    if (!editor_->hasScript()) {
        const bool recorded = d && d->session().info.kind == session::SessionKind::TorchTrace;
        fixes_->clear(recorded ? tr("This is a recorded run: fixes are tried on a scenario. Reproduce it first (Run › Reproduce Recorded "
                                    "Run as Scenario, Ctrl+Shift+R), then Try fix on the scenario.")
                               : tr("Open a scenario first: fixes are tried by re-running it."));
        return;
    }
    if (!service_->canRunScenarios()) {
        fixes_->clear(tr("This build has no scenario engine: fixes cannot be re-run."));
        return;
    }
    const QString path = editor_->path().isEmpty() ? editor_->documentName() : editor_->path();
    advisor_->tryFixes(path, editor_->text());
}

void MainWindow::applyFix(const QString& source) {
    if (!editor_->hasScript()) return;
    // One undo step in the editor; the file on disk changes only when the user saves.
    editor_->beginUndoAction();
    editor_->selectAll();
    editor_->replaceSelectedText(source);
    editor_->endUndoAction();
    docks_.value(QStringLiteral("editor"))->raise();
    runCurrent(false);
    showMessage(tr("Applied the fix to the editor (Ctrl+Z undoes it; Save writes it)."));
}

void MainWindow::reproduceCurrent() {
    const auto& d = selection_->data();
    if (!d || d->session().info.kind != session::SessionKind::TorchTrace || d->session().compiles.empty()) {
        showMessage(tr("Reproduce works on a recorded run: open a TORCH_TRACE log (or an imported session) first."), true);
        return;
    }
    showMessage(tr("Writing a scenario that reproduces %1…").arg(QString::fromStdString(d->session().info.title)));
    advisor_->reproduce(d);
}

} // namespace gs::ui
