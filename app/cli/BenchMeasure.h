#pragma once
// Measuring for `guardscope-cli bench`: each figure comes from a process of its own, so that its
// peak resident memory (getrusage's ru_maxrss of that process) stands beside its time.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gs::cli::bench {

struct Measurement {
    double cpuSeconds = -1;   // user + system CPU time of what was measured
    double wallSeconds = -1;
    long peakRssKiB = 0;      // of the process that did the work
    std::string value;        // free text the measured code reports (e.g. ns per call)
    std::string error;        // empty when the measurement worked
    bool ok() const { return error.empty(); }
};

// Runs `work` in a forked child. `work` measures itself (CPU and wall seconds, an optional
// value) and returns it; the child's peak RSS is added.
Measurement inChild(const std::function<Measurement()>& work);

// Runs argv as a child process (stdin, stdout and stderr to /dev/null unless captureStdout):
// its CPU time (user + system), wall time and peak RSS. A non-zero exit is an error.
Measurement runProcess(const std::vector<std::string>& argv, bool captureStdout = false);

// Best (least CPU, ties by wall) of `repeat` measurements; the peak RSS is the largest seen.
Measurement best(int repeat, const std::function<Measurement()>& one);

double processCpuSeconds();  // CPU time of this process so far
std::string selfExecutable();  // /proc/self/exe
bool haveCommand(const std::string& name);
std::string megabytes(long kib);  // "12.3 MB"

} // namespace gs::cli::bench

namespace gs::cli {
// The engine section of `bench` (BenchEngine.cpp): hit overhead, guards, recompiles, and a
// scenario of `calls` compiled calls recorded end to end.
void engineBenchmarks(int64_t iterations, int64_t calls);
} // namespace gs::cli
