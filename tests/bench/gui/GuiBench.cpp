// GUI benchmarks (issue 5 "Speed"): start to first paint for the seed; for a session with
// 100,000 calls and 1,000 recompiles the time to open it and the timeline's paint time per
// frame while scrolling (target < 16 ms); Graphviz layout of a 500-node guard tree (< 0.5 s).
// Runs offscreen: QT_QPA_PLATFORM is set to "offscreen" unless the caller chose a platform.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

#include <chrono>
#include <clocale>
#include <cstdio>
#include <memory>

#include "core/layout/GraphvizLayout.h"
#include "core/store/SessionStore.h"
#include "core/store/StoreCallPages.h"
#include "tests/gui/TestSessions.h"
#include "ui/graph/GraphCanvas.h"
#include "ui/shared/Selection.h"
#include "core/session/SessionIndex.h"
#include "ui/shared/Theme.h"
#include "ui/services/DataBackend.h"
#include "ui/views/TimelineWidget.h"
#include "ui/window/MainWindow.h"

using namespace gs::ui;

namespace {

constexpr int64_t kCalls = 100'000;
constexpr int kRecompiles = 1'000;

const gs::session::Session& bigSession() {
    static const gs::session::Session s = gs::testdata::big(kCalls, kRecompiles);
    return s;
}

QString scratchDir() {
    static QTemporaryDir dir;
    return dir.path();
}

// Waits for `signal`-like completion driven by `start`; returns elapsed seconds.
template <class Start, class Sender, class Signal>
double timeUntil(Sender* sender, Signal signal, Start start, int timeoutMs = 120000) {
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    auto c = QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    start();
    loop.exec();
    QObject::disconnect(c);
    return double(t.nsecsElapsed()) / 1e9;
}

// Milliseconds from `open()` to the window's first paint of the session it opens (-1: none).
template <class Open> double msToFirstPaint(MainWindow& w, Open open) {
    const auto start = std::chrono::steady_clock::now();
    w.setPaintClock(std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count());
    double ms = -1;
    auto c = QObject::connect(&w, &MainWindow::sessionPainted, [&](double v) { ms = v; });
    timeUntil(&w, &MainWindow::sessionPainted, open);
    QObject::disconnect(c);
    return ms;
}

// Indexing the snapshot (done on the data thread when a session opens).
void BM_IndexSession_100kCalls(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        auto copy = bigSession();
        state.ResumeTiming();
        auto data = gs::session::SessionIndex::make(std::move(copy));
        benchmark::DoNotOptimize(data);
    }
    state.counters["calls"] = double(kCalls);
}
BENCHMARK(BM_IndexSession_100kCalls)->Unit(benchmark::kMillisecond)->Iterations(3);

// Open in the main window: hand over the session, index it, swap every model, first paint.
void BM_OpenInWindow_100kCalls(benchmark::State& state) {
    MainWindow w(makeCoreBackend(scratchDir() + QStringLiteral("/open.db")));
    w.resize(1440, 900);
    w.show();
    for (auto _ : state) {
        auto copy = bigSession(); // the copy is not part of opening
        const auto start = std::chrono::steady_clock::now();
        w.setPaintClock(std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count());
        double ms = -1;
        auto c = QObject::connect(&w, &MainWindow::sessionPainted, [&](double v) { ms = v; });
        timeUntil(&w, &MainWindow::sessionPainted, [&] { w.sessions()->showSession(std::move(copy)); });
        QObject::disconnect(c);
        if (ms < 0) state.SkipWithError("the session was not painted");
        state.SetIterationTime(ms / 1000);
    }
}
BENCHMARK(BM_OpenInWindow_100kCalls)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

// Scrubbing: one cursor step with every view of the window following it (models swap their
// snapshots, the guard picture is restyled), then the repaint.
void BM_CursorStepAllViews_100kCalls(benchmark::State& state) {
    MainWindow w(makeCoreBackend(scratchDir() + QStringLiteral("/step.db")));
    w.resize(1440, 900);
    w.show();
    timeUntil(&w, &MainWindow::sessionPainted, [&] { w.sessions()->showSession(bigSession()); });
    Selection* sel = w.selection();
    int64_t pos = kCalls / 2;
    for (auto _ : state) {
        pos = (pos * 7919 + 13) % kCalls;
        sel->setCursor(pos);
        QApplication::processEvents(); // layout + paint of what changed
    }
}
BENCHMARK(BM_CursorStepAllViews_100kCalls)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Open from the SQLite history: load 100k calls, index, models, first paint.
void BM_OpenFromStore_100kCalls(benchmark::State& state) {
    const QString db = scratchDir() + QStringLiteral("/store.db");
    int64_t id = 0;
    {
        auto store = gs::store::SessionStore::open(db.toStdString());
        id = store->save(bigSession());
    }
    MainWindow w(makeCoreBackend(db));
    w.resize(1440, 900);
    w.show();
    for (auto _ : state) {
        const double ms = msToFirstPaint(w, [&] { w.openPath(QString::number(id)); });
        if (ms < 0) state.SkipWithError("the stored session was not painted");
        state.SetIterationTime(ms / 1000);
    }
}
BENCHMARK(BM_OpenFromStore_100kCalls)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);

// One frame of the timeline while scrolling, at a zoom level given in 1/100 px per call
// (0 = the whole session fitted to the width).
void BM_TimelinePaintWhileScrolling(benchmark::State& state) {
    static const gs::session::SessionIndexPtr data = gs::session::SessionIndex::make(bigSession());
    TimelineWidget tl;
    tl.resize(1200, 640);
    tl.show();
    tl.setSession(data);
    if (state.range(0) > 0) tl.setPixelsPerCall(double(state.range(0)) / 100);
    QImage frame(tl.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QScrollBar* sb = tl.horizontalScrollBar();
    int x = 0;
    int64_t cursor = 0;
    for (auto _ : state) {
        x = (x + 97) % std::max(1, sb->maximum() + 1); // a scroll step per frame
        sb->setValue(x);
        tl.setCursor(cursor = (cursor + 13) % kCalls);
        QPainter p(&frame);
        tl.paintTimeline(p, frame.size());
    }
    state.counters["px_per_call"] = tl.pixelsPerCall();
    state.counters["tracks"] = double(data->tracks().size());
}
BENCHMARK(BM_TimelinePaintWhileScrolling)->Arg(0)->Arg(10)->Arg(100)->Arg(800)->Unit(benchmark::kMillisecond);

// --- A stored session of 10,000,000 calls (issue 15 "Instant open"): opened from its chunk
// directory, calls read page by page. Made once per process by streaming the synthetic session
// into a store's recorder (the calls are never all in memory); rss_MB is the process's resident
// memory after the benchmark (the 10M calls are not resident).
constexpr int64_t kHugeCalls = 10'000'000;

struct HugeStore {
    QString db;
    int64_t id = 0;
};

// GS_BENCH_HUGE_DB=<file> keeps the 10M-call store between runs (made there if it has no
// session yet): recording it takes longer than the benchmarks that read it.
const HugeStore& hugeStore() {
    static const HugeStore h = [] {
        HugeStore out;
        out.db = qEnvironmentVariable("GS_BENCH_HUGE_DB", scratchDir() + QStringLiteral("/huge.db"));
        auto store = gs::store::SessionStore::open(out.db.toStdString());
        for (const auto& row : store->list())
            if (store->callCount(row.id) == kHugeCalls) {
                out.id = row.id;
                return out;
            }
        auto rec = store->startRecorder();
        gs::testdata::bigInto(kHugeCalls, 1000, 4, *rec);
        out.id = rec->sessionId();
        if (rec->failed()) qFatal("could not record the 10M-call session: %s", rec->error().c_str());
        return out;
    }();
    return h;
}

double residentMB() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Open from the history: chunk directory, index, models, first paint (target <= 200 ms).
void BM_OpenFromStore_10MCalls(benchmark::State& state) {
    const HugeStore& h = hugeStore();
    MainWindow w(makeCoreBackend(h.db));
    w.resize(1440, 900);
    w.show();
    for (auto _ : state) {
        const double ms = msToFirstPaint(w, [&] { w.openPath(QString::number(h.id)); });
        if (ms < 0) state.SkipWithError("the stored session was not painted");
        state.SetIterationTime(ms / 1000);
    }
    state.counters["calls"] = double(kHugeCalls);
    state.counters["rss_MB"] = residentMB();
}
BENCHMARK(BM_OpenFromStore_10MCalls)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

// One cursor step anywhere in the 10M calls with every view following (target < 16 ms).
void BM_CursorStepAllViews_10MCalls(benchmark::State& state) {
    const HugeStore& h = hugeStore();
    MainWindow w(makeCoreBackend(h.db));
    w.resize(1440, 900);
    w.show();
    timeUntil(&w, &MainWindow::sessionPainted, [&] { w.openPath(QString::number(h.id)); });
    Selection* sel = w.selection();
    int64_t pos = kHugeCalls / 2;
    for (auto _ : state) {
        pos = (pos * 7919 + 13) % kHugeCalls;
        sel->setCursor(pos);
        QApplication::processEvents();
    }
    state.counters["rss_MB"] = residentMB();
}
BENCHMARK(BM_CursorStepAllViews_10MCalls)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// One frame of the timeline of the 10M-call session while scrolling and zooming (target < 16 ms):
// 0 = fitted, else 1/100 px per call (1: 100 calls per pixel column; 800: 8 px per call).
void BM_TimelinePaintWhileScrolling_10MCalls(benchmark::State& state) {
    const HugeStore& h = hugeStore();
    auto store = gs::store::SessionStore::open(h.db.toStdString(), gs::store::OpenMode::ReadOnly);
    static const gs::session::SessionIndexPtr data =
        gs::session::SessionIndex::make(store->loadWithoutCalls(h.id), gs::store::StoreCallPages::open(h.db.toStdString(), h.id));
    TimelineWidget tl;
    tl.resize(1200, 640);
    tl.show();
    tl.setSession(data);
    if (state.range(0) > 0) tl.setPixelsPerCall(double(state.range(0)) / 100);
    QImage frame(tl.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QScrollBar* sb = tl.horizontalScrollBar();
    int x = 0;
    int64_t cursor = 0;
    for (auto _ : state) {
        x = int((int64_t(x) + 104729) % std::max(1, sb->maximum() + 1));  // a scroll step per frame
        sb->setValue(x);
        tl.setCursor(cursor = (cursor + 7919) % kHugeCalls);
        QPainter p(&frame);
        tl.paintTimeline(p, frame.size());
    }
    state.counters["px_per_call"] = tl.pixelsPerCall();
    state.counters["rss_MB"] = residentMB();
}
BENCHMARK(BM_TimelinePaintWhileScrolling_10MCalls)->Arg(0)->Arg(1)->Arg(100)->Arg(800)->Unit(benchmark::kMillisecond);

// Graphviz layout of a 500-node guard tree, with label sizes measured the way the view does.
void BM_GuardTreeLayout_500Nodes(benchmark::State& state) {
    const auto s = gs::testdata::wideGuardTree(500);
    const auto& guards = s.compiles.front().guards;
    GraphCanvas canvas;
    std::vector<GraphNodeStyle> styles;
    std::vector<std::pair<QString, QString>> edges;
    for (const auto& g : guards) {
        GraphNodeStyle st;
        st.id = QStringLiteral("guard:0:%1").arg(g.id);
        st.lines << QString::fromStdString(g.kind) << QString::fromStdString(g.source) << QString::fromStdString(g.code);
        styles.push_back(st);
        if (g.parent >= 0) edges.emplace_back(QStringLiteral("guard:0:%1").arg(g.parent), st.id);
    }
    const auto req = canvas.makeRequest(styles, edges, gs::layout::Direction::LeftToRight);
    gs::layout::LayoutResult result;
    for (auto _ : state) {
        result = gs::layout::GraphvizLayout::layout(req);
        if (!result.ok()) state.SkipWithError(result.error.c_str());
    }
    state.counters["nodes"] = double(req.nodes.size());
    // Drawing the result (scene items) is separate from the layout; report it too.
    QElapsedTimer t;
    t.start();
    canvas.setGraph(styles, result);
    state.counters["scene_build_ms"] = double(t.nsecsElapsed()) / 1e6;
}
BENCHMARK(BM_GuardTreeLayout_500Nodes)->Unit(benchmark::kMillisecond)->Iterations(5);

// A fresh `guardscope --bench-startup seed` process: start to first paint of the run seed.
void BM_StartToFirstPaint_Seed(benchmark::State& state) {
    for (auto _ : state) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GS_GUARDSCOPE_EXE), {QStringLiteral("--bench-startup"), QStringLiteral(GS_SHARED_DIR "/seeds/test_recompiles.py")});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            state.SkipWithError("guardscope --bench-startup failed");
            break;
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const auto at = out.indexOf(QStringLiteral("start_to_first_paint_ms "));
        if (at < 0) {
            state.SkipWithError("no timing printed");
            break;
        }
        const double ms = out.mid(at + 24).section(u'\n', 0, 0).toDouble();
        state.SetIterationTime(ms / 1000);
    }
}
BENCHMARK(BM_StartToFirstPaint_Seed)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C");
    QApplication::setOrganizationName(QStringLiteral("GuardscopeBench"));
    // Window layout and recent files go to a scratch folder, not the user's settings.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchDir());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
