// The recording facade: what goes in (a scenario, a TORCH_TRACE log) comes out as the session in
// memory, in the store, to an observer and as progress, the same way for every caller.
#include "core/record/Recording.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "core/store/SessionStore.h"
#include "core/trace/TraceReader.h"

using namespace gs;

namespace {

const char* kScenario = R"PY(
import torch

def f(x):
    return x * 2

g = torch.compile(f)
g(torch.ones(2))
g(torch.ones(3))
g(torch.ones(4))
)PY";

struct CallCounter : session::EventSink {
    int calls = 0, compiles = 0;
    void call(const session::Call&) override { ++calls; }
    void compile(const session::CompileEntry&) override { ++compiles; }
};

std::filesystem::path tempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("gs_record_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

TEST(Recording, ScenarioGoesToTheSessionTheStoreAndTheObserver) {
    auto store = store::SessionStore::open(":memory:");
    CallCounter observer;
    record::RecordOptions o;
    o.store = store.get();
    o.observer = &observer;
    engine::RunOptions run;
    run.out = [](std::string_view) {};
    run.logOut = [](std::string_view) {};
    record::ScenarioRecording r = record::recordScenario("scenario.py", kScenario, run, o);
    EXPECT_EQ(r.run.exitCode, 0) << r.run.error;
    EXPECT_EQ(r.recorded.session.calls.size(), 3u);
    EXPECT_EQ(observer.calls, 3);
    EXPECT_EQ(observer.compiles, int(r.recorded.session.compiles.size()));
    EXPECT_EQ(r.recorded.status, session::SessionStatus::Complete);
    ASSERT_GT(r.recorded.storedId, 0);
    EXPECT_TRUE(r.recorded.storeError.empty());
    session::Session stored = store->load(r.recorded.storedId);
    EXPECT_EQ(stored.calls.size(), 3u);
    EXPECT_EQ(stored.compiles.size(), r.recorded.session.compiles.size());
}

TEST(Recording, WithoutAStoreNothingIsRecordedAndNothingFails) {
    record::RecordOptions o;
    engine::RunOptions run;
    run.out = [](std::string_view) {};
    run.logOut = [](std::string_view) {};
    record::ScenarioRecording r = record::recordScenario("scenario.py", kScenario, run, o);
    EXPECT_EQ(r.recorded.storedId, 0);
    EXPECT_FALSE(r.recorded.recorderStarted);
    EXPECT_TRUE(r.recorded.storeError.empty());
    EXPECT_EQ(r.recorded.session.calls.size(), 3u);
}

TEST(Recording, ProgressCountsCallsAndEveryEventStillArrives) {
    std::vector<int64_t> reported;
    record::RecordOptions o;
    o.progress = [&](const record::Progress& p) { reported.push_back(p.calls); };
    record::SessionRecorder rec(o);
    session::SessionInfo info;
    info.title = "before";
    rec.sink().beginSession(info);
    for (int64_t i = 0; i < 2 * record::RecordOptions::kProgressCalls + 5; ++i) rec.sink().call(session::Call{.index = i});
    info.title = "after";  // updateInfo passes the progress sink too
    rec.sink().updateInfo(info);
    rec.sink().endSession(session::SessionStatus::Interrupted);
    record::Recorded r = rec.finish();
    EXPECT_EQ(reported, (std::vector<int64_t>{record::RecordOptions::kProgressCalls, 2 * record::RecordOptions::kProgressCalls}));
    EXPECT_EQ(r.session.calls.size(), size_t(2 * record::RecordOptions::kProgressCalls + 5));
    EXPECT_EQ(r.session.info.title, "after");
    EXPECT_EQ(r.status, session::SessionStatus::Interrupted);
}

TEST(Recording, ImportOfARankDirectoryGivesOneRecordedSessionPerRank) {
    engine::RunOptions run;
    run.out = [](std::string_view) {};
    run.logOut = [](std::string_view) {};
    record::ScenarioRecording source = record::recordScenario("scenario.py", kScenario, run, {});
    const auto dir = tempDir("ranks");
    for (int rank : {0, 1})
        trace::exportTorchTrace(source.recorded.session,
                                (dir / ("dedicated_log_torch_trace_rank_" + std::to_string(rank) + "_abc.log")).string());
    auto store = store::SessionStore::open(":memory:");
    std::vector<std::unique_ptr<CallCounter>> observers;
    std::vector<double> fractions;
    record::RecordOptions o;
    o.store = store.get();
    o.keepSession = false;
    o.progress = [&](const record::Progress& p) { fractions.push_back(p.fraction); };
    record::ImportRecording r = record::recordImport(dir.string(), {}, o, [&](const std::string&) {
        observers.push_back(std::make_unique<CallCounter>());
        return observers.back().get();
    });
    EXPECT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.sessions.size(), 2u);
    ASSERT_EQ(r.reports.size(), 2u);
    ASSERT_EQ(observers.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_GT(r.sessions[i].storedId, 0);
        EXPECT_TRUE(r.sessions[i].session.compiles.empty());  // keepSession = false
        EXPECT_EQ(observers[i]->compiles, int(source.recorded.session.compiles.size()));
        EXPECT_EQ(store->load(r.sessions[i].storedId).compiles.size(), source.recorded.session.compiles.size());
    }
    EXPECT_NE(r.sessions[0].storedId, r.sessions[1].storedId);
    EXPECT_FALSE(fractions.empty());
    std::filesystem::remove_all(dir);
}

// Issue 9: an imported log's torch._dynamo.reset() reaches the live observer, the session and
// the store as the engine's does — sent by the importer, not inferred afterwards.
TEST(Recording, AnImportSendsTheResetsOfTheLogToEverySink) {
    const char* scenario = R"PY(
import torch

def foo(x):
    return x + 1

def bar(x):
    return x * 2

f = torch.compile(foo)
f(torch.ones(2))
f(torch.ones(3))
torch._dynamo.reset()
b = torch.compile(bar)
b(torch.ones(2))
torch._dynamo.reset()
f(torch.ones(2))
)PY";
    engine::RunOptions run;
    run.out = [](std::string_view) {};
    run.logOut = [](std::string_view) {};
    record::ScenarioRecording source = record::recordScenario("resets.py", scenario, run, {});
    const session::Session& engine = source.recorded.session;
    ASSERT_EQ(engine.resets.size(), 2u);
    const auto dir = tempDir("resets");
    const std::string log = (dir / "resets.log").string();
    trace::exportTorchTrace(engine, log);

    struct ResetCounter : session::EventSink {
        std::vector<session::Reset> resets;
        int compilesBefore = 0, compiles = 0;
        void compile(const session::CompileEntry&) override { ++compiles; }
        void reset(const session::Reset& r) override {
            resets.push_back(r);
            if (resets.size() == 1) compilesBefore = compiles;
        }
    } live;
    auto store = store::SessionStore::open(":memory:");
    record::RecordOptions o;
    o.store = store.get();
    record::ImportRecording r = record::recordImport(log, {}, o, [&](const std::string&) { return &live; });
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.sessions.size(), 1u);
    // live, as it happened: after foo's two compiles
    ASSERT_EQ(live.resets.size(), 2u);
    EXPECT_EQ(live.compilesBefore, 2);
    // in the session and in the store (rows, not inferred: inference cannot tell the frames)
    const session::Session& imported = r.sessions[0].session;
    const session::Session stored = store->load(r.sessions[0].storedId);
    ASSERT_EQ(imported.resets.size(), 2u);
    EXPECT_EQ(stored.resets, imported.resets);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(imported.resets[i].callIndex, engine.resets[i].callIndex) << i; // every call of this run compiles
        EXPECT_EQ(imported.resets[i].frames, engine.resets[i].frames) << i;
        EXPECT_EQ(imported.resets[i].compiles, engine.resets[i].compiles) << i;
        EXPECT_EQ(imported.resets[i].line, 0) << i; // a log does not say where reset() was called
    }
    EXPECT_EQ(imported.frameOf(imported.compiles.back())->name, "foo");
    std::filesystem::remove_all(dir);
}

TEST(Recording, AnUnreadableImportIsReturnedNotThrown) {
    record::ImportRecording r = record::recordImport("/nonexistent/trace.log", {}, {});
    EXPECT_NE(r.error.find("/nonexistent/trace.log"), std::string::npos) << r.error;
    // The importer asks for the file's sink before it opens the file: that session got nothing.
    ASSERT_EQ(r.sessions.size(), 1u);
    EXPECT_NE(r.sessions[0].status, session::SessionStatus::Complete);
    EXPECT_EQ(r.sessions[0].storedId, 0);
    EXPECT_TRUE(r.reports.empty());
}

namespace {

// Counts the calls the engine said repeat their frame's previous call (EventSink::repeatCall).
struct RepeatCounter : session::EventSink {
    int calls = 0, repeats = 0;
    void call(const session::Call&) override { ++calls; }
    void repeatCall(const session::Call&) override { ++repeats; }
};

// A long run with repeated hits (same tensors, new tensors each time), two call sites, ints
// that change, aliasing, a shape change (recompile), requires_grad flips, an in-place change
// of an argument's data, a nested compiled call through a graph break, and a reset.
const char* kLongRun = R"PY(
import torch

def f(x, y, n):
    return x * y + n

def inner(x):
    return x + 1

def outer(x):
    torch._dynamo.graph_break()
    return ci(x) * 2

g = torch.compile(f, backend="eager")
ci = torch.compile(inner, backend="eager")
co = torch.compile(outer, backend="eager")
a = torch.randn(4)
b = torch.randn(4)
for i in range(2500):
    g(a, b, 1)
    if i % 7 == 0:
        g(torch.randn(4), b, 1)
    if i % 11 == 0:
        g(a, b, i % 2)
    if i % 13 == 0:
        g(a, a, 1)
    if i % 400 == 0:
        g(torch.randn(5), b[0], 1)
    if i % 300 == 0:
        a.requires_grad_(not a.requires_grad)
    if i % 5 == 0:
        co(b)
    if i == 1700:
        b.add_(1)
        torch._dynamo.reset()
)PY";

} // namespace

TEST(Recording, ALongRunOfRepeatedHitsReadsBackExactlyFromTheStore) {
    // Issue 15: hits that repeat their frame's previous call are recorded as repeats; every
    // call must still read back exactly as the engine described it.
    auto store = store::SessionStore::open(":memory:");
    RepeatCounter counter;
    record::RecordOptions o;
    o.store = store.get();
    o.observer = &counter;
    engine::RunOptions run;
    run.out = [](std::string_view) {};
    run.logOut = [](std::string_view) {};
    record::ScenarioRecording r = record::recordScenario("long.py", kLongRun, run, o);
    ASSERT_EQ(r.run.exitCode, 0) << r.run.error;
    ASSERT_GT(r.recorded.storedId, 0) << r.recorded.storeError;
    const session::Session& built = r.recorded.session;
    ASSERT_GT(built.calls.size(), 3500u);
    EXPECT_EQ(counter.calls + counter.repeats, int(built.calls.size()));
    // g(a, b, 1) runs 2500 times; after each of the ~28% of iterations that call g otherwise
    // first, its next call is sent in full.
    EXPECT_GT(counter.repeats, 1500) << "the hot loop's hits go as repeats";
    EXPECT_GT(counter.calls, 300) << "changed arguments, recompiles and new tensors go in full";
    EXPECT_FALSE(built.resets.empty());
    session::Session stored = store->load(r.recorded.storedId);
    ASSERT_EQ(stored.calls.size(), built.calls.size());
    for (size_t i = 0; i < built.calls.size(); ++i) ASSERT_EQ(stored.calls[i], built.calls[i]) << "call " << i;
    EXPECT_EQ(stored.compiles, built.compiles);
    EXPECT_EQ(stored.resets, built.resets);
    // Page by page, as `sessions show` and the GUI read them.
    std::vector<session::Call> paged;
    for (int64_t first = 0; first <= built.calls.back().index; first += 1000)
        for (auto& c : store->calls(r.recorded.storedId, first, 1000)) paged.push_back(std::move(c));
    EXPECT_EQ(paged, built.calls);
}

// The store's recorder is the tee's last sink: an imported compile handed over (takeCompile) is
// taken by the recorder, which keeps it until its batch is written; the session and the
// observer see it whole first, and the store holds what they saw.
TEST(Recording, TheStoreTakesAnImportedCompileAfterTheSessionAndTheObserverSawIt) {
    engine::RunOptions run;
    run.out = [](std::string_view) {};
    run.logOut = [](std::string_view) {};
    record::ScenarioRecording source = record::recordScenario("scenario.py", kScenario, run, {});
    ASSERT_FALSE(source.recorded.session.compiles.empty());
    const auto dir = tempDir("take");
    const std::string log = (dir / "dedicated_log_torch_trace_rank_0.log").string();
    trace::exportTorchTrace(source.recorded.session, log);
    struct Observer : session::EventSink {
        int compiles = 0, taken = 0;
        void compile(const session::CompileEntry& c) override { compiles += !c.guards.empty(); }
        void takeCompile(session::CompileEntry&& c) override {
            ++taken;
            compile(c);
        }
    } observer;
    auto store = store::SessionStore::open(":memory:");
    record::RecordOptions o;
    o.store = store.get();
    record::ImportRecording r = record::recordImport(log, {}, o, [&](const std::string&) { return &observer; });
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.sessions.size(), 1u);
    const session::Session& built = r.sessions[0].session;
    EXPECT_EQ(observer.compiles, int(built.compiles.size())) << "the observer saw every entry whole";
    EXPECT_EQ(observer.taken, 0) << "the recorder, last, takes the entries";
    ASSERT_GT(r.sessions[0].storedId, 0) << r.sessions[0].storeError;
    EXPECT_EQ(store->load(r.sessions[0].storedId).compiles, built.compiles);
    std::filesystem::remove_all(dir);
}
