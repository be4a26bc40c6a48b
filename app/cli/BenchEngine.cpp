// The engine section of `guardscope-cli bench` (see BenchCommand.cpp): the cost of a cache hit
// with and without recording, guard evaluation, a recompile, and a long scenario recorded by
// `guardscope-cli run` end to end (time, calls per second, peak memory).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/cli/BenchMeasure.h"
#include "core/engine/Engine.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/session/Session.h"
#include "core/store/SessionStore.h"
#include "core/torch/TorchBindings.h"

namespace gs::cli {
namespace {

using bench::Measurement;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

enum class Recording { None, Described, Stored };

// An engine in-process, for the micro-benchmarks. Stored: calls go to a recorder of a store in
// a temporary file, as `run` records them.
struct Bench {
    runtime::Interpreter I;
    runtime::InterpreterScope scope{I};
    torch::TorchContext ctx;
    session::SessionBuilder builder;
    std::unique_ptr<store::SessionStore> st;
    std::unique_ptr<store::Recorder> recorder;
    std::unique_ptr<engine::Engine> eng;
    runtime::Module* main = nullptr;
    explicit Bench(Recording rec, const std::string& dbPath = {}) {
        I.setOutput([](std::string_view) {});
        I.limits().maxSteps = INT64_MAX / 2;
        I.limits().maxSeconds = 0;
        torch::installTorch(I, ctx);
        engine::EngineOptions o;
        o.recordCalls = rec != Recording::None;
        builder.setKeepCalls(false);
        session::EventSink* sink = &builder;
        if (rec == Recording::Stored) {
            st = store::SessionStore::open(dbPath);
            recorder = st->startRecorder();
            sink = recorder.get();
        }
        eng = std::make_unique<engine::Engine>(I, ctx, *sink, o);
        eng->install();
        sink->beginSession(session::SessionInfo{});
    }
    runtime::Value get(const char* name) { return main->dict->getStr(name); }
};

const char* kHitScenario = R"PY(
import torch
f = torch.compile(lambda x, y: x * y, backend="eager")
x = torch.randn(4)
y = torch.randn(4)
f(x, y)
)PY";

Measurement hitOverhead(Recording rec, int64_t iterations, const std::string& dbPath) {
    return bench::inChild([&] {
        Bench b(rec, dbPath);
        b.main = b.I.runSource("<bench>", kHitScenario);
        runtime::Value f = b.get("f"), x = b.get("x"), y = b.get("y");
        int mul = b.ctx.opIndex("torch.mul");
        if (mul < 0) mul = b.ctx.opIndex("Tensor.__mul__");
        std::vector<runtime::Value> args{x, y};
        runtime::CallArgs ca{std::span<const runtime::Value>(args), {}};
        for (int64_t i = 0; i < 1000; ++i) b.I.call(f, ca);
        double c0 = bench::processCpuSeconds();
        for (int64_t i = 0; i < iterations; ++i) b.I.call(f, ca);
        if (b.recorder) b.recorder->flush();
        double perCall = (bench::processCpuSeconds() - c0) / double(iterations) * 1e9;
        double perMul = 0;
        if (mul >= 0) {
            double c1 = bench::processCpuSeconds();
            for (int64_t i = 0; i < iterations; ++i) b.ctx.runImpl(mul, ca);
            perMul = (bench::processCpuSeconds() - c1) / double(iterations) * 1e9;
        }
        char buf[160];
        std::snprintf(buf, sizeof buf, "%.0f ns per call, multiply alone %.0f ns, overhead %.0f ns", perCall, perMul,
                      perCall - perMul);
        Measurement m;
        m.cpuSeconds = perCall;
        m.value = buf;
        if (rec == Recording::None)
            m.value += "; guard tree alone " + std::to_string(int(b.eng->benchGuardCheck(f, ca, iterations) + 0.5)) + " ns";
        return m;
    });
}

// The guards a trace installs for what it reads through objects (issue 10): a method found on
// the class (with the not-shadowed guards of the MRO), an instance attribute, a global
// function, a closure passed as an argument and its cell, a dict item. One tensor op, so the
// overhead compares with the plain x * y hit.
const char* kObjectHitScenario = R"PY(
import torch


class Scaler:
    def __init__(self):
        self.k = 2

    def scale(self, t, m):
        return t * (self.k + m)


class Leaf(Scaler):
    pass


def make(n):
    def add(v):
        return v + n

    return add


def helper(v):
    return v - 1


s = Leaf()
table = {"w": 2}
f = torch.compile(lambda x, g: s.scale(x, helper(g(table["w"]))), backend="eager")
x = torch.randn(4)
g = make(3)
f(x, g)
)PY";

Measurement hitThroughObjects(int64_t iterations) {
    return bench::inChild([&] {
        Bench b(Recording::None);
        b.main = b.I.runSource("<bench>", kObjectHitScenario);
        runtime::Value f = b.get("f"), x = b.get("x"), g = b.get("g");
        std::vector<runtime::Value> args{x, g};
        runtime::CallArgs ca{std::span<const runtime::Value>(args), {}};
        for (int64_t i = 0; i < 1000; ++i) b.I.call(f, ca);
        double c0 = bench::processCpuSeconds();
        for (int64_t i = 0; i < iterations; ++i) b.I.call(f, ca);
        double perCall = (bench::processCpuSeconds() - c0) / double(iterations) * 1e9;
        int mul = b.ctx.opIndex("torch.mul");
        if (mul < 0) mul = b.ctx.opIndex("Tensor.__mul__");
        double perMul = 0;
        if (mul >= 0) {
            std::vector<runtime::Value> margs{x, runtime::Value::integer(7)};
            runtime::CallArgs mca{std::span<const runtime::Value>(margs), {}};
            double c1 = bench::processCpuSeconds();
            for (int64_t i = 0; i < iterations; ++i) b.ctx.runImpl(mul, mca);
            perMul = (bench::processCpuSeconds() - c1) / double(iterations) * 1e9;
        }
        int guards = 0;
        if (!b.builder.session().compiles.empty())
            for (const auto& gd : b.builder.session().compiles.back().guards)
                guards += gd.kind != "GuardManager" && gd.kind != "RootGuardManager";
        char buf[200];
        std::snprintf(buf, sizeof buf, "%.0f ns per call, multiply alone %.0f ns, overhead %.0f ns; guard tree alone %.0f ns (%d guards)",
                      perCall, perMul, perCall - perMul, b.eng->benchGuardCheck(f, ca, iterations), guards);
        Measurement m;
        m.cpuSeconds = perCall;
        m.value = buf;
        return m;
    });
}

Measurement recompiles() {
    return bench::inChild([] {
        Bench b(Recording::Described);
        std::string src = "import torch\n\ndef f(x):\n";
        for (int i = 0; i < 100; ++i) src += "    x = x + 1\n";
        src += "    return x\n\ng = torch.compile(f, backend='eager', dynamic=False)\ng(torch.ones(2))\n";
        b.main = b.I.runSource("<bench>", src);
        b.eng->config.set(*b.eng->config.find("recompile_limit"), int64_t(1000));
        runtime::Value g = b.get("g");
        runtime::Value ones = b.I.getAttr(runtime::Value(b.I.importModule("torch")), "ones");
        const int n = 200;
        double total = 0;
        for (int i = 0; i < n; ++i) {
            runtime::Value t = b.I.call(ones, {runtime::Value::integer(3 + i)});
            auto t0 = Clock::now();
            b.I.call(g, {t});
            total += seconds(t0, Clock::now());
        }
        char buf[160];
        std::snprintf(buf, sizeof buf, "%.3f ms per recompile (%d recompiles, %d entries in one cache)", total / n * 1e3, n, n + 1);
        Measurement m;
        m.value = buf;
        return m;
    });
}

void printLine(const char* what, const Measurement& m) {
    if (!m.ok()) {
        std::printf("  %s: failed: %s\n", what, m.error.c_str());
        return;
    }
    std::printf("  %s: %s [peak RSS %s]\n", what, m.value.c_str(), bench::megabytes(m.peakRssKiB).c_str());
}

} // namespace

void engineBenchmarks(int64_t iterations, int64_t calls) {
    auto dir = std::filesystem::temp_directory_path() / ("guardscope-bench-engine-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::printf("\nengine (targets: hit overhead <= 300 ns with recording, guard check <= 100 ns, 100-op recompile <= 1 ms)\n");
    printLine("cache hit on x * y (4 elements), nothing recorded", hitOverhead(Recording::None, iterations, {}));
    printLine("  ... calls described for the session (sink keeps none)", hitOverhead(Recording::Described, iterations, {}));
    printLine("  ... calls recorded to a database", hitOverhead(Recording::Stored, iterations, (dir / "hits.db").string()));
    printLine("cache hit through objects (method via the MRO, attribute, global function, closure cell, dict item)",
              hitThroughObjects(iterations));
    printLine("recompile of a 100-op function", recompiles());

    // The whole path a user takes: `guardscope-cli run` records a long scenario.
    auto scenario = dir / "calls.py";
    std::ofstream(scenario) << "import torch\nf = torch.compile(lambda x, y: x * y, backend=\"eager\")\n"
                               "x = torch.randn(4)\ny = torch.randn(4)\nfor i in range("
                            << calls << "):\n    f(x, y)\n";
    std::string self = bench::selfExecutable();
    std::printf("\nrecording (targets: %lld calls with peak RSS <= 200 MB at >= 2M calls/s end to end)\n", (long long)calls);
    for (bool record : {true, false}) {
        std::vector<std::string> argv{self, "run", scenario.string()};
        if (record) argv.insert(argv.end(), {"--db", (dir / "run.db").string()});
        else argv.push_back("--no-record");
        Measurement m = bench::runProcess(argv);
        const char* what = record ? "run, recorded to a database" : "run --no-record";
        if (!m.ok()) {
            std::printf("  %s: failed: %s\n", what, m.error.c_str());
            continue;
        }
        std::error_code ec;
        auto dbBytes = record ? std::filesystem::file_size(dir / "run.db", ec) : 0;
        std::printf("  %s: %.2f s (%.2fM calls/s, CPU %.2f s), peak RSS %s", what, m.wallSeconds,
                    double(calls) / m.wallSeconds / 1e6, m.cpuSeconds, bench::megabytes(m.peakRssKiB).c_str());
        if (record && !ec) std::printf(", database %.1f MB", double(dbBytes) / 1e6);
        std::printf("\n");
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

} // namespace gs::cli
