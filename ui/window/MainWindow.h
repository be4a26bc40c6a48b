#pragma once
// The inspector's main window: every view in a dock (tabbed by default), all following one
// Selection; menus with shortcuts, recent files, drag and drop, remembered layout, status-bar
// counts, progress with cancel, light and dark palettes (issue 5).
#include <QMainWindow>
#include <QMap>
#include <QTimer>

#include <memory>

#include "ui/services/DataBackend.h"
#include "ui/services/SessionService.h"

class QDockWidget;
class QLabel;

namespace gs::ui {

class AdvisorService;
class ArtifactsView;
class CacheEntriesView;
class RankOverviewView;
class StackTrieView;
class TraceSources;
class DemoGallery;
class FixPanel;
class GraphView;
class GuardTreeView;
class LayoutService;
class LogView;
class ProgressIndicator;
class ReasonsView;
class RecentFiles;
class ScenarioDocument;
class ScenarioEditor;
class Selection;
class SessionBrowser;
class ShapesView;
class TestsView;
class TimelineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<DataBackend> backend, QWidget* parent = nullptr);
    ~MainWindow() override;

    // A .py scenario, a TORCH_TRACE log (.log, .gz, .zst, .json) or folder of rank logs, a stored
    // session id ("12" or "session:12"). Returns false (with a status message) if it cannot be opened.
    // Each asks first when the editor has unsaved changes (Save / Discard / Cancel) and returns
    // false when the user cancels.
    bool openPath(const QString& pathOrId);
    // The file itself: Save writes back to it. Binary, NUL-containing or non-UTF-8 files are
    // refused with a message (the editor keeps what it had).
    bool openScenarioFile(const QString& path);
    // A demo: an untitled copy of it (Save asks where; the shipped file is never written).
    bool openDemo(const QString& path);
    // Text that is no file of the user's: an untitled copy called `fileName`.
    bool openScenarioText(const QString& fileName, const QString& text);
    // A stored session (asks first when there are unsaved edits).
    bool openStoredSession(qint64 id);
    void runCurrent(bool record = true);      // Run (F5): re-run, keep the time cursor
    // What to show with no argument: the last session, else the demo gallery.
    void openStartup();

    Selection* selection() const { return selection_; }
    SessionService* sessions() const { return service_; }
    LayoutService* layouts() const { return layouts_; }
    ScenarioDocument* document() const { return document_; }
    ScenarioEditor* editor() const { return editor_; }
    TimelineView* timelineView() const { return timeline_; }
    CacheEntriesView* cacheView() const { return cache_; }
    GuardTreeView* guardView() const { return guards_; }
    ReasonsView* reasonsView() const { return reasons_; }
    ShapesView* shapesView() const { return shapes_; }
    GraphView* graphView() const { return graph_; }
    LogView* logView() const { return log_; }
    TestsView* testsView() const { return tests_; }
    SessionBrowser* sessionBrowser() const { return browser_; }
    DemoGallery* demoGallery() const { return gallery_; }
    FixPanel* fixPanel() const { return fixes_; }
    AdvisorService* advisor() const { return advisor_; }
    // Try fix (issue 13): re-runs the candidate fixes of the scenario in the editor and shows
    // them in the "Try fix" dock. For a recorded run it says to reproduce it first.
    void tryFixes();
    // Writes a scenario that reproduces the current recorded session's recompiles, opens it in
    // the editor and runs it (Session › Reproduce as Scenario).
    void reproduceCurrent();
    StackTrieView* stackTrieView() const { return stackTrie_; }
    ArtifactsView* artifactsView() const { return artifacts_; }
    RankOverviewView* rankView() const { return ranks_; }
    TraceSources* traceSources() const { return sources_; }
    QDockWidget* dock(const QString& name) const { return docks_.value(name); }
    QStringList dockNames() const { return dockOrder_; }
    QString statusCounts() const;
    // "emulates PyTorch 2.10" for a scenario session (the release it ran under), empty otherwise.
    QString statusRelease() const;
    QString lastMessage() const { return lastMessage_; }
    bool autoRerun() const;
    void setAutoRerun(bool on);
    void setDark(bool dark);
    bool isDark() const;
    // Milliseconds from `since` to the first paint of the timeline after a session arrived.
    void setPaintClock(qint64 startedNs) { paintClockStart_ = startedNs; }

signals:
    // The first paint of the timeline after a session was shown (benchmarks, screenshots).
    void sessionPainted(double msSinceClockStart);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildDocks();
    void buildMenus();
    void buildFixes(QMenu* menu);  // MainWindowFixes.cpp
    void applyFix(const QString& source);
    QDockWidget* addDock(const QString& name, const QString& title, QWidget* content, Qt::DockWidgetArea area);
    void onSessionReady(quint64 gen, session::SessionIndexPtr data, const LoadInfo& info);
    void onLoadFailed(quint64 gen, const LoadInfo& info);
    void updateEditorMarks();
    void showTraceSource();
    void updateStatus();
    void showMessage(const QString& text, bool error = false);
    void updateTitle();
    bool loadScenarioFile(const QString& path);  // openScenarioFile after the unsaved-edits question
    void runText(const QString& name, const QString& text);
    void exportPicture(const QString& dockName);
    static bool isOpenable(const QString& path);

    std::unique_ptr<DataBackend> backendHolder_;
    Selection* selection_;
    SessionService* service_;
    LayoutService* layouts_;
    ScenarioEditor* editor_;
    ScenarioDocument* document_;
    TimelineView* timeline_;
    CacheEntriesView* cache_;
    GuardTreeView* guards_;
    ReasonsView* reasons_;
    ShapesView* shapes_;
    GraphView* graph_;
    LogView* log_;
    TestsView* tests_;
    SessionBrowser* browser_;
    DemoGallery* gallery_;
    FixPanel* fixes_ = nullptr;
    AdvisorService* advisor_ = nullptr;
    StackTrieView* stackTrie_;
    ArtifactsView* artifacts_;
    RankOverviewView* ranks_;
    TraceSources* sources_;
    ProgressIndicator* progress_;
    RecentFiles* recent_ = nullptr;
    QLabel* counts_;
    QLabel* cursorLabel_;
    QLabel* release_;  // the PyTorch release a scenario session emulated
    QMap<QString, QDockWidget*> docks_;
    QStringList dockOrder_;
    QByteArray defaultState_;
    QAction* autoRerunAction_ = nullptr;
    QAction* darkAction_ = nullptr;
    QTimer rerunTimer_;
    QString lastMessage_;
    QString sessionTitle_;  // the shown session's title (the window title without a script)
    qint64 paintClockStart_ = -1;
    bool awaitingPaint_ = false;
    bool sized_ = false;
};

} // namespace gs::ui
