// Item models of the inspector: every model under QAbstractItemModelTester (constructed before
// any data is loaded), data-driven over sessions, plus exact dumps for the seed-like session.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QtTest>

#include "tests/gui/ModelDump.h"
#include "tests/gui/TestSessions.h"
#include "core/session/SessionIndex.h"
#include "ui/itemmodels/CacheEntryModel.h"
#include "ui/itemmodels/CallTableModel.h"
#include "ui/itemmodels/CompareModel.h"
#include "ui/itemmodels/DemoModel.h"
#include "ui/itemmodels/GraphNodeModel.h"
#include "ui/itemmodels/GuardTreeModel.h"
#include "ui/itemmodels/LogFilterModel.h"
#include "ui/itemmodels/LogModel.h"
#include "ui/itemmodels/ReasonModel.h"
#include "ui/itemmodels/Roles.h"
#include "ui/itemmodels/SessionListModel.h"
#include "ui/itemmodels/ShapeModel.h"
#include "ui/itemmodels/TestResultModel.h"
#include "ui/services/DataBackend.h"
#include "ui/services/DemoCatalog.h"
#include "ui/shared/Theme.h"

using namespace gs::ui;
using gs::session::Session;
using Mode = QAbstractItemModelTester::FailureReportingMode;

Q_DECLARE_METATYPE(std::shared_ptr<const gs::session::Session>)

namespace {

// Sessions the data-driven tests run over: synthetic ones always; the recorded demos once
// this build has the engine (they then come from real runs of resources/demos/*.py).
std::vector<std::pair<QString, std::shared_ptr<const Session>>> sessions() {
    std::vector<std::pair<QString, std::shared_ptr<const Session>>> out;
    out.emplace_back(QStringLiteral("seed-like"), std::make_shared<Session>(gs::testdata::seedLike()));
    out.emplace_back(QStringLiteral("trace-like"), std::make_shared<Session>(gs::testdata::traceLike()));
    out.emplace_back(QStringLiteral("empty"), std::make_shared<Session>());
    out.emplace_back(QStringLiteral("big"), std::make_shared<Session>(gs::testdata::big(3000, 60, 7)));
    out.emplace_back(QStringLiteral("wide guard tree"), std::make_shared<Session>(gs::testdata::wideGuardTree(120)));
    auto backend = makeCoreBackend(QDir::temp().filePath(QStringLiteral("gs-tst-models-%1.db").arg(QCoreApplication::applicationPid())));
    if (backend->canRunScenarios()) {
        for (const auto& demo : DemoCatalog::scan(QStringLiteral(GS_SOURCE_DIR "/resources/demos"))) {
            QFile f(demo.path);
            if (!f.open(QIODevice::ReadOnly)) continue;
            LoadResult r = backend->runScenario(demo.path, QString::fromUtf8(f.readAll()), false, {}, {});
            if (r.session) out.emplace_back(QStringLiteral("demo ") + QFileInfo(demo.path).fileName(), r.session);
        }
    }
    return out;
}

std::vector<int64_t> cursors(const gs::session::SessionIndex& d) {
    const int64_t n = d.callCount();
    std::vector<int64_t> out = {0, n / 3, n / 2, n - 1};
    for (int64_t p : d.compilePositions()) {
        out.push_back(p);
        if (out.size() > 40) break;
    }
    return out;
}

int rowWithText(const QAbstractItemModel& m, int column, const QString& text, const QModelIndex& parent = {}) {
    for (int r = 0; r < m.rowCount(parent); ++r)
        if (m.index(r, column, parent).data().toString() == text) return r;
    return -1;
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void everyModelPassesTheTesterAtEveryCursor_data();
    void everyModelPassesTheTesterAtEveryCursor();
    void sessionListAndDemoModelsPassTheTester();

    void recompileCallsResolveToTheEntryTheyCreated();
    void guardResultsMarkTheFirstFailureAndWhatWasNotEvaluated();
    void cacheEntriesShowHitCountsAtTheCursor();
    void cacheEntriesAfterTheLimitShowTheRunOnlyFrame();
    void reasonModelShowsCategoryExpectedActualAndFix();
    void shapeModelShowsSizesSymbolsDuckGroupsAndPromotion();
    void logModelDimsLinesAfterTheCursorAndFiltersByChannel();
    void testResultModelLinksFailuresToTheirLine();
    void traceSessionsGetOneStepPerCompile();
    void framesAfterAResetGetTheirOwnRowAndEmptyTheCache();
    void compareModelShowsDifferences();
    void callTableMarksStaleHits();
    void demoCatalogReadsTitleAndExplanation();
};

void TestModels::everyModelPassesTheTesterAtEveryCursor_data() {
    QTest::addColumn<std::shared_ptr<const Session>>("session");
    for (const auto& [name, s] : sessions()) QTest::newRow(qPrintable(name)) << s;
}

void TestModels::everyModelPassesTheTesterAtEveryCursor() {
    QFETCH(std::shared_ptr<const Session>, session);
    CallTableModel calls;
    CacheEntryModel entries;
    GuardTreeModel guards;
    ReasonModel reasons;
    ShapeModel shapes;
    GraphNodeModel graph;
    LogModel logs;
    LogFilterModel logFilter;
    logFilter.setSourceModel(&logs);
    TestResultModel tests;
    CompareModel compare;
    // Testers first: they must see the models go from empty to loaded.
    QAbstractItemModelTester t1(&calls, Mode::QtTest), t2(&entries, Mode::QtTest), t3(&guards, Mode::QtTest),
        t4(&reasons, Mode::QtTest), t5(&shapes, Mode::QtTest), t6(&graph, Mode::QtTest), t7(&logs, Mode::QtTest),
        t8(&logFilter, Mode::QtTest), t9(&tests, Mode::QtTest), t10(&compare, Mode::QtTest);

    const gs::session::SessionIndexPtr data = gs::session::SessionIndex::make(*session);
    calls.setSession(data);
    logs.setSession(data);
    tests.setSession(data);
    compare.setSessions(data, gs::session::SessionIndex::make(gs::testdata::seedLike()));
    QCOMPARE(calls.rowCount(), int(data->callCount()));
    QCOMPARE(logs.rowCount(), int(data->session().logs.size()));
    QCOMPARE(tests.rowCount(), int(data->session().tests.size()));
    for (int64_t cursor : cursors(*data)) {
        calls.setCursor(cursor);
        logs.setCursor(cursor);
        entries.setState(data, cursor);
        const int entry = data->entryOfCall(cursor);
        guards.setState(data, entry, cursor);
        graph.setState(data, entry);
        reasons.setState(data, data->recompileAtCall(cursor));
        shapes.setState(data, data->trackOfCall(cursor), cursor);
        if (entry >= 0) {
            QCOMPARE(guards.rowCount() > 0, !data->session().compiles[size_t(entry)].guards.empty());
            QVERIFY(entries.indexOfEntry(entry).isValid());
        }
        logFilter.setChannels({QStringLiteral("recompiles")});
        logFilter.setHideFuture(true);
        logFilter.setChannels({});
        logFilter.setHideFuture(false);
    }
    // Every entry's guard tree for every call that tried it.
    for (size_t e = 0; e < std::min<size_t>(data->session().compiles.size(), 30); ++e)
        guards.setState(data, int(e), data->createdAt(int(e)) + 1);
    guards.setState(nullptr, -1, -1);
    QCOMPARE(guards.rowCount(), 0);
}

void TestModels::sessionListAndDemoModelsPassTheTester() {
    SessionListModel list;
    DemoModel demos;
    QAbstractItemModelTester t1(&list, Mode::QtTest), t2(&demos, Mode::QtTest);
    gs::store::SessionRow a;
    a.id = 3;
    a.title = "first";
    a.calls = 12;
    gs::store::SessionRow b = a;
    b.id = 9;
    b.title = "second";
    list.setRows({a, b});
    QCOMPARE(list.rowCount(), 2);
    QCOMPARE(list.indexOfSession(9).row(), 1);
    QCOMPARE(list.index(1, SessionListModel::Title).data().toString(), QStringLiteral("second"));
    list.setRows({});
    demos.setDemos(DemoCatalog::scan(QStringLiteral(GS_SOURCE_DIR "/resources/demos")));
    demos.setDemos({});
}

void TestModels::recompileCallsResolveToTheEntryTheyCreated() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    QCOMPARE(d->callKind(1), gs::session::CallKind::Recompile);
    const int e = d->entryOfCall(1);
    QCOMPARE(QString::fromStdString(d->session().compiles[size_t(e)].compileId), QStringLiteral("0/1"));
    QCOMPARE(d->createdAt(e), int64_t(1));
    const int r = d->recompileAtCall(1);
    QVERIFY(r >= 0);
    QCOMPARE(d->recompileOfEntry(e), r);
    QCOMPARE(d->previousEntry(e), d->resolveEntry("0/0", 1));
    // Hits run the entry they hit.
    QCOMPARE(d->entryOfCall(2), e);
    QCOMPARE(d->callKind(2), gs::session::CallKind::Hit);
}

void TestModels::guardResultsMarkTheFirstFailureAndWhatWasNotEvaluated() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    GuardTreeModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    const int old = d->resolveEntry("0/0", 1);
    m.setState(d, old, 1); // call 1 tried 0/0 and failed on x's size
    const QStringList expected = {
        "RootGuardManager | failed",
        "  GLOBAL_STATE | passed",
        "  DEFAULT_DEVICE | passed",
        "  GuardManager | failed",
        "    TENSOR_MATCH | failed (first)",
        "    NO_HASATTR | not evaluated",
        "  GuardManager | not evaluated",
        "    TENSOR_MATCH | not evaluated",
        "    NO_HASATTR | not evaluated",
        "  NO_TENSOR_ALIASING | not evaluated",
    };
    QCOMPARE(gs::testdata::dump(m, {GuardTreeModel::Kind, GuardTreeModel::Result}), expected);
    QCOMPARE(m.firstFailure(), 4);
    QCOMPARE(m.indexOfGuard(4).data(Qt::FontRole).value<QFont>().bold(), true);
    QCOMPARE(m.guardsOfLine(gs::testdata::SeedLines::fooBody).size(), size_t(5));
    // A call that hit the entry passed every guard; a call that never tried it evaluated none.
    const int dyn = d->resolveEntry("0/1", 3);
    m.setState(d, dyn, 3);
    QCOMPARE(m.index(0, GuardTreeModel::Result).data().toString(), QStringLiteral("passed"));
    m.setState(d, dyn, 0);
    QCOMPARE(m.index(0, GuardTreeModel::Result).data().toString(), QStringLiteral("not evaluated"));
}

void TestModels::cacheEntriesShowHitCountsAtTheCursor() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    CacheEntryModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    m.setState(d, 0);
    QCOMPARE(gs::testdata::dump(m, {CacheEntryModel::Name, CacheEntryModel::Status, CacheEntryModel::Hits, CacheEntryModel::CreatedBy}),
             QStringList({"foo (scenario.py:4) | 1 cached | 0 | ", "  0/0 | created now | 0 | call #0"}));
    m.setState(d, 4); // after two hits of 0/1
    QCOMPARE(gs::testdata::dump(m, {CacheEntryModel::Name, CacheEntryModel::Hits, CacheEntryModel::CreatedBy, CacheEntryModel::Reason}),
             QStringList({"foo (scenario.py:4) | 3 |  | ", "  0/1 | 3 | call #1 | size change", "  0/0 | 0 | call #0 | "}));
}

void TestModels::cacheEntriesAfterTheLimitShowTheRunOnlyFrame() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    CacheEntryModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    m.setState(d, d->callCount() - 1);
    const int frameRow = rowWithText(m, CacheEntryModel::Name, QStringLiteral("step_fn (scenario.py:54)"));
    QVERIFY(frameRow >= 0);
    const QModelIndex frame = m.index(frameRow, 0);
    QCOMPARE(m.rowCount(frame), 8); // 3/0 .. 3/7; the limit-hit attempt made no entry
    QCOMPARE(m.index(0, CacheEntryModel::Name, frame).data().toString(), QStringLiteral("3/7"));
    QCOMPARE(d->callKind(d->callCount() - 1), gs::session::CallKind::RunOnly);
}

void TestModels::reasonModelShowsCategoryExpectedActualAndFix() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    ReasonModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    // The third call of the bool-flip frame: both older entries rejected it, newest first.
    int64_t pos = -1;
    for (int64_t p = 0; p < d->callCount(); ++p)
        if (d->call(p).entryId == "1/2" && d->callKind(p) == gs::session::CallKind::Recompile) pos = p;
    QVERIFY(pos >= 0);
    m.setState(d, d->recompileAtCall(pos));
    QCOMPARE(gs::testdata::dump(m, {ReasonModel::FailedEntry, ReasonModel::Category, ReasonModel::Source, ReasonModel::Expected,
                                    ReasonModel::Actual}),
             QStringList({"1/1 | bool flip | x | False | True", "1/0 | size change | y dim 0 | 2 | 3"}));
    QVERIFY(m.index(1, ReasonModel::Fix).data().toString().contains(QStringLiteral("mark_dynamic")));
    QCOMPARE(m.index(1, 0).data(EntryRole).toInt(), d->resolveEntry("1/0", pos));
}

void TestModels::shapeModelShowsSizesSymbolsDuckGroupsAndPromotion() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    ShapeModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    m.setState(d, 0, 6);
    QCOMPARE(m.callColumnCount(), 7);
    QCOMPARE(gs::testdata::dump(m, {ShapeModel::Input, ShapeModel::Dim, ShapeModel::SizesSeen, ShapeModel::Symbol, ShapeModel::Range,
                                    ShapeModel::DuckGroup, ShapeModel::PromotedAt}),
             QStringList({"x | 0 | 2, 3, 4, 5, 6 | s0 | [2, int_oo] | s0: x[0], y[0] | #1 (2 -> 3)",
                          "y | 0 | 2, 3, 4, 5, 6 | s0 |  | s0: x[0], y[0] | #1 (2 -> 3)"}));
    QCOMPARE(m.index(0, ShapeModel::FixedColumns + 1).data().toString(), QStringLiteral("3"));
    QCOMPARE(m.headerData(ShapeModel::FixedColumns + 1, Qt::Horizontal).toString(), QStringLiteral("#1"));
    // Before the promotion there is no symbol yet: the view shows the state at the cursor.
    m.setState(d, 0, 0);
    QCOMPARE(m.index(0, ShapeModel::Symbol).data().toString(), QString());
    QCOMPARE(m.callColumnCount(), 1);
}

void TestModels::logModelDimsLinesAfterTheCursorAndFiltersByChannel() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    LogModel m;
    LogFilterModel f;
    f.setSourceModel(&m);
    QAbstractItemModelTester tester(&m, Mode::QtTest), tester2(&f, Mode::QtTest);
    m.setSession(d);
    QVERIFY(m.channels().contains(QStringLiteral("recompiles")));
    QVERIFY(m.channels().contains(QStringLiteral("warning")));
    m.setCursor(0);
    int future = 0;
    for (int r = 0; r < m.rowCount(); ++r) future += m.index(r, 0).data(FutureRole).toBool();
    QVERIFY(future > 0 && future < m.rowCount());
    f.setChannels({QStringLiteral("recompiles")});
    const int recompileLines = f.rowCount();
    QCOMPARE(recompileLines, int(d->session().recompiles.size()));
    f.setHideFuture(true);
    QCOMPARE(f.rowCount(), 0); // no recompile has happened at call 0
    f.setHideFuture(false);
    f.setText(QStringLiteral("size mismatch"));
    QVERIFY(f.rowCount() > 0 && f.rowCount() < recompileLines);
}

void TestModels::testResultModelLinksFailuresToTheirLine() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::seedLike());
    TestResultModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    m.setSession(d);
    const int row = rowWithText(m, TestResultModel::Status, QStringLiteral("fail"));
    QVERIFY(row >= 0);
    QCOMPARE(m.index(row, 0).data(LineRole).toInt(), gs::testdata::SeedLines::failingAssert);
    QCOMPARE(m.index(row, TestResultModel::Message).data().toString(), QStringLiteral("AssertionError: 3 != 2"));
}

void TestModels::traceSessionsGetOneStepPerCompile() {
    const auto d = gs::session::SessionIndex::make(gs::testdata::traceLike());
    QVERIFY(d->stepsAreCompiles());
    QCOMPARE(d->callCount(), int64_t(d->session().compiles.size()));
    // The recompile of 0/1 is found at its compile's step, so the reasons view works.
    const int e = d->resolveEntry("0/1", INT64_MAX);
    QVERIFY(d->recompileOfEntry(e) >= 0);
    QCOMPARE(d->callKind(d->createdAt(e)), gs::session::CallKind::Recompile);
}

void TestModels::framesAfterAResetGetTheirOwnRowAndEmptyTheCache() {
    // torch._dynamo.reset() restarts frame and compile ids (dynamo-semantics §1.6): `bar` gets
    // frame id 0 and compile id 0/0 again; `foo` after a second reset is the same function.
    Session s;
    s.frames = {{0, "foo", "a.py", 1}, {0, "bar", "a.py", 10}, {0, "foo", "a.py", 1}};
    auto call = [&](int64_t i, gs::session::CallOutcome o) {
        gs::session::Call c;
        c.index = i;
        c.frameId = 0;
        c.outcome = o;
        c.entryId = "0/0";
        return c;
    };
    using O = gs::session::CallOutcome;
    s.calls = {call(0, O::Compiled), call(1, O::Hit), call(2, O::Compiled), call(3, O::Hit), call(4, O::Compiled), call(5, O::Hit)};
    for (int64_t at : {0, 2, 4}) s.compiles.push_back({.compileId = "0/0", .frameId = 0, .causedByCall = at});
    const auto d = gs::session::SessionIndex::make(s);
    QCOMPARE(d->tracks().size(), size_t(2));
    QCOMPARE(d->trackOfCall(1), 0);
    QCOMPARE(d->trackOfCall(2), 1);
    QCOMPARE(d->trackOfCall(5), 0);
    QCOMPARE(QString::fromStdString(d->frameOfCall(3)->name), QStringLiteral("bar"));
    QCOMPARE(d->resets(), (std::vector<int64_t>{2, 4}));
    QCOMPARE(d->entryOfCall(3), 1);
    QVERIFY(d->aliveAt(0, 1));
    QVERIFY(!d->aliveAt(0, 2)); // foo's entry went with the reset
    QCOMPARE(d->entriesOfTrack(0), (std::vector<int>{0, 2}));
    QCOMPARE(d->hitsAt(2, 5), int64_t(1));
    CacheEntryModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    m.setState(d, 3);
    QCOMPARE(gs::testdata::dump(m, {CacheEntryModel::Name, CacheEntryModel::Status}),
             QStringList({"foo (a.py:1) | 0 cached", "  0/0 | reset", "bar (a.py:10) | 1 cached", "  0/0 | hit now"}));
}

void TestModels::callTableMarksStaleHits() {
    // A hit `run --verify` found stale says so in the Outcome column, in the stale colour, with
    // the report as its tooltip; other hits are unchanged.
    Session s = gs::testdata::seedLike();
    int64_t staleAt = -1, otherHit = -1;
    for (size_t i = 0; i < s.calls.size(); ++i) {
        auto& c = s.calls[i];
        if (c.outcome != gs::session::CallOutcome::Hit) continue;
        c.verified = true;
        if (staleAt < 0) {
            staleAt = int64_t(i);
            c.stale = "stale entry " + c.entryId + " at call #" + std::to_string(c.index) + " (a.py:3): a guard is missing";
        } else if (otherHit < 0) {
            otherHit = int64_t(i);
        }
    }
    QVERIFY(staleAt >= 0 && otherHit >= 0);
    CallTableModel calls;
    QAbstractItemModelTester tester(&calls, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto d = gs::session::SessionIndex::make(s);
    QCOMPARE(d->staleHits(), std::vector<int64_t>{staleAt});
    calls.setSession(d);
    const QModelIndex stale = calls.index(int(staleAt), CallTableModel::Outcome);
    QCOMPARE(stale.data().toString(), QStringLiteral("hit — STALE"));
    QCOMPARE(stale.data(Qt::ForegroundRole).value<QColor>(), Theme::staleColor());
    QVERIFY(stale.data(Qt::ToolTipRole).toString().contains(QStringLiteral("a guard is missing")));
    QVERIFY(calls.index(int(staleAt), CallTableModel::Index).data(Qt::ToolTipRole).toString().contains(QStringLiteral("a guard is missing")));
    QCOMPARE(calls.index(int(otherHit), CallTableModel::Outcome).data().toString(), QStringLiteral("hit"));
    QVERIFY(calls.index(int(otherHit), CallTableModel::Outcome).data(Qt::ForegroundRole).value<QColor>() != Theme::staleColor());
}

void TestModels::compareModelShowsDifferences() {
    CompareModel m;
    QAbstractItemModelTester tester(&m, Mode::QtTest);
    auto a = gs::session::SessionIndex::make(gs::testdata::seedLike());
    Session changed = gs::testdata::seedLike();
    changed.info.title = "changed";
    changed.recompiles.pop_back(); // the limit-hit attempt is not counted as a recompile anyway
    changed.compiles.pop_back();
    m.setSessions(a, gs::session::SessionIndex::make(changed));
    QCOMPARE(m.headerData(CompareModel::Right, Qt::Horizontal).toString(), QStringLiteral("changed"));
    const int row = rowWithText(m, CompareModel::Metric, QStringLiteral("Compiles"));
    QVERIFY(row >= 0);
    QCOMPARE(m.index(row, CompareModel::Difference).data().toString(), QStringLiteral("-1"));
    QCOMPARE(m.index(rowWithText(m, CompareModel::Metric, QStringLiteral("Calls")), CompareModel::Difference).data().toString(),
             QStringLiteral("="));
}

void TestModels::demoCatalogReadsTitleAndExplanation() {
    const Demo d = DemoCatalog::parse(QStringLiteral("/x/bool_flip.py"),
                                      QStringLiteral("# A bool argument flips\n#\n# Each value of a bool gets its own\n# graph.\nimport torch\n# later\n"));
    QCOMPARE(d.title, QStringLiteral("A bool argument flips"));
    QCOMPARE(d.explanation, QStringLiteral("Each value of a bool gets its own graph."));
    const Demo plain = DemoCatalog::parse(QStringLiteral("/x/int_value.py"), QStringLiteral("# Only one paragraph here.\nx = 1\n"));
    QCOMPARE(plain.title, QStringLiteral("Int value"));
    QCOMPARE(plain.explanation, QStringLiteral("Only one paragraph here."));
    const auto demos = DemoCatalog::scan(QStringLiteral(GS_SOURCE_DIR "/resources/demos"));
    for (const auto& demo : demos) {
        QVERIFY2(!demo.title.isEmpty(), qPrintable(demo.path));
        QVERIFY2(demo.explanation.size() > 40, qPrintable(demo.path + ": " + demo.explanation));
    }
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
