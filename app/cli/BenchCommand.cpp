// `guardscope-cli bench`: speed numbers, measured here and now (never asserted by tests).
//   interpreter: three pure-Python programs timed in Guardscope and in python3 (if installed)
//   engine: cache-hit call overhead, guard evaluation, a 100-op recompile, a million calls
#include <sys/resource.h>

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/Command.h"
#include "core/engine/Engine.h"
#include "core/engine/ScenarioRunner.h"
#include "core/torch/TorchBindings.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"

namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;

namespace gs::cli {
namespace {

struct Program {
    const char* name;
    const char* source;
};

const Program kPrograms[] = {
    {"counting loop", R"PY(
def count():
    i = 0
    while i < 3000000:
        i += 1
    total = 0
    for j in range(3000000):
        total += j
    return i + total

print(count())
)PY"},
    {"recursive fib(25)", R"PY(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(25))
)PY"},
    {"method calls", R"PY(
class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self

    def value(self):
        return self.n


def run():
    c = Counter()
    for i in range(1000000):
        c.add(i)
    return c.value()

print(run())
)PY"},
};

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double timeGuardscope(const std::string& src) {
    runtime::Interpreter I;
    runtime::InterpreterScope scope(I);
    I.limits().maxSteps = INT64_MAX / 2;
    I.limits().maxSeconds = 0;
    I.setOutput([](std::string_view) {});
    auto t0 = Clock::now();
    I.runSource("<bench>", src);
    return seconds(t0, Clock::now());
}

// python3 times the program itself (perf_counter around it), so interpreter start-up is left out
// on both sides. Best of `repeat` runs.
double timePython(const std::string& src, int repeat) {
    if (std::system("command -v python3 >/dev/null 2>&1") != 0) return -1;
    auto path = std::filesystem::temp_directory_path() / "guardscope-bench.py";
    std::ofstream(path) << "import sys, time as _t\n_t0 = _t.perf_counter()\n" << src
                        << "\nprint(_t.perf_counter() - _t0, file=sys.stderr)\n";
    double best = -1;
    for (int i = 0; i < repeat; ++i) {
        FILE* p = popen(("python3 " + path.string() + " 2>&1 >/dev/null").c_str(), "r");
        if (!p) break;
        char buf[128] = {};
        bool got = std::fgets(buf, sizeof buf, p) != nullptr;
        int rc = pclose(p);
        if (!got || rc != 0) break;
        double s = std::strtod(buf, nullptr);
        if (best < 0 || s < best) best = s;
    }
    std::filesystem::remove(path);
    return best;
}

long peakRssKiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// An engine in-process, for the micro-benchmarks.
struct Bench {
    runtime::Interpreter I;
    runtime::InterpreterScope scope{I};
    torch::TorchContext ctx;
    session::SessionBuilder sink;
    std::unique_ptr<engine::Engine> eng;
    runtime::Module* main = nullptr;
    explicit Bench(bool recordCalls) {
        I.setOutput([](std::string_view) {});
        I.limits().maxSteps = INT64_MAX / 2;
        I.limits().maxSeconds = 0;
        torch::installTorch(I, ctx);
        engine::EngineOptions o;
        o.recordCalls = recordCalls;
        sink.setKeepCalls(false);
        eng = std::make_unique<engine::Engine>(I, ctx, sink, o);
        eng->install();
    }
    runtime::Value get(const char* name) { return main->dict->getStr(name); }
};

void engineBenchmarks(int64_t iterations) {
    std::printf("\nengine (targets: hit overhead <= 1 us, guard check <= 100 ns, 100-op recompile <= 1 ms)\n");
    for (bool record : {false, true}) {
        Bench b(record);
        b.main = b.I.runSource("<bench>", R"PY(
import torch
f = torch.compile(lambda x, y: x * y, backend="eager")
x = torch.randn(4)
y = torch.randn(4)
f(x, y)
)PY");
        runtime::Value f = b.get("f"), x = b.get("x"), y = b.get("y");
        int mul = b.ctx.opIndex("torch.mul");
        if (mul < 0) mul = b.ctx.opIndex("Tensor.__mul__");
        std::vector<runtime::Value> args{x, y};
        runtime::CallArgs ca{std::span<const runtime::Value>(args), {}};
        for (int64_t i = 0; i < 1000; ++i) b.I.call(f, ca);
        auto t0 = Clock::now();
        for (int64_t i = 0; i < iterations; ++i) b.I.call(f, ca);
        double perCall = seconds(t0, Clock::now()) / static_cast<double>(iterations) * 1e9;
        double perMul = 0;
        if (mul >= 0) {
            auto t1 = Clock::now();
            for (int64_t i = 0; i < iterations; ++i) b.ctx.runImpl(mul, ca);
            perMul = seconds(t1, Clock::now()) / static_cast<double>(iterations) * 1e9;
        }
        std::printf("  cache hit on x * y (4 elements)%s: %.0f ns per call, multiply alone %.0f ns, overhead %.0f ns\n",
                    record ? ", calls recorded for the session" : "", perCall, perMul, perCall - perMul);
        if (!record) {
            double ns = b.eng->benchGuardCheck(f, ca, iterations);
            std::printf("  guard tree evaluation alone: %.1f ns per call\n", ns);
        }
    }
    {
        Bench b(true);
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
        std::printf("  recompile of a 100-op function: %.3f ms per recompile (%d recompiles, %d entries in one cache)\n",
                    total / n * 1e3, n, n + 1);
    }
    {
        session::SessionBuilder sink;
        sink.setKeepCalls(false);
        engine::RunOptions o;
        o.out = [](std::string_view) {};
        o.limits.maxSteps = INT64_MAX / 2;
        o.limits.maxSeconds = 0;
        long before = peakRssKiB();
        auto t0 = Clock::now();
        engine::runScenario("<bench>", R"PY(
import torch
f = torch.compile(lambda x, y: x * y, backend="eager")
x = torch.randn(4)
y = torch.randn(4)
for i in range(1000000):
    f(x, y)
)PY",
                            sink, o);
        double s = seconds(t0, Clock::now());
        std::printf("  1,000,000 compiled calls in a scenario loop (recorded, calls not kept in memory): %.2f s, peak RSS %ld -> %ld KiB\n",
                    s, before, peakRssKiB());
    }
}

int benchCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    int64_t iterations = 1000000;
    opts.add_options()("help,h", "show this help")("iterations", po::value<int64_t>(&iterations)->default_value(iterations),
                                                   "calls per engine micro-benchmark")("interpreter-only", "skip the engine benchmarks");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).run(), vm);
        po::notify(vm);
    } catch (const std::exception& e) {
        std::cerr << "guardscope-cli bench: " << e.what() << "\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << "Usage: guardscope-cli bench [OPTIONS]\n\nPrints speed numbers measured on this machine.\n\n" << opts;
        return 0;
    }
    std::printf("interpreter (target: no slower than 2x CPython; best of 3 runs each)\n");
    std::printf("  %-20s %12s %12s %8s\n", "program", "guardscope", "python3", "ratio");
    for (const auto& p : kPrograms) {
        double g = timeGuardscope(p.source);
        for (int i = 1; i < 3; ++i) g = std::min(g, timeGuardscope(p.source));
        double py = timePython(p.source, 3);
        if (py > 0) std::printf("  %-20s %10.3f s %10.3f s %7.2fx\n", p.name, g, py, g / py);
        else std::printf("  %-20s %10.3f s %12s %8s\n", p.name, g, "n/a", "");
    }
    if (!vm.count("interpreter-only")) engineBenchmarks(iterations);
    return 0;
}

CommandRegistrar reg({"bench", "print speed numbers: interpreter vs python3, engine hit/guard/recompile costs", benchCommand});

} // namespace
} // namespace gs::cli
