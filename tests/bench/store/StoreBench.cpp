// Store speed (issue 4, "Speed"): rows written per second for a large session, time to list
// 10,000 sessions, and time and peak memory to open a session with 1,000,000 calls and read its
// recompiles. Run a Release build: bench_store --benchmark_counters_tabular=true
#include <sys/resource.h>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "core/store/SessionStore.h"
#include "tests/unit/store/SyntheticSession.h"

using namespace gs::session;
using namespace gs::store;
namespace fs = std::filesystem;

namespace {

fs::path benchDir() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("gs-store-bench-" + std::to_string(getpid()));
        fs::create_directories(d);
        std::atexit([] { std::error_code ec; fs::remove_all(fs::temp_directory_path() / ("gs-store-bench-" + std::to_string(getpid())), ec); });
        return d;
    }();
    return dir;
}

int64_t rowsOf(const Call& c) { return 1 + static_cast<int64_t>(c.args.size() + c.tried.size()); }

// Records `calls` calls (each: the call, 2 argument descriptions, 2 guard evaluations = 5 rows)
// through the recorder, in batched transactions as the engine would.
void BM_RecordLargeSession(benchmark::State& state) {
    const int64_t calls = state.range(0);
    std::vector<Call> prepared;  // built outside the timing: we measure the store, not the generator
    for (int64_t i = 0; i < 1000; ++i) prepared.push_back(gs::testing::syntheticCall(i, 0));
    int64_t rows = 0, run = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path path = benchDir() / ("record-" + std::to_string(run++) + ".db");
        auto store = SessionStore::open(path.string());
        state.ResumeTiming();
        auto rec = store->startRecorder();
        rec->beginSession(gs::testing::syntheticSession("large", 1, 0).info);
        for (int64_t i = 0; i < calls; ++i) {
            Call& c = prepared[static_cast<size_t>(i % 1000)];
            c.index = i;
            rec->call(c);
            rows += rowsOf(c);
        }
        rec->endSession(SessionStatus::Complete);
        if (rec->failed()) state.SkipWithError(rec->error().c_str());
        state.PauseTiming();
        rec.reset();
        store.reset();
        fs::remove(path);
        state.ResumeTiming();
    }
    state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
    state.counters["rows"] = static_cast<double>(rows) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_RecordLargeSession)->Arg(200'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same rows written by save() (one transaction for the whole session).
void BM_SaveLargeSession(benchmark::State& state) {
    Session s = gs::testing::syntheticSession("large", 2, state.range(0));
    int64_t rows = 0, run = 0;
    for (const auto& c : s.calls) rows += rowsOf(c);
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path path = benchDir() / ("save-" + std::to_string(run++) + ".db");
        auto store = SessionStore::open(path.string());
        state.ResumeTiming();
        benchmark::DoNotOptimize(store->save(s));
        state.PauseTiming();
        store.reset();
        fs::remove(path);
        state.ResumeTiming();
    }
    state.counters["rows_per_s"] =
        benchmark::Counter(static_cast<double>(rows * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SaveLargeSession)->Arg(200'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// A database with 10,000 small sessions, built once.
const std::string& tenThousandSessions() {
    static const std::string path = [] {
        std::string p = (benchDir() / "list.db").string();
        auto store = SessionStore::open(p);
        Session s = gs::testing::syntheticSession("listed", 1, 2);
        for (int i = 0; i < 10'000; ++i) {
            s.info.title = "session " + std::to_string(i);
            store->save(s);
        }
        return p;
    }();
    return path;
}

void BM_List10000Sessions(benchmark::State& state) {
    auto store = SessionStore::open(tenThousandSessions(), OpenMode::ReadOnly);
    for (auto _ : state) {
        auto rows = store->list();
        if (rows.size() != 10'000) state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(rows);
    }
}
BENCHMARK(BM_List10000Sessions)->Unit(benchmark::kMillisecond);

// One database holding sessions of 10k, 100k and 1M calls (call + 1 arg + 1 evaluation each),
// each with 2 frames, 8 compiles and 6 recompiles. Built once per process.
std::map<int64_t, int64_t>& bigSessions() {
    static std::map<int64_t, int64_t> ids;  // calls -> session id
    return ids;
}
const std::string& bigDatabase() {
    static const std::string path = [] {
        std::string p = (benchDir() / "big.db").string();
        auto store = SessionStore::open(p);
        for (int64_t n : {10'000, 100'000, 1'000'000}) {
            Session meta = gs::testing::syntheticSession("calls " + std::to_string(n), 2, 0);
            auto rec = store->startRecorder();
            rec->beginSession(meta.info);
            for (const auto& f : meta.frames) rec->frame(f);
            for (const auto& c : meta.compiles) rec->compile(c);
            for (const auto& r : meta.recompiles) rec->recompile(r);
            for (int64_t i = 0; i < n; ++i) rec->call(gs::testing::syntheticCall(i, static_cast<int>(i % 2), false));
            rec->endSession(SessionStatus::Complete);
            bigSessions()[n] = rec->sessionId();
        }
        return p;
    }();
    return path;
}

long maxRssKiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// What the GUI does when a session is opened: open the database, load the session without its
// calls, read its recompiles (and their reasons) and the first page of calls.
bool openSessionAndReadRecompiles(const std::string& path, int64_t id, int64_t expectedCalls) {
    auto store = SessionStore::open(path, OpenMode::ReadOnly);
    Session s = store->loadWithoutCalls(id);
    size_t reasons = 0;
    for (const auto& r : s.recompiles) reasons += r.reasons.size();
    auto page = store->calls(id, 0, 200);
    const int64_t total = store->row(id)->calls;
    benchmark::DoNotOptimize(s);
    return reasons > 0 && page.size() == 200 && total == expectedCalls;
}

void BM_OpenSessionAndReadRecompiles(benchmark::State& state) {
    const std::string& path = bigDatabase();
    const int64_t id = bigSessions().at(state.range(0));
    for (auto _ : state)
        if (!openSessionAndReadRecompiles(path, id, state.range(0))) state.SkipWithError("wrong session");
}
BENCHMARK(BM_OpenSessionAndReadRecompiles)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Peak memory of the same, measured in a fresh process (this binary re-run with --open-probe),
// since in this process the heap freed by earlier work hides any growth. The counters are the
// child's ru_maxrss before opening and at the end: flat across 10k..1M calls is the target.
void BM_OpenSessionPeakMemory(benchmark::State& state) {
    const std::string& path = bigDatabase();
    const int64_t id = bigSessions().at(state.range(0));
    long before = 0, after = 0;
    for (auto _ : state) {
        const std::string cmd = "/proc/" + std::to_string(getpid()) + "/exe --open-probe " + path + " " +
                                std::to_string(id) + " " + std::to_string(state.range(0));
        FILE* p = popen(cmd.c_str(), "r");
        if (!p || std::fscanf(p, "%ld %ld", &before, &after) != 2) state.SkipWithError("probe failed");
        if (p && pclose(p) != 0) state.SkipWithError("probe failed");
    }
    state.counters["rss_before_KiB"] = static_cast<double>(before);
    state.counters["peak_rss_KiB"] = static_cast<double>(after);
    state.counters["growth_KiB"] = static_cast<double>(after - before);
}
BENCHMARK(BM_OpenSessionPeakMemory)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// Paging through all calls of the 1M-call session, 10,000 at a time (the timeline scrolling).
void BM_PageThroughMillionCalls(benchmark::State& state) {
    const std::string& path = bigDatabase();
    const int64_t id = bigSessions().at(1'000'000);
    auto store = SessionStore::open(path, OpenMode::ReadOnly);
    int64_t rows = 0;
    for (auto _ : state) {
        for (int64_t first = 0; first < 1'000'000; first += 10'000) {
            auto page = store->calls(id, first, 10'000);
            rows += static_cast<int64_t>(page.size());
        }
    }
    state.counters["calls_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PageThroughMillionCalls)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::string(argv[1]) == "--open-probe") {
        const long before = maxRssKiB();
        const bool ok = openSessionAndReadRecompiles(argv[2], std::stoll(argv[3]), std::stoll(argv[4]));
        std::printf("%ld %ld\n", before, maxRssKiB());
        return ok ? 0 : 1;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
