// Recorded runs at full depth in the GUI (issue 11): File › Open Folder and a dropped folder
// give the rank overview with its divergences and two ranks side by side; the stack trie selects
// compiles and follows the selection; the Compile artifacts view shows the log's text with
// highlighting, also for a session read back from the history; the source pane shows a recorded
// file found on this machine with the guard-provenance markers. Logs are written by the test.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include "core/session/SessionIndex.h"
#include "core/trace/Md5.h"
#include "core/trace/TraceReader.h"
#include "ui/itemmodels/ArtifactModel.h"
#include "ui/itemmodels/RankCompareModel.h"
#include "ui/itemmodels/RankTableModel.h"
#include "ui/itemmodels/StackTrieModel.h"
#include "ui/shared/Selection.h"
#include "ui/views/ArtifactsView.h"
#include "ui/views/RankOverviewView.h"
#include "ui/views/ScenarioEditor.h"
#include "ui/views/StackTrieView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/TraceSources.h"

using namespace gs::ui;
using Mode = QAbstractItemModelTester::FailureReportingMode;

namespace {

constexpr int kTimeoutMs = 120000;

std::string rec(const std::string& json) { return "V0718 15:30:01.875000 1337 torch/_dynamo/convert_frame.py:1123] " + json + "\n"; }

std::string recP(const std::string& jsonOpen, const std::string& payload) {
    std::string out = rec(jsonOpen + ", \"has_payload\": \"" + gs::trace::Md5::hex(payload) + "\"}");
    size_t start = 0;
    for (;;) {
        size_t nl = payload.find('\n', start);
        out.push_back('\t'); // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "\t" + substr
        out.append(payload, start, nl == std::string::npos ? std::string::npos : nl - start);
        out.push_back('\n');
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

const char* const kGraph = "class GraphModule(torch.nn.Module):\n    def forward(self, L_x_: \"f32[%d][1]cpu\"):\n"
                           "        l_x_ = L_x_\n        mul = l_x_ * 2;  l_x_ = None\n        return (mul,)";

// A log of `sizes.size()` compiles of `fn` in `file` (called from main at `file`:20): each with
// its Dynamo graph, an FX-graph-cache result, inductor output code and a guard tree whose
// TENSOR_MATCH guard points at `file`:4.
std::string makeLog(const std::string& file, const std::vector<int>& sizes, const std::string& fn = "kernel") {
    std::string log = rec("{\"str\": [\"" + file + "\", 0]}");
    for (size_t i = 0; i < sizes.size(); ++i) {
        const std::string ctx = ", \"frame_id\": 0, \"frame_compile_id\": " + std::to_string(i) + ", \"attempt\": 0";
        if (i > 0)
            log += recP("{\"artifact\": {\"name\": \"recompile_reasons\", \"encoding\": \"json\"}" + ctx,
                        "[\n\"0/" + std::to_string(i - 1) + ": tensor 'x' size mismatch at index 0. expected " + std::to_string(sizes[i - 1]) +
                            ", actual " + std::to_string(sizes[i]) + "\"\n]");
        log += rec("{\"dynamo_start\": {\"stack\": [{\"line\": 20, \"name\": \"main\", \"filename\": 0, \"loc\": \"" + fn +
                   "(x)\"}, {\"line\": 3, \"name\": \"" + fn + "\", \"filename\": 0}]}" + ctx + "}");
        char graph[512];
        std::snprintf(graph, sizeof graph, kGraph, sizes[i]);
        log += recP("{\"dynamo_output_graph\": {\"sizes\": {\"l_x_\": [" + std::to_string(sizes[i]) + "], \"mul\": [" +
                        std::to_string(sizes[i]) + "]}}" + ctx,
                    graph);
        log += recP("{\"artifact\": {\"name\": \"fx_graph_cache_" + std::string(i % 2 ? "hit" : "miss") + "\", \"encoding\": \"json\"}" + ctx,
                    "{\n\"key\": \"fkey" + std::to_string(i) + "\",\n\"cache_state\": \"" + (i % 2 ? "hit" : "miss") + "\"\n}");
        log += recP("{\"inductor_output_code\": {\"filename\": \"/tmp/c" + std::to_string(i) + ".py\"}" + ctx,
                    "def call(args):\n    return (args[0] * 2,)");
        log += recP("{\"dynamo_cpp_guards_str\": {}" + ctx,
                    "\nTREE_GUARD_MANAGER:\n+- RootGuardManager\n| +- GuardManager: source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)\n"
                    "| | +- TENSOR_MATCH: check_tensor(L['x'], Tensor, DispatchKeySet(CPU), torch.float32, device=None, requires_grad=False, size=[" +
                        std::to_string(sizes[i]) + "], stride=[1])  # return x * 2  # " + file + ":4 in " + fn + "\n");
        log += rec("{\"compilation_metrics\": {\"compile_id\": \"0/" + std::to_string(i) + "\", \"co_name\": \"" + fn +
                   "\", \"co_filename\": \"" + file + "\", \"co_firstlineno\": 3, \"guard_count\": 3, \"graph_op_count\": 1, "
                   "\"entire_frame_compile_time_s\": 0.5}" + ctx + "}");
    }
    return log;
}

void write(const QString& path, const std::string& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.data(), qint64(text.size()));
}

} // namespace

class TestRecorded : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void modelsPassTheModelTester();
    void openFolderShowsRanksDivergenceAndSideBySide();
    void droppedFolderOpensTheRankOverview();
    void twoRanksThatDifferNameNoCulprit();
    void anImportedResetReachesTheWindowAsAnEvent();
    void stackTrieSelectsCompilesAndFollowsTheSelection();
    void artifactsViewShowsTheLogsTextWithHighlighting();
    void artifactsOfAStoredSessionAreReadFromTheHistory();
    void sourcePaneShowsTheRecordedFileFoundHere();

private:
    std::unique_ptr<MainWindow> makeWindow();
    bool open(MainWindow& w, const QString& path);
    QTemporaryDir dir_;
    int counter_ = 0;
};

void TestRecorded::initTestCase() {
    QVERIFY(dir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("GuardscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recorded"));
    qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
}

void TestRecorded::init() { QSettings().clear(); }

std::unique_ptr<MainWindow> TestRecorded::makeWindow() {
    auto w = std::make_unique<MainWindow>(makeCoreBackend(dir_.filePath(QStringLiteral("sessions-%1.db").arg(++counter_))));
    w->resize(1400, 900);
    w->show();
    return w;
}

bool TestRecorded::open(MainWindow& w, const QString& path) {
    QSignalSpy ready(w.sessions(), &SessionService::sessionReady);
    if (!w.openPath(path)) return false;
    return ready.wait(kTimeoutMs);
}

void TestRecorded::modelsPassTheModelTester() {
    // constructed empty, then filled: the tester checks every change
    StackTrieModel trie;
    ArtifactModel artifacts;
    RankTableModel ranks;
    RankCompareModel pair;
    QAbstractItemModelTester t1(&trie, Mode::QtTest), t2(&artifacts, Mode::QtTest), t3(&ranks, Mode::QtTest), t4(&pair, Mode::QtTest);
    const QString log = dir_.filePath(QStringLiteral("models.log"));
    write(log, makeLog("/home/u/gen.py", {2, 3, 4}));
    gs::session::SessionBuilder b;
    gs::trace::importTraceFile(log.toStdString(), b);
    auto data = gs::session::SessionIndex::make(b.take());
    trie.setSession(data);
    QCOMPARE(trie.rowCount(), 1);          // main
    QVERIFY(trie.indexOfEntry(2).isValid()); // kernel, under main
    QCOMPARE(trie.indexOfEntry(2).data().toString(), QStringLiteral("gen.py:3 in kernel"));
    QCOMPARE(trie.indexOfEntry(2).siblingAtColumn(StackTrieModel::Compiles).data().toString(), QStringLiteral("0/0 0/1 0/2"));
    for (int e = 0; e < 3; ++e) {
        artifacts.setEntry(data, e);
        QCOMPARE(artifacts.artifactCount(), e == 0 ? 5 : 6); // + recompile_reasons from the second on
    }
    artifacts.setEntry(nullptr, -1);
    std::vector<gs::session::RankProfile> profiles{gs::session::RankProfile(data->session()), gs::session::RankProfile(data->session())};
    profiles[0].rank = 0;
    profiles[1].rank = 1;
    profiles[1].compileSeq.pop_back();
    ranks.setRanks(profiles, gs::session::RankOverview::divergences(profiles));
    QCOMPARE(ranks.rowCount(), 2);
    pair.setRanks(&profiles[0], &profiles[1]);
    QCOMPARE(pair.rowCount(), 3);
    QCOMPARE(pair.firstDifference(), 2);
    trie.setSession(nullptr);
    ranks.setRanks({}, {});
    pair.setRanks(nullptr, nullptr);
}

void TestRecorded::openFolderShowsRanksDivergenceAndSideBySide() {
    auto w = makeWindow();
    const QString folder = dir_.filePath(QStringLiteral("run-%1").arg(counter_));
    QVERIFY(QDir().mkpath(folder));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_0_a.log"), makeLog("/home/u/gen.py", {2, 3}));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_1_b.log"), makeLog("/home/u/gen.py", {2, 3, 5})); // one more recompile
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_2_c.log"), makeLog("/home/u/gen.py", {2, 3}));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_3_d.log"), "");                                     // empty
    QVERIFY(open(*w, folder));
    RankOverviewView* view = w->rankView();
    QCOMPARE(view->model()->rowCount(), 4);
    QCOMPARE(view->model()->index(1, RankTableModel::Compiles).data().toLongLong(), 3LL);
    QVERIFY(view->model()->index(3, RankTableModel::Status).data().toString().startsWith(QStringLiteral("not imported")));
    QVERIFY(view->headingText().contains(QStringLiteral("could not be imported")));
    QVERIFY(view->divergenceList()->count() >= 1);
    QVERIFY(view->divergenceList()->item(0)->text().startsWith(QStringLiteral("Rank 1 diverges in compiles")));
    // the divergent rank side by side with the majority, the difference on the third compile
    QVERIFY(view->compareModel()->hasRanks());
    QCOMPARE(view->compareModel()->firstDifference(), 2);
    view->compareRanks(0, 2);
    QCOMPARE(view->compareModel()->firstDifference(), -1);
    // a divergence opens its rank's session
    QSignalSpy ready(w->sessions(), &SessionService::sessionReady);
    emit view->divergenceList()->itemDoubleClicked(view->divergenceList()->item(0));
    QVERIFY(ready.wait(kTimeoutMs));
    QCOMPARE(w->selection()->data()->session().compiles.size(), size_t(3));
    QCOMPARE(w->selection()->data()->session().info.metadata.at("rank"), std::string("1"));
}

void TestRecorded::twoRanksThatDifferNameNoCulprit() {
    // two ranks, one more recompile on rank 1: no majority, so neither "diverges"
    auto w = makeWindow();
    const QString folder = dir_.filePath(QStringLiteral("pair-%1").arg(counter_));
    QVERIFY(QDir().mkpath(folder));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_0.log"), makeLog("/home/u/gen.py", {2, 3}));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_1.log"), makeLog("/home/u/gen.py", {2, 3, 5}));
    QVERIFY(open(*w, folder));
    RankOverviewView* view = w->rankView();
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(view->divergenceList()->count() >= 1);
    for (int i = 0; i < view->divergenceList()->count(); ++i) {
        const QString text = view->divergenceList()->item(i)->text();
        QVERIFY2(text.startsWith(QStringLiteral("Ranks 0, 1 differ in ")) && text.contains(QStringLiteral("(no majority)")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("diverges")) && !text.contains(QStringLiteral("majority has")), qPrintable(text));
        QVERIFY2(text.count(QStringLiteral("no majority")) == 1, qPrintable(text)); // said once, not again by the detail
    }
    QVERIFY(view->divergenceList()->item(0)->text().startsWith(QStringLiteral("Ranks 0, 1 differ in compiles")));
    // both rows say so in the table, and the two ranks are side by side
    for (int row = 0; row < 2; ++row)
        QVERIFY(view->model()->index(row, RankTableModel::Diverges).data().toString().contains(QStringLiteral("no majority")));
    QVERIFY(view->compareModel()->hasRanks());
    QCOMPARE(view->compareModel()->firstDifference(), 2);
}

void TestRecorded::anImportedResetReachesTheWindowAsAnEvent() {
    // kernel compiled twice, torch._dynamo.reset(), then another function with the same ids
    auto w = makeWindow();
    const QString log = dir_.filePath(QStringLiteral("reset-%1.log").arg(counter_));
    write(log, makeLog("/home/u/gen.py", {2, 3}) + makeLog("/home/u/other.py", {4}, "helper"));
    QVERIFY(open(*w, log));
    const auto& s = w->selection()->data()->session();
    QCOMPARE(s.compiles.size(), size_t(3));
    QCOMPARE(s.resets.size(), size_t(1));
    // sent by the importer after kernel's frame and two compiles (inferring it from the ids
    // could not place it among the frames: the importer keeps frame ids unique)
    QCOMPARE(s.resets[0].frames, int64_t(1));
    QCOMPARE(s.resets[0].compiles, int64_t(2));
    QCOMPARE(w->selection()->data()->resets().size(), size_t(1));
    QCOMPARE(s.frameOf(s.compiles[2])->name, std::string("helper"));
}

void TestRecorded::droppedFolderOpensTheRankOverview() {
    auto w = makeWindow();
    const QString folder = dir_.filePath(QStringLiteral("drop-%1").arg(counter_));
    QVERIFY(QDir().mkpath(folder));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_0.log"), makeLog("/home/u/gen.py", {2}));
    write(folder + QStringLiteral("/dedicated_log_torch_trace_rank_1.log"), makeLog("/home/u/gen.py", {2}));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(folder)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(w.get(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy ready(w->sessions(), &SessionService::sessionReady);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(w.get(), &drop);
    QVERIFY(ready.wait(kTimeoutMs));
    QCOMPARE(w->rankView()->model()->rowCount(), 2);
    QVERIFY(w->rankView()->headingText().contains(QStringLiteral("every rank compiled the same")));
}

void TestRecorded::stackTrieSelectsCompilesAndFollowsTheSelection() {
    auto w = makeWindow();
    const QString log = dir_.filePath(QStringLiteral("trie.log"));
    write(log, makeLog("/home/u/gen.py", {2, 3, 4}));
    QVERIFY(open(*w, log));
    StackTrieView* view = w->stackTrieView();
    QTreeView* tree = view->tree();
    QCOMPARE(view->model()->nodes().size(), size_t(2));
    // selecting the frame `main` selects every compile under it: the cursor goes to the first
    w->selection()->setEntry(2);
    QCOMPARE(view->model()->nodeOf(tree->currentIndex()), 1); // followed the selection to `kernel`
    tree->setCurrentIndex(view->model()->indexOfNode(0));
    QCOMPARE(view->selectedCompiles(), (std::vector<int>{0, 1, 2}));
    QCOMPARE(w->selection()->entry(), 0);
    QVERIFY(view->headingText().contains(QStringLiteral("0/0, 0/1, 0/2")));
}

void TestRecorded::artifactsViewShowsTheLogsTextWithHighlighting() {
    auto w = makeWindow();
    const QString log = dir_.filePath(QStringLiteral("art.log"));
    write(log, makeLog("/home/u/gen.py", {2, 3}));
    // not recorded: the records are in memory
    gs::session::SessionBuilder b;
    gs::trace::importTraceFile(log.toStdString(), b);
    QSignalSpy ready(w->sessions(), &SessionService::sessionReady);
    w->sessions()->showSession(b.take());
    QVERIFY(ready.wait(kTimeoutMs));
    w->selection()->setEntry(1);
    ArtifactsView* view = w->artifactsView();
    QVERIFY(view->headingText().contains(QStringLiteral("0/1")));
    QVERIFY(view->selectArtifact(QStringLiteral("dynamo_output_graph")));
    QVERIFY(view->text().startsWith(QStringLiteral("class GraphModule(torch.nn.Module):")));
    QVERIFY(view->text().contains(QStringLiteral("f32[3][1]cpu")));
    QCOMPARE(view->language(), QStringLiteral("Python"));
    QVERIFY(view->selectArtifact(QStringLiteral("fx_graph_cache_hit")));
    QVERIFY(view->text().contains(QStringLiteral("\"key\": \"fkey1\"")));
    QCOMPARE(view->language(), QStringLiteral("JSON"));
    QVERIFY(view->selectArtifact(QStringLiteral("compilation_metrics")));
    QVERIFY(view->text().contains(QStringLiteral("\"guard_count\": 3")));
    QVERIFY(view->selectArtifact(QStringLiteral("dynamo_cpp_guards_str")));
    QVERIFY(view->text().contains(QStringLiteral("TREE_GUARD_MANAGER:")));
    QCOMPARE(view->language(), QString());
    QVERIFY(!view->selectArtifact(QStringLiteral("no such artifact")));
}

void TestRecorded::artifactsOfAStoredSessionAreReadFromTheHistory() {
    auto w = makeWindow();
    const QString log = dir_.filePath(QStringLiteral("stored.log"));
    write(log, makeLog("/home/u/gen.py", {2, 3}));
    QVERIFY(open(*w, log)); // recorded: the snapshot has no records, the view reads them back
    QVERIFY(w->selection()->data()->session().info.id > 0);
    QVERIFY(w->selection()->data()->session().records.empty());
    w->selection()->setEntry(1);
    QVERIFY(w->artifactsView()->selectArtifact(QStringLiteral("inductor_output_code")));
    QTRY_COMPARE_WITH_TIMEOUT(w->artifactsView()->text(), QStringLiteral("def call(args):\n    return (args[0] * 2,)"), kTimeoutMs);
    QCOMPARE(w->artifactsView()->language(), QStringLiteral("Python"));
}

void TestRecorded::sourcePaneShowsTheRecordedFileFoundHere() {
    auto w = makeWindow();
    // The log names /home/alice/proj/gen.py; here the file is in a checkout under the temp dir.
    const QString checkout = dir_.filePath(QStringLiteral("checkout/proj"));
    QVERIFY(QDir().mkpath(checkout));
    const std::string source = "import torch\n\n@torch.compile\ndef kernel(x):\n    return x * 2\n\n\nfor n in (2, 3):\n    kernel(torch.ones(n))\n";
    write(checkout + QStringLiteral("/gen.py"), source);
    const QString log = dir_.filePath(QStringLiteral("src.log"));
    write(log, makeLog("/home/alice/proj/gen.py", {2, 3}));
    QVERIFY(open(*w, log));
    QVERIFY(!w->editor()->showsSourceFile()); // not found yet
    w->traceSources()->setRoots({dir_.filePath(QStringLiteral("checkout"))});
    w->selection()->setEntry(0);
    w->selection()->setEntry(1);
    QVERIFY(w->editor()->showsSourceFile());
    QCOMPARE(w->editor()->text(), QString::fromStdString(source));
    QVERIFY(w->editor()->isReadOnly());
    QCOMPARE(w->traceSources()->shownLine(), 3);          // the compiled function's frame
    QVERIFY(w->editor()->hasMarker(3, ScenarioEditor::CursorLineMarker));
    QVERIFY(w->editor()->hasMarker(4, ScenarioEditor::ProvenanceMarker)); // TENSOR_MATCH from `return x * 2`
    // a mapping of the recorded prefix works too, and is remembered
    w->traceSources()->setRoots({});
    w->traceSources()->addMapping(QStringLiteral("/home/alice/proj"), checkout);
    QCOMPARE(QSettings().value(QStringLiteral("source/mappings")).toStringList().size(), 1);
    gs::session::StackFrame outer{"/home/alice/proj/gen.py", 20, "main", ""};
    emit w->stackTrieView()->frameActivated(outer);
    QCOMPARE(w->traceSources()->shownLine(), 20);
}

QTEST_MAIN(TestRecorded)
#include "tst_recorded.moc"
