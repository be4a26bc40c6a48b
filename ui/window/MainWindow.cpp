#include "ui/window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabBar>

#include <chrono>

#include "ui/graph/GraphCanvas.h"
#include "ui/shared/Describe.h"
#include "ui/shared/Selection.h"
#include "ui/shared/Theme.h"
#include "ui/itemmodels/GuardTreeModel.h"
#include "ui/services/AdvisorService.h"
#include "ui/services/LayoutService.h"
#include "ui/views/ArtifactsView.h"
#include "ui/views/CacheEntriesView.h"
#include "ui/views/DemoGallery.h"
#include "ui/views/FixPanel.h"
#include "ui/views/GraphView.h"
#include "ui/views/GuardTreeView.h"
#include "ui/views/LogView.h"
#include "ui/views/RankOverviewView.h"
#include "ui/views/ReasonsView.h"
#include "ui/views/ScenarioEditor.h"
#include "ui/views/SessionBrowser.h"
#include "ui/views/ShapesView.h"
#include "ui/views/StackTrieView.h"
#include "ui/views/TestsView.h"
#include "ui/views/TimelineView.h"
#include "ui/views/TimelineWidget.h"
#include "ui/window/ProgressIndicator.h"
#include "ui/window/AboutDialog.h"
#include "ui/window/DesktopRecentFiles.h"
#include "ui/window/RecentFiles.h"
#include "ui/window/ScenarioDocument.h"
#include "ui/window/TraceSources.h"

// The .qrc lives in the static gs_ui library: register it once, whoever creates the window.
static void initGuardscopeResources() { Q_INIT_RESOURCE(guardscope); }

namespace gs::ui {

namespace {
qint64 nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
constexpr int kAutoRerunDelayMs = 700;
} // namespace

MainWindow::MainWindow(std::unique_ptr<DataBackend> backend, QWidget* parent)
    : QMainWindow(parent), selection_(new Selection(this)), service_(new SessionService(std::move(backend), this)),
      layouts_(new LayoutService(this)), editor_(new ScenarioEditor(this)), document_(new ScenarioDocument(editor_, this)),
      timeline_(new TimelineView(selection_, this)),
      cache_(new CacheEntriesView(selection_, this)), guards_(new GuardTreeView(selection_, layouts_, this)),
      reasons_(new ReasonsView(selection_, this)), shapes_(new ShapesView(selection_, this)),
      graph_(new GraphView(selection_, layouts_, this)), log_(new LogView(selection_, this)), tests_(new TestsView(selection_, this)),
      browser_(new SessionBrowser(service_, this)), gallery_(new DemoGallery(this)), stackTrie_(new StackTrieView(selection_, this)),
      artifacts_(new ArtifactsView(selection_, this)), ranks_(new RankOverviewView(this)), sources_(new TraceSources(editor_, this)),
      progress_(new ProgressIndicator(this)), counts_(new QLabel(this)), cursorLabel_(new QLabel(this)), release_(new QLabel(this)) {
    initGuardscopeResources();
    fixes_ = new FixPanel(this);
    advisor_ = new AdvisorService(service_, this);
    setObjectName(QStringLiteral("mainWindow"));
    updateTitle();
    setWindowIcon(QIcon(QStringLiteral(":/guardscope/icon.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    editor_->setNoScript(tr("# Open a scenario (.py), a TORCH_TRACE log or a stored session,\n# or pick a demo from the gallery."));
    buildDocks();
    buildMenus();

    // Counts stay visible while messages come and go on the left.
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(counts_);
    statusBar()->addPermanentWidget(cursorLabel_);
    statusBar()->addPermanentWidget(release_);
    counts_->setObjectName(QStringLiteral("statusCounts"));
    release_->setObjectName(QStringLiteral("statusRelease"));
    release_->setToolTip(tr("The PyTorch release whose behaviour the engine emulated for this session "
                            "(guardscope-cli run --torch-version X.Y; docs/torch-versions.md)"));
    updateStatus();

    rerunTimer_.setSingleShot(true);
    rerunTimer_.setInterval(kAutoRerunDelayMs);
    connect(&rerunTimer_, &QTimer::timeout, this, [this] { runCurrent(false); });
    connect(editor_, &ScenarioEditor::edited, this, [this] {
        if (autoRerun()) rerunTimer_.start();
    });
    connect(document_, &ScenarioDocument::titleChanged, this, &MainWindow::updateTitle);
    connect(document_, &ScenarioDocument::message, this, &MainWindow::showMessage);
    connect(editor_, &ScenarioEditor::provenanceClicked, this, [this](int line) {
        docks_.value(QStringLiteral("guards"))->raise();
        selection_->activateLine(line);
    });
    connect(selection_, &Selection::lineActivated, editor_, &ScenarioEditor::goToLine);
    connect(selection_, &Selection::entryChanged, this, [this] {
        showTraceSource();
        updateEditorMarks();
    });
    // Recorded runs (issue 11): a frame's source, an artifact's text from the history, a rank.
    connect(stackTrie_, &StackTrieView::frameActivated, this, [this](const session::StackFrame& f) {
        if (sources_->showFrame(f)) {
            docks_.value(QStringLiteral("editor"))->raise();
            updateEditorMarks();
        } else {
            showMessage(tr("%1 is not on this machine: add a source folder (File › Source Folders…) or start with --source-root.")
                            .arg(QString::fromStdString(f.file)), true);
        }
    });
    artifacts_->setFetch([this](int64_t id, int64_t seq) { service_->fetchRecord(id, seq); });
    connect(service_, &SessionService::recordReady, artifacts_, &ArtifactsView::showRecord);
    connect(service_, &SessionService::recordFailed, artifacts_, &ArtifactsView::showRecordError);
    connect(ranks_, &RankOverviewView::openRequested, this, [this](qint64 id, const QString& path) {
        if (id > 0) service_->openStored(id);
        else if (!path.isEmpty()) service_->importTrace(path);
    });
    connect(selection_, &Selection::cursorChanged, this, [this] {
        updateEditorMarks();
        if (const auto& d = selection_->data()) cursorLabel_->setText(Describe::cursor(*d, selection_->cursor()));
    });
    connect(service_, &SessionService::loadStarted, this, [this](quint64, const QString& what) { progress_->start(what); });
    connect(service_, &SessionService::loadProgress, this, [this](quint64, double f, const QString& what) { progress_->progress(f, what); });
    connect(service_, &SessionService::sessionReady, this, &MainWindow::onSessionReady);
    connect(service_, &SessionService::loadFailed, this, &MainWindow::onLoadFailed);
    connect(service_, &SessionService::storeFailed, this, [this](const QString& m) { showMessage(m, true); });
    connect(progress_, &ProgressIndicator::cancelRequested, service_, &SessionService::cancel);
    connect(browser_, &SessionBrowser::openRequested, this, [this](qint64 id) { openStoredSession(id); });
    connect(gallery_, &DemoGallery::openRequested, this, [this](const QString& path) { openDemo(path); });
    timeline_->timeline()->viewport()->installEventFilter(this);

    // Remembered layout; the default is kept for View > Reset Layout.
    defaultState_ = saveState();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    setDark(settings.value(QStringLiteral("view/dark"), false).toBool());
    setAutoRerun(settings.value(QStringLiteral("run/autoRerun"), false).toBool());
    if (service_->hasStore()) service_->refreshSessions();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addDock(const QString& name, const QString& title, QWidget* content, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(QStringLiteral("dock_") + name);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    docks_.insert(name, dock);
    dockOrder_ << name;
    return dock;
}

void MainWindow::buildDocks() {
    // The timeline is the centre: every other view shows the state at its cursor.
    setCentralWidget(timeline_);
    addDock(QStringLiteral("editor"), tr("Scenario"), editor_, Qt::LeftDockWidgetArea);
    auto* guards = addDock(QStringLiteral("guards"), tr("Guard tree"), guards_, Qt::RightDockWidgetArea);
    auto* reasons = addDock(QStringLiteral("reasons"), tr("Why it recompiled"), reasons_, Qt::RightDockWidgetArea);
    auto* graph = addDock(QStringLiteral("graph"), tr("Graph"), graph_, Qt::RightDockWidgetArea);
    auto* shapes = addDock(QStringLiteral("shapes"), tr("Symbolic shapes"), shapes_, Qt::RightDockWidgetArea);
    tabifyDockWidget(reasons, guards);
    tabifyDockWidget(guards, graph);
    tabifyDockWidget(graph, shapes);
    reasons->raise();
    auto* cache = addDock(QStringLiteral("cache"), tr("Cache entries"), cache_, Qt::BottomDockWidgetArea);
    auto* log = addDock(QStringLiteral("log"), tr("Log"), log_, Qt::BottomDockWidgetArea);
    auto* tests = addDock(QStringLiteral("tests"), tr("Tests"), tests_, Qt::BottomDockWidgetArea);
    auto* sessions = addDock(QStringLiteral("sessions"), tr("Sessions"), browser_, Qt::BottomDockWidgetArea);
    auto* demos = addDock(QStringLiteral("demos"), tr("Demo gallery"), gallery_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(cache, log);
    tabifyDockWidget(log, tests);
    tabifyDockWidget(tests, sessions);
    tabifyDockWidget(sessions, demos);
    cache->raise();
    // Last, so the other docks keep their View-menu shortcuts; it sits next to "Why it recompiled".
    auto* fixes = addDock(QStringLiteral("fixes"), tr("Try fix"), fixes_, Qt::RightDockWidgetArea);
    tabifyDockWidget(shapes, fixes);
    // Recorded runs (issue 11): everything a compile logged, the ranks of a folder, the stack trie.
    auto* artifacts = addDock(QStringLiteral("artifacts"), tr("Compile artifacts"), artifacts_, Qt::BottomDockWidgetArea);
    auto* ranks = addDock(QStringLiteral("ranks"), tr("Ranks"), ranks_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(demos, artifacts);
    tabifyDockWidget(artifacts, ranks);
    auto* stack = addDock(QStringLiteral("stack"), tr("Stack trie"), stackTrie_, Qt::RightDockWidgetArea);
    tabifyDockWidget(fixes, stack);
    cache->raise();
    reasons->raise();
    resize(1440, 900);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (sized_) return;
    sized_ = true;
    // Default proportions, applied once the window has its size (resizeDocks needs one); a
    // remembered layout replaces them.
    if (!QSettings().contains(QStringLiteral("window/state"))) {
        resizeDocks({docks_.value(QStringLiteral("editor")), docks_.value(QStringLiteral("reasons"))}, {width() * 30 / 100, width() * 36 / 100},
                    Qt::Horizontal);
        resizeDocks({docks_.value(QStringLiteral("cache"))}, {height() * 30 / 100}, Qt::Vertical);
        defaultState_ = saveState();
    }
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario or trace"), QString(),
                                                          tr("Scenarios and traces (*.py *.log *.gz *.zst *.json);;Scenarios (*.py);;TORCH_TRACE logs (*.log *.gz *.zst *.json);;All files (*)"));
        if (!path.isEmpty()) openPath(path);
    });
    open->setShortcut(QKeySequence::Open);
    QAction* openFolder = file->addAction(tr("Open &Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a TORCH_TRACE folder (one log per rank)"));
        if (!dir.isEmpty()) openPath(dir);
    });
    openFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addAction(tr("Source F&olders…"), this, [this] {
        sources_->editMappings(this);
        showTraceSource();
        updateEditorMarks();
    });
    recent_ = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(recent_, &RecentFiles::openRequested, this, [this](const QString& e) { openPath(e); });
    QAction* save = file->addAction(tr("&Save Scenario"), this, [this] { document_->save(); });
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save Scenario &As…"), this, [this] { document_->saveAs(); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QMenu* exportMenu = file->addMenu(tr("&Export Picture"));
    QAction* exportGuards = exportMenu->addAction(tr("Guard Tree as PNG or SVG…"), this, [this] { exportPicture(QStringLiteral("guards")); });
    exportGuards->setShortcut(QKeySequence(tr("Ctrl+E")));
    QAction* exportGraph = exportMenu->addAction(tr("Graph as PNG or SVG…"), this, [this] { exportPicture(QStringLiteral("graph")); });
    exportGraph->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* runAction = run->addAction(tr("&Run Scenario"), this, [this] { runCurrent(true); });
    runAction->setShortcut(QKeySequence(Qt::Key_F5));
    autoRerunAction_ = run->addAction(tr("Re-run &Automatically After Edits"));
    autoRerunAction_->setCheckable(true);
    connect(autoRerunAction_, &QAction::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("run/autoRerun"), on); });
    QAction* cancel = run->addAction(tr("&Cancel"), service_, &SessionService::cancel);
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    cancel->setShortcutContext(Qt::WindowShortcut);

    buildFixes(run);

    QMenu* nav = menuBar()->addMenu(tr("&Navigate"));
    auto addNav = [&](const QString& text, const QKeySequence& key, auto fn) {
        QAction* a = nav->addAction(text, this, fn);
        a->setShortcut(key);
        return a;
    };
    addNav(tr("Step &Back"), QKeySequence(tr("Alt+Left")), [this] { selection_->step(-1); });
    addNav(tr("Step &Forward"), QKeySequence(tr("Alt+Right")), [this] { selection_->step(+1); });
    addNav(tr("&Previous Compile or Recompile"), QKeySequence(tr("Alt+Up")), [this] { selection_->stepToCompile(-1); });
    addNav(tr("&Next Compile or Recompile"), QKeySequence(tr("Alt+Down")), [this] { selection_->stepToCompile(+1); });
    addNav(tr("F&irst Call"), QKeySequence(tr("Alt+Home")), [this] { selection_->setCursor(0); });
    addNav(tr("&Last Call"), QKeySequence(tr("Alt+End")), [this] {
        if (selection_->data()) selection_->setCursor(selection_->data()->callCount() - 1);
    });
    nav->addSeparator();
    addNav(tr("Focus &Timeline"), QKeySequence(tr("Ctrl+1")), [this] { timeline_->timeline()->setFocus(); });
    addNav(tr("Focus &Editor"), QKeySequence(tr("Ctrl+2")), [this] {
        docks_.value(QStringLiteral("editor"))->raise();
        editor_->setFocus();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    int key = 3;
    for (const QString& name : dockOrder_) {
        QAction* toggle = docks_.value(name)->toggleViewAction();
        if (key <= 9) toggle->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(key++)));
        view->addAction(toggle);
    }
    view->addSeparator();
    darkAction_ = view->addAction(tr("&Dark Palette"));
    darkAction_->setCheckable(true);
    darkAction_->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    connect(darkAction_, &QAction::toggled, this, &MainWindow::setDark);
    view->addAction(tr("&Reset Layout"), this, [this] { restoreState(defaultState_); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Demo Gallery"), this, [this] { docks_.value(QStringLiteral("demos"))->raise(); });
    help->addAction(tr("&About Guardscope"), this, [this] { AboutDialog(this).exec(); });
}

bool MainWindow::isOpenable(const QString& path) {
    if (QFileInfo(path).isDir()) return true; // a TORCH_TRACE folder, one log per rank
    static const QStringList suffixes = {QStringLiteral("py"), QStringLiteral("log"), QStringLiteral("gz"), QStringLiteral("zst"),
                                         QStringLiteral("json"), QStringLiteral("txt")};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

bool MainWindow::openPath(const QString& arg) {
    QString s = arg.trimmed();
    if (!document_->maybeSave(tr("opening %1").arg(s))) return false;
    if (s.startsWith(QLatin1String("session:"))) s = s.mid(8);
    bool isId = false;
    const qlonglong id = s.toLongLong(&isId);
    if (isId && !QFileInfo::exists(s)) {
        if (!service_->hasStore()) {
            showMessage(tr("This build has no session history to open session %1 from.").arg(id), true);
            return false;
        }
        service_->openStored(id);
        return true;
    }
    const QFileInfo fi(s);
    if (!fi.exists()) {
        showMessage(tr("%1 does not exist.").arg(s), true);
        return false;
    }
    // A folder is a TORCH_TRACE folder (one log per rank, issue 11 item 3), never a scenario.
    if (!fi.isDir() && fi.suffix().compare(QLatin1String("py"), Qt::CaseInsensitive) == 0) return loadScenarioFile(fi.absoluteFilePath());
    if (!service_->canImportTraces()) {
        showMessage(tr("This build cannot import TORCH_TRACE logs yet (%1).").arg(fi.fileName()), true);
        return false;
    }
    service_->importTrace(fi.absoluteFilePath());
    recent_->add(fi.absoluteFilePath());
    return true;
}

bool MainWindow::openScenarioFile(const QString& path) {
    if (!document_->maybeSave(tr("opening %1").arg(QFileInfo(path).fileName()))) return false;
    return loadScenarioFile(path);
}

bool MainWindow::loadScenarioFile(const QString& path) {
    QString text;
    if (const QString problem = ScenarioDocument::readScenario(path, text); !problem.isEmpty()) {
        showMessage(problem, true);
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    editor_->setScenario(text, absolute);
    recent_->add(absolute);
    runText(absolute, text);
    return true;
}

bool MainWindow::openDemo(const QString& path) {
    if (!document_->maybeSave(tr("opening the demo %1").arg(QFileInfo(path).fileName()))) return false;
    QString text;
    if (const QString problem = ScenarioDocument::readScenario(path, text); !problem.isEmpty()) {
        showMessage(problem, true);
        return false;
    }
    editor_->setUntitled(text, QFileInfo(path).fileName());
    runText(editor_->documentName(), text);
    return true;
}

bool MainWindow::openStoredSession(qint64 id) {
    if (!document_->maybeSave(tr("opening session %1").arg(id))) return false;
    service_->openStored(id);
    return true;
}

bool MainWindow::openScenarioText(const QString& fileName, const QString& text) {
    if (!document_->maybeSave(tr("opening %1").arg(QFileInfo(fileName).fileName()))) return false;
    editor_->setUntitled(text, QFileInfo(fileName).fileName());
    runText(editor_->documentName(), text);
    return true;
}

void MainWindow::runText(const QString& fileName, const QString& text) {
    updateTitle();
    editor_->clearError();
    docks_.value(QStringLiteral("editor"))->raise();
    if (!service_->canRunScenarios()) {
        showMessage(tr("This build has no scenario engine: %1 is shown but not run.").arg(QFileInfo(fileName).fileName()), true);
        return;
    }
    service_->runScenario(fileName, text, false);
}

void MainWindow::runCurrent(bool record) {
    if (!editor_->hasScript()) {
        showMessage(tr("Nothing to run: open a scenario first."), true);
        return;
    }
    if (!service_->canRunScenarios()) {
        showMessage(tr("This build has no scenario engine."), true);
        return;
    }
    rerunTimer_.stop();
    const QString name = editor_->path().isEmpty() ? editor_->documentName() : editor_->path();
    service_->runScenario(name, editor_->text(), /*rerun=*/selection_->hasSession(), record);
}

void MainWindow::openStartup() {
    const QString last = QSettings().value(QStringLiteral("lastSession")).toString();
    if (!last.isEmpty() && (last.startsWith(QLatin1String("session:")) || QFileInfo::exists(last)) && openPath(last)) return;
    docks_.value(QStringLiteral("demos"))->raise();
    showMessage(tr("Welcome: pick a demo to see why torch.compile recompiles, or open a scenario or trace."));
}

void MainWindow::onSessionReady(quint64, session::SessionIndexPtr data, const LoadInfo& info) {
    progress_->finish();
    const auto& s = data->session();
    switch (info.source) {
    case LoadInfo::Source::Scenario: break; // the editor already holds the text that ran
    case LoadInfo::Source::Trace:
        editor_->setNoScript(tr("# Imported TORCH_TRACE log: %1\n# Recorded runs have no scenario script; the stack's source files are shown here\n"
                                "# when they are on this machine (File › Source Folders…, --source-root).")
                                 .arg(info.path));
        break;
    case LoadInfo::Source::Store:
    case LoadInfo::Source::Memory:
        // An untitled copy: the session's source may be older than the file it came from, and
        // Save must not write it over that file (issue 12).
        if (!s.info.sourceText.empty())
            editor_->setUntitled(QString::fromStdString(s.info.sourceText),
                                 QFileInfo(QString::fromStdString(s.info.sourcePath)).fileName());
        else editor_->setNoScript(tr("# %1\n# This session has no scenario script.").arg(QString::fromStdString(s.info.title)));
        break;
    }
    editor_->clearError();
    if (info.sourceError.line > 0) editor_->showError(info.sourceError);
    if (!info.ranks.empty()) {
        ranks_->setRanks(info.path, info.ranks);
        docks_.value(QStringLiteral("ranks"))->raise();
    }
    sources_->forget();
    awaitingPaint_ = true;
    selection_->setSession(data, info.rerun);
    showTraceSource();
    timeline_->timeline()->viewport()->update();
    sessionTitle_ = QString::fromStdString(s.info.title);
    updateTitle();
    const QString key = info.source == LoadInfo::Source::Store || (info.source != LoadInfo::Source::Memory && info.path.isEmpty())
                            ? QStringLiteral("session:%1").arg(info.storedId)
                            : info.path;
    if (!key.isEmpty() && info.source != LoadInfo::Source::Memory) {
        QSettings().setValue(QStringLiteral("lastSession"), key);
        if (info.source == LoadInfo::Source::Store) recent_->add(key);
    }
    QString msg = tr("Loaded %1 in %2 s").arg(QString::fromStdString(s.info.title)).arg(info.seconds, 0, 'f', 2);
    if (!info.error.isEmpty()) msg = info.error.section(u'\n', 0, 0);
    if (!info.warnings.isEmpty()) msg += QStringLiteral(" — ") + info.warnings.front();
    showMessage(msg, !info.error.isEmpty());
    updateStatus();
    if (service_->hasStore() && info.storedId) service_->refreshSessions();
}

void MainWindow::onLoadFailed(quint64, const LoadInfo& info) {
    progress_->finish();
    if (info.sourceError.line > 0 && editor_->hasScript()) editor_->showError(info.sourceError);
    showMessage(info.error.isEmpty() ? tr("Nothing could be loaded.") : info.error.section(u'\n', 0, 0), info.error != tr("Cancelled."));
}

// An imported session's selected compile: its innermost frame found here goes to the source pane.
void MainWindow::showTraceSource() {
    const auto& d = selection_->data();
    if (!d || d->session().info.kind != session::SessionKind::TorchTrace || editor_->hasScript()) return;
    const int entry = selection_->entry();
    if (entry >= 0 && sources_->showCompile(d->session().compiles[size_t(entry)])) return;
}

void MainWindow::updateEditorMarks() {
    const auto& d = selection_->data();
    if (!d) return;
    if (editor_->showsSourceFile()) {
        const int entry = selection_->entry();
        editor_->setProvenance(entry >= 0 ? sources_->provenance(d->session().compiles[size_t(entry)]) : std::map<int, int>{}, 0);
        editor_->setCursorLine(sources_->shownLine());
        return;
    }
    std::map<int, int> lines;
    int failing = 0;
    const int entry = selection_->entry();
    if (entry >= 0) {
        const auto& guards = d->session().compiles[size_t(entry)].guards;
        for (const auto& g : guards)
            if (g.line > 0) ++lines[g.line];
        if (const auto ge = d->evaluation(entry, selection_->cursor()); ge && !ge->passed)
            for (const auto& g : guards)
                if (g.id == ge->firstFailedGuard) failing = g.line;
    }
    editor_->setProvenance(lines, failing);
    const int64_t c = selection_->cursor();
    editor_->setCursorLine(c >= 0 && c < d->callCount() ? d->call(c).line : 0);
}

QString MainWindow::statusCounts() const { return counts_->text(); }

QString MainWindow::statusRelease() const { return release_->text(); }

void MainWindow::updateStatus() {
    const auto& d = selection_->data();
    if (!d) {
        counts_->setText(tr("No session"));
        cursorLabel_->clear();
        release_->clear();
        return;
    }
    const auto& meta = d->session().info.metadata;
    auto release = meta.find(std::string(gs::session::kTorchVersionKey));
    release_->setText(release == meta.end() ? QString() : tr("emulates PyTorch %1").arg(QString::fromStdString(release->second)));
    const auto s = d->summary();
    QStringList parts;
    // Functions, not frame records: ids restart after reset() (session::SessionIndex::indexTracks).
    parts << Describe::count(qint64(d->tracks().size()), "function", "functions") << Describe::count(s.calls, "call", "calls")
          << Describe::count(s.compiles, "compile", "compiles") << Describe::count(s.recompiles, "recompile", "recompiles")
          << Describe::count(s.cacheHits, "cache hit", "cache hits");
    if (s.runOnly) parts << Describe::count(s.runOnly, "run-only call", "run-only calls");
    if (s.limitHits) parts << Describe::count(s.limitHits, "limit hit", "limit hits");
    if (s.testsPassed + s.testsFailed) parts << tr("tests %1 passed / %2 failed").arg(s.testsPassed).arg(s.testsFailed);
    counts_->setText(parts.join(QStringLiteral(" · ")));
    cursorLabel_->setText(Describe::cursor(*d, selection_->cursor()));
}

void MainWindow::showMessage(const QString& text, bool error) {
    lastMessage_ = text;
    statusBar()->setStyleSheet(error ? QStringLiteral("QStatusBar { color: #d02020; }") : QString());
    statusBar()->showMessage(text, error ? 0 : 8000);
    QTimer::singleShot(error ? 12000 : 8000, this, [this, text] {
        if (lastMessage_ == text) {
            statusBar()->clearMessage();
            statusBar()->setStyleSheet(QString());
        }
    });
}

void MainWindow::exportPicture(const QString& dockName) {
    GraphCanvas* canvas = dockName == QLatin1String("guards") ? guards_->canvas() : graph_->canvas();
    if (!canvas->hasGraph()) {
        showMessage(tr("There is no picture to export yet."), true);
        return;
    }
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export picture"), dockName + QStringLiteral(".svg"),
                                                      tr("SVG (*.svg);;PNG (*.png)"), &selected);
    if (path.isEmpty()) return;
    const QString error = canvas->exportPicture(path);
    showMessage(error.isEmpty() ? tr("Exported %1").arg(path) : error, !error.isEmpty());
}

bool MainWindow::autoRerun() const { return autoRerunAction_ && autoRerunAction_->isChecked(); }
void MainWindow::setAutoRerun(bool on) { if (autoRerunAction_) autoRerunAction_->setChecked(on); }
bool MainWindow::isDark() const { return Theme::dark(); }

void MainWindow::setDark(bool dark) {
    if (darkAction_ && darkAction_->isChecked() != dark) {
        darkAction_->setChecked(dark); // re-enters through toggled
        return;
    }
    Theme::setDark(dark);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(Theme::palette(dark));
    editor_->applyTheme(dark);
    QSettings().setValue(QStringLiteral("view/dark"), dark);
    // Models and pictures take their colours from Theme: show the same state again.
    if (selection_->data()) selection_->setSession(selection_->data(), true);
}

void MainWindow::updateTitle() {
    // "[*]" is where Qt shows the modified mark ("*") while the editor has unsaved edits.
    if (editor_->hasScript()) setWindowTitle(tr("%1[*] — Guardscope").arg(editor_->documentName()));
    else if (!sessionTitle_.isEmpty()) setWindowTitle(tr("%1 — Guardscope").arg(sessionTitle_));
    else setWindowTitle(tr("Guardscope"));
    setWindowModified(editor_->hasScript() && editor_->isModified());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!document_->maybeSave(tr("quitting"))) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && isOpenable(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && isOpenable(url.toLocalFile())) {
            event->acceptProposedAction();
            openPath(url.toLocalFile());
            return;
        }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Paint && awaitingPaint_ && watched == timeline_->timeline()->viewport()) {
        awaitingPaint_ = false;
        const double ms = paintClockStart_ >= 0 ? double(nowNs() - paintClockStart_) / 1e6 : 0;
        QTimer::singleShot(0, this, [this, ms] { emit sessionPainted(ms); });
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace gs::ui
