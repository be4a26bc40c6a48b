// `guardscope-cli bench`: speed numbers, measured here and now (never asserted by tests). Every
// figure comes from a process of its own and has its peak resident memory beside it.
//   interpreter: three pure-Python programs in Guardscope and in python3 (if installed), CPU
//     time in-process (start-up left out on both sides) and as whole processes
//     (`python3 -S -E FILE` against `guardscope-cli run --no-record FILE`)
//   engine: cache-hit overhead with and without recording, guard evaluation, a 100-op recompile,
//     and a long scenario recorded end to end by `guardscope-cli run` (BenchEngine.cpp)
#include <boost/program_options.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/cli/BenchMeasure.h"
#include "app/cli/Command.h"
#include "core/runtime/Interpreter.h"

namespace po = boost::program_options;

namespace gs::cli {
namespace {

using bench::Measurement;

// A program of the interpreter benchmark; `N` in the source is replaced by its size.
struct Program {
    const char* name;
    const char* source;
    const char* inProcess;     // about 0.1-0.4 s in python3
    const char* wholeProcess;  // about 1 s in python3 (start-up is then a small part)
};

const Program kPrograms[] = {
    {"counting loop", R"PY(
def count(n):
    i = 0
    while i < n:
        i += 1
    total = 0
    for j in range(n):
        total += j
    return i + total

print(count(N))
)PY",
     "3000000", "9000000"},
    {"recursive fib", R"PY(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(N))
)PY",
     "27", "32"},
    {"method calls", R"PY(
class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self

    def value(self):
        return self.n


def run(n):
    c = Counter()
    for i in range(n):
        c.add(i)
    return c.value()

print(run(N))
)PY",
     "2000000", "16000000"},
};

std::string sized(const Program& p, const char* n) {
    std::string s = p.source;
    s.replace(s.find("(N)"), 3, std::string("(") + n + ")");
    return s;
}

Measurement guardscopeInProcess(const std::string& src) {
    return bench::inChild([&] {
        runtime::Interpreter I;
        runtime::InterpreterScope scope(I);
        I.limits().maxSteps = INT64_MAX / 2;
        I.limits().maxSeconds = 0;
        I.setOutput([](std::string_view) {});
        Measurement m;
        double c0 = bench::processCpuSeconds();
        auto w0 = std::chrono::steady_clock::now();
        I.runSource("<bench>", src);
        m.cpuSeconds = bench::processCpuSeconds() - c0;
        m.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        return m;
    });
}

// python3 measures its own CPU time around the program (start-up left out, as above).
Measurement pythonInProcess(const std::filesystem::path& file) {
    const char* code =
        "import sys, time\n"
        "src = open(sys.argv[1]).read()\n"
        "t = time.process_time(); w = time.perf_counter()\n"
        "exec(compile(src, sys.argv[1], 'exec'), {'__name__': '__main__'})\n"
        "print(time.process_time() - t, time.perf_counter() - w, file=sys.__stderr__)\n";
    // stdout of the program is dropped; the timing line goes to the captured stream.
    Measurement m = bench::runProcess({"sh", "-c", "exec python3 -S -E -c \"$0\" \"$1\" 2>&1 >/dev/null", code, file.string()},
                                      true);
    if (!m.ok()) return m;
    double cpu = -1, wall = -1;
    if (std::sscanf(m.value.c_str(), "%lf %lf", &cpu, &wall) != 2) m.error = "python3 printed no timing";
    m.cpuSeconds = cpu;
    m.wallSeconds = wall;
    m.value.clear();
    return m;
}

std::string cell(const Measurement& m) {
    if (!m.ok()) return "failed";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%7.3f s %9s", m.cpuSeconds, bench::megabytes(m.peakRssKiB).c_str());
    return buf;
}

void printRow(const char* name, const Measurement& g, const Measurement& p) {
    std::string ratio = g.ok() && p.ok() && p.cpuSeconds > 0 ? std::to_string(g.cpuSeconds / p.cpuSeconds) : "";
    if (!ratio.empty()) ratio = ratio.substr(0, ratio.find('.') + 3) + "x";
    std::printf("  %-16s %-22s %-22s %8s\n", name, cell(g).c_str(), p.ok() ? cell(p).c_str() : "n/a", ratio.c_str());
    if (!g.ok()) std::printf("    guardscope: %s\n", g.error.c_str());
}

void interpreterBenchmarks(int repeat, bool wholeProcess) {
    bool python = bench::haveCommand("python3");
    std::printf("interpreter: CPU time, best of %d runs, peak RSS of the process (target: at most 1.0x python3)\n", repeat);
    std::printf("  %-16s %-22s %-22s %8s\n", "in-process", "guardscope", "python3", "ratio");
    auto dir = std::filesystem::temp_directory_path() / ("guardscope-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    for (const auto& p : kPrograms) {
        std::string src = sized(p, p.inProcess);
        auto file = dir / "program.py";
        std::ofstream(file) << src;
        Measurement g = bench::best(repeat, [&] { return guardscopeInProcess(src); });
        Measurement py = python ? bench::best(repeat, [&] { return pythonInProcess(file); }) : Measurement{.error = "no python3"};
        printRow(p.name, g, py);
    }
    if (wholeProcess) {
        std::printf("  %-16s %-22s %-22s %8s\n", "whole process", "run --no-record", "python3 -S -E", "ratio");
        std::string self = bench::selfExecutable();
        for (const auto& p : kPrograms) {
            auto file = dir / (std::string(p.name).substr(0, std::string(p.name).find(' ')) + ".py");
            std::ofstream(file) << sized(p, p.wholeProcess);
            Measurement g = bench::best(repeat, [&] { return bench::runProcess({self, "run", "--no-record", file.string()}); });
            Measurement py = python ? bench::best(repeat, [&] { return bench::runProcess({"python3", "-S", "-E", file.string()}); })
                                    : Measurement{.error = "no python3"};
            printRow(p.name, g, py);
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

int benchCommand(const std::vector<std::string>& args) {
    po::options_description opts("Options");
    int64_t iterations = 1000000;
    int64_t calls = 10000000;
    int repeat = 3;
    opts.add_options()("help,h", "show this help")
        ("iterations", po::value<int64_t>(&iterations)->default_value(iterations), "calls per engine micro-benchmark")
        ("calls", po::value<int64_t>(&calls)->default_value(calls), "compiled calls of the recorded scenario")
        ("repeat", po::value<int>(&repeat)->default_value(repeat), "runs of each interpreter program (the best counts)")
        ("interpreter-only", "skip the engine benchmarks")
        ("engine-only", "skip the interpreter benchmarks")
        ("in-process-only", "skip the whole-process interpreter runs");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).run(), vm);
        po::notify(vm);
        if (iterations < 1 || calls < 1 || repeat < 1) throw std::invalid_argument("--iterations, --calls and --repeat must be at least 1");
    } catch (const std::exception& e) {
        std::cerr << "guardscope-cli bench: " << e.what() << "\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << "Usage: guardscope-cli bench [OPTIONS]\n\nPrints speed numbers measured on this machine, each with the peak\n"
                     "memory of the process that did the work.\n\n"
                  << opts;
        return 0;
    }
    if (!vm.count("engine-only")) interpreterBenchmarks(repeat, !vm.count("in-process-only"));
    if (!vm.count("interpreter-only")) engineBenchmarks(iterations, calls);
    return 0;
}

CommandRegistrar reg({"bench", "print speed numbers: interpreter vs python3, engine hit/guard/recompile costs, recording", benchCommand});

} // namespace
} // namespace gs::cli
